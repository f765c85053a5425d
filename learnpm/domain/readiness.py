"""How ready a learner looks for an exam, said in words with what it rests on.

It is a rule of thumb, not a prediction the exam bodies endorse: it compares recent
results with the pass mark (or, where none is published, the "Target" band) and says
how much evidence it has. Each simulation counts by its size: a full mock weighs one,
a 10-question one of a 180-question exam about a twentieth. Practice, untimed and with
feedback, weighs at most half a mock.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .words import plural

MARGIN = 5  # points above the bar before we call someone ready
MOCKS_CONSIDERED = 3.0  # the most recent simulations, up to this many full mocks' worth
PRACTICE_WEIGHT = 0.5  # a full exam's worth of practice questions counts as half a mock


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
class SimulationResult:
    percent: float
    questions: int
    label: str  # when it was sat, e.g. "3 Dec"


@dataclass(frozen=True)
class ReadinessInput:
    simulations: Sequence[SimulationResult]  # most recent first
    full_size: int  # questions in the real exam
    practice_correct: int
    practice_total: int
    weak_domains: Sequence[str]  # domains under the bar in recent results
    threshold: float  # percent that counts as a pass (or the Target band's floor)


@dataclass(frozen=True)
class Readiness:
    level: ReadinessLevel
    headline: str
    confidence: Confidence
    reasons: tuple[str, ...]
    rests_on: tuple[SimulationResult, ...] = ()


def weight(result: SimulationResult, full_size: int) -> float:
    return min(1.0, result.questions / full_size) if full_size else 1.0


def considered(simulations: Sequence[SimulationResult], full_size: int
               ) -> list[SimulationResult]:
    """The most recent simulations, until they add up to MOCKS_CONSIDERED full mocks."""
    chosen: list[SimulationResult] = []
    total = 0.0
    for result in simulations:
        if total >= MOCKS_CONSIDERED:
            break
        chosen.append(result)
        total += weight(result, full_size)
    return chosen


def _describe(result: SimulationResult, full_size: int) -> str:
    size = "a full mock" if result.questions >= full_size else \
        f"a {result.questions}-question simulation"
    return f"{size} on {result.label} ({result.percent:.0f}%)"


def assess(data: ReadinessInput) -> Readiness:
    sims = considered(data.simulations, data.full_size)
    answered = data.practice_total
    if not sims and answered < 20:
        return Readiness(ReadinessLevel.UNKNOWN, "Not enough to go on yet", Confidence.LOW, (
            f"You have answered {plural(answered, 'practice question')}. "
            "Take a short exam simulation or answer at least 20 questions for a first reading.",))
    weights = [weight(s, data.full_size) for s in sims]
    sim_weight = sum(weights)
    practice_weight = PRACTICE_WEIGHT * min(1.0, answered / data.full_size) if answered else 0.0
    practice = 100 * data.practice_correct / answered if answered else 0.0
    estimate = (sum(w * s.percent for w, s in zip(weights, sims, strict=True))
                + practice_weight * practice) / (sim_weight + practice_weight)
    reasons = []
    if sims:
        reasons.append("It rests on " + ", ".join(_describe(s, data.full_size) for s in sims)
                       + (": bigger simulations count for more." if len(sims) > 1 else "."))
    if answered:
        reasons.append(f"You got {practice:.0f}% of {answered} recent practice questions right.")
    reasons.append(f"Weighted together that is {estimate:.0f}%; the bar used is "
                   f"{data.threshold:.0f}%.")
    if data.weak_domains:
        reasons.append("Below the bar in: " + ", ".join(data.weak_domains) + ".")
    confidence = (Confidence.HIGH if sim_weight >= 2 else
                  Confidence.MEDIUM if sim_weight >= 0.5 or practice_weight >= 0.25 else
                  Confidence.LOW)
    level, headline = _level(estimate, data)
    return Readiness(level, headline, confidence, tuple(reasons), tuple(sims))


def _level(estimate: float, data: ReadinessInput) -> tuple[ReadinessLevel, str]:
    if estimate >= data.threshold + MARGIN and not data.weak_domains:
        return ReadinessLevel.READY, "Looking ready"
    if estimate >= data.threshold - MARGIN:
        return ReadinessLevel.CLOSE, "Getting close"
    return ReadinessLevel.NOT_YET, "Not ready yet"
