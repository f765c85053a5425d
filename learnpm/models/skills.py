"""Skills self-assessments: dated snapshots, each a rating per skill of the framework."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import Model
from .user import utcnow


class Assessment(Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    ratings: Mapped[list["SkillRating"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", order_by="SkillRating.id")

    def levels(self) -> dict[str, int]:
        return {r.skill_id: r.level for r in self.ratings}


class SkillRating(Model):
    __table_args__ = (UniqueConstraint("assessment_id", "skill_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"),
                                               index=True)
    skill_id: Mapped[str] = mapped_column(String(60))
    level: Mapped[int]
    evidence: Mapped[str] = mapped_column(Text, default="")
    assessment: Mapped[Assessment] = relationship(back_populates="ratings")
