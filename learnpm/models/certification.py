"""A learner's certifications and the evidence behind them."""
import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from .columns import Labelled, enum_type
from .user import utcnow


class CertStatus(Labelled, enum.Enum):
    INTERESTED = "interested"
    PREPARING = "preparing"
    ELIGIBLE = "eligible"
    EXAM_BOOKED = "exam_booked"
    CERTIFIED = "certified"
    EXPIRED = "expired"


class CertificationRecord(Model):
    __table_args__ = (UniqueConstraint("user_id", "cert_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    cert_id: Mapped[str] = mapped_column(String(60))
    status: Mapped[CertStatus] = mapped_column(enum_type(CertStatus), default=CertStatus.INTERESTED)
    exam_date: Mapped[date | None]
    passed_on: Mapped[date | None]
    cycle_start: Mapped[date | None]  # start of the current renewal cycle
    course_done: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class EducationEntry(Model):
    """Project management education outside LearnPM (courses, workshops)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    provider: Mapped[str] = mapped_column(String(200), default="")
    hours: Mapped[float]
    completed_on: Mapped[date]


class ExperienceEntry(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    role: Mapped[str] = mapped_column(String(200))
    organisation: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    started_on: Mapped[date]
    ended_on: Mapped[date | None]  # None: still in this role


class RenewalActivity(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    cert_id: Mapped[str] = mapped_column(String(60))
    category: Mapped[str] = mapped_column(String(60))
    units: Mapped[float]
    activity_date: Mapped[date]
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
