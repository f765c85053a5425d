"""The spaced-review queue (scheduling rules in domain.review).

Missed questions, and right answers the learner was unsure of, become cards. Each day the
queue shows every card already in review that is due, and new cards only up to the learner's
daily allowance, so one long mock never buries anyone in a wall of cards.
"""
from collections.abc import Iterable
from datetime import datetime, time

from sqlalchemy import func, select

from ..domain import review
from ..domain.review import Confidence, DueCard
from ..extensions import db
from ..models import AttemptItem, LearnerProfile, ReviewCard, utcnow

SHOWN = 50  # cards loaded for one page of the queue


def record_for_review(user_id: int, bank: str, items: Iterable[AttemptItem],
                      now: datetime) -> None:
    """Queue every item that needs review; a question missed again lapses its card.

    Adds to the session without committing: the caller commits with the answer itself.
    """
    wanted = {i.question_id: i for i in items if i.correct is not None
              and review.needs_review(i.correct, i.confidence)}
    if not wanted:
        return
    existing = {c.question_id: c for c in db.session.scalars(select(ReviewCard).where(
        ReviewCard.user_id == user_id, ReviewCard.question_id.in_(wanted)))}
    for question_id, item in wanted.items():
        card = existing.get(question_id)
        state = review.schedule(card.card if card else None, bool(item.correct), now,
                                item.confidence)
        if card is None:
            db.session.add(ReviewCard(user_id=user_id, question_id=question_id, bank=bank,
                                      card=state.data, due=state.due))
        else:
            card.card, card.due = state.data, state.due
            card.lapses += 0 if item.correct else 1


def _allowance(user_id: int):
    return select(LearnerProfile.daily_new_cards).where(LearnerProfile.user_id == user_id)


def daily_new_cards(user_id: int) -> int:
    return db.session.scalar(_allowance(user_id)) or review.DEFAULT_NEW_CARDS


def set_daily_new_cards(user_id: int, allowance: int) -> None:
    profile = db.session.get(LearnerProfile, user_id) or LearnerProfile(user_id=user_id)
    profile.daily_new_cards = allowance
    db.session.add(profile)
    db.session.commit()


def _start_of_day(now: datetime) -> datetime:
    return datetime.combine(now.date(), time())


def todays_ids(user_id: int, now: datetime | None = None) -> list[int]:
    """Ids of the cards to show today, in order, in one query: each due card carries the
    day's allowance and how many new cards were already taken today (subqueries the
    database works out once), and with no card due neither is needed."""
    now = now or utcnow()
    introduced = select(func.count()).select_from(ReviewCard).where(
        ReviewCard.user_id == user_id, ReviewCard.first_reviewed_at >= _start_of_day(now))
    rows = db.session.execute(select(
        ReviewCard.id, ReviewCard.due, ReviewCard.reviews,
        _allowance(user_id).scalar_subquery(), introduced.scalar_subquery()).where(
        ReviewCard.user_id == user_id, ReviewCard.due <= now)).all()
    if not rows:
        return []
    allowance, taken = rows[0][3], rows[0][4]
    due = [DueCard(card_id, due_at, reviews == 0) for card_id, due_at, reviews, *_ in rows]
    return review.todays_queue(due, allowance or review.DEFAULT_NEW_CARDS, taken or 0)


def due_cards(user_id: int, now: datetime | None = None) -> list[ReviewCard]:
    ids = todays_ids(user_id, now)[:SHOWN]
    if not ids:
        return []
    cards = {c.id: c for c in db.session.scalars(select(ReviewCard).where(
        ReviewCard.id.in_(ids)))}
    return [cards[i] for i in ids if i in cards]


def due_count(user_id: int, now: datetime | None = None) -> int:
    return len(todays_ids(user_id, now))


def waiting_count(user_id: int, now: datetime | None = None) -> int:
    """Every card due, including new ones held back by the daily allowance."""
    return db.session.scalar(select(func.count()).select_from(ReviewCard).where(
        ReviewCard.user_id == user_id, ReviewCard.due <= (now or utcnow()))) or 0


def next_due(user_id: int) -> datetime | None:
    return db.session.scalar(select(func.min(ReviewCard.due)).where(
        ReviewCard.user_id == user_id))


def get_card(user_id: int, card_id: int) -> ReviewCard | None:
    return db.session.scalar(select(ReviewCard).where(
        ReviewCard.id == card_id, ReviewCard.user_id == user_id))


def card_question_ids(user_id: int, bank: str | None = None) -> set[str]:
    """Questions in the learner's queue: the ones they missed (or were unsure of)."""
    query = select(ReviewCard.question_id).where(ReviewCard.user_id == user_id)
    if bank:
        query = query.where(ReviewCard.bank == bank)
    return set(db.session.scalars(query))


def answer_card(card: ReviewCard, correct: bool, confidence: Confidence | None = None,
                now: datetime | None = None) -> ReviewCard:
    now = now or utcnow()
    state = review.schedule(card.card, correct, now, confidence)
    card.card, card.due, card.reviews = state.data, state.due, card.reviews + 1
    card.first_reviewed_at = card.first_reviewed_at or now
    if not correct:
        card.lapses += 1
    db.session.commit()
    return card


def remove_card(card: ReviewCard) -> None:
    """For a question that no longer exists in the bank, or was retired."""
    db.session.delete(card)
    db.session.commit()
