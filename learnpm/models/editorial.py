"""Keeping the banks honest: learners' reports on questions, and questions taken out of use."""
import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .columns import Labelled, enum_type
from .user import User, utcnow


class ReportReason(Labelled, enum.StrEnum):
    WRONG_KEY = "wrong_key"
    TWO_ANSWERS = "two_answers"
    UNCLEAR = "unclear"
    OUTDATED = "outdated"
    EXPLANATION = "explanation"
    TYPO = "typo"
    OTHER = "other"

    @property
    def label(self) -> str:
        return REASON_LABELS[self]


REASON_LABELS = {
    ReportReason.WRONG_KEY: "The marked answer is wrong",
    ReportReason.TWO_ANSWERS: "More than one answer is defensible",
    ReportReason.UNCLEAR: "The question is unclear",
    ReportReason.OUTDATED: "It is out of date with the current exam",
    ReportReason.EXPLANATION: "The explanation is wrong or unhelpful",
    ReportReason.TYPO: "A typo or formatting problem",
    ReportReason.OTHER: "Something else",
}


class ReportStatus(Labelled, enum.StrEnum):
    OPEN = "open"
    FIXED = "fixed"  # corrected in the content
    RETIRED = "retired"  # the question was taken out of use
    DISMISSED = "dismissed"  # checked: nothing to change


class QuestionReport(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"),
                                                index=True)
    question_id: Mapped[str] = mapped_column(String(80), index=True)
    question_version: Mapped[str] = mapped_column(String(20))
    bank: Mapped[str] = mapped_column(String(60))
    reason: Mapped[ReportReason] = mapped_column(enum_type(ReportReason))
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[ReportStatus] = mapped_column(enum_type(ReportStatus),
                                                 default=ReportStatus.OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
    resolved_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    response: Mapped[str] = mapped_column(Text, default="")  # what the admin did, in words

    reporter: Mapped[User | None] = relationship(foreign_keys=[user_id])


class RetiredQuestion(Model):
    """A question never drawn again; past attempts keep their snapshot of it."""

    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    retired_at: Mapped[datetime] = mapped_column(default=utcnow)
    retired_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")


class BankFile(Model):
    """A question file added at run time (an import), kept in the database so that every
    worker and every host serves it. Shipped banks stay as files in the repository."""

    __table_args__ = (UniqueConstraint("bank", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    bank: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(120))  # e.g. "imported-risk-drills.yaml"
    text: Mapped[str] = mapped_column(Text)  # LearnPM question YAML
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))


class ContentVersion(Model):
    """One row: bumped whenever content changes at run time, so that every worker notices
    within seconds and rebuilds its catalog."""

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
    changed_at: Mapped[datetime] = mapped_column(default=utcnow)
