"""Building practice sets and mocks from what the learner has already met."""
import random
from dataclasses import dataclass

from sqlalchemy import literal, select, union_all

from ..catalog import ExamBlueprint, Question
from ..domain.drawing import Candidate, Filters, Focus, draw_practice, focus_sets
from ..domain.drawing import unseen_for_full_exam as unseen_count
from ..extensions import db
from ..models import Attempt, AttemptItem, Mode, ReviewCard, Star
from ..store import get_catalog
from .attempts import start_exam, start_practice


def candidates(questions: list[Question]) -> list[Candidate]:
    return [Candidate(q.id, q.domain, q.task, q.approach, q.difficulty) for q in questions]


@dataclass(frozen=True)
class MetQuestions:
    """The bank's questions a learner has answered, has in their review queue, and starred."""
    answered: set[str]
    queued: set[str]
    starred: set[str]


def met_questions(user_id: int, bank: str) -> MetQuestions:
    """All three sets in one query (a UNION ALL, each row tagged with its set)."""
    sets = {
        "answered": select(AttemptItem.question_id).join(Attempt).where(
            Attempt.user_id == user_id, Attempt.bank == bank,
            AttemptItem.answered_at.is_not(None)).distinct(),
        "queued": select(ReviewCard.question_id).where(
            ReviewCard.user_id == user_id, ReviewCard.bank == bank),
        "starred": select(Star.question_id).where(Star.user_id == user_id, Star.bank == bank),
    }
    found: dict[str, set[str]] = {kind: set() for kind in sets}
    tagged = union_all(*(query.add_columns(literal(kind)) for kind, query in sets.items()))
    for question_id, kind in db.session.execute(tagged):
        found[kind].add(question_id)
    return MetQuestions(**found)


def simulation_ids(user_id: int, bank: str) -> set[str]:
    """Questions shown in any of the learner's simulations of this exam, answered or not."""
    return set(db.session.scalars(
        select(AttemptItem.question_id).join(Attempt).where(
            Attempt.user_id == user_id, Attempt.bank == bank, Attempt.mode == Mode.EXAM)
        .distinct()))


def build_practice(user_id: int, exam: ExamBlueprint, count: int, filters: Filters,
                   focus: Focus, rng: random.Random | None = None) -> Attempt | None:
    """A practice attempt from the builder's choices; None when nothing matches."""
    questions = get_catalog().bank(exam.id)
    met = met_questions(user_id, exam.id)
    prefer, only = focus_sets(focus, [q.id for q in questions], met.answered, met.queued,
                              met.starred)
    chosen = draw_practice(candidates(questions), count, rng or random.Random(), filters,
                           prefer, only)
    if not chosen:
        return None
    by_id = {q.id: q for q in questions}
    return start_practice(user_id, exam, [by_id[i] for i in chosen], rng or random.Random())


def build_mock(user_id: int, exam: ExamBlueprint, size: int, domain: str | None = None,
               rng: random.Random | None = None) -> Attempt:
    """A simulation that takes questions unseen in earlier simulations first."""
    questions = get_catalog().bank(exam.id)
    seen = simulation_ids(user_id, exam.id)
    return start_exam(user_id, exam, questions, size, rng or random.Random(),
                      prefer={q.id for q in questions if q.id not in seen}, domain=domain)


def unseen_for_full_exam(user_id: int, exam: ExamBlueprint) -> tuple[int, int]:
    """(questions of the next full mock that would be new to the learner, full size)."""
    return unseen_count(candidates(get_catalog().bank(exam.id)),
                        {d.id: d.weight for d in exam.domains}, exam.questions,
                        simulation_ids(user_id, exam.id))
