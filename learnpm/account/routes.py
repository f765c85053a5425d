"""Account settings: password, e-mail address, reminders, calendar feed, and your data."""
from datetime import date
from typing import Any

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from .. import mail, reminders
from ..auth.emails import send_confirmation
from ..auth.services import user_by_email
from ..auth.tokens import Purpose, TokenError, read
from ..extensions import csrf
from ..models import ReminderKind
from . import bp, services
from .calendar import feed
from .forms import DeleteForm, EmailForm, PasswordForm, RemindersForm


def _reminders_form(formdata: bool = False) -> RemindersForm:
    if formdata:
        return RemindersForm()
    on = reminders.enabled_kinds(current_user.id)
    return RemindersForm(formdata=None, data={k.value: k.value in on for k in ReminderKind})


def _settings(status: int = 200, **forms: Any):
    context = {"password_form": PasswordForm(formdata=None),
               "email_form": EmailForm(formdata=None), "reminders_form": _reminders_form(),
               "delete_form": DeleteForm(formdata=None), "mail_on": mail.enabled(), **forms}
    return render_template("account/settings.html", **context), status


@bp.get("")
@login_required
def settings():
    return _settings()


@bp.post("/password")
@login_required
def change_password():
    form = PasswordForm(email=current_user.email)
    if form.validate_on_submit() and not current_user.check_password(form.current.data):
        form.current.errors.append("That is not your current password.")
    if form.errors or not form.is_submitted():
        return _settings(422, password_form=form)
    services.change_password(current_user, form.password.data)
    login_user(current_user)  # this session goes on with the new token; the others end
    flash("Your password is changed. Every other place you were signed in is signed out.",
          "success")
    return redirect(url_for("account.settings"))


@bp.post("/email")
@login_required
def change_email():
    form = EmailForm()
    if form.validate_on_submit():
        new = form.email.data.strip().lower()
        if not current_user.check_password(form.current.data):
            form.current.errors.append("That is not your password.")
        elif new == current_user.email:
            form.email.errors.append("That is already your address.")
        elif user_by_email(new):
            form.email.errors.append("Another account uses that address.")
        else:
            send_confirmation(current_user, new)
            flash(f"We sent a link to {new}. Your address changes when you open it; until "
                  "then we keep using the current one.", "info")
            return redirect(url_for("account.settings"))
    return _settings(422, email_form=form)


@bp.post("/confirm/resend")
@login_required
def resend_confirmation():
    if current_user.email_confirmed_at is None:
        send_confirmation(current_user)
        flash(f"We sent a new confirmation link to {current_user.email}.", "info")
    return redirect(url_for("account.settings"))


@bp.get("/confirm/<token>")
def confirm(token: str):
    try:
        user, data = read(token, Purpose.CONFIRM)
    except TokenError as problem:
        return render_template("account/link_problem.html", problem=str(problem)), 400
    if not services.confirm_email(user, str(data.get("email", user.email))):
        return render_template("account/link_problem.html", problem=(
            "Another account now uses that address, so it cannot be confirmed for yours.")), 409
    flash(f"Thank you: {user.email} is confirmed.", "success")
    return redirect(url_for("account.settings" if current_user.is_authenticated
                            else "auth.login"))


@bp.post("/reminders")
@login_required
def save_reminders():
    form = _reminders_form(formdata=True)
    if not form.validate_on_submit():
        abort(400)
    for kind in ReminderKind:
        if kind is ReminderKind.MENTOR_SUMMARY and not current_user.is_mentor:
            continue
        reminders.set_kind(current_user.id, kind, bool(form[kind.value].data))
    flash("Reminder choices saved.", "success")
    return redirect(url_for("account.settings", _anchor="reminders"))


@bp.route("/unsubscribe/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed link is the proof; mail clients post here for one-click unsubscribe
def unsubscribe(token: str):
    """GET asks (link scanners in mail systems open links, and must not unsubscribe anyone);
    POST acts: from that page, or straight from a mail client (RFC 8058 one-click)."""
    try:
        user, data = read(token, Purpose.UNSUBSCRIBE)
        kind = ReminderKind(str(data.get("kind")))
    except (TokenError, ValueError):
        return render_template("account/link_problem.html", problem=(
            "This unsubscribe link is not valid. You can choose your reminders in your "
            "account settings.")), 400
    state = "asking"
    if request.method == "POST":
        state = "resubscribed" if request.form.get("resubscribe") == "1" else "unsubscribed"
        reminders.set_kind(user.id, kind, enabled=state == "resubscribed")
    return render_template("account/unsubscribed.html", kind=kind, token=token, state=state)


@bp.post("/calendar")
@login_required
def calendar_on():
    services.new_calendar_token(current_user)
    flash("Your calendar address is ready below. Anyone with it can see your dates: keep it to "
          "yourself, and make a new one if it leaks.", "success")
    return redirect(url_for("account.settings", _anchor="calendar"))


@bp.post("/calendar/revoke")
@login_required
def calendar_off():
    services.revoke_calendar(current_user)
    flash("Your calendar address no longer works.", "info")
    return redirect(url_for("account.settings", _anchor="calendar"))


@bp.get("/calendar/<token>.ics")
def calendar_feed(token: str):
    user = services.user_by_calendar_token(token)
    if user is None:
        abort(404)
    return Response(feed(user, date.today()), mimetype="text/calendar",
                    headers={"Cache-Control": "private, max-age=900"})


@bp.get("/export.json")
@login_required
def export():
    return services.export_response(current_user)


@bp.post("/delete")
@login_required
def delete():
    form = DeleteForm()
    if form.validate_on_submit() and not current_user.check_password(form.current.data):
        form.current.errors.append("That is not your password.")
    if form.errors or not form.is_submitted():
        return _settings(422, delete_form=form)
    user = current_user._get_current_object()
    logout_user()
    services.delete_account(user)
    flash("Your account and everything in it are deleted. Thank you for learning with us.",
          "info")
    return redirect(url_for("main.home"))
