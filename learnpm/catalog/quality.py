"""Editorial gates for question banks: the checks an editor would make, made executable.

Pure functions over catalog records (no Flask, no DB). `flask content quality` prints the
report for authors; tests/test_shipped_content.py holds every shipped bank to the limits.
"""
import difflib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from .entries import ExamBlueprint, Question

SIMILARITY_LIMIT = 0.8  # difflib ratio of normalised stems above which two stems are too alike
LONGEST_KEY_LIMIT = 0.30  # share of single-answer keys that are strictly the longest option
POSITION_LIMIT = 0.35  # share of single-answer keys in any one authored position
EASY_LIMIT = 0.40  # share of questions marked easy
WEIGHT_TOLERANCE = 3.0  # percentage points a domain's share may stray from its weight


def normalise(text: str) -> str:
    """Lower case, letters and digits only, single spaces: what 'the same stem' means."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


@dataclass(frozen=True)
class SimilarPair:
    first: str
    second: str
    ratio: float


def similar_stems(questions: Sequence[Question], limit: float = SIMILARITY_LIMIT,
                  among: Sequence[Question] | None = None) -> list[SimilarPair]:
    """Pairs of questions whose normalised stems have a difflib ratio over `limit`.

    With `among`, only pairs with at least one question from it are reported.

    difflib compares every pair in pure Python, too slow for thousands of questions, so
    rapidfuzz's Indel ratio (2*LCS/total, never below difflib's ratio) picks candidates in C
    first; difflib then decides, in both argument orders (its ratio is not symmetric). No pair
    over the limit can be missed.
    """
    stems = [normalise(q.stem) for q in questions]
    wanted = {q.id for q in among} if among is not None else None
    pairs = []
    for i, stem in enumerate(stems):
        for _, _, j in process.extract(stem, stems[i + 1:], scorer=fuzz.ratio,
                                       score_cutoff=100 * limit, limit=None):
            other = stems[i + 1 + j]
            if wanted is not None and not {questions[i].id, questions[i + 1 + j].id} & wanted:
                continue
            ratio = max(_ratio(stem, other), _ratio(other, stem))
            if ratio > limit:
                pairs.append(SimilarPair(questions[i].id, questions[i + 1 + j].id,
                                         round(ratio, 3)))
    return sorted(pairs, key=lambda p: -p.ratio)


def _ratio(first: str, second: str) -> float:
    """difflib's ratio depends on argument order, so callers take the larger of both."""
    return difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()


def _single_answer(questions: Iterable[Question]) -> list[Question]:
    return [q for q in questions if q.type == "single"]


def key_is_longest(question: Question) -> bool:
    """The keyed option is strictly longer than every other: a test-wise giveaway."""
    key = next(o for o in question.options if o.correct)
    return all(len(key.text) > len(o.text) for o in question.options if o is not key)


def key_position(question: Question) -> int:
    """1-based position of the keyed option as authored (before any shuffling)."""
    return next(n for n, o in enumerate(question.options, 1) if o.correct)


@dataclass(frozen=True)
class BankQuality:
    bank: str
    size: int
    easy_share: float
    longest_key_share: float
    key_positions: dict[int, float]
    domain_shares: dict[str, float]
    task_counts: dict[str, int]
    adaptive_share: float  # agile or hybrid
    types: dict[str, int]
    problems: tuple[str, ...] = field(default=())


def bank_quality(exam: ExamBlueprint, questions: Sequence[Question]) -> BankQuality:
    singles = _single_answer(questions)
    size = len(questions) or 1
    positions = Counter(key_position(q) for q in singles)
    quality = BankQuality(
        bank=exam.id, size=len(questions),
        easy_share=sum(q.difficulty == "easy" for q in questions) / size,
        longest_key_share=sum(map(key_is_longest, singles)) / (len(singles) or 1),
        key_positions={p: n / len(singles) for p, n in sorted(positions.items())},
        domain_shares={d.id: 100 * sum(q.domain == d.id for q in questions) / size
                       for d in exam.domains},
        task_counts={t.id: sum(q.task == t.id for q in questions)
                     for d in exam.domains for t in d.tasks},
        adaptive_share=sum(q.approach in ("agile", "hybrid") for q in questions) / size,
        types=dict(Counter(q.type for q in questions)))
    return BankQuality(**{**quality.__dict__, "problems": tuple(_problems(exam, quality))})


def _problems(exam: ExamBlueprint, quality: BankQuality) -> Iterable[str]:
    if quality.easy_share > EASY_LIMIT:
        yield f"{quality.easy_share:.0%} of questions are easy (at most {EASY_LIMIT:.0%})"
    if quality.longest_key_share > LONGEST_KEY_LIMIT:
        yield (f"the key is the longest option in {quality.longest_key_share:.0%} of "
               f"single-answer questions (at most {LONGEST_KEY_LIMIT:.0%})")
    for position, share in quality.key_positions.items():
        if share > POSITION_LIMIT:
            yield (f"{share:.0%} of single-answer keys sit in position {position} "
                   f"(at most {POSITION_LIMIT:.0%})")
    for domain in exam.domains:
        share = quality.domain_shares[domain.id]
        if abs(share - domain.weight) > WEIGHT_TOLERANCE:
            yield (f"domain {domain.id} holds {share:.1f}% of the bank; its weight is "
                   f"{domain.weight:g}% (within {WEIGHT_TOLERANCE:g} points)")
    untagged = [t for t, n in quality.task_counts.items() if n == 0]
    if untagged:
        yield f"no question tests task(s): {', '.join(untagged)}"
