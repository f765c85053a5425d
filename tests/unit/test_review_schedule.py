from datetime import datetime, timedelta

from fsrs import Rating

from learnpm.domain.review import (
    Confidence,
    DueCard,
    needs_review,
    rating_for,
    retrievability,
    schedule,
    todays_queue,
)

NOW = datetime(2026, 11, 27, 20, 0)


def test_a_missed_question_comes_back_tomorrow():
    state = schedule(None, False, NOW)
    assert state.due == NOW + timedelta(days=1)


def test_intervals_grow_when_remembered_and_shrink_when_missed():
    first = schedule(None, False, NOW)
    second = schedule(first.data, True, first.due)
    third = schedule(second.data, True, second.due)
    assert (second.due - first.due) < (third.due - second.due)
    lapse = schedule(third.data, False, third.due)
    assert lapse.due - third.due <= timedelta(days=1)


def test_retrievability_falls_with_time():
    state = schedule(schedule(None, False, NOW).data, True, NOW + timedelta(days=1))
    soon = retrievability(state.data, state.due)
    later = retrievability(state.data, state.due + timedelta(days=30))
    assert 0 < later < soon <= 1


def test_confidence_refines_the_grade():
    assert rating_for(False, Confidence.SURE) is Rating.Again
    assert rating_for(True, Confidence.SURE) is Rating.Easy
    assert rating_for(True, Confidence.UNSURE) is Rating.Hard
    assert rating_for(True) is Rating.Good
    assert needs_review(True, Confidence.UNSURE) and not needs_review(True, Confidence.SURE)
    assert needs_review(False, None)


def test_unsure_comes_back_sooner_than_sure():
    first = schedule(None, False, NOW)
    later = NOW + timedelta(days=1)
    sure = schedule(first.data, True, later, Confidence.SURE)
    unsure = schedule(first.data, True, later, Confidence.UNSURE)
    assert unsure.due < sure.due


def test_todays_queue_caps_new_cards_but_not_reviews():
    cards = [DueCard(i, NOW - timedelta(hours=i), new=i % 2 == 0) for i in range(1, 11)]
    # new cards: 2, 4, 6, 8, 10; reviews: 1, 3, 5, 7, 9. Oldest due first.
    assert todays_queue(cards, daily_new=2, new_done_today=0) == [10, 9, 8, 7, 5, 3, 1]
    assert todays_queue(cards, daily_new=2, new_done_today=2) == [9, 7, 5, 3, 1]
