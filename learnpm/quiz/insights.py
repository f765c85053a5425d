"""History, weakest domains and readiness: read-only views over a learner's attempts."""
from datetime import date, timedelta

from sqlalchemy import case, func, select
from sqlalchemy.orm import selectinload

from ..catalog import ExamBlueprint
from ..domain import readiness
from ..domain.scoring import weakest_domains
from ..extensions import db
from ..models import Attempt, AttemptItem, Mode, Status, utcnow

RECENT_DAYS = 60
FULL_SHARE = 0.9  # a simulation this close to the real length counts as a full mock


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


def readiness_for(user_id: int, exam: ExamBlueprint, attempts: list[Attempt]
                  ) -> readiness.Readiness:
    """Readiness from recent simulations (each weighted by its size) and practice."""
    since = utcnow() - timedelta(days=RECENT_DAYS)
    sims = [readiness.SimulationResult(a.percent, a.question_count, f"{a.submitted_at:%-d %b}")
            for a in attempts if a.bank == exam.id and a.mode is Mode.EXAM
            and a.percent is not None and a.submitted_at and a.submitted_at >= since]
    practice = domain_totals(user_id, exam.id, mode=Mode.PRACTICE)
    everything = domain_totals(user_id, exam.id)
    bar = exam.grading.bar
    names = {d.id: d.name for d in exam.domains}
    weak = [names.get(d, d) for d, percent, _ in weakest_domains(everything, limit=10)
            if exam.grading.is_weak(percent)]
    return readiness.assess(readiness.ReadinessInput(
        simulations=sims, full_size=exam.questions,
        practice_correct=sum(c for c, _ in practice.values()),
        practice_total=sum(t for _, t in practice.values()), weak_domains=weak, threshold=bar))


def previous_attempt(attempt: Attempt) -> Attempt | None:
    """The same learner's last finished attempt of the same exam and mode before this one."""
    return db.session.scalar(select(Attempt).where(
        Attempt.user_id == attempt.user_id, Attempt.bank == attempt.bank,
        Attempt.mode == attempt.mode, Attempt.status != Status.IN_PROGRESS,
        Attempt.id != attempt.id, Attempt.submitted_at <= attempt.submitted_at)
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc()).limit(1))


def latest_exam(user_id: int) -> Attempt | None:
    """The learner's latest finished simulation, with its items (two queries)."""
    return db.session.scalar(select(Attempt).where(
        Attempt.user_id == user_id, Attempt.mode == Mode.EXAM,
        Attempt.status != Status.IN_PROGRESS)
        .order_by(Attempt.submitted_at.desc(), Attempt.id.desc()).limit(1)
        .options(selectinload(Attempt.items)))


def last_full_mock(user_id: int, exam: ExamBlueprint) -> tuple[date | None, int]:
    """(date of the latest near-full-length simulation, how many there have been)."""
    near_full = int(exam.questions * FULL_SHARE)
    when, count = db.session.execute(select(func.max(Attempt.submitted_at), func.count())
                                     .where(Attempt.user_id == user_id, Attempt.bank == exam.id,
                                            Attempt.mode == Mode.EXAM,
                                            Attempt.status != Status.IN_PROGRESS,
                                            Attempt.question_count >= near_full)).one()
    return (when.date() if when else None), int(count)
