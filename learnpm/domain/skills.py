"""Skill ratings compared with a target profile: gaps, strengths and change over time."""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol, TypeVar


class HasKind(Protocol):
    kind: str  # "skill" or "duty"


K = TypeVar("K", bound=HasKind)


@dataclass(frozen=True)
class Gap:
    skill: str
    have: int
    need: int

    @property
    def size(self) -> int:
        return self.need - self.have


def gaps(ratings: Mapping[str, int], target: Mapping[str, int]) -> list[Gap]:
    """Skills below the target, largest gap first (unrated skills count as level 0)."""
    found = [Gap(s, ratings.get(s, 0), need) for s, need in target.items()
             if ratings.get(s, 0) < need]
    return sorted(found, key=lambda g: (-g.size, g.skill))


def strengths(ratings: Mapping[str, int], target: Mapping[str, int]) -> list[str]:
    """Skills at or above the target, the furthest above first."""
    above = [(s, level - target.get(s, 0)) for s, level in ratings.items()
             if level >= target.get(s, 0) > 0]
    return [s for s, _ in sorted(above, key=lambda item: (-item[1], item[0]))]


def changes(now: Mapping[str, int], before: Mapping[str, int]) -> dict[str, int]:
    """Level change per skill since an earlier assessment (only skills rated both times)."""
    return {s: now[s] - before[s] for s in now if s in before and now[s] != before[s]}


def modules_for(skill_gaps: Sequence[Gap], modules_by_skill: Mapping[str, Sequence[str]],
                done: set[str], limit: int = 6) -> list[str]:
    """Modules that build the weakest skills first, skipping ones already completed."""
    chosen: list[str] = []
    for gap in skill_gaps:
        for slug in modules_by_skill.get(gap.skill, ()):
            if slug not in done and slug not in chosen:
                chosen.append(slug)
    return chosen[:limit]


KIND_HEADINGS = (("skill", "Skills"), ("duty", "Core duties"))
REPEAT_WINDOW = timedelta(minutes=5)


@dataclass(frozen=True)
class Comparison:
    skill: str
    before: int | None  # None: not rated in that assessment
    now: int | None

    @property
    def delta(self) -> int | None:
        return None if self.before is None or self.now is None else self.now - self.before

    @property
    def direction(self) -> str:
        """"up", "down", "same", or "new" when one side has no rating."""
        if self.delta is None:
            return "new"
        return "up" if self.delta > 0 else "down" if self.delta < 0 else "same"


def compare(skill_ids: Sequence[str], now: Mapping[str, int],
            before: Mapping[str, int]) -> list[Comparison]:
    """Every skill's level then and now, in the order given (changes() keeps only the moves)."""
    return [Comparison(s, before.get(s), now.get(s)) for s in skill_ids]


def by_kind(skills: Iterable[K]) -> list[tuple[str, list[K]]]:
    """Skills, then core duties, each in framework order; empty groups are left out."""
    listed = list(skills)
    groups = [(heading, [s for s in listed if s.kind == kind]) for kind, heading in KIND_HEADINGS]
    return [(heading, members) for heading, members in groups if members]


def is_repeat(previous: Mapping[str, tuple[int, str]], previous_at: datetime,
              submitted: Mapping[str, tuple[int, str]], now: datetime) -> bool:
    """The same ratings and evidence saved again moments later: a double click or a resent form."""
    return dict(previous) == dict(submitted) and now - previous_at < REPEAT_WINDOW
