"""The cohort dashboard's data in a fixed number of queries, whatever the cohort size."""
from datetime import date

from sqlalchemy import func, select

from ..domain.assignments import nearest_due, tally
from ..extensions import db
from ..models import (
    Assessment,
    Assignment,
    Attempt,
    CertificationRecord,
    LinkStatus,
    MentorLink,
    Mode,
    ModuleProgress,
    SkillRating,
    Status,
    User,
)


def _grouped(rows, key=0):
    grouped: dict = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def cohort_rows(mentor_id: int, today: date) -> list[dict]:
    mentees = db.session.execute(
        select(User.id, User.name, User.email, User.job_title)
        .join(MentorLink, MentorLink.mentee_id == User.id)
        .where(MentorLink.mentor_id == mentor_id, MentorLink.status == LinkStatus.ACTIVE)
    ).all()
    ids = [m.id for m in mentees]
    if not ids:
        return []
    assignments = _grouped(db.session.execute(
        select(Assignment.mentee_id, Assignment.due_date, Assignment.completed_at)
        .where(Assignment.mentor_id == mentor_id, Assignment.mentee_id.in_(ids))).all())
    read = dict(db.session.execute(
        select(ModuleProgress.user_id, func.max(ModuleProgress.last_viewed_at))
        .where(ModuleProgress.user_id.in_(ids)).group_by(ModuleProgress.user_id)).all())
    answered = dict(db.session.execute(
        select(Attempt.user_id, func.max(Attempt.started_at))
        .where(Attempt.user_id.in_(ids)).group_by(Attempt.user_id)).all())
    return [{
        "id": m.id, "name": m.name, "email": m.email, "job_title": m.job_title,
        "tally": tally([(a.due_date, a.completed_at) for a in assignments.get(m.id, [])], today),
        "next_due": nearest_due([(a.due_date, a.completed_at)
                                 for a in assignments.get(m.id, [])], today),
        "last_activity": max((t for t in (read.get(m.id), answered.get(m.id)) if t),
                             default=None),
        "exam": None, "skills": {}, "certifications": [],
    } for m in mentees]


def add_results(rows: list[dict]) -> None:
    """Latest exam result, latest self-assessment and certification statuses, per mentee."""
    ids = [r["id"] for r in rows]
    if not ids:
        return
    by_id = {r["id"]: r for r in rows}
    ranked = (select(Attempt.user_id, Attempt.bank, Attempt.correct, Attempt.total,
                     Attempt.domain_results,
                     func.row_number().over(partition_by=Attempt.user_id,
                                            order_by=Attempt.submitted_at.desc()).label("n"))
              .where(Attempt.user_id.in_(ids), Attempt.mode == Mode.EXAM,
                     Attempt.status != Status.IN_PROGRESS).subquery())
    for row in db.session.execute(select(ranked).where(ranked.c.n == 1)):
        by_id[row.user_id]["exam"] = row
    latest = (select(Assessment.user_id, func.max(Assessment.id).label("assessment_id"))
              .where(Assessment.user_id.in_(ids)).group_by(Assessment.user_id).subquery())
    for user_id, skill, level in db.session.execute(
            select(latest.c.user_id, SkillRating.skill_id, SkillRating.level)
            .join(SkillRating, SkillRating.assessment_id == latest.c.assessment_id)):
        by_id[user_id]["skills"][skill] = level
    for user_id, cert, status in db.session.execute(
            select(CertificationRecord.user_id, CertificationRecord.cert_id,
                   CertificationRecord.status).where(CertificationRecord.user_id.in_(ids))):
        by_id[user_id]["certifications"].append((cert, status))
