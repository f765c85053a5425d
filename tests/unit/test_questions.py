"""The question snapshot: what a response may hold and whether it is right."""
from learnpm.domain.questions import Option, Pair, QuestionSnapshot, QuestionType

SINGLE = QuestionSnapshot(QuestionType.SINGLE, "Pick b", options=(
    Option("a", "A", False, "no"), Option("b", "B", True, "yes"), Option("c", "C", False, "no")))
MULTIPLE = QuestionSnapshot(QuestionType.MULTIPLE, "Pick a and c", options=(
    Option("a", "A", True, ""), Option("b", "B", False, ""), Option("c", "C", True, "")))
MATCHING = QuestionSnapshot(QuestionType.MATCHING, "Match", pairs=(
    Pair("1", "one"), Pair("2", "two"), Pair("3", "three")))


def test_single_answer():
    assert SINGLE.mark(["b"]).correct
    assert not SINGLE.mark(["a"]).correct
    assert not SINGLE.mark(None).correct


def test_multiple_response_needs_exactly_the_right_set():
    full = MULTIPLE.mark(["a", "c"])
    assert full.correct and full.hits == 2
    partial = MULTIPLE.mark(["a"])
    assert not partial.correct and (partial.hits, partial.needed, partial.wrong_picks) == (1, 2, 0)
    extra = MULTIPLE.mark(["a", "b", "c"])
    assert not extra.correct and extra.wrong_picks == 1


def test_matching_scores_every_pair():
    assert MATCHING.mark({"0": "0", "1": "1", "2": "2"}).correct
    half = MATCHING.mark({"0": "0", "1": "2", "2": "1"})
    assert not half.correct and half.hits == 1 and half.needed == 3
    assert MATCHING.mark(None).hits == 0


def test_a_response_keeps_only_what_the_question_offers():
    assert SINGLE.read_response(["z", "c", "a"], {}) == ["c"]  # one answer, the first valid
    assert MULTIPLE.read_response(["c", "a", "c", "x"], {}) == ["a", "c"]
    assert MULTIPLE.read_response([], {}) is None
    assert MATCHING.read_response([], {"0": "2", "1": "", "2": "9", "7": "0"}) == {"0": "2"}
    assert MATCHING.read_response([], {"0": ""}) is None


def test_the_right_response_scores():
    for question in (SINGLE, MULTIPLE, MATCHING):
        assert question.mark(question.right_response()).correct


def test_choice_keys_and_answer_key():
    assert SINGLE.choice_keys() == ["a", "b", "c"] and SINGLE.answer_key() == ["b"]
    assert MATCHING.choice_keys() == MATCHING.answer_key() == ["0", "1", "2"]


def test_snapshot_survives_the_round_trip_through_json():
    for question in (SINGLE, MULTIPLE, MATCHING):
        assert QuestionSnapshot.from_dict(question.to_dict()) == question
