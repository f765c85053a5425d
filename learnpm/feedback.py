"""What mentors leave for their mentees: comments and skill ratings.

Mentoring writes them; the skills and quiz pages show them to the mentee. Both sides import
this module, so neither feature needs the other.
"""
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .extensions import db
from .models import Assessment, Attempt, Comment, CommentSubject, MentorRating

SUBJECTS: dict[CommentSubject, type[Assessment] | type[Attempt]] = {
    CommentSubject.ASSESSMENT: Assessment, CommentSubject.ATTEMPT: Attempt}
Thread = list[Comment]


def comments_on(mentee_id: int) -> dict[tuple[CommentSubject, int], Thread]:
    """A mentee's comment threads, keyed by (subject, subject id), oldest comment first."""
    grouped: dict[tuple[CommentSubject, int], Thread] = {}
    for comment in db.session.scalars(
            select(Comment).where(Comment.mentee_id == mentee_id)
            .order_by(Comment.created_at, Comment.id).options(selectinload(Comment.author))):
        grouped.setdefault((comment.subject, comment.subject_id), []).append(comment)
    return grouped


def thread(mentee_id: int, subject: CommentSubject, subject_id: int) -> Thread:
    return list(db.session.scalars(
        select(Comment).where(Comment.mentee_id == mentee_id, Comment.subject == subject,
                              Comment.subject_id == subject_id)
        .order_by(Comment.created_at, Comment.id).options(selectinload(Comment.author))))


def commentable(mentee_id: int, subject: CommentSubject, subject_id: int) -> bool:
    """Only the mentee's own assessments and attempts can be commented on."""
    model = SUBJECTS[subject]
    owner = db.session.scalar(select(model.user_id).where(model.id == subject_id))
    return owner == mentee_id


def add_comment(author_id: int, mentee_id: int, subject: CommentSubject, subject_id: int,
                body: str) -> None:
    """Queue a comment in the caller's transaction (the caller commits)."""
    db.session.add(Comment(author_id=author_id, mentee_id=mentee_id, subject=subject,
                           subject_id=subject_id, body=body))


def mentor_ratings(mentee_id: int) -> dict[str, int]:
    """skill id -> level, as this mentee's mentors rated them (the latest wins)."""
    rows = db.session.scalars(select(MentorRating).where(MentorRating.mentee_id == mentee_id)
                              .order_by(MentorRating.updated_at, MentorRating.id))
    return {r.skill_id: r.level for r in rows}


def save_ratings(mentor_id: int, mentee_id: int, levels: dict[str, int]) -> None:
    """Set this mentor's rating of each skill given; the caller commits."""
    existing = {r.skill_id: r for r in db.session.scalars(select(MentorRating).where(
        MentorRating.mentor_id == mentor_id, MentorRating.mentee_id == mentee_id))}
    for skill_id, level in levels.items():
        row = existing.get(skill_id) or MentorRating(mentor_id=mentor_id, mentee_id=mentee_id,
                                                     skill_id=skill_id)
        row.level = level
        db.session.add(row)
