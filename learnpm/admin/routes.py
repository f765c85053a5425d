from flask import abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select
from wtforms import SelectChoice

from ..auth.access import role_required
from ..catalog.bank_import import import_bank_file
from ..extensions import db
from ..models import Role, User
from ..store import get_store
from . import bp
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
    store = get_store()
    form = ImportForm()
    form.target.choices = _targets(store.catalog)
    report = None
    if form.validate_on_submit():
        bank, _, domain = form.target.data.partition(":")
        raw = form.file.data.read(current_app.config["IMPORT_MAX_BYTES"] + 1)
        text = _text_of(raw, form.file.errors)
        if text is not None:
            report = import_bank_file(store.content_dir, store.catalog, form.file.data.filename,
                                      text, bank, domain, form.replace.data)
            if report.ok:
                store.reload()
                flash(f"Imported {report.imported} questions into {bank}.", "success")
    return render_template("admin/import.html", form=form, report=report)


@bp.get("/")
@role_required(Role.ADMIN)
def index():
    catalog = get_store().catalog
    users = list(db.session.scalars(select(User).order_by(User.name)))
    counts = {role: sum(1 for u in users if u.role is role) for role in Role}
    return render_template("admin/index.html", catalog=catalog, users=users, counts=counts,
                           roles=list(Role), user_form=UserForm())


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
    catalog = get_store().reload()
    problems = len(catalog.errors)
    flash(f"Content reloaded: {len(catalog.modules)} modules, {len(catalog.questions)} questions"
          f"{f', {problems} problems (run content check)' if problems else ''}.",
          "warning" if problems else "success")
    return redirect(url_for("admin.index"))
