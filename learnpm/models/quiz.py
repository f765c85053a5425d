"""Quiz and exam attempts. Each item keeps a snapshot of the question as shown, so editing
the bank later never changes a past result."""
import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..domain.questions import QuestionSnapshot
from ..domain.review import Confidence
from ..domain.scoring import Grading
from ..extensions import Model
from .columns import enum_type
from .user import utcnow


class Mode(enum.Enum):
    PRACTICE = "practice"
    EXAM = "exam"


class Status(enum.Enum):
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    EXPIRED = "expired"  # the clock ran out; scored at the deadline


class Attempt(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    bank: Mapped[str] = mapped_column(String(60))
    mode: Mapped[Mode] = mapped_column(enum_type(Mode))
    status: Mapped[Status] = mapped_column(enum_type(Status), default=Status.IN_PROGRESS)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    deadline: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    current_section: Mapped[int] = mapped_column(default=1)
    break_after: Mapped[list] = mapped_column(JSON, default=list)  # positions of breaks
    break_minutes: Mapped[int] = mapped_column(default=0)
    break_started_at: Mapped[datetime | None]
    requested_count: Mapped[int] = mapped_column(default=0)
    question_count: Mapped[int] = mapped_column(default=0)
    notes: Mapped[list] = mapped_column(JSON, default=list)  # e.g. "scaled down because ..."
    # How the attempt is graded, fixed when it starts so a later blueprint edit can't change it.
    pass_percent: Mapped[float | None]
    bands: Mapped[list] = mapped_column(JSON, default=list)  # [{name, floor}], highest first
    domain_order: Mapped[list] = mapped_column(JSON, default=list)  # blueprint order of domains
    correct: Mapped[int | None]
    total: Mapped[int | None]
    passed: Mapped[bool | None]
    domain_results: Mapped[list | None] = mapped_column(JSON)  # [{domain, correct, total, band}]

    items: Mapped[list["AttemptItem"]] = relationship(
        back_populates="attempt", order_by="AttemptItem.position", cascade="all, delete-orphan")

    @property
    def grading(self) -> Grading:
        return Grading.from_columns(self.pass_percent, self.bands or [], self.domain_order or [])

    @property
    def finished(self) -> bool:
        return self.status is not Status.IN_PROGRESS

    @property
    def percent(self) -> float | None:
        return 100 * (self.correct or 0) / self.total if self.total else None


class AttemptItem(Model):
    __table_args__ = (UniqueConstraint("attempt_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempt.id", ondelete="CASCADE"),
                                            index=True)
    position: Mapped[int]  # 1-based
    question_id: Mapped[str] = mapped_column(String(80))
    question_version: Mapped[str] = mapped_column(String(20))
    domain: Mapped[str] = mapped_column(String(60))
    task: Mapped[str | None] = mapped_column(String(60))  # for results and analysis per task
    snapshot: Mapped[dict] = mapped_column(JSON)  # the question as shown, with its key
    order: Mapped[list] = mapped_column(JSON)  # option keys, or right-hand items, as shown
    response: Mapped[list | dict | None] = mapped_column(JSON)
    answered_at: Mapped[datetime | None]
    correct: Mapped[bool | None]
    confidence: Mapped[Confidence | None] = mapped_column(enum_type(Confidence))
    flagged: Mapped[bool] = mapped_column(default=False)

    attempt: Mapped[Attempt] = relationship(back_populates="items")

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def question(self) -> QuestionSnapshot:
        """The stored snapshot, typed: it reads and marks responses."""
        if (cached := self.__dict__.get("_question")) is None:
            cached = self.__dict__["_question"] = QuestionSnapshot.from_dict(self.snapshot)
        return cached


class ReviewCard(Model):
    """A missed question in the learner's spaced-review queue."""

    __table_args__ = (UniqueConstraint("user_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[str] = mapped_column(String(80))
    bank: Mapped[str] = mapped_column(String(60))
    card: Mapped[dict] = mapped_column(JSON)  # fsrs Card.to_dict()
    due: Mapped[datetime] = mapped_column(index=True)
    reviews: Mapped[int] = mapped_column(default=0)
    lapses: Mapped[int] = mapped_column(default=0)
    first_reviewed_at: Mapped[datetime | None]  # when it left the "new" pile
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
