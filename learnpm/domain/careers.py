"""The gap between where a learner is and the role they want."""
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from .certification import EDUCATION_LEVELS
from .skills import Gap, gaps

EDUCATION_LABELS = dict(zip(EDUCATION_LEVELS, (
    "Secondary school", "Associate degree", "Bachelor's degree or higher",
    "Degree from a PMI-accredited (GAC) programme"), strict=True))


class RoleLike(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def track(self) -> str: ...  # "ladder" or "lateral"

    @property
    def rank(self) -> int | None: ...


R = TypeVar("R", bound=RoleLike)


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


def split_tracks(roles: Iterable[R]) -> tuple[list[R], list[R]]:
    """The ladder from its first rung up, and the lateral moves by name."""
    listed = list(roles)
    ladder = sorted((r for r in listed if r.track == "ladder"),
                    key=lambda r: (r.rank is None, r.rank or 0, r.name))
    lateral = sorted((r for r in listed if r.track != "ladder"), key=lambda r: r.name.lower())
    return ladder, lateral


def with_article(role_name: str) -> str:
    """A role name as it reads mid-sentence: "a project manager", "a Scrum Master / agile coach".

    The first word is lower-cased unless the name reads as a proper name (its second word is
    capitalised too, as in "Scrum Master") or the word is an abbreviation ("PMO lead").
    """
    words = role_name.split()
    if not words:
        return role_name
    first = words[0]
    proper = first.isupper() or (len(words) > 1 and words[1][:1].isupper())
    if not proper:
        first = first[:1].lower() + first[1:]
    article = "an" if first[:1].lower() in "aeiou" else "a"
    return " ".join([article, first, *words[1:]])
