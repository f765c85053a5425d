"""What a person chooses to hear from LearnPM outside the site, and what was sent."""
import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from .columns import Labelled, enum_type
from .user import utcnow


class ReminderKind(Labelled, enum.StrEnum):
    ASSIGNMENTS = "assignments"  # due in two days, and overdue
    REVIEWS = "reviews"  # review cards waiting (at most weekly)
    EXAMS = "exams"  # an exam in 14 and in 3 days
    RENEWALS = "renewals"  # a renewal deadline in 90 and in 30 days
    MENTOR_SUMMARY = "mentor_summary"  # weekly, for mentors: who is behind

    @property
    def label(self) -> str:
        """Reads in "Stop ... reminders"."""
        return {"assignments": "assignment", "reviews": "review", "exams": "exam",
                "renewals": "renewal", "mentor_summary": "weekly mentor summary"}[self.value]


class ReminderSetting(Model):
    """One row per kind a person has turned off (everything is on unless turned off)."""

    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    kind: Mapped[ReminderKind] = mapped_column(enum_type(ReminderKind), primary_key=True)
    enabled: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class SentReminder(Model):
    """A reminder, recorded before it is sent: its unique key means it is never sent twice,
    whichever host's cron gets there first."""

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ReminderKind] = mapped_column(enum_type(ReminderKind))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[datetime | None]
    error: Mapped[str] = mapped_column(String(300), default="")
