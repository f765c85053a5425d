"""Skill ratings compared with a target profile: gaps, strengths and change over time."""
from dataclasses import dataclass
from typing import Mapping, Sequence


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
