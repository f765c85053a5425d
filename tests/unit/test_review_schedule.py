from datetime import datetime, timedelta

from learnpm.domain.review import retrievability, schedule

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
