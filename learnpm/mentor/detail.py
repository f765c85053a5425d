"""One mentee, seen by their mentor: work, results, skills side by side, comments."""
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..auth.access import mentor_required
from ..domain.assignments import state
from ..extensions import db
from ..learn.services import completed_slugs
from ..models import (
    Assessment,
    Assignment,
    Attempt,
    CertificationRecord,
    Comment,
    MentorRating,
    Status,
)
from ..skills.services import latest_assessment
from ..store import get_catalog
from . import bp, services
from .forms import ActionForm, CommentForm
from .services import comments_on, mentor_ratings


def assignments_for(mentee_id: int, mentor_id: int | None = None) -> list[Assignment]:
    query = select(Assignment).where(Assignment.mentee_id == mentee_id)
    if mentor_id is not None:
        query = query.where(Assignment.mentor_id == mentor_id)
    return list(db.session.scalars(query.order_by(Assignment.completed_at.is_not(None),
                                                  Assignment.due_date.is_(None),
                                                  Assignment.due_date, Assignment.id)))


@bp.get("/mentees/<int:mentee_id>")
@mentor_required
def mentee(mentee_id: int):
    person = services.mentee_or_404(current_user.id, mentee_id)
    attempts = list(db.session.scalars(select(Attempt).where(
        Attempt.user_id == mentee_id, Attempt.status != Status.IN_PROGRESS)
        .order_by(Attempt.submitted_at.desc()).limit(10)))
    return render_template(
        "mentor/mentee.html", person=person, today=date.today(), state=state,
        assignments=assignments_for(mentee_id, current_user.id), attempts=attempts,
        assessment=latest_assessment(mentee_id), ratings=mentor_ratings(mentee_id),
        skills=get_catalog().skills, comments=comments_on(mentee_id),
        completed=len(completed_slugs(mentee_id)), catalog=get_catalog(),
        certifications=list(db.session.scalars(select(CertificationRecord).where(
            CertificationRecord.user_id == mentee_id))),
        comment_form=CommentForm(), action_form=ActionForm())


@bp.post("/mentees/<int:mentee_id>/ratings")
@mentor_required
def rate(mentee_id: int):
    person = services.mentee_or_404(current_user.id, mentee_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    skills = get_catalog().skills
    existing = {r.skill_id: r for r in db.session.scalars(select(MentorRating).where(
        MentorRating.mentor_id == current_user.id, MentorRating.mentee_id == mentee_id))}
    for skill in (skills.skills if skills else ()):
        level = request.form.get(f"skill-{skill.id}", type=int)
        if level not in (1, 2, 3, 4, 5):
            continue
        row = existing.get(skill.id) or MentorRating(mentor_id=current_user.id,
                                                     mentee_id=mentee_id, skill_id=skill.id)
        row.level = level
        db.session.add(row)
    services.notify(mentee_id, f"{current_user.name} rated your skills.", "/skills")
    db.session.commit()
    flash(f"Saved your ratings for {person.name}.", "success")
    return redirect(url_for("mentor.mentee", mentee_id=mentee_id) + "#skills")


@bp.post("/mentees/<int:mentee_id>/comments")
@mentor_required
def comment(mentee_id: int):
    services.mentee_or_404(current_user.id, mentee_id)
    form = CommentForm()
    if not form.validate_on_submit():
        flash("Write a comment first.", "warning")
        return redirect(url_for("mentor.mentee", mentee_id=mentee_id))
    subject, _, raw_id = form.subject.data.partition(":")
    model = {"assessment": Assessment, "attempt": Attempt}.get(subject)
    target = db.session.get(model, int(raw_id)) if model and raw_id.isdigit() else None
    if target is None or target.user_id != mentee_id:
        abort(404)  # only the mentee's own assessments and attempts can be commented on
    db.session.add(Comment(author_id=current_user.id, mentee_id=mentee_id, subject=subject,
                           subject_id=target.id, body=form.body.data))
    link = (url_for("quiz.result", attempt_id=target.id) if subject == "attempt"
            else url_for("skills.results"))
    services.notify(mentee_id, f"{current_user.name} commented on your {subject}.", link)
    db.session.commit()
    flash("Comment added; your mentee has been notified.", "success")
    return redirect(url_for("mentor.mentee", mentee_id=mentee_id))
