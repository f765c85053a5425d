"""Choosing questions for a practice quiz or an exam simulation, and ordering options.

The exam draw follows the blueprint's domain weights. When the bank is too small for
the full exam it scales the exam down (keeping the weights) instead of repeating questions.
Both draws take the learner's preferred questions first (for an exam: those not met in an
earlier simulation, so successive full mocks are different exams until the bank runs out).
"""
import math
import random
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Candidate:
    id: str
    domain: str
    task: str | None = None
    approach: str | None = None
    difficulty: str | None = None


class Focus(StrEnum):
    """Which questions a practice set is made of."""

    UNSEEN_FIRST = "unseen"
    MISSED_FIRST = "missed"
    ANY = "any"
    UNSEEN_ONLY = "unseen-only"
    MISSED_ONLY = "missed-only"
    STARRED_ONLY = "starred"
    TARGETED = "targeted"  # unseen or missed questions only: the plan's practice set


def focus_sets(focus: Focus, bank: Collection[str], answered: Collection[str],
               missed: Collection[str], starred: Collection[str]
               ) -> tuple[set[str], set[str] | None]:
    """(preferred ids, the only ids allowed or None) for a practice set."""
    unseen = set(bank) - set(answered)
    match focus:
        case Focus.UNSEEN_FIRST:
            return unseen, None
        case Focus.MISSED_FIRST:
            return set(missed), None
        case Focus.UNSEEN_ONLY:
            return set(), unseen
        case Focus.MISSED_ONLY:
            return set(), set(missed)
        case Focus.STARRED_ONLY:
            return set(), set(starred)
        case Focus.TARGETED:
            return set(missed), unseen | set(missed)
    return set(), None


@dataclass(frozen=True)
class Filters:
    """What a practice set may contain; an empty collection allows anything."""

    domains: Collection[str] = ()
    tasks: Collection[str] = ()
    approaches: Collection[str] = ()
    difficulties: Collection[str] = ()

    def allow(self, candidate: Candidate) -> bool:
        return all(not wanted or value in wanted for wanted, value in (
            (self.domains, candidate.domain), (self.tasks, candidate.task),
            (self.approaches, candidate.approach), (self.difficulties, candidate.difficulty)))


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
              rng: random.Random, prefer: Collection[str] = ()) -> ExamDraw:
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
    preferred = set(prefer)
    chosen = [q for d, n in per_domain.items()
              for q in _preferred_first(pools[d], preferred, rng)[:n]]
    rng.shuffle(chosen)
    return ExamDraw(tuple(chosen), requested, per_domain, tuple(notes))


def _largest_fair_size(weights: Mapping[str, float], pools: Mapping[str, list[str]],
                       requested: int) -> int:
    """The biggest exam, up to `requested`, whose allocation fits in every domain's pool."""
    size = min(requested, sum(len(pools[d]) for d in weights))
    while size > 0 and any(n > len(pools[d]) for d, n in allocate(weights, size).items()):
        size -= 1
    return size


def _preferred_first(ids: Sequence[str], preferred: Collection[str], rng: random.Random
                     ) -> list[str]:
    first = [q for q in ids if q in preferred]
    rest = [q for q in ids if q not in preferred]
    rng.shuffle(first)
    rng.shuffle(rest)
    return first + rest


def draw_practice(candidates: Sequence[Candidate], count: int, rng: random.Random,
                  filters: Filters = Filters(), prefer: Collection[str] = (),
                  only: Collection[str] | None = None) -> list[str]:
    """Up to `count` questions that pass `filters`, `prefer`red ids first (e.g. unseen).

    With `only`, nothing else is taken: "missed only" means missed questions only, not a
    set filled up with others.
    """
    pool = [c.id for c in candidates if filters.allow(c) and (only is None or c.id in only)]
    return _preferred_first(pool, set(prefer), rng)[:count]


def unseen_for_full_exam(candidates: Sequence[Candidate], weights: Mapping[str, float],
                         full_size: int, seen: Collection[str]) -> tuple[int, int]:
    """(unseen questions a full exam would draw, full exam size): how many of the next mock's
    questions are new to the learner, given the weights."""
    unseen_by_domain: dict[str, int] = {d: 0 for d in weights}
    for c in candidates:
        if c.domain in unseen_by_domain and c.id not in seen:
            unseen_by_domain[c.domain] += 1
    needed = allocate({d: w for d, w in weights.items() if w > 0}, full_size)
    return sum(min(n, unseen_by_domain.get(d, 0)) for d, n in needed.items()), full_size


def option_order(keys: Sequence[str], shuffle: bool, rng: random.Random) -> list[str]:
    order = list(keys)
    if shuffle:
        rng.shuffle(order)
    return order


def scaled_minutes(exam_minutes: int, exam_questions: int, questions: int) -> int:
    """Time for a shortened simulation, at the real exam's pace per question."""
    return max(1, math.ceil(exam_minutes * questions / exam_questions))
