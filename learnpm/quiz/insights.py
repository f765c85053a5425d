"""History, weakest domains and readiness: read-only views over a learner's attempts."""
from datetime import timedelta

from sqlalchemy import case, func, select

from ..catalog import ExamBlueprint
from ..domain import readiness
from ..domain.scoring import weakest_domains
from ..extensions import db
from ..models import Attempt, AttemptItem, Mode, Status, utcnow

RECENT_DAYS = 60


def finished_attempts(user_id: int, bank: str | None = None, limit: int = 100) -> list[Attempt]:
    query = (select(Attempt).where(Attempt.user_id == user_id,
                                   Attempt.status != Status.IN_PROGRESS)
             .order_by(Attempt.submitted_at.desc()).limit(limit))
    if bank:
        query = query.where(Attempt.bank == bank)
    return list(db.session.scalars(query))


def in_progress(user_id: int) -> list[Attempt]:
    return list(db.session.scalars(select(Attempt).where(
        Attempt.user_id == user_id, Attempt.status == Status.IN_PROGRESS)
        .order_by(Attempt.started_at.desc())))


def domain_totals(user_id: int, bank: str, days: int = RECENT_DAYS,
                  mode: Mode | None = None) -> dict[str, tuple[int, int]]:
    """(correct, answered) per domain over recent finished attempts, in one query."""
    since = utcnow() - timedelta(days=days)
    query = (select(AttemptItem.domain,
                    func.sum(case((AttemptItem.correct.is_(True), 1), else_=0)),
                    func.count(AttemptItem.id))
             .join(Attempt).where(Attempt.user_id == user_id, Attempt.bank == bank,
                                  AttemptItem.answered_at.is_not(None),
                                  AttemptItem.answered_at >= since)
             .group_by(AttemptItem.domain))
    if mode:
        query = query.where(Attempt.mode == mode)
    return {domain: (int(correct or 0), int(total)) for domain, correct, total
            in db.session.execute(query)}


def threshold(exam: ExamBlueprint) -> float:
    """The bar readiness is measured against: the pass mark, or the Target band's floor."""
    if exam.pass_percent is not None:
        return exam.pass_percent
    target = [b.floor for b in exam.bands if b.name.lower() == "target"]
    return target[0] if target else 65.0


def readiness_for(user_id: int, exam: ExamBlueprint, attempts: list[Attempt]
                  ) -> readiness.Readiness:
    exams = [a.percent for a in attempts if a.bank == exam.bank and a.mode is Mode.EXAM
             and a.percent is not None]
    practice = domain_totals(user_id, exam.bank, mode=Mode.PRACTICE)
    everything = domain_totals(user_id, exam.bank)
    bar = threshold(exam)
    names = {d.id: d.name for d in exam.domains}
    weak = [names.get(d, d) for d, percent, _ in weakest_domains(everything, limit=10)
            if percent < bar]
    return readiness.assess(readiness.ReadinessInput(
        exam_percents=exams, practice_correct=sum(c for c, _ in practice.values()),
        practice_total=sum(t for _, t in practice.values()), weak_domains=weak, threshold=bar))
