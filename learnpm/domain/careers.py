"""The gap between where a learner is and the role they want."""
from dataclasses import dataclass
from typing import Mapping, Sequence

from .skills import Gap, gaps


@dataclass(frozen=True)
class CareerGap:
    skills: tuple[Gap, ...]
    certifications: tuple[str, ...]  # helpful certifications not yet held
    experience_months: int  # still missing against the role's typical experience

    @property
    def closed(self) -> bool:
        return not self.skills and not self.experience_months


def career_gap(profile: Mapping[str, int], role_certifications: Sequence[str],
               role_experience_months: int, ratings: Mapping[str, int],
               held: Sequence[str], experience: int) -> CareerGap:
    return CareerGap(
        skills=tuple(gaps(ratings, profile)),
        certifications=tuple(c for c in role_certifications if c not in set(held)),
        experience_months=max(role_experience_months - experience, 0))
