"""The mentee's side: accept an invitation, see what is assigned, read notifications."""
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from .. import feedback
from ..domain.assignments import state
from ..models import LinkStatus
from ..notifications import read_latest
from ..store import get_catalog
from . import bp, services


@bp.route("/join/<code>", methods=["GET", "POST"])
@login_required
def join(code: str):
    link = services.invite_by_code(code)
    if link is None:
        abort(404)
    usable = link.status is LinkStatus.PENDING and link.mentor_id != current_user.id
    if request.method == "POST" and usable:
        accept = request.form.get("decision", "") == "accept"
        services.respond(link, current_user, accept)
        mentor = link.mentor.name if link.mentor else "your mentor"
        flash(f"You are now mentored by {mentor}." if accept
              else "Invitation declined.", "success" if accept else "info")
        return redirect(url_for("mentor.assigned"))
    return render_template("mentor/join.html", link=link, usable=usable)


@bp.get("/assigned")
@login_required
def assigned():
    return render_template("mentor/assigned.html", items=services.assignments_for(current_user.id),
                           state=state, today=date.today(), catalog=get_catalog(),
                           links=services.links_of_mentee(current_user.id),
                           comments=feedback.comments_on(current_user.id))


@bp.post("/links/<int:link_id>/end")
@login_required
def end(link_id: int):
    link = services.link_of_participant(link_id, current_user.id)
    if link is None:
        abort(404)
    services.end_link(link, current_user)
    flash("The mentoring relationship has ended. Its history stays readable.", "info")
    return redirect(url_for("mentor.dashboard" if current_user.id == link.mentor_id
                            else "mentor.assigned"))


@bp.get("/notifications")
@login_required
def notifications():
    return render_template("mentor/notifications.html", rows=read_latest(current_user.id))
