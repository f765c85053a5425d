"""Profile, goals and the gap to a target role: the database side of the career page."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..catalog import Catalog, LearningPath, Module
from ..catalog.frameworks import Certification, Role, Skill
from ..certs.services import held, months_of_experience
from ..domain.careers import CareerGap, career_gap, with_article
from ..domain.progress import PathProgress, path_progress
from ..domain.skills import Gap, modules_for
from ..extensions import db
from ..learn.services import completed_slugs
from ..models import CareerGoal, GoalStatus, LearnerProfile
from ..skills.report import modules_by_skill
from ..skills.services import latest_assessment


def get_profile(user_id: int) -> LearnerProfile | None:
    return db.session.get(LearnerProfile, user_id)


def save_profile(user_id: int, current_role: str | None, target_role: str | None,
                 education_level: str | None) -> LearnerProfile:
    """Create the learner's one profile row on first save; a double click can't duplicate it."""
    def apply() -> LearnerProfile:
        profile = get_profile(user_id)
        if profile is None:
            profile = LearnerProfile(user_id=user_id)
            db.session.add(profile)
        profile.current_role = current_role or None
        profile.target_role = target_role or None
        profile.education_level = education_level or None
        return profile
    profile = apply()
    try:
        db.session.commit()
    except IntegrityError:  # another request created the row first: update that one
        db.session.rollback()
        profile = apply()
        db.session.commit()
    return profile


@dataclass(frozen=True)
class CareerPlan:
    role: Role
    role_phrase: str  # "a project manager"
    assessed: bool  # False: no self-assessment yet, so no skill gap to show
    gap: CareerGap
    skill_gaps: list[tuple[Skill, Gap]]
    certifications: list[Certification]  # helpful ones not yet held
    experience: int  # months logged
    modules: list[Module]
    paths: list[tuple[LearningPath, PathProgress]]


def career_plan(user_id: int, role: Role, catalog: Catalog, today: date) -> CareerPlan:
    latest = latest_assessment(user_id)
    months = months_of_experience(user_id, today)
    gap = career_gap(role.skills, role.certifications, role.experience_months,
                     latest.levels() if latest else {}, sorted(held(user_id)),
                     months)
    framework, completed = catalog.skills, completed_slugs(user_id)
    skill_gaps: list[tuple[Skill, Gap]] = []
    slugs: list[str] = []
    if latest is not None and framework is not None:  # no assessment: no gap to speak of
        known = {s.id for s in framework.skills}
        skill_gaps = [(framework[g.skill], g) for g in gap.skills if g.skill in known]
        slugs = modules_for([g for _, g in skill_gaps],
                            modules_by_skill(framework, catalog.modules), completed)
    paths = [catalog.paths[p] for p in role.paths if p in catalog.paths]
    return CareerPlan(
        role=role, role_phrase=with_article(role.name), assessed=latest is not None, gap=gap,
        skill_gaps=skill_gaps, experience=months,
        certifications=[catalog.certifications[c] for c in gap.certifications
                        if c in catalog.certifications],
        modules=[catalog.modules[s] for s in slugs],
        paths=[(p, path_progress(p.slug, p.modules, completed)) for p in paths])


def list_goals(user_id: int) -> list[CareerGoal]:
    """Dated goals soonest first, then undated ones, each in the order they were added."""
    return list(db.session.scalars(select(CareerGoal).where(CareerGoal.user_id == user_id)
                                   .order_by(CareerGoal.target_date.is_(None),
                                             CareerGoal.target_date, CareerGoal.id)))


def get_goal(user_id: int, goal_id: int) -> CareerGoal | None:
    return db.session.scalar(select(CareerGoal).where(CareerGoal.id == goal_id,
                                                      CareerGoal.user_id == user_id))


def create_goal(user_id: int, title: str, target_date: date | None) -> CareerGoal:
    goal = CareerGoal(user_id=user_id, title=title, target_date=target_date)
    db.session.add(goal)
    db.session.commit()
    return goal


def change_goal_status(goal: CareerGoal, status: GoalStatus) -> None:
    goal.status = status
    db.session.commit()


def remove_goal(goal: CareerGoal) -> None:
    db.session.delete(goal)
    db.session.commit()
