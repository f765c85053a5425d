"""The mentee's side: accept an invitation, see what is assigned, read notifications."""
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy import select, update

from ..domain.assignments import state
from ..extensions import db
from ..models import LinkStatus, MentorLink, Notification, utcnow
from ..store import get_catalog
from . import bp, services
from .detail import assignments_for
from .forms import ActionForm
from .services import comments_on


@bp.route("/join/<code>", methods=["GET", "POST"])
@login_required
def join(code: str):
    link = services.invite_by_code(code)
    if link is None:
        abort(404)
    form = ActionForm()
    usable = link.status is LinkStatus.PENDING and link.mentor_id != current_user.id
    if form.validate_on_submit() and usable:
        accept = request.form.get("decision", "")
        services.respond(link, current_user, accept == "accept")
        flash(f"You are now mentored by {link.mentor.name}." if accept == "accept"
              else "Invitation declined.", "success" if accept == "accept" else "info")
        return redirect(url_for("mentor.assigned"))
    return render_template("mentor/join.html", link=link, form=form, usable=usable)


@bp.get("/assigned")
@login_required
def assigned():
    items = assignments_for(current_user.id)
    return render_template("mentor/assigned.html", items=items, state=state, today=date.today(),
                           catalog=get_catalog(), links=services.links_of_mentee(current_user.id),
                           comments=comments_on(current_user.id), form=ActionForm())


@bp.post("/links/<int:link_id>/end")
@login_required
def end(link_id: int):
    if not ActionForm().validate_on_submit():
        abort(400)
    link = db.session.get(MentorLink, link_id)
    if link is None or current_user.id not in (link.mentor_id, link.mentee_id) \
            or link.status is not LinkStatus.ACTIVE:
        abort(404)
    services.end_link(link, current_user)
    flash("The mentoring relationship has ended. Its history stays readable.", "info")
    return redirect(url_for("mentor.dashboard" if current_user.id == link.mentor_id
                            else "mentor.assigned"))


@bp.get("/notifications")
@login_required
def notifications():
    rows = list(db.session.scalars(select(Notification).where(
        Notification.user_id == current_user.id).order_by(Notification.created_at.desc())
        .limit(50)))
    db.session.execute(update(Notification).where(
        Notification.user_id == current_user.id, Notification.read_at.is_(None))
        .values(read_at=utcnow()))
    db.session.commit()
    return render_template("mentor/notifications.html", rows=rows)
