"""Reports on questions: a learner flags a problem, an admin fixes, dismisses or retires."""
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from ..catalog import Question
from ..extensions import db
from ..models import QuestionReport, ReportReason, ReportStatus, RetiredQuestion, User, utcnow


def report(user_id: int, question: Question, reason: ReportReason, note: str) -> QuestionReport:
    row = QuestionReport(user_id=user_id, question_id=question.id,
                         question_version=question.version, bank=question.bank,
                         reason=reason, note=note.strip())
    db.session.add(row)
    db.session.commit()
    return row


def open_reports() -> list[QuestionReport]:
    return list(db.session.scalars(
        select(QuestionReport).where(QuestionReport.status == ReportStatus.OPEN)
        .order_by(QuestionReport.question_id, QuestionReport.created_at)
        .options(selectinload(QuestionReport.reporter))))


def recent_resolved(limit: int = 20) -> list[QuestionReport]:
    return list(db.session.scalars(
        select(QuestionReport).where(QuestionReport.status != ReportStatus.OPEN)
        .order_by(QuestionReport.resolved_at.desc()).limit(limit)))


def open_count() -> int:
    return db.session.scalar(select(func.count()).select_from(QuestionReport).where(
        QuestionReport.status == ReportStatus.OPEN)) or 0


def resolve(question_id: str, status: ReportStatus, admin: User, response: str) -> int:
    """Close every open report on a question the same way; retiring takes it out of use.

    Returns how many reports were closed."""
    rows = list(db.session.scalars(select(QuestionReport).where(
        QuestionReport.question_id == question_id, QuestionReport.status == ReportStatus.OPEN)))
    now = utcnow()
    for row in rows:
        row.status, row.resolved_at, row.resolved_by_id = status, now, admin.id
        row.response = response.strip()
    if status is ReportStatus.RETIRED and not db.session.get(RetiredQuestion, question_id):
        db.session.add(RetiredQuestion(question_id=question_id, retired_by_id=admin.id,
                                       reason=response.strip()))
    db.session.commit()
    return len(rows)


def retired_ids() -> frozenset[str]:
    return frozenset(db.session.scalars(select(RetiredQuestion.question_id)))
