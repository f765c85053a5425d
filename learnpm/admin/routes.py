from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from .. import mail, runtime_content
from ..account.services import delete_account, export_response
from ..auth.access import role_required
from ..auth.emails import reset_link, send_reset
from ..extensions import db
from ..models import Role, User
from ..quiz import reports
from ..store import get_catalog
from . import bp, services
from .forms import ImportForm, UserForm


def _targets(catalog) -> list[SelectChoice]:
    return [SelectChoice(f"{e.id}:{d.id}", d.name, optgroup=e.name)
            for e in catalog.exams.values() for d in e.domains]


def _text_of(raw: bytes, errors: list) -> str | None:
    limit = current_app.config["IMPORT_MAX_BYTES"]
    if len(raw) > limit:
        errors.append(f"The file is over {limit // 1024:,} KB. Split it and import the parts.")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        errors.append("The file is not UTF-8 text. Save it as UTF-8 and try again.")
        return None


@bp.route("/import", methods=["GET", "POST"])
@role_required(Role.ADMIN)
def import_questions():
    form = ImportForm()
    form.target.choices = _targets(get_catalog())
    report = None
    if form.validate_on_submit():
        bank, _, domain = form.target.data.partition(":")
        raw = form.file.data.read(current_app.config["IMPORT_MAX_BYTES"] + 1)
        text = _text_of(raw, form.file.errors)
        if text is not None:
            report = services.import_questions(form.file.data.filename, text, bank, domain,
                                               form.replace.data, current_user.id)
            if report.ok:
                flash(f"Imported {report.imported} questions into {bank}. Every server "
                      "serves them within a few seconds.", "success")
    return render_template("admin/import.html", form=form, report=report)


@bp.get("/")
@role_required(Role.ADMIN)
def index():
    catalog = get_catalog()
    users = list(db.session.scalars(select(User).order_by(User.name)))
    counts = {role: sum(1 for u in users if u.role is role) for role in Role}
    return render_template("admin/index.html", catalog=catalog, users=users, counts=counts,
                           roles=list(Role), user_form=UserForm(),
                           bank_files=runtime_content.bank_files(),
                           open_reports=reports.open_count(), mail_on=mail.enabled())


@bp.post("/users/<int:user_id>")
@role_required(Role.ADMIN)
def update_user(user_id: int):
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    form = UserForm()
    form.role.choices = [SelectChoice(r.value, r.value.capitalize()) for r in Role]
    if not form.validate_on_submit():
        abort(400)
    if user.id == current_user.id and (form.role.data != Role.ADMIN.value or not form.active.data):
        flash("You can't remove your own admin role or deactivate yourself.", "warning")
        return redirect(url_for("admin.index"))
    user.role, user.active = Role(form.role.data), form.active.data
    db.session.commit()
    flash(f"Saved {user.name}: {user.role.value}, {'active' if user.active else 'deactivated'}.",
          "success")
    return redirect(url_for("admin.index"))


@bp.post("/reload")
@role_required(Role.ADMIN)
def reload_content():
    services.reload_content()
    catalog = get_catalog()
    problems = len(catalog.errors)
    flash(f"Content reloaded: {len(catalog.modules)} modules, {len(catalog.questions)} questions"
          f"{f', {problems} problems (run content check)' if problems else ''}.",
          "warning" if problems else "success")
    return redirect(url_for("admin.index"))


@bp.post("/bank-files/<int:file_id>/delete")
@role_required(Role.ADMIN)
def delete_bank_file(file_id: int):
    name = services.delete_bank_file(file_id)
    if name is None:
        abort(404)
    flash(f"Removed {name}. Every server stops serving its questions within a few seconds.",
          "info")
    return redirect(url_for("admin.index"))


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


@bp.post("/users/<int:user_id>/reset-link")
@role_required(Role.ADMIN)
def send_reset_link(user_id: int):
    user = _user_or_404(user_id)
    if mail.enabled():
        send_reset(user)
        flash(f"A reset link is on its way to {user.email}.", "success")
    else:
        flash(f"Mail is off, so here is the link for {user.name} (it works once, for an hour): "
              f"{reset_link(user)}", "info")
    return redirect(url_for("admin.index"))


@bp.get("/users/<int:user_id>/export.json")
@role_required(Role.ADMIN)
def export_user(user_id: int):
    return export_response(_user_or_404(user_id))


@bp.get("/users/<int:user_id>/delete")
@role_required(Role.ADMIN)
def confirm_delete_user(user_id: int):
    return render_template("admin/delete_user.html", user=_user_or_404(user_id))


@bp.post("/users/<int:user_id>/delete")
@role_required(Role.ADMIN)
def delete_user(user_id: int):
    user = _user_or_404(user_id)
    if user.id == current_user.id:
        flash("Delete your own account from your account settings.", "warning")
        return redirect(url_for("admin.index"))
    delete_account(user)
    flash("The account and everything in it are deleted.", "info")
    return redirect(url_for("admin.index"))
