"""Spaced review of missed questions, scheduled with FSRS (the `fsrs` package).

A missed question becomes a card due tomorrow; each review moves it further out when
answered right and brings it back soon when missed, so it returns before it is forgotten.
How sure the learner was refines the grade, as in certainty-based marking: a right answer
given "unsure" comes back sooner than one given "sure", and a right guess joins the queue.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from fsrs import Card, Rating, Scheduler
from fsrs.card import CardDict

# Steps in days, not minutes: LearnPM is a daily queue, not a flashcard session.
SCHEDULER = Scheduler(learning_steps=(timedelta(days=1),), relearning_steps=(timedelta(days=1),),
                      enable_fuzzing=False)
DEFAULT_NEW_CARDS = 30  # new cards a day, unless the learner chooses otherwise
NEW_CARD_CHOICES = (10, 20, 30, 50, 100)


class Confidence(StrEnum):
    SURE = "sure"
    UNSURE = "unsure"


@dataclass(frozen=True)
class CardState:
    data: CardDict  # fsrs Card.to_dict()
    due: datetime  # naive UTC


def rating_for(correct: bool, confidence: Confidence | None = None) -> Rating:
    """Wrong is Again whatever the confidence; right is Good, Easy when sure, Hard when not."""
    if not correct:
        return Rating.Again
    if confidence is Confidence.SURE:
        return Rating.Easy
    if confidence is Confidence.UNSURE:
        return Rating.Hard
    return Rating.Good


def needs_review(correct: bool, confidence: Confidence | None) -> bool:
    """A miss always comes back; so does a right answer the learner was unsure of."""
    return not correct or confidence is Confidence.UNSURE


def _aware(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _naive(moment: datetime) -> datetime:
    return moment.astimezone(UTC).replace(tzinfo=None)


def schedule(previous: CardDict | None, correct: bool, now: datetime,
             confidence: Confidence | None = None) -> CardState:
    """The card after one answer. `previous` is None for a question seen the first time."""
    card = Card.from_dict(previous) if previous else Card(due=_aware(now))
    card, _ = SCHEDULER.review_card(card, rating_for(correct, confidence),
                                    review_datetime=_aware(now))
    return CardState(card.to_dict(), _naive(card.due))


def retrievability(data: CardDict, now: datetime) -> float:
    """Chance (0..1) the learner still remembers this answer now."""
    return float(SCHEDULER.get_card_retrievability(Card.from_dict(data), _aware(now)))


@dataclass(frozen=True)
class DueCard:
    id: int
    due: datetime
    new: bool  # never reviewed yet


def todays_queue(due: Sequence[DueCard], daily_new: int, new_done_today: int) -> list[int]:
    """Card ids to show today, oldest due first: every card already in review, and new ones
    only up to the day's allowance, so one long mock does not bury the learner."""
    allowance = max(daily_new - new_done_today, 0)
    chosen = []
    for card in sorted(due, key=lambda c: (c.due, c.id)):
        if card.new:
            if allowance == 0:
                continue
            allowance -= 1
        chosen.append(card.id)
    return chosen
