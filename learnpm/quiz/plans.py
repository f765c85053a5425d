"""What a result leads to: the remediation plan for the weakest tasks, and the study plan
worked back from the exam date. The rules are in domain.remediation and domain.study_plan;
this module gathers what they need in a fixed number of queries."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ..catalog import ExamBlueprint
from ..domain import remediation, study_plan
from ..domain.results import TaskResult, by_task
from ..extensions import db
from ..learn.services import completed_slugs
from ..models import Attempt, CertificationRecord, ExamDate
from ..store import get_catalog
from .insights import last_full_mock, latest_exam
from .practice import met_questions
from .review_queue import daily_new_cards, due_count


@dataclass(frozen=True)
class ResultPlan:
    attempt: Attempt
    exam: ExamBlueprint
    tasks: list[TaskResult]  # every task, weakest first
    plan: remediation.RemediationPlan

    def task_name(self, task_id: str) -> str:
        return next((t.name for d in self.exam.domains for t in d.tasks if t.id == task_id),
                    task_id)


def task_results(attempt: Attempt) -> list[TaskResult]:
    return by_task((item.task, bool(item.correct)) for item in attempt.items)


def result_plan(attempt: Attempt, exam: ExamBlueprint, *, completed: set[str] | None = None,
                due: int | None = None) -> ResultPlan:
    """Per-task results and the plan for an attempt whose items are loaded. A page that has
    already read the learner's completed modules or due review count passes them in."""
    results = task_results(attempt)
    missed: dict[str, list[tuple[str, ...]]] = {}
    for item in attempt.items:
        if item.task and not item.correct:
            missed.setdefault(item.task, []).append(item.question.modules)
    met = met_questions(attempt.user_id, exam.id)
    available: dict[str, int] = {}
    for question in get_catalog().bank(exam.id):
        if question.task and (question.id not in met.answered or question.id in met.queued):
            available[question.task] = available.get(question.task, 0) + 1
    if completed is None:
        completed = completed_slugs(attempt.user_id)
    if due is None:
        due = due_count(attempt.user_id)
    plan = remediation.plan(results, missed, completed, available, due)
    return ResultPlan(attempt, exam, results, plan)


def latest_plan(user_id: int, *, completed: set[str] | None = None,
                due: int | None = None) -> ResultPlan | None:
    """The plan from the learner's latest simulation (for the dashboard and the mentor)."""
    attempt = latest_exam(user_id)
    exam = get_catalog().exams.get(attempt.bank) if attempt else None
    if attempt is None or exam is None:
        return None
    return result_plan(attempt, exam, completed=completed, due=due)


def exam_date(user_id: int, exam: ExamBlueprint, today: date) -> tuple[date, str] | None:
    """The coming exam date and where it comes from: the certification tracker wins over
    a date set on the practice page."""
    certs = [c.id for c in get_catalog().certifications.values() if c.exam == exam.id]
    tracked = db.session.scalar(select(CertificationRecord.exam_date).where(
        CertificationRecord.user_id == user_id, CertificationRecord.cert_id.in_(certs),
        CertificationRecord.exam_date >= today).order_by(CertificationRecord.exam_date))
    if tracked:
        return tracked, "tracker"
    chosen = db.session.get(ExamDate, (user_id, exam.id))
    if chosen and chosen.exam_date >= today:
        return chosen.exam_date, "practice"
    return None


def set_exam_date(user_id: int, exam: ExamBlueprint, day: date) -> None:
    row = db.session.get(ExamDate, (user_id, exam.id)) or ExamDate(user_id=user_id,
                                                                   bank=exam.id)
    row.exam_date = day
    db.session.add(row)
    db.session.commit()


def study(user_id: int, exam: ExamBlueprint, today: date, found: tuple[date, str] | None,
          latest: ResultPlan | None, completed: set[str], due: int
          ) -> study_plan.StudyPlan | None:
    """The plan from `found` (what exam_date gave) to the exam; the page passes what it has
    already read (the latest result, completed modules, reviews due)."""
    if found is None:
        return None
    catalog = get_catalog()
    path = catalog.paths.get(exam.study_path or "")
    unread = [slug for slug in (path.modules if path else ()) if slug not in completed]
    last_mock, mocks = last_full_mock(user_id, exam)
    weak: list[str] = []
    below = False
    if latest is not None and latest.exam.id == exam.id:
        weak = [latest.task_name(t) for t in latest.plan.task_ids]
        percent = latest.attempt.percent
        below = percent is not None and exam.grading.is_weak(percent)
    return study_plan.build(study_plan.StudyInput(
        today=today, exam_date=found[0], unread=unread, last_mock=last_mock, mocks_taken=mocks,
        weak_tasks=weak, reviews_due=due,
        daily_new_cards=daily_new_cards(user_id), last_score_below_bar=below))
