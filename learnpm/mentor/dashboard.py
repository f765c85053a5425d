"""The cohort dashboard's data in a fixed number of queries, whatever the cohort size."""
from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import func, select

from ..domain.assignments import CohortRow, LatestExam, nearest_due, tally
from ..domain.scoring import Grading
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


def _grouped(rows: Iterable[Any]) -> dict[Any, list[Any]]:
    grouped: dict[Any, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row[0], []).append(row)
    return grouped


def cohort_rows(mentor_id: int, today: date) -> list[CohortRow]:
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
    read = {user_id: moment for user_id, moment in db.session.execute(
        select(ModuleProgress.user_id, func.max(ModuleProgress.last_viewed_at))
        .where(ModuleProgress.user_id.in_(ids)).group_by(ModuleProgress.user_id))}
    answered = {user_id: moment for user_id, moment in db.session.execute(
        select(Attempt.user_id, func.max(Attempt.started_at))
        .where(Attempt.user_id.in_(ids)).group_by(Attempt.user_id))}
    rows = []
    for m in mentees:
        work = [(a.due_date, a.completed_at) for a in assignments.get(m.id, [])]
        rows.append(CohortRow(
            id=m.id, name=m.name, email=m.email, job_title=m.job_title,
            tally=tally(work, today), next_due=nearest_due(work, today),
            last_activity=max((t for t in (read.get(m.id), answered.get(m.id)) if t),
                              default=None)))
    return rows


def add_results(rows: list[CohortRow]) -> None:
    """Latest exam result, latest self-assessment and certification statuses, per mentee."""
    by_id = {r.id: r for r in rows}
    if not by_id:
        return
    ranked = (select(Attempt.user_id, Attempt.bank, Attempt.correct, Attempt.total,
                     Attempt.domain_results, Attempt.pass_percent, Attempt.bands,
                     func.row_number().over(partition_by=Attempt.user_id,
                                            order_by=Attempt.submitted_at.desc()).label("n"))
              .where(Attempt.user_id.in_(by_id), Attempt.mode == Mode.EXAM,
                     Attempt.status != Status.IN_PROGRESS).subquery())
    for row in db.session.execute(select(ranked).where(ranked.c.n == 1)):
        grading = Grading.from_columns(row.pass_percent, row.bands or [], ())
        weak = tuple(d["domain"] for d in row.domain_results or []
                     if d["total"] and grading.is_weak(100 * d["correct"] / d["total"]))
        by_id[row.user_id].exam = LatestExam(row.bank, row.correct or 0, row.total or 0, weak)
    latest = (select(Assessment.user_id, func.max(Assessment.id).label("assessment_id"))
              .where(Assessment.user_id.in_(by_id)).group_by(Assessment.user_id).subquery())
    for user_id, skill, level in db.session.execute(
            select(latest.c.user_id, SkillRating.skill_id, SkillRating.level)
            .join(SkillRating, SkillRating.assessment_id == latest.c.assessment_id)):
        by_id[user_id].skills[skill] = level
    for user_id, cert, status in db.session.execute(
            select(CertificationRecord.user_id, CertificationRecord.cert_id,
                   CertificationRecord.status).where(CertificationRecord.user_id.in_(by_id))):
        by_id[user_id].certifications.append((cert, status.label))
