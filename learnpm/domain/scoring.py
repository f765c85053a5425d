"""Scoring attempts: totals, pass/fail where a pass mark exists, PMI-style ratings per domain,
and the bar below which a domain counts as weak."""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

DEFAULT_BAR = 65.0  # when an exam has neither a pass mark nor a "Target" band


class ResultKind(StrEnum):
    PASS_MARK = "pass_mark"  # the body publishes a pass mark
    RATINGS = "ratings"  # pass/fail with a rating per domain, no published mark (PMI)


@dataclass(frozen=True)
class Band:
    name: str
    floor: float


@dataclass(frozen=True)
class Grading:
    """How an exam is graded: fixed on an attempt when it starts."""

    pass_percent: float | None = None
    bands: tuple[Band, ...] = ()
    domain_order: tuple[str, ...] = ()

    @property
    def kind(self) -> ResultKind:
        return ResultKind.PASS_MARK if self.pass_percent is not None else ResultKind.RATINGS

    @property
    def bar(self) -> float:
        """What counts as good enough: the pass mark, or the floor of the Target band."""
        if self.pass_percent is not None:
            return self.pass_percent
        target = [b.floor for b in self.bands if b.name.lower() == "target"]
        return target[0] if target else DEFAULT_BAR

    def is_weak(self, percent: float) -> bool:
        return percent < self.bar

    def band_for(self, percent: float) -> str | None:
        return band_for(percent, self.bands)

    def to_columns(self) -> dict[str, Any]:
        """The values an attempt stores."""
        return {"pass_percent": self.pass_percent,
                "bands": [{"name": b.name, "floor": b.floor} for b in self.bands],
                "domain_order": list(self.domain_order)}

    @classmethod
    def from_columns(cls, pass_percent: float | None, bands: Sequence[Mapping[str, Any]],
                     domain_order: Sequence[str]) -> "Grading":
        return cls(pass_percent, tuple(Band(b["name"], float(b["floor"])) for b in bands),
                   tuple(domain_order))


@dataclass(frozen=True)
class DomainScore:
    domain: str
    correct: int
    total: int
    band: str | None

    @property
    def percent(self) -> float:
        return 100 * self.correct / self.total if self.total else 0.0


@dataclass(frozen=True)
class AttemptScore:
    correct: int
    total: int
    passed: bool | None  # None where the exam publishes no pass mark
    domains: tuple[DomainScore, ...]

    @property
    def percent(self) -> float:
        return 100 * self.correct / self.total if self.total else 0.0


def band_for(percent: float, bands: Sequence[Band]) -> str | None:
    for band in sorted(bands, key=lambda b: -b.floor):
        if percent >= band.floor:
            return band.name
    return None


def score_attempt(results: Iterable[tuple[str, bool]], grading: Grading,
                  graded: bool = True) -> AttemptScore:
    """Score (domain, correct) pairs; unanswered questions arrive as incorrect.

    `graded` False (practice) gives totals per domain without a pass or ratings.
    """
    tally: dict[str, list[int]] = {d: [0, 0] for d in grading.domain_order}
    for domain, right in results:
        counts = tally.setdefault(domain, [0, 0])
        counts[0] += int(right)
        counts[1] += 1
    bands = grading.bands if graded else ()
    domains = tuple(
        DomainScore(d, c, t, band_for(100 * c / t, bands) if bands and t else None)
        for d, (c, t) in tally.items() if t)
    correct = sum(d.correct for d in domains)
    total = sum(d.total for d in domains)
    passed = None
    if graded and grading.pass_percent is not None:
        passed = total > 0 and 100 * correct / total >= grading.pass_percent
    return AttemptScore(correct, total, passed, domains)


def weakest_domains(totals: Mapping[str, tuple[int, int]], minimum: int = 5,
                    limit: int = 3) -> list[tuple[str, float, int]]:
    """Domains by lowest share correct, ignoring those with fewer than `minimum` answers."""
    rated = [(d, 100 * c / t, t) for d, (c, t) in totals.items() if t >= minimum]
    return sorted(rated, key=lambda item: (item[1], -item[2]))[:limit]
