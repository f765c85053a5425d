"""Choosing questions for a practice quiz or an exam simulation, and ordering options.

The exam draw follows the blueprint's domain weights. When the bank is too small for
the full exam it scales the exam down (keeping the weights) instead of repeating questions.
"""
import math
import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Candidate:
    id: str
    domain: str


@dataclass(frozen=True)
class ExamDraw:
    question_ids: tuple[str, ...]
    requested: int
    per_domain: Mapping[str, int]
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def scaled_down(self) -> bool:
        return len(self.question_ids) < self.requested


def allocate(weights: Mapping[str, float], total: int) -> dict[str, int]:
    """Split `total` across domains by weight (largest remainder, so it sums exactly)."""
    weight_sum = sum(weights.values())
    if total <= 0 or weight_sum <= 0:
        return {d: 0 for d in weights}
    exact = {d: total * w / weight_sum for d, w in weights.items()}
    counts = {d: math.floor(x) for d, x in exact.items()}
    by_remainder = sorted(weights, key=lambda d: (-(exact[d] - counts[d]), -weights[d], d))
    for domain in by_remainder[: total - sum(counts.values())]:
        counts[domain] += 1
    return counts


def draw_exam(candidates: Sequence[Candidate], weights: Mapping[str, float], requested: int,
              rng: random.Random) -> ExamDraw:
    pools: dict[str, list[str]] = {d: [] for d in weights}
    for candidate in candidates:
        if candidate.domain in pools:
            pools[candidate.domain].append(candidate.id)
    notes = []
    empty = [d for d, ids in pools.items() if not ids and weights[d] > 0]
    if empty:
        notes.append("No questions yet for: " + ", ".join(empty) + ". They are left out.")
    usable = {d: w for d, w in weights.items() if pools[d] and w > 0}
    size = _largest_fair_size(usable, pools, requested)
    if size < requested:
        notes.append(f"The bank has too few questions for a {requested}-question exam in the "
                     f"right proportions, so this simulation has {size} questions.")
    per_domain = allocate(usable, size)
    chosen = [q for d, n in per_domain.items() for q in rng.sample(pools[d], n)]
    rng.shuffle(chosen)
    return ExamDraw(tuple(chosen), requested, per_domain, tuple(notes))


def _largest_fair_size(weights: Mapping[str, float], pools: Mapping[str, list[str]],
                       requested: int) -> int:
    """The biggest exam, up to `requested`, whose allocation fits in every domain's pool."""
    size = min(requested, sum(len(pools[d]) for d in weights))
    while size > 0 and any(n > len(pools[d]) for d, n in allocate(weights, size).items()):
        size -= 1
    return size


def draw_practice(candidates: Sequence[Candidate], count: int, rng: random.Random,
                  domains: Collection[str] = (), prefer: Collection[str] = ()) -> list[str]:
    """Up to `count` questions from the chosen domains, `prefer`red ids first (e.g. unseen)."""
    pool = [c.id for c in candidates if not domains or c.domain in domains]
    preferred = set(prefer)
    first = [q for q in pool if q in preferred]
    rest = [q for q in pool if q not in preferred]
    rng.shuffle(first)
    rng.shuffle(rest)
    return (first + rest)[:count]


def option_order(keys: Sequence[str], shuffle: bool, rng: random.Random) -> list[str]:
    order = list(keys)
    if shuffle:
        rng.shuffle(order)
    return order


def scaled_minutes(exam_minutes: int, exam_questions: int, questions: int) -> int:
    """Time for a shortened simulation, at the real exam's pace per question."""
    return max(1, math.ceil(exam_minutes * questions / exam_questions))
