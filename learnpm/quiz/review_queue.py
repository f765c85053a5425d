"""The spaced-review queue of missed questions (scheduling rules in domain.review)."""
from datetime import datetime

from sqlalchemy import func, select

from ..domain import review
from ..extensions import db
from ..models import ReviewCard, utcnow


def record_misses(user_id: int, bank: str, items, now: datetime) -> None:
    """Queue every missed item for review; a question missed again lapses its card.

    Adds to the session without committing: the caller commits with the answer itself.
    """
    missed = {i.question_id: i for i in items if i.correct is False}
    if not missed:
        return
    existing = {c.question_id: c for c in db.session.scalars(select(ReviewCard).where(
        ReviewCard.user_id == user_id, ReviewCard.question_id.in_(missed)))}
    for question_id in missed:
        card = existing.get(question_id)
        state = review.schedule(card.card if card else None, False, now)
        if card is None:
            db.session.add(ReviewCard(user_id=user_id, question_id=question_id, bank=bank,
                                      card=state.data, due=state.due))
        else:
            card.card, card.due, card.lapses = state.data, state.due, card.lapses + 1


def due_cards(user_id: int, now: datetime | None = None, limit: int = 50) -> list[ReviewCard]:
    return list(db.session.scalars(
        select(ReviewCard).where(ReviewCard.user_id == user_id,
                                 ReviewCard.due <= (now or utcnow()))
        .order_by(ReviewCard.due, ReviewCard.id).limit(limit)))


def due_count(user_id: int, now: datetime | None = None) -> int:
    return db.session.scalar(select(func.count()).select_from(ReviewCard).where(
        ReviewCard.user_id == user_id, ReviewCard.due <= (now or utcnow()))) or 0


def next_due(user_id: int) -> datetime | None:
    return db.session.scalar(select(func.min(ReviewCard.due)).where(
        ReviewCard.user_id == user_id))


def get_card(user_id: int, card_id: int) -> ReviewCard | None:
    return db.session.scalar(select(ReviewCard).where(
        ReviewCard.id == card_id, ReviewCard.user_id == user_id))


def answer_card(card: ReviewCard, correct: bool, now: datetime | None = None) -> ReviewCard:
    state = review.schedule(card.card, correct, now or utcnow())
    card.card, card.due, card.reviews = state.data, state.due, card.reviews + 1
    if not correct:
        card.lapses += 1
    db.session.commit()
    return card


def remove_card(card: ReviewCard) -> None:
    """For a question that no longer exists in the bank."""
    db.session.delete(card)
    db.session.commit()
