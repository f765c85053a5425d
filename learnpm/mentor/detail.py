"""One mentee, seen by their mentor: work, results, skills side by side, comments."""
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from .. import feedback
from ..auth.access import role_required
from ..domain.assignments import state
from ..learn.services import completed_slugs
from ..models import Role
from ..quiz.plans import latest_plan
from ..skills.services import latest_assessment
from ..store import get_catalog
from . import bp, services
from .forms import CommentForm

LEVELS = range(1, 6)


@bp.get("/mentees/<int:mentee_id>")
@role_required(Role.MENTOR)
def mentee(mentee_id: int):
    person = services.mentee_or_404(current_user.id, mentee_id)
    return render_template(
        "mentor/mentee.html", person=person, today=date.today(), state=state,
        assignments=services.assignments_for(mentee_id, current_user.id),
        attempts=services.recent_results(mentee_id), assessment=latest_assessment(mentee_id),
        ratings=feedback.mentor_ratings(mentee_id), skills=get_catalog().skills,
        comments=feedback.comments_on(mentee_id), completed=len(completed_slugs(mentee_id)),
        catalog=get_catalog(), certifications=services.certification_records(mentee_id),
        result=latest_plan(mentee_id), actions=False, comment_form=CommentForm())


@bp.post("/mentees/<int:mentee_id>/ratings")
@role_required(Role.MENTOR)
def rate(mentee_id: int):
    person = services.mentee_or_404(current_user.id, mentee_id)
    skills = get_catalog().skills
    given = {s.id: request.form.get(f"skill-{s.id}", type=int)
             for s in (skills.skills if skills else ())}
    levels = {skill: level for skill, level in given.items() if level is not None
              and level in LEVELS}
    services.rate_skills(current_user, mentee_id, levels)
    flash(f"Saved your ratings for {person.name}.", "success")
    return redirect(url_for("mentor.mentee", mentee_id=mentee_id, _anchor="skills"))


@bp.post("/mentees/<int:mentee_id>/comments")
@role_required(Role.MENTOR)
def comment(mentee_id: int):
    services.mentee_or_404(current_user.id, mentee_id)
    form = CommentForm()
    if not form.validate_on_submit():
        flash("Write a comment first.", "warning")
        return redirect(url_for("mentor.mentee", mentee_id=mentee_id))
    subject, subject_id = form.target()
    if subject is None or not feedback.commentable(mentee_id, subject, subject_id):
        abort(404)  # only the mentee's own assessments and attempts can be commented on
    services.comment(current_user, mentee_id, subject, subject_id, form.body.data)
    flash("Comment added; your mentee has been notified.", "success")
    return redirect(url_for("mentor.mentee", mentee_id=mentee_id))
