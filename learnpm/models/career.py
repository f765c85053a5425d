"""Where a learner is and wants to go: roles, education level and a plan of goals."""
import enum
from datetime import date, datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import Model
from .columns import Labelled, enum_type
from .user import utcnow


class LearnerProfile(Model):
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"),
                                         primary_key=True)
    current_role: Mapped[str | None] = mapped_column(String(60))
    target_role: Mapped[str | None] = mapped_column(String(60))
    education_level: Mapped[str | None] = mapped_column(String(20))
    daily_new_cards: Mapped[int] = mapped_column(default=30)  # review queue: new cards a day
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class GoalStatus(Labelled, enum.Enum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class CareerGoal(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    target_date: Mapped[date | None]
    status: Mapped[GoalStatus] = mapped_column(enum_type(GoalStatus), default=GoalStatus.PLANNED)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
