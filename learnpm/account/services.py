"""Account changes, and a person's data: all of it to take away, or none of it left behind."""
import json
import secrets
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from flask import Response
from sqlalchemy import delete, inspect, or_, select, update

from ..extensions import Model, db
from ..models import (
    Assessment,
    Assignment,
    Attempt,
    AttemptItem,
    CareerGoal,
    CertificationRecord,
    Comment,
    EducationEntry,
    ExamDate,
    ExperienceEntry,
    JournalEntry,
    LearnerProfile,
    LinkStatus,
    MentorLink,
    MentorRating,
    ModuleProgress,
    Notification,
    QuestionReport,
    ReminderSetting,
    RenewalActivity,
    ReviewCard,
    SkillRating,
    Star,
    User,
    utcnow,
)
from ..notifications import notify

# Everything a person owns, by the column that names them: what the export holds.
OWNED: tuple[tuple[str, type[Model], str], ...] = (
    ("module_progress", ModuleProgress, "user_id"),
    ("attempts", Attempt, "user_id"),
    ("review_cards", ReviewCard, "user_id"),
    ("stars", Star, "user_id"),
    ("error_journal", JournalEntry, "user_id"),
    ("exam_dates", ExamDate, "user_id"),
    ("self_assessments", Assessment, "user_id"),
    ("career_profile", LearnerProfile, "user_id"),
    ("career_goals", CareerGoal, "user_id"),
    ("certifications", CertificationRecord, "user_id"),
    ("education", EducationEntry, "user_id"),
    ("experience", ExperienceEntry, "user_id"),
    ("renewal_activities", RenewalActivity, "user_id"),
    ("assignments_received", Assignment, "mentee_id"),
    ("comments_received", Comment, "mentee_id"),
    ("mentor_ratings_received", MentorRating, "mentee_id"),
    ("notifications", Notification, "user_id"),
    ("question_reports", QuestionReport, "user_id"),
    ("reminder_settings", ReminderSetting, "user_id"),
)
PROFILE_FIELDS = ("email", "name", "job_title", "bio", "role", "created_at",
                  "email_confirmed_at")
NEVER_EXPORTED = {"password_hash", "session_token", "calendar_token"}


def change_password(user: User, password: str) -> None:
    """A new password, and a new session token: every other session is signed out."""
    user.set_password(password)
    db.session.commit()


def confirm_email(user: User, email: str) -> bool:
    """Confirm (or switch to) `email`; False if another account took it meanwhile."""
    taken = db.session.scalar(select(User.id).where(User.email == email, User.id != user.id))
    if taken:
        return False
    user.email, user.email_confirmed_at = email, utcnow()
    db.session.commit()
    return True


def new_calendar_token(user: User) -> str:
    user.calendar_token = secrets.token_urlsafe(32)
    db.session.commit()
    return user.calendar_token


def revoke_calendar(user: User) -> None:
    user.calendar_token = None
    db.session.commit()


def user_by_calendar_token(token: str) -> User | None:
    return db.session.scalar(select(User).where(User.calendar_token == token,
                                                User.active.is_(True)))


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    return value


def _row(row: Model) -> dict[str, Any]:
    return {column.key: _plain(getattr(row, column.key))
            for column in inspect(type(row)).column_attrs if column.key not in NEVER_EXPORTED}


def export_data(user: User) -> dict[str, Any]:
    """Everything LearnPM holds about a person, one query a kind of record."""
    data: dict[str, Any] = {"format": "LearnPM personal data export, version 1",
                            "exported_at": utcnow().isoformat(),
                            "profile": {f: _plain(getattr(user, f)) for f in PROFILE_FIELDS}}
    for name, model, column in OWNED:
        rows = list(db.session.scalars(select(model).where(getattr(model, column) == user.id)))
        data[name] = [_row(r) for r in rows]
    attempt_ids = [a["id"] for a in data["attempts"]]
    items: dict[int, list[dict[str, Any]]] = {}
    for item in db.session.scalars(select(AttemptItem).where(
            AttemptItem.attempt_id.in_(attempt_ids))):
        items.setdefault(item.attempt_id, []).append(_row(item))
    for attempt in data["attempts"]:
        attempt["items"] = items.get(attempt["id"], [])
    assessment_ids = [a["id"] for a in data["self_assessments"]]
    ratings: dict[int, list[dict[str, Any]]] = {}
    for rating in db.session.scalars(select(SkillRating).where(
            SkillRating.assessment_id.in_(assessment_ids))):
        ratings.setdefault(rating.assessment_id, []).append(_row(rating))
    for assessment in data["self_assessments"]:
        assessment["ratings"] = ratings.get(assessment["id"], [])
    data["mentoring"] = [_row(link) for link in db.session.scalars(select(MentorLink).where(
        or_(MentorLink.mentor_id == user.id, MentorLink.mentee_id == user.id)))]
    return data


def export_response(user: User) -> Response:
    body = json.dumps(export_data(user), indent=2, ensure_ascii=False)
    return Response(body, mimetype="application/json", headers={
        "Content-Disposition": f'attachment; filename="learnpm-data-{user.id}.json"',
        "Cache-Control": "no-store"})


def delete_account(user: User) -> None:
    """Remove a person and everything that is theirs. Mentors keep "a former mentee" (and
    mentees "a former mentor") in their history; nothing identifying is left."""
    others = set(db.session.scalars(select(MentorLink.mentor_id).where(
        MentorLink.mentee_id == user.id))) | set(db.session.scalars(select(
            MentorLink.mentee_id).where(MentorLink.mentor_id == user.id)))
    others.discard(None)
    # Notifications that name them, in the inboxes of the people they worked with.
    db.session.execute(delete(Notification).where(
        Notification.user_id.in_(others), Notification.message.startswith(f"{user.name} ")))
    for other in db.session.scalars(select(MentorLink).where(
            MentorLink.status == LinkStatus.ACTIVE,
            or_(MentorLink.mentor_id == user.id, MentorLink.mentee_id == user.id))):
        other_side = other.mentor_id if other.mentee_id == user.id else other.mentee_id
        if other_side:
            notify(other_side, "A former mentee has deleted their account."
                   if other.mentee_id == user.id else
                   "A former mentor has deleted their account.")
    db.session.execute(update(MentorLink).where(
        MentorLink.status == LinkStatus.ACTIVE,
        or_(MentorLink.mentor_id == user.id, MentorLink.mentee_id == user.id))
        .values(status=LinkStatus.ENDED, ended_at=utcnow()))
    db.session.execute(delete(MentorLink).where(MentorLink.mentor_id == user.id,
                                                MentorLink.status == LinkStatus.PENDING))
    db.session.execute(delete(User).where(User.id == user.id))  # the rest cascades
    db.session.commit()
