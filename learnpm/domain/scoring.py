"""Marking answers and attempts, and PMI-style performance ratings per domain."""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Marked:
    correct: bool
    hits: int  # right choices made (or pairs matched)
    needed: int  # right choices in the key (or pairs)
    wrong_picks: int


def mark(kind: str, key: frozenset[str] | Sequence[str], response) -> Marked:
    """Mark one response. `key` is the correct option keys, or for matching the pair count.

    A multiple-response question scores only for exactly the right set, as the real exams
    do; `hits` and `wrong_picks` let results show a partly right answer.
    """
    if kind == "matching":
        pairs = len(key)
        given = response or {}
        hits = sum(1 for left in key if given.get(left) == left)
        return Marked(hits == pairs, hits, pairs, sum(1 for v in given.values() if v) - hits)
    chosen = set(response or ())
    expected = set(key)
    hits = len(chosen & expected)
    wrong = len(chosen - expected)
    return Marked(chosen == expected, hits, len(expected), wrong)


@dataclass(frozen=True)
class Band:
    name: str
    floor: float


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


def score_attempt(results: Iterable[tuple[str, bool]], domain_order: Sequence[str],
                  pass_percent: float | None = None, bands: Sequence[Band] = ()) -> AttemptScore:
    """Score (domain, correct) pairs; unanswered questions arrive as incorrect."""
    tally: dict[str, list[int]] = {d: [0, 0] for d in domain_order}
    for domain, correct in results:
        counts = tally.setdefault(domain, [0, 0])
        counts[0] += int(correct)
        counts[1] += 1
    domains = tuple(
        DomainScore(d, c, t, band_for(100 * c / t, bands) if bands and t else None)
        for d, (c, t) in tally.items() if t)
    correct = sum(d.correct for d in domains)
    total = sum(d.total for d in domains)
    passed = None if pass_percent is None else (total > 0 and 100 * correct / total >= pass_percent)
    return AttemptScore(correct, total, passed, domains)


def weakest_domains(totals: Mapping[str, tuple[int, int]], minimum: int = 5,
                    limit: int = 3) -> list[tuple[str, float, int]]:
    """Domains by lowest share correct, ignoring those with fewer than `minimum` answers."""
    rated = [(d, 100 * c / t, t) for d, (c, t) in totals.items() if t >= minimum]
    return sorted(rated, key=lambda item: (item[1], -item[2]))[:limit]
