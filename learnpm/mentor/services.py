"""Mentoring relationships and who may see whom. Every mentee lookup goes through here,
and so does every write the mentoring pages make."""
import secrets
from datetime import date

from flask import abort, url_for
from sqlalchemy import select
from sqlalchemy.orm import contains_eager, selectinload

from .. import feedback
from ..extensions import db
from ..models import (
    Assignment,
    AssignmentKind,
    Attempt,
    CertificationRecord,
    Cohort,
    CohortMember,
    CommentSubject,
    LinkStatus,
    MentorLink,
    Status,
    User,
    utcnow,
)
from ..notifications import notify


def active_link(mentor_id: int, mentee_id: int) -> MentorLink | None:
    return db.session.scalar(select(MentorLink).where(
        MentorLink.mentor_id == mentor_id, MentorLink.mentee_id == mentee_id,
        MentorLink.status == LinkStatus.ACTIVE))


def mentee_or_404(mentor_id: int, mentee_id: int) -> User:
    """A mentor sees a mentee only while the relationship is active; otherwise: not found."""
    link = db.session.scalar(
        select(MentorLink).where(MentorLink.mentor_id == mentor_id,
                                 MentorLink.mentee_id == mentee_id,
                                 MentorLink.status == LinkStatus.ACTIVE)
        .options(selectinload(MentorLink.mentee)))
    if link is None or link.mentee is None:
        abort(404)
    return link.mentee


def active_links(mentor_id: int) -> list[MentorLink]:
    return list(db.session.scalars(
        select(MentorLink).where(MentorLink.mentor_id == mentor_id,
                                 MentorLink.status == LinkStatus.ACTIVE)
        .join(User, User.id == MentorLink.mentee_id).order_by(User.name)
        .options(contains_eager(MentorLink.mentee))))


def ended_links(mentor_id: int) -> list[MentorLink]:
    """Past relationships, newest first; a deleted mentee shows as "a former mentee"."""
    return list(db.session.scalars(select(MentorLink).where(
        MentorLink.mentor_id == mentor_id, MentorLink.status == LinkStatus.ENDED)
        .order_by(MentorLink.ended_at.desc()).options(selectinload(MentorLink.mentee))))


def pending_invites(mentor_id: int) -> list[MentorLink]:
    return list(db.session.scalars(select(MentorLink).where(
        MentorLink.mentor_id == mentor_id, MentorLink.status == LinkStatus.PENDING)
        .order_by(MentorLink.created_at.desc())))


def create_invite(mentor_id: int, message: str) -> MentorLink:
    link = MentorLink(mentor_id=mentor_id, code=secrets.token_urlsafe(16), message=message)
    db.session.add(link)
    db.session.commit()
    return link


def invite_by_code(code: str) -> MentorLink | None:
    return db.session.scalar(select(MentorLink).where(MentorLink.code == code))


def respond(link: MentorLink, mentee: User, accept: bool) -> None:
    link.mentee_id = mentee.id
    link.status = LinkStatus.ACTIVE if accept else LinkStatus.DECLINED
    link.responded_at = utcnow()
    if accept and link.mentor_id:
        notify(link.mentor_id, f"{mentee.name} accepted your mentoring invitation.",
               url_for("mentor.mentee", mentee_id=mentee.id))
    db.session.commit()


def link_of_participant(link_id: int, user_id: int) -> MentorLink | None:
    """An active relationship the user is one side of."""
    return db.session.scalar(select(MentorLink).where(
        MentorLink.id == link_id, MentorLink.status == LinkStatus.ACTIVE,
        (MentorLink.mentor_id == user_id) | (MentorLink.mentee_id == user_id)))


def end_link(link: MentorLink, by: User) -> None:
    link.status, link.ended_at = LinkStatus.ENDED, utcnow()
    if by.id == link.mentor_id and link.mentee_id:
        notify(link.mentee_id, f"{by.name} ended the mentoring relationship.",
               url_for("mentor.assigned"))
    elif by.id == link.mentee_id and link.mentor_id:
        notify(link.mentor_id, f"{by.name} ended the mentoring relationship.",
               url_for("mentor.dashboard"))
    db.session.commit()


def links_of_mentee(mentee_id: int) -> list[MentorLink]:
    return list(db.session.scalars(select(MentorLink).where(
        MentorLink.mentee_id == mentee_id,
        MentorLink.status.in_([LinkStatus.ACTIVE, LinkStatus.ENDED]))
        .order_by(MentorLink.created_at.desc()).options(selectinload(MentorLink.mentor))))


def cohorts(mentor_id: int) -> list[Cohort]:
    return list(db.session.scalars(select(Cohort).where(Cohort.mentor_id == mentor_id)
                                   .order_by(Cohort.name)))


def create_cohort(mentor_id: int, name: str) -> Cohort:
    cohort = Cohort(mentor_id=mentor_id, name=name)
    db.session.add(cohort)
    db.session.commit()
    return cohort


def add_to_cohort(cohort_id: int, link: MentorLink) -> None:
    """Idempotent: adding a mentee twice keeps one membership."""
    if not db.session.get(CohortMember, (cohort_id, link.id)):
        db.session.add(CohortMember(cohort_id=cohort_id, link_id=link.id))
        db.session.commit()


def cohort_members(mentor_id: int) -> dict[int, set[int]]:
    """Mentee ids per cohort of this mentor (active relationships only)."""
    rows = db.session.execute(
        select(CohortMember.cohort_id, MentorLink.mentee_id)
        .join(MentorLink, MentorLink.id == CohortMember.link_id)
        .join(Cohort, Cohort.id == CohortMember.cohort_id)
        .where(Cohort.mentor_id == mentor_id, MentorLink.status == LinkStatus.ACTIVE))
    members: dict[int, set[int]] = {}
    for cohort_id, mentee_id in rows:
        if mentee_id is not None:
            members.setdefault(cohort_id, set()).add(mentee_id)
    return members


def assign(mentor_id: int, mentee_ids: list[int], kind: AssignmentKind, target: str,
           due: date | None, note: str, cohort_id: int | None = None,
           size: int | None = None) -> list[Assignment]:
    created = [Assignment(mentor_id=mentor_id, mentee_id=m, kind=kind, target=target,
                          due_date=due, note=note, cohort_id=cohort_id, size=size)
               for m in mentee_ids]
    db.session.add_all(created)
    for mentee_id in mentee_ids:
        notify(mentee_id, f"New assignment from your mentor{f' (due {due:%d %b})' if due else ''}.",
               url_for("mentor.assigned"))
    db.session.commit()
    return created


def assignments_for(mentee_id: int, mentor_id: int | None = None) -> list[Assignment]:
    """A mentee's assignments (from one mentor, or all), open ones first by due date."""
    query = select(Assignment).where(Assignment.mentee_id == mentee_id)
    if mentor_id is not None:
        query = query.where(Assignment.mentor_id == mentor_id)
    return list(db.session.scalars(query.order_by(Assignment.completed_at.is_not(None),
                                                  Assignment.due_date.is_(None),
                                                  Assignment.due_date, Assignment.id)))


def delete_assignment(mentor_id: int, assignment_id: int) -> int | None:
    """Remove one of this mentor's assignments; the mentee's id, or None if not theirs."""
    item = db.session.scalar(select(Assignment).where(
        Assignment.id == assignment_id, Assignment.mentor_id == mentor_id))
    if item is None:
        return None
    mentee_id = item.mentee_id
    db.session.delete(item)
    db.session.commit()
    return mentee_id


def recent_results(mentee_id: int, limit: int = 10) -> list[Attempt]:
    return list(db.session.scalars(select(Attempt).where(
        Attempt.user_id == mentee_id, Attempt.status != Status.IN_PROGRESS)
        .order_by(Attempt.submitted_at.desc()).limit(limit)))


def certification_records(mentee_id: int) -> list[CertificationRecord]:
    return list(db.session.scalars(select(CertificationRecord).where(
        CertificationRecord.user_id == mentee_id).order_by(CertificationRecord.cert_id)))


def rate_skills(mentor: User, mentee_id: int, levels: dict[str, int]) -> None:
    feedback.save_ratings(mentor.id, mentee_id, levels)
    notify(mentee_id, f"{mentor.name} rated your skills.", url_for("skills.results"))
    db.session.commit()


def comment(mentor: User, mentee_id: int, subject: CommentSubject, subject_id: int,
            body: str) -> None:
    feedback.add_comment(mentor.id, mentee_id, subject, subject_id, body)
    link = (url_for("quiz.result", attempt_id=subject_id) if subject is CommentSubject.ATTEMPT
            else url_for("skills.results"))
    notify(mentee_id, f"{mentor.name} commented on your {subject.value}.", link)
    db.session.commit()
