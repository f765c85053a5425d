from learnpm.domain.scoring import (
    DEFAULT_BAR,
    Band,
    Grading,
    ResultKind,
    band_for,
    score_attempt,
    weakest_domains,
)

BANDS = (Band("Above Target", 80), Band("Target", 65), Band("Below Target", 50),
         Band("Needs Improvement", 0))


def test_bands():
    assert band_for(80, BANDS) == "Above Target"
    assert band_for(79.9, BANDS) == "Target"
    assert band_for(50, BANDS) == "Below Target"
    assert band_for(0, BANDS) == "Needs Improvement"


def test_attempt_score_with_pass_mark_and_domains():
    results = [("a", True)] * 6 + [("a", False)] * 4 + [("b", True)] * 2
    score = score_attempt(results, Grading(60, (), ("a", "b", "c")))
    assert (score.correct, score.total, score.passed) == (8, 12, True)
    assert [(d.domain, d.correct, d.total) for d in score.domains] == [("a", 6, 10), ("b", 2, 2)]


def test_attempt_score_with_ratings_has_no_pass():
    score = score_attempt([("a", True), ("a", False)], Grading(None, BANDS, ("a",)))
    assert score.passed is None and score.domains[0].band == "Below Target"


def test_practice_is_scored_without_pass_or_ratings():
    score = score_attempt([("a", True), ("a", False)], Grading(60, BANDS, ("a",)), graded=False)
    assert score.passed is None and score.domains[0].band is None and score.correct == 1


def test_all_unanswered_scores_zero_and_fails():
    score = score_attempt([("a", False)] * 5, Grading(60, (), ("a",)))
    assert score.percent == 0 and score.passed is False


def test_empty_attempt():
    score = score_attempt([], Grading(60, (), ("a",)))
    assert score.total == 0 and score.passed is False and score.domains == ()


def test_the_bar_is_the_pass_mark_or_the_target_floor():
    assert Grading(74).bar == 74 and Grading(74).kind is ResultKind.PASS_MARK
    ratings = Grading(None, BANDS)
    assert ratings.bar == 65 and ratings.kind is ResultKind.RATINGS
    assert ratings.is_weak(64.9) and not ratings.is_weak(65)
    assert Grading().bar == DEFAULT_BAR


def test_grading_survives_the_round_trip_through_attempt_columns():
    grading = Grading(None, BANDS, ("people", "process"))
    columns = grading.to_columns()
    assert Grading.from_columns(**columns) == grading


def test_weakest_domains_ignore_thin_evidence():
    totals = {"a": (2, 10), "b": (1, 2), "c": (9, 10), "d": (5, 10)}
    assert [d for d, _, _ in weakest_domains(totals)] == ["a", "d", "c"]
