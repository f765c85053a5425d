"""A question as a learner sees it, and the one rule for reading and marking an answer.

Attempts store this snapshot (as JSON) so a later edit of the bank never changes a past
result; the review queue and practice build it from the catalog. Either way the same
code decides what a response may contain and whether it is right.
"""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

Response = list[str] | dict[str, str]


class QuestionType(StrEnum):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"
    MATCHING = "matching"


@dataclass(frozen=True, slots=True)  # slots: a catalog holds tens of thousands
class Option:
    key: str  # stable letter in authored order: a, b, c, ...
    text: str
    correct: bool
    why: str


@dataclass(frozen=True, slots=True)
class Pair:
    left: str
    right: str


@dataclass(frozen=True)
class Marked:
    correct: bool
    hits: int  # right choices made (or pairs matched)
    needed: int  # right choices in the key (or pairs)
    wrong_picks: int


@dataclass(frozen=True)
class QuestionSnapshot:
    type: QuestionType
    stem: str
    explanation: str = ""
    options: tuple[Option, ...] = ()
    pairs: tuple[Pair, ...] = ()
    modules: tuple[str, ...] = ()
    task: str | None = None
    difficulty: str = "medium"
    _by_key: dict[str, Option] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {o.key: o for o in self.options})

    @property
    def is_matching(self) -> bool:
        return self.type is QuestionType.MATCHING

    def option(self, key: str) -> Option:
        return self._by_key[key]

    def choice_keys(self) -> list[str]:
        """What a response picks from: option keys, or for matching the pairs' indexes.

        In a matching response {left: right}, both sides are pair indexes as strings:
        the left-hand item of pair i is answered correctly by the right-hand item of pair i.
        """
        if self.is_matching:
            return [str(i) for i in range(len(self.pairs))]
        return [o.key for o in self.options]

    def answer_key(self) -> list[str]:
        if self.is_matching:
            return self.choice_keys()
        return [o.key for o in self.options if o.correct]

    def right_response(self) -> Response:
        """The response that scores: the key, or every pair matched."""
        keys = self.answer_key()
        return {k: k for k in keys} if self.is_matching else keys

    def read_response(self, chosen: Sequence[str], matches: Mapping[str, str]
                      ) -> Response | None:
        """Keep only what the question offers: `chosen` option keys, or `matches` {left: right}.

        None when nothing usable was given.
        """
        offered = set(self.choice_keys())
        if self.is_matching:
            picked = {left: right for left, right in matches.items()
                      if left in offered and right in offered}
            return picked or None
        keys = [k for k in chosen if k in offered]
        if self.type is not QuestionType.MULTIPLE:
            keys = keys[:1]
        return sorted(set(keys)) or None

    def mark(self, response: Response | None) -> Marked:
        """Right only for exactly the right set (or every pair), as the real exams score it;
        `hits` and `wrong_picks` let results show a partly right answer."""
        if self.is_matching:
            given = response if isinstance(response, dict) else {}
            keys = self.answer_key()
            hits = sum(1 for left in keys if given.get(left) == left)
            return Marked(hits == len(keys), hits, len(keys),
                          sum(1 for right in given.values() if right) - hits)
        chosen = set(response or ())
        expected = set(self.answer_key())
        return Marked(chosen == expected, len(chosen & expected), len(expected),
                      len(chosen - expected))

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": self.type.value, "stem": self.stem, "explanation": self.explanation,
            "options": [{"key": o.key, "text": o.text, "correct": o.correct, "why": o.why}
                        for o in self.options],
            "pairs": [{"left": p.left, "right": p.right} for p in self.pairs],
            "modules": list(self.modules), "task": self.task, "difficulty": self.difficulty,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "QuestionSnapshot":
        return cls(
            type=QuestionType(data["type"]), stem=data["stem"],
            explanation=data.get("explanation", ""),
            options=tuple(Option(o["key"], o["text"], bool(o["correct"]), o.get("why", ""))
                          for o in data.get("options", ())),
            pairs=tuple(Pair(p["left"], p["right"]) for p in data.get("pairs", ())),
            modules=tuple(data.get("modules", ())), task=data.get("task"),
            difficulty=data.get("difficulty", "medium"))
