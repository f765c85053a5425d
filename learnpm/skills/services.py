"""Self-assessments: the database side of the skills pages."""
from collections.abc import Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from ..domain.skills import is_repeat
from ..extensions import db
from ..models import Assessment, LearnerProfile, SkillRating, utcnow

NEWEST_FIRST = (Assessment.created_at.desc(), Assessment.id.desc())


def assessment_history(user_id: int) -> list[Assessment]:
    """Every assessment of a learner, newest first, without their ratings (one query)."""
    return list(db.session.scalars(
        select(Assessment).where(Assessment.user_id == user_id).order_by(*NEWEST_FIRST)))


def assessments_with_ratings(user_id: int, ids: Iterable[int]) -> dict[int, Assessment]:
    """The learner's own assessments among `ids`, ratings included (two queries)."""
    rows = db.session.scalars(
        select(Assessment).where(Assessment.user_id == user_id, Assessment.id.in_(list(ids)))
        .options(selectinload(Assessment.ratings)))
    return {row.id: row for row in rows}


def latest_assessment(user_id: int) -> Assessment | None:
    return db.session.scalar(
        select(Assessment).where(Assessment.user_id == user_id).order_by(*NEWEST_FIRST)
        .limit(1).options(selectinload(Assessment.ratings)))


def _as_submitted(assessment: Assessment) -> dict[str, tuple[int, str]]:
    return {r.skill_id: (r.level, r.evidence) for r in assessment.ratings}


def save_assessment(user_id: int, ratings: Mapping[str, tuple[int, str]],
                    previous: Assessment | None = None) -> Assessment:
    """A new dated snapshot; earlier ones stay. Saving the same form twice in a row keeps one."""
    now = utcnow()
    if previous is not None and is_repeat(_as_submitted(previous), previous.created_at,
                                          ratings, now):
        return previous
    assessment = Assessment(user_id=user_id, created_at=now, ratings=[
        SkillRating(skill_id=skill_id, level=level, evidence=evidence)
        for skill_id, (level, evidence) in ratings.items()])
    db.session.add(assessment)
    db.session.commit()
    return assessment


def target_role_id(user_id: int) -> str | None:
    """The role the learner is working towards, set on the career page (None if not set)."""
    return db.session.scalar(select(LearnerProfile.target_role).where(
        LearnerProfile.user_id == user_id))
