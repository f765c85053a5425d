"""Assignment states and the numbers a mentor's cohort dashboard shows."""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime


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


SORTS = {
    "name": lambda row: (row["name"].lower(),),
    "behind": lambda row: (-row["tally"].overdue, -row["tally"].open, row["name"].lower()),
    "activity": lambda row: (row["last_activity"] is None, _negated(row["last_activity"])),
}


def _negated(moment: datetime | None) -> float:
    return -moment.timestamp() if moment else 0.0


def sort_rows(rows: list[dict], key: str) -> list[dict]:
    return sorted(rows, key=SORTS.get(key, SORTS["name"]))
