"""How ready a learner looks for an exam, said in words with what it rests on.

It is a rule of thumb, not a prediction the exam bodies endorse: it compares recent
results with the pass mark (or, where none is published, the "Target" band) and says
how much evidence it has.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .words import plural


@dataclass(frozen=True)
class ReadinessInput:
    exam_percents: Sequence[float]  # most recent first, full or scaled simulations
    practice_correct: int
    practice_total: int
    weak_domains: Sequence[str]  # domains under the bar in recent results
    threshold: float  # percent that counts as a pass (or the Target band's floor)


class ReadinessLevel(StrEnum):
    UNKNOWN = "unknown"
    NOT_YET = "not-yet"
    CLOSE = "close"
    READY = "ready"


class Confidence(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


@dataclass(frozen=True)
class Readiness:
    level: ReadinessLevel
    headline: str
    confidence: Confidence
    reasons: tuple[str, ...]


MARGIN = 5  # points above the bar before we call someone ready


def assess(data: ReadinessInput) -> Readiness:
    answered = data.practice_total
    recent = list(data.exam_percents[:3])
    if not recent and answered < 20:
        return Readiness(ReadinessLevel.UNKNOWN, "Not enough to go on yet", Confidence.LOW, (
            f"You have answered {plural(answered, 'practice question')}. "
            "Take a short exam simulation or answer at least 20 questions for a first reading.",))
    reasons = []
    scores = []
    if recent:
        average = sum(recent) / len(recent)
        scores.append(average)
        reasons.append(f"Your last {plural(len(recent), 'exam simulation')} "
                       f"averaged {average:.0f}%.")
    if answered:
        practice = 100 * data.practice_correct / answered
        scores.append(practice)
        reasons.append(f"You got {practice:.0f}% of {answered} recent practice questions right.")
    reasons.append(f"The bar used is {data.threshold:.0f}%.")
    if data.weak_domains:
        reasons.append("Below the bar in: " + ", ".join(data.weak_domains) + ".")
    # Simulations weigh more than practice: they are timed and mixed like the real exam.
    estimate = scores[0] if len(scores) == 1 else 0.7 * scores[0] + 0.3 * scores[1]
    evidence = len(recent) * 60 + answered
    confidence = Confidence.HIGH if evidence >= 200 and len(recent) >= 2 else (
        Confidence.MEDIUM if evidence >= 80 else Confidence.LOW)
    if estimate >= data.threshold + MARGIN and not data.weak_domains:
        return Readiness(ReadinessLevel.READY, "Looking ready", confidence, tuple(reasons))
    if estimate >= data.threshold - MARGIN:
        return Readiness(ReadinessLevel.CLOSE, "Getting close", confidence, tuple(reasons))
    return Readiness(ReadinessLevel.NOT_YET, "Not ready yet", confidence, tuple(reasons))
