from learnpm.domain.readiness import (
    Confidence,
    ReadinessInput,
    ReadinessLevel,
    SimulationResult,
    assess,
    considered,
)

FULL = 180


def sim(percent, questions=FULL, label="1 Dec"):
    return SimulationResult(percent, questions, label)


def data(**overrides):
    base = dict(simulations=[], full_size=FULL, practice_correct=0, practice_total=0,
                weak_domains=[], threshold=65)
    base.update(overrides)
    return ReadinessInput(**base)


def test_no_evidence_says_so():
    result = assess(data(practice_correct=3, practice_total=5))
    assert result.level is ReadinessLevel.UNKNOWN and result.confidence is Confidence.LOW
    assert "answered 5 practice questions" in result.reasons[0]


def test_strong_recent_full_mocks_look_ready_and_say_what_they_rest_on():
    result = assess(data(simulations=[sim(82, label="3 Dec"), sim(78, label="24 Nov")],
                         practice_correct=160, practice_total=200))
    assert result.level is ReadinessLevel.READY and result.confidence is Confidence.HIGH
    assert result.reasons[0] == ("It rests on a full mock on 3 Dec (82%), a full mock on "
                                 "24 Nov (78%): bigger simulations count for more.")
    # (82 + 78 + 0.5 * 80) / 2.5 = 80
    assert "Weighted together that is 80%; the bar used is 65%." in result.reasons


def test_a_short_simulation_weighs_by_its_size():
    # A full mock at 50% and a 10-question sprint at 100%: (50*1 + 100*10/180) / (1 + 1/18)
    result = assess(data(simulations=[sim(100, 10, "5 Dec"), sim(50, FULL, "1 Dec")]))
    assert "Weighted together that is 53%" in " ".join(result.reasons)
    assert result.level is ReadinessLevel.NOT_YET
    assert "a 10-question simulation on 5 Dec (100%)" in result.reasons[0]


def test_only_the_latest_three_mocks_worth_count():
    sims = [sim(70, label=f"{d} Nov") for d in (30, 20, 10)] + [sim(10, label="1 Nov")]
    assert [s.label for s in considered(sims, FULL)] == ["30 Nov", "20 Nov", "10 Nov"]
    assert assess(data(simulations=sims)).level is ReadinessLevel.READY  # the 10% is too old


def test_a_weak_domain_holds_back_ready():
    result = assess(data(simulations=[sim(85), sim(85)], practice_correct=90,
                         practice_total=100, weak_domains=["Business Environment"]))
    assert result.level is ReadinessLevel.CLOSE
    assert "Below the bar in: Business Environment." in result.reasons


def test_low_scores_are_not_ready_and_practice_alone_counts():
    assert assess(data(practice_correct=10, practice_total=40)).level is ReadinessLevel.NOT_YET
    close = assess(data(practice_correct=27, practice_total=40))
    assert close.level is ReadinessLevel.CLOSE and close.confidence is Confidence.LOW
