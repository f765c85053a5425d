"""Reading a result: how each task went, and what changed since the previous attempt."""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TaskResult:
    task: str
    correct: int
    total: int

    @property
    def percent(self) -> float:
        return 100 * self.correct / self.total if self.total else 0.0

    @property
    def missed(self) -> int:
        return self.total - self.correct


def by_task(answers: Iterable[tuple[str | None, bool]]) -> list[TaskResult]:
    """(task, correct) pairs per task, weakest first: lowest share right, then most missed.

    Questions without a task are left out; they still count in the domain results.
    """
    tally: dict[str, list[int]] = {}
    for task, right in answers:
        if task:
            counts = tally.setdefault(task, [0, 0])
            counts[0] += int(right)
            counts[1] += 1
    results = [TaskResult(task, c, t) for task, (c, t) in tally.items()]
    return sorted(results, key=lambda r: (r.percent, -r.missed, r.task))


def weakest(results: Sequence[TaskResult], limit: int = 3) -> list[TaskResult]:
    """The tasks most worth studying: those with something missed, weakest first."""
    return [r for r in results if r.missed][:limit]


@dataclass(frozen=True)
class DomainChange:
    domain: str
    before: float | None  # percent in the previous attempt (None: not in it)
    now: float

    @property
    def change(self) -> float | None:
        return None if self.before is None else self.now - self.before

    @property
    def direction(self) -> str:
        """'up', 'down' or 'same' (within one point), or 'new' without an earlier score."""
        if self.change is None:
            return "new"
        if abs(self.change) < 1:
            return "same"
        return "up" if self.change > 0 else "down"


def compare(now: Sequence[Mapping[str, object]], before: Sequence[Mapping[str, object]]
            ) -> list[DomainChange]:
    """Per-domain change between two attempts' stored domain results."""
    def percents(rows: Sequence[Mapping[str, object]]) -> dict[str, float]:
        return {str(r["domain"]): 100 * _number(r["correct"]) / _number(r["total"])
                for r in rows if _number(r["total"])}
    earlier = percents(before)
    return [DomainChange(domain, earlier.get(domain), percent)
            for domain, percent in percents(now).items()]


def _number(value: object) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0
