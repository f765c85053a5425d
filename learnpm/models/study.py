"""What a learner keeps while studying: starred questions, an error journal, exam dates."""
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from .user import utcnow


class Star(Model):
    """A question the learner wants to come back to."""

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    bank: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class JournalEntry(Model):
    """Why the learner chose what they chose on a question they missed."""

    __table_args__ = (UniqueConstraint("user_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(80))
    bank: Mapped[str] = mapped_column(String(60))
    task: Mapped[str | None] = mapped_column(String(60))
    note: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ExamDate(Model):
    """An exam date set on the practice page (the certification tracker's date wins)."""

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    bank: Mapped[str] = mapped_column(String(60), primary_key=True)
    exam_date: Mapped[date]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
