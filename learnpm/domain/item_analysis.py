"""Classical item analysis: how hard each question is and how well it separates learners.

Facility is the share of answers that were right. Discrimination is the facility among the
top 27% of exam scores minus the facility among the bottom 27% (Kelley's upper-lower index):
a good question is answered right more often by those who do well overall. Figures on fewer
than MIN_ANSWERS answers are shown but never flagged.
"""
from collections.abc import Mapping
from dataclasses import dataclass

MIN_ANSWERS = 30
GROUP_SHARE = 0.27  # the upper and lower groups
TOO_HARD = 0.2  # facility below this
TOO_EASY = 0.95  # facility above this
WEAK_DISCRIMINATION = 0.1


@dataclass(frozen=True)
class ItemCounts:
    """What the database counts for one question (no arithmetic yet)."""

    question_id: str
    answers: int
    correct: int
    upper_answers: int = 0
    upper_correct: int = 0
    lower_answers: int = 0
    lower_correct: int = 0


@dataclass(frozen=True)
class ItemStats:
    counts: ItemCounts
    facility: float | None
    discrimination: float | None
    top_distractor: str | None  # the wrong response chosen most often
    flags: tuple[str, ...]

    @property
    def question_id(self) -> str:
        return self.counts.question_id

    @property
    def answers(self) -> int:
        return self.counts.answers


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def analyse(counts: ItemCounts, top_distractor: str | None = None) -> ItemStats:
    facility = _share(counts.correct, counts.answers)
    upper = _share(counts.upper_correct, counts.upper_answers)
    lower = _share(counts.lower_correct, counts.lower_answers)
    discrimination = upper - lower if upper is not None and lower is not None else None
    return ItemStats(counts, facility, discrimination, top_distractor,
                     tuple(_flags(counts.answers, facility, discrimination)))


def _flags(answers: int, facility: float | None, discrimination: float | None) -> list[str]:
    if answers < MIN_ANSWERS or facility is None:
        return []
    flags = []
    if facility < TOO_HARD:
        flags.append("very hard: check the key")
    if facility > TOO_EASY:
        flags.append("very easy: check for a giveaway")
    if discrimination is not None and discrimination < WEAK_DISCRIMINATION:
        flags.append("does not separate strong from weak learners")
    return flags


def top_wrong_response(counts: Mapping[str, int]) -> str | None:
    """The most chosen wrong response (ties: the first in sorted order, for stability)."""
    if not counts:
        return None
    return max(sorted(counts), key=lambda response: counts[response])


SORTS = {
    "facility": lambda s: (s.facility is None, s.facility or 0.0),
    "discrimination": lambda s: (s.discrimination is None, s.discrimination or 0.0),
    "answers": lambda s: (-s.answers,),
    "flags": lambda s: (-len(s.flags), s.facility or 0.0),
    "question": lambda s: (s.question_id,),
}
