"""What the dashboard needs from the other features, gathered in a few fixed queries."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..certs import services as certs
from ..domain.skills import gaps
from ..extensions import db
from ..models import Assignment, CareerGoal, CertStatus, GoalStatus
from ..skills.services import latest_assessment, target_role_id


@dataclass(frozen=True)
class Deadline:
    day: date
    label: str
    cert_id: str
    exam: str | None = None  # the exam blueprint, for an exam date (not a renewal)


def open_assignments(user_id: int) -> list[Assignment]:
    """Unfinished work from mentors, the nearest due date first (undated last)."""
    return list(db.session.scalars(select(Assignment).where(
        Assignment.mentee_id == user_id, Assignment.completed_at.is_(None))
        .order_by(Assignment.due_date.is_(None), Assignment.due_date, Assignment.id)))


def next_goal(user_id: int) -> CareerGoal | None:
    return db.session.scalar(select(CareerGoal).where(
        CareerGoal.user_id == user_id,
        CareerGoal.status.in_([GoalStatus.PLANNED, GoalStatus.IN_PROGRESS]))
        .order_by(CareerGoal.target_date.is_(None), CareerGoal.target_date, CareerGoal.id))


def nearest_deadline(user_id: int, catalog, today: date) -> Deadline | None:
    """The next exam date or renewal deadline across the learner's certifications."""
    found = []
    for cert_id, record in certs.records(user_id).items():
        cert = catalog.certifications.get(cert_id)
        if cert is None:
            continue
        if record.exam_date and record.exam_date >= today:
            found.append(Deadline(record.exam_date, f"{cert.name} exam", cert_id,
                                  cert.exam if cert.exam in catalog.exams else None))
        if record.status is CertStatus.CERTIFIED:
            renewal = certs.renewal(cert, record, user_id, today)
            if renewal and renewal.days_left >= 0:
                found.append(Deadline(renewal.cycle_end, f"{cert.name} renewal", cert_id))
    return min(found, key=lambda d: d.day) if found else None


def skills_snapshot(user_id: int, catalog):
    """(assessment, biggest gaps against the target role) or (None, [])."""
    assessment = latest_assessment(user_id)
    if assessment is None:
        return None, []
    role = catalog.roles.get(target_role_id(user_id) or "")
    return assessment, gaps(assessment.levels(), role.skills)[:3] if role else []
