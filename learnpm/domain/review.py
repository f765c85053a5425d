"""Spaced review of missed questions, scheduled with FSRS (the `fsrs` package).

A missed question becomes a card due tomorrow; each review moves it further out when
answered right and brings it back soon when missed, so it returns before it is forgotten.
"""
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler
from fsrs.card import CardDict

# Steps in days, not minutes: LearnPM is a daily queue, not a flashcard session.
SCHEDULER = Scheduler(learning_steps=(timedelta(days=1),), relearning_steps=(timedelta(days=1),),
                      enable_fuzzing=False)


@dataclass(frozen=True)
class CardState:
    data: CardDict  # fsrs Card.to_dict()
    due: datetime  # naive UTC


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def schedule(previous: CardDict | None, correct: bool, now: datetime) -> CardState:
    """The card after one answer. `previous` is None for a question missed the first time."""
    card = Card.from_dict(previous) if previous else Card(due=_aware(now))
    rating = Rating.Good if correct else Rating.Again
    card, _ = SCHEDULER.review_card(card, rating, review_datetime=_aware(now))
    return CardState(card.to_dict(), _naive(card.due))


def retrievability(data: CardDict, now: datetime) -> float:
    """Chance (0..1) the learner still remembers this answer now."""
    return float(SCHEDULER.get_card_retrievability(Card.from_dict(data), _aware(now)))
