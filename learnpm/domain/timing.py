"""Exam clocks and sections. Times are naive UTC datetimes, as stored in the database."""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# An answer sent as the clock runs out (the browser's auto-submit) is still accepted if it
# arrives within this many seconds; anything later is refused.
GRACE_SECONDS = 5


def deadline_for(started: datetime, minutes: int) -> datetime:
    return started + timedelta(minutes=minutes)


def accepts_answers(now: datetime, deadline: datetime | None) -> bool:
    return deadline is None or now <= deadline + timedelta(seconds=GRACE_SECONDS)


def seconds_left(now: datetime, deadline: datetime | None) -> int | None:
    if deadline is None:
        return None
    return max(0, int((deadline - now).total_seconds()))


def describe_duration(seconds: int) -> str:
    """'2 h 05 min', '14 min', 'under a minute'."""
    minutes = seconds // 60
    if minutes == 0:
        return "under a minute"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


@dataclass(frozen=True)
class Section:
    number: int  # 1-based
    first: int  # first question position, 1-based
    last: int

    def __contains__(self, position: int) -> bool:
        return self.first <= position <= self.last


def sections(question_count: int, break_after: Sequence[int]) -> list[Section]:
    """Split an exam at its breaks; after a break, earlier sections are closed."""
    cuts = sorted(p for p in set(break_after) if 0 < p < question_count)
    bounds = [0, *cuts, question_count]
    return [Section(i + 1, bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]


def break_credit(break_started: datetime, now: datetime, allowed_minutes: int) -> timedelta:
    """Exam time given back for a break: the time taken, up to the allowance."""
    return min(max(now - break_started, timedelta(0)), timedelta(minutes=allowed_minutes))
