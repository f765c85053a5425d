from learnpm.domain.item_analysis import MIN_ANSWERS, ItemCounts, analyse, top_wrong_response


def test_facility_and_upper_lower_discrimination():
    stats = analyse(ItemCounts("q1", answers=40, correct=24, upper_answers=10, upper_correct=9,
                               lower_answers=10, lower_correct=3), "b")
    assert stats.facility == 0.6
    assert round(stats.discrimination, 2) == 0.6  # 0.9 - 0.3
    assert stats.flags == () and stats.top_distractor == "b"


def test_flags_need_enough_answers():
    hard = ItemCounts("q2", answers=MIN_ANSWERS, correct=3, upper_answers=8, upper_correct=1,
                      lower_answers=8, lower_correct=1)
    assert analyse(hard).flags == ("very hard: check the key",
                                   "does not separate strong from weak learners")
    thin = ItemCounts("q3", answers=MIN_ANSWERS - 1, correct=0)
    assert analyse(thin).flags == () and analyse(thin).facility == 0.0


def test_very_easy_and_no_exam_groups():
    easy = analyse(ItemCounts("q4", answers=100, correct=97))
    assert easy.flags == ("very easy: check for a giveaway",) and easy.discrimination is None
    assert analyse(ItemCounts("q5", answers=0, correct=0)).facility is None


def test_most_chosen_wrong_response():
    assert top_wrong_response({'["a"]': 3, '["c"]': 5, '["d"]': 5}) == '["c"]'
    assert top_wrong_response({}) is None
