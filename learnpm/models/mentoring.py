"""Mentors and mentees: invitations, cohorts, assignments, comments, ratings, notifications."""
import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .columns import enum_type
from .user import User, utcnow


class LinkStatus(enum.Enum):
    PENDING = "pending"
    ACTIVE = "active"
    DECLINED = "declined"
    ENDED = "ended"


class MentorLink(Model):
    """One mentoring relationship, from the invitation on. Ended links keep their history."""

    id: Mapped[int] = mapped_column(primary_key=True)
    # A deleted account leaves the other side's history: "a former mentor" or "former mentee".
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                  index=True)
    mentee_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                  index=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    status: Mapped[LinkStatus] = mapped_column(enum_type(LinkStatus), default=LinkStatus.PENDING)
    message: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    responded_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]

    mentor: Mapped[User | None] = relationship(foreign_keys=[mentor_id])
    mentee: Mapped[User | None] = relationship(foreign_keys=[mentee_id])


class Cohort(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    mentor_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CohortMember(Model):
    cohort_id: Mapped[int] = mapped_column(ForeignKey("cohort.id", ondelete="CASCADE"),
                                           primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("mentor_link.id", ondelete="CASCADE"),
                                         primary_key=True)


class AssignmentKind(enum.Enum):
    MODULE = "module"
    PATH = "path"
    PRACTICE = "practice"
    EXAM = "exam"


class Assignment(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                  index=True)
    mentee_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    cohort_id: Mapped[int | None] = mapped_column(ForeignKey("cohort.id", ondelete="SET NULL"))
    kind: Mapped[AssignmentKind] = mapped_column(enum_type(AssignmentKind))
    target: Mapped[str] = mapped_column(String(120))  # module or path slug, or exam id
    note: Mapped[str] = mapped_column(Text, default="")
    due_date: Mapped[date | None]
    size: Mapped[int | None]  # exam assignments: the fewest questions that count
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]


class CommentSubject(enum.StrEnum):
    ASSESSMENT = "assessment"
    ATTEMPT = "attempt"


class Comment(Model):
    """A mentor's comment on a mentee's assessment or quiz attempt (Markdown, sanitised)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    mentee_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    subject: Mapped[CommentSubject] = mapped_column(enum_type(CommentSubject))
    subject_id: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])


class MentorRating(Model):
    __table_args__ = (UniqueConstraint("mentor_id", "mentee_id", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    mentor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    mentee_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    skill_id: Mapped[str] = mapped_column(String(60))
    level: Mapped[int]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Notification(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    message: Mapped[str] = mapped_column(String(300))
    link: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]
