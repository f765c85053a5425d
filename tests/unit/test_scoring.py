from learnpm.domain.scoring import Band, band_for, mark, score_attempt, weakest_domains

BANDS = [Band("Above Target", 80), Band("Target", 65), Band("Below Target", 50),
         Band("Needs Improvement", 0)]


def test_single_answer():
    assert mark("single", {"b"}, ["b"]).correct
    assert not mark("single", {"b"}, ["a"]).correct
    assert not mark("single", {"b"}, None).correct


def test_multiple_response_needs_exactly_the_right_set():
    full = mark("multiple", {"a", "c"}, ["a", "c"])
    assert full.correct and full.hits == 2
    partial = mark("multiple", {"a", "c"}, ["a"])
    assert not partial.correct and (partial.hits, partial.needed, partial.wrong_picks) == (1, 2, 0)
    extra = mark("multiple", {"a", "c"}, ["a", "b", "c"])
    assert not extra.correct and extra.wrong_picks == 1


def test_matching_scores_every_pair():
    key = ["0", "1", "2"]
    assert mark("matching", key, {"0": "0", "1": "1", "2": "2"}).correct
    half = mark("matching", key, {"0": "0", "1": "2", "2": "1"})
    assert not half.correct and half.hits == 1 and half.needed == 3
    assert mark("matching", key, None).hits == 0


def test_bands():
    assert band_for(80, BANDS) == "Above Target"
    assert band_for(79.9, BANDS) == "Target"
    assert band_for(50, BANDS) == "Below Target"
    assert band_for(0, BANDS) == "Needs Improvement"


def test_attempt_score_with_pass_mark_and_domains():
    results = [("a", True)] * 6 + [("a", False)] * 4 + [("b", True)] * 2
    score = score_attempt(results, ["a", "b", "c"], pass_percent=60)
    assert (score.correct, score.total, score.passed) == (8, 12, True)
    assert [(d.domain, d.correct, d.total) for d in score.domains] == [("a", 6, 10), ("b", 2, 2)]


def test_attempt_score_with_ratings_has_no_pass():
    score = score_attempt([("a", True), ("a", False)], ["a"], bands=BANDS)
    assert score.passed is None and score.domains[0].band == "Below Target"


def test_all_unanswered_scores_zero_and_fails():
    score = score_attempt([("a", False)] * 5, ["a"], pass_percent=60)
    assert score.percent == 0 and score.passed is False


def test_empty_attempt():
    score = score_attempt([], ["a"], pass_percent=60)
    assert score.total == 0 and score.passed is False and score.domains == ()


def test_weakest_domains_ignore_thin_evidence():
    totals = {"a": (2, 10), "b": (1, 2), "c": (9, 10), "d": (5, 10)}
    assert [d for d, _, _ in weakest_domains(totals)] == ["a", "d", "c"]
