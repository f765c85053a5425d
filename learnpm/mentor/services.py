"""Mentoring relationships and who may see whom. Every mentee lookup goes through here."""
import secrets
from datetime import date

from flask import abort
from sqlalchemy import select
from sqlalchemy.orm import contains_eager

from ..extensions import db
from ..models import (
    Assignment,
    AssignmentKind,
    Cohort,
    CohortMember,
    Comment,
    LinkStatus,
    MentorLink,
    MentorRating,
    Notification,
    User,
    utcnow,
)


def active_link(mentor_id: int, mentee_id: int) -> MentorLink | None:
    return db.session.scalar(select(MentorLink).where(
        MentorLink.mentor_id == mentor_id, MentorLink.mentee_id == mentee_id,
        MentorLink.status == LinkStatus.ACTIVE))


def mentee_or_404(mentor_id: int, mentee_id: int) -> User:
    """A mentor sees a mentee only while the relationship is active; otherwise: not found."""
    link = active_link(mentor_id, mentee_id)
    if link is None:
        abort(404)
    return db.session.get(User, mentee_id)


def active_links(mentor_id: int) -> list[MentorLink]:
    return list(db.session.scalars(
        select(MentorLink).where(MentorLink.mentor_id == mentor_id,
                                 MentorLink.status == LinkStatus.ACTIVE)
        .join(User, User.id == MentorLink.mentee_id).order_by(User.name)
        .options(contains_eager(MentorLink.mentee))))


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
    if accept:
        notify(link.mentor_id, f"{mentee.name} accepted your mentoring invitation.",
               f"/mentoring/mentees/{mentee.id}")
    db.session.commit()


def end_link(link: MentorLink, by: User) -> None:
    link.status, link.ended_at = LinkStatus.ENDED, utcnow()
    other = link.mentee_id if by.id == link.mentor_id else link.mentor_id
    if other:
        notify(other, f"{by.name} ended the mentoring relationship.", "/mentoring/mine")
    db.session.commit()


def links_of_mentee(mentee_id: int) -> list[MentorLink]:
    return list(db.session.scalars(select(MentorLink).where(
        MentorLink.mentee_id == mentee_id,
        MentorLink.status.in_([LinkStatus.ACTIVE, LinkStatus.ENDED]))
        .order_by(MentorLink.created_at.desc())))


def notify(user_id: int, message: str, link: str = "") -> None:
    """Queue an in-app notification; the caller commits."""
    db.session.add(Notification(user_id=user_id, message=message[:300], link=link))


def cohorts(mentor_id: int) -> list[Cohort]:
    return list(db.session.scalars(select(Cohort).where(Cohort.mentor_id == mentor_id)
                                   .order_by(Cohort.name)))


def cohort_members(mentor_id: int) -> dict[int, set[int]]:
    """Mentee ids per cohort of this mentor (active relationships only)."""
    rows = db.session.execute(
        select(CohortMember.cohort_id, MentorLink.mentee_id)
        .join(MentorLink, MentorLink.id == CohortMember.link_id)
        .join(Cohort, Cohort.id == CohortMember.cohort_id)
        .where(Cohort.mentor_id == mentor_id, MentorLink.status == LinkStatus.ACTIVE))
    members: dict[int, set[int]] = {}
    for cohort_id, mentee_id in rows:
        members.setdefault(cohort_id, set()).add(mentee_id)
    return members


def assign(mentor_id: int, mentee_ids: list[int], kind: AssignmentKind, target: str,
           due: date | None, note: str, cohort_id: int | None = None) -> list[Assignment]:
    created = [Assignment(mentor_id=mentor_id, mentee_id=m, kind=kind, target=target,
                          due_date=due, note=note, cohort_id=cohort_id) for m in mentee_ids]
    db.session.add_all(created)
    for mentee_id in mentee_ids:
        notify(mentee_id, f"New assignment from your mentor{f' (due {due:%d %b})' if due else ''}.",
               "/mentoring/assigned")
    db.session.commit()
    return created


def comments_on(mentee_id: int) -> dict[tuple[str, int], list[Comment]]:
    """A mentee's comment threads, keyed by (subject, subject id), oldest comment first."""
    grouped: dict[tuple[str, int], list[Comment]] = {}
    for comment in db.session.scalars(select(Comment).where(Comment.mentee_id == mentee_id)
                                      .order_by(Comment.created_at)):
        grouped.setdefault((comment.subject, comment.subject_id), []).append(comment)
    return grouped


def mentor_ratings(mentee_id: int) -> dict[str, int]:
    """skill id -> level, as this mentee's mentors rated them (the latest wins)."""
    rows = db.session.scalars(select(MentorRating).where(MentorRating.mentee_id == mentee_id)
                              .order_by(MentorRating.updated_at))
    return {r.skill_id: r.level for r in rows}
