"""Starting, answering and finishing attempts: the database side of quizzes and exams.

Every answer is committed as it is given, so an acknowledged answer survives a crash.
"""
import random
from collections.abc import Collection
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import selectinload
from sqlalchemy.orm.interfaces import ORMOption

from ..catalog import ExamBlueprint, Question
from ..domain import drawing, scoring, timing
from ..domain.questions import QuestionSnapshot, Response
from ..domain.review import Confidence
from ..events import attempt_finished
from ..extensions import db
from ..models import Attempt, AttemptItem, Mode, Status, utcnow
from ..store import get_catalog
from .review_queue import record_for_review


class AnswerRefused(Exception):
    """The answer cannot be taken; the message says why in plain words."""


def shown_order(question: Question, rng: random.Random) -> list[str]:
    """The order choices are shown in. Matching rows stay in order; the right-hand choices
    in each drop-down are shuffled."""
    snap = question.snapshot()
    return drawing.option_order(snap.choice_keys(), question.shuffle or snap.is_matching, rng)


def _items(questions: list[Question], rng: random.Random) -> list[AttemptItem]:
    return [AttemptItem(position=position, question_id=question.id,
                        question_version=question.version, domain=question.domain,
                        task=question.task, snapshot=question.snapshot().to_dict(),
                        order=shown_order(question, rng))
            for position, question in enumerate(questions, start=1)]


def start_practice(user_id: int, exam: ExamBlueprint, questions: list[Question],
                   rng: random.Random) -> Attempt:
    attempt = Attempt(user_id=user_id, bank=exam.id, mode=Mode.PRACTICE,
                      requested_count=len(questions), question_count=len(questions),
                      items=_items(questions, rng), **exam.grading.to_columns())
    db.session.add(attempt)
    db.session.commit()
    return attempt


def start_exam(user_id: int, exam: ExamBlueprint, bank: list[Question], size: int,
               rng: random.Random, prefer: Collection[str] = (),
               domain: str | None = None) -> Attempt:
    """A timed simulation drawn to the blueprint's weights, `prefer`red questions first
    (those not met in an earlier simulation); with `domain`, a mini-exam on that domain."""
    weights = {domain: 100.0} if domain else {d.id: d.weight for d in exam.domains}
    draw = drawing.draw_exam([drawing.Candidate(q.id, q.domain) for q in bank], weights, size,
                             rng, prefer)
    by_id = {q.id: q for q in bank}
    questions = [by_id[qid] for qid in draw.question_ids]
    full = size == exam.questions and not draw.scaled_down and domain is None
    now = utcnow()
    attempt = Attempt(
        user_id=user_id, bank=exam.id, mode=Mode.EXAM, started_at=now,
        deadline=timing.deadline_for(now, exam.minutes if full else drawing.scaled_minutes(
            exam.minutes, exam.questions, len(questions))),
        break_after=[b.after for b in exam.breaks] if full else [],
        break_minutes=exam.breaks[0].minutes if full and exam.breaks else 0,
        requested_count=size, question_count=len(questions), notes=list(draw.notes),
        items=_items(questions, rng), **exam.grading.to_columns())
    db.session.add(attempt)
    db.session.commit()
    return attempt


def load_attempt(attempt_id: int, user_id: int, items: ORMOption | None = None
                 ) -> Attempt | None:
    """The user's own attempt with its items in one more query (all their columns, unless
    `items` loads them otherwise); None for anyone else's."""
    return db.session.scalar(select(Attempt).where(
        Attempt.id == attempt_id, Attempt.user_id == user_id)
        .options(items or selectinload(Attempt.items)))


def load_attempt_item(attempt_id: int, user_id: int, position: int
                      ) -> tuple[Attempt, AttemptItem] | None:
    """The user's own attempt with one of its items, in one query (what an answer needs);
    None for anyone else's attempt or a position it does not have."""
    found = db.session.execute(
        select(Attempt, AttemptItem).join(AttemptItem, AttemptItem.attempt_id == Attempt.id)
        .where(Attempt.id == attempt_id, Attempt.user_id == user_id,
               AttemptItem.position == position)).one_or_none()
    return None if found is None else (found[0], found[1])


def current_sections(attempt: Attempt) -> list[timing.Section]:
    return timing.sections(attempt.question_count, attempt.break_after or [])


def open_section(attempt: Attempt) -> timing.Section:
    parts = current_sections(attempt)
    return parts[min(attempt.current_section, len(parts)) - 1]


@dataclass(frozen=True)
class Saved:
    item: AttemptItem
    changed: bool


def parse_response(question: QuestionSnapshot, form) -> Response | None:
    """Read a response from form data: `answer` checkboxes or radios, or `match-<i>` menus."""
    matches = {left: form.get(f"match-{left}", "") for left in question.choice_keys()}
    return question.read_response(form.getlist("answer"), matches)


def parse_confidence(form) -> Confidence | None:
    """The optional "sure / unsure" given with an answer."""
    value = form.get("confidence", "")
    return Confidence(value) if value in {c.value for c in Confidence} else None


def save_answer(attempt: Attempt, item: AttemptItem, response: Response | None,
                flagged: bool | None, confidence: Confidence | None = None) -> Saved:
    now = utcnow()
    if close_if_expired(attempt, now):
        raise AnswerRefused("Time ran out before this answer arrived, so it was not saved. "
                            "Your exam has been scored as it stood at the deadline.")
    if attempt.finished:
        raise AnswerRefused("This attempt is already submitted; answers can no longer change.")
    if attempt.mode is Mode.EXAM and item.position not in open_section(attempt):
        raise AnswerRefused("That question is in a section you have closed.")
    if attempt.mode is Mode.PRACTICE and item.answered:
        return Saved(item, False)  # practice answers are final once you've seen the key
    changed = False
    if flagged is not None and flagged != item.flagged:
        item.flagged, changed = flagged, True
    if response is not None:
        marked = item.question.mark(response)
        item.response, item.correct, item.answered_at = response, marked.correct, now
        item.confidence = confidence
        changed = True
        if attempt.mode is Mode.PRACTICE:
            record_for_review(attempt.user_id, attempt.bank, [item], now)
    if changed:
        db.session.commit()
    return Saved(item, changed)


def effective_deadline(attempt: Attempt):
    """The deadline, allowing for a break in progress (its time is given back on return)."""
    if attempt.deadline is None or attempt.break_started_at is None:
        return attempt.deadline
    return attempt.deadline + timedelta(minutes=attempt.break_minutes)


def close_if_expired(attempt: Attempt, now=None) -> bool:
    """Score an attempt whose clock has run out. True if it was closed just now."""
    now = now or utcnow()
    if attempt.finished or timing.accepts_answers(now, effective_deadline(attempt)):
        return False
    finish(attempt, expired=True)
    return True


def close_expired_for(user_id: int) -> None:
    """Score every abandoned attempt of a user whose deadline has passed."""
    now = utcnow()
    stale = db.session.scalars(
        select(Attempt).where(Attempt.user_id == user_id, Attempt.status == Status.IN_PROGRESS,
                              Attempt.deadline.is_not(None))
        .options(selectinload(Attempt.items))).all()
    for attempt in stale:
        close_if_expired(attempt, now)


def finish(attempt: Attempt, expired: bool = False) -> Attempt:
    """Score and close an attempt. Finishing twice changes nothing."""
    if attempt.finished:
        return attempt
    for item in attempt.items:
        if item.correct is None:
            item.correct = False
    result = scoring.score_attempt([(i.domain, bool(i.correct)) for i in attempt.items],
                                   _grading(attempt), graded=attempt.mode is Mode.EXAM)
    attempt.correct, attempt.total, attempt.passed = result.correct, result.total, result.passed
    attempt.domain_results = [{"domain": d.domain, "correct": d.correct, "total": d.total,
                               "band": d.band} for d in result.domains]
    attempt.status = Status.EXPIRED if expired else Status.SUBMITTED
    finished_at = attempt.deadline if expired and attempt.deadline else utcnow()
    attempt.submitted_at = finished_at
    if attempt.mode is Mode.EXAM:
        record_for_review(attempt.user_id, attempt.bank, attempt.items, finished_at)
    db.session.commit()
    attempt_finished.send(None, user_id=attempt.user_id, bank=attempt.bank,
                          mode=attempt.mode.value, started_at=attempt.started_at,
                          size=attempt.requested_count)
    return attempt


def _grading(attempt: Attempt) -> scoring.Grading:
    """The grading fixed at the start. Attempts begun before it was stored (their domain
    order is empty) fall back to today's blueprint."""
    if attempt.domain_order:
        return attempt.grading
    exam = get_catalog().exams.get(attempt.bank)
    return exam.grading if exam else scoring.Grading()


def end_section(attempt: Attempt) -> None:
    """Close the open section and start the optional break."""
    if attempt.finished or attempt.current_section >= len(current_sections(attempt)):
        return
    attempt.current_section += 1
    attempt.break_started_at = utcnow()
    db.session.commit()


def resume_after_break(attempt: Attempt) -> None:
    """Give back the break time taken (up to the allowance) and restart the clock."""
    if attempt.break_started_at is None or attempt.deadline is None or attempt.finished:
        return
    attempt.deadline += timing.break_credit(attempt.break_started_at, utcnow(),
                                            attempt.break_minutes)
    attempt.break_started_at = None
    db.session.commit()
