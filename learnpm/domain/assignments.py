"""Assignment states and the numbers a mentor's cohort dashboard shows."""
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any


def state(due: date | None, completed: datetime | None, today: date) -> str:
    """'done', 'overdue' or 'open'."""
    if completed is not None:
        return "done"
    if due is not None and due < today:
        return "overdue"
    return "open"


@dataclass(frozen=True)
class Tally:
    done: int = 0
    open: int = 0
    overdue: int = 0

    @property
    def total(self) -> int:
        return self.done + self.open + self.overdue


def tally(rows: Iterable[tuple[date | None, datetime | None]], today: date) -> Tally:
    counts = {"done": 0, "open": 0, "overdue": 0}
    for due, completed in rows:
        counts[state(due, completed, today)] += 1
    return Tally(**counts)


def nearest_due(rows: Iterable[tuple[date | None, datetime | None]], today: date) -> date | None:
    """The earliest due date among unfinished assignments (overdue ones included)."""
    dates = [due for due, completed in rows if completed is None and due is not None]
    return min(dates) if dates else None


@dataclass(frozen=True)
class LatestExam:
    bank: str
    correct: int
    total: int
    weak_domains: tuple[str, ...]  # domain ids below the exam's bar

    @property
    def percent(self) -> float:
        return 100 * self.correct / self.total if self.total else 0.0


@dataclass
class CohortRow:
    """One mentee on the mentor's dashboard."""

    id: int
    name: str
    email: str
    job_title: str
    tally: Tally
    next_due: date | None
    last_activity: datetime | None
    exam: LatestExam | None = None
    skills: dict[str, int] = field(default_factory=dict)  # latest self-rating per skill
    certifications: list[tuple[str, str]] = field(default_factory=list)  # (cert id, status)

    @property
    def lowest_skill(self) -> tuple[str, int] | None:
        return min(self.skills.items(), key=lambda item: (item[1], item[0]), default=None)


SORTS: dict[str, Callable[[CohortRow], tuple[Any, ...]]] = {
    "name": lambda row: (row.name.lower(),),
    "behind": lambda row: (-row.tally.overdue, -row.tally.open, row.name.lower()),
    "activity": lambda row: (row.last_activity is None, _negated(row.last_activity)),
}


def _negated(moment: datetime | None) -> float:
    return -moment.timestamp() if moment else 0.0


def sort_rows(rows: list[CohortRow], key: str) -> list[CohortRow]:
    return sorted(rows, key=SORTS.get(key, SORTS["name"]))
