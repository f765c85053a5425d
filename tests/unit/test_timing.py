from datetime import datetime, timedelta

from learnpm.domain.timing import (
    GRACE_SECONDS,
    accepts_answers,
    break_credit,
    deadline_for,
    describe_duration,
    seconds_left,
    sections,
)

START = datetime(2026, 11, 27, 9, 0)


def test_deadline_and_grace():
    deadline = deadline_for(START, 60)
    assert accepts_answers(deadline, deadline)
    assert accepts_answers(deadline + timedelta(seconds=GRACE_SECONDS), deadline)
    assert not accepts_answers(deadline + timedelta(seconds=GRACE_SECONDS + 1), deadline)
    assert accepts_answers(START, None)  # practice has no clock


def test_seconds_left_never_negative():
    deadline = deadline_for(START, 1)
    assert seconds_left(START, deadline) == 60
    assert seconds_left(deadline + timedelta(hours=1), deadline) == 0
    assert seconds_left(START, None) is None


def test_describe_duration():
    assert describe_duration(30) == "under a minute"
    assert describe_duration(14 * 60) == "14 min"
    assert describe_duration(2 * 3600 + 5 * 60) == "2 h 05 min"


def test_sections_split_at_breaks():
    parts = sections(180, [60, 120])
    assert [(s.first, s.last) for s in parts] == [(1, 60), (61, 120), (121, 180)]
    assert 61 in parts[1] and 60 not in parts[1]
    assert [(s.first, s.last) for s in sections(10, [60])] == [(1, 10)]  # break beyond the end
    assert [(s.first, s.last) for s in sections(4, [2, 2, 0])] == [(1, 2), (3, 4)]


def test_break_credit_is_capped():
    assert break_credit(START, START + timedelta(minutes=4), 10) == timedelta(minutes=4)
    assert break_credit(START, START + timedelta(minutes=40), 10) == timedelta(minutes=10)
    assert break_credit(START, START - timedelta(minutes=1), 10) == timedelta(0)
