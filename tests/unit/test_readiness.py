from learnpm.domain.readiness import ReadinessInput, assess


def data(**overrides):
    base = dict(exam_percents=[], practice_correct=0, practice_total=0, weak_domains=[],
                threshold=65)
    base.update(overrides)
    return ReadinessInput(**base)


def test_no_evidence_says_so():
    result = assess(data(practice_correct=3, practice_total=5))
    assert result.level == "unknown" and result.confidence == "low"
    assert "answered 5 practice questions" in result.reasons[0]


def test_strong_recent_simulations_look_ready():
    result = assess(data(exam_percents=[82, 78, 80], practice_correct=160, practice_total=200))
    assert result.level == "ready" and result.confidence == "high"
    assert any("averaged 80%" in r for r in result.reasons)


def test_a_weak_domain_holds_back_ready():
    result = assess(data(exam_percents=[85, 85], practice_correct=90, practice_total=100,
                         weak_domains=["Business Environment"]))
    assert result.level == "close"
    assert "Below the bar in: Business Environment." in result.reasons


def test_low_scores_are_not_ready_and_practice_alone_counts():
    assert assess(data(practice_correct=10, practice_total=40)).level == "not-yet"
    assert assess(data(practice_correct=27, practice_total=40)).level == "close"
