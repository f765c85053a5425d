import random

import pytest

from learnpm.domain.drawing import (
    Candidate,
    allocate,
    draw_exam,
    draw_practice,
    option_order,
    scaled_minutes,
)

PMP = {"people": 33, "process": 41, "business-environment": 26}


def bank(**sizes):
    return [Candidate(f"{d}-{i}", d) for d, n in sizes.items() for i in range(n)]


def test_allocation_follows_weights_and_sums_exactly():
    counts = allocate(PMP, 180)
    assert counts == {"people": 59, "process": 74, "business-environment": 47}
    assert sum(allocate(PMP, 7).values()) == 7


def test_full_exam_is_drawn_to_the_weights_without_repeats():
    draw = draw_exam(bank(people=100, process=100, **{"business-environment": 100}), PMP, 180,
                     random.Random(1))
    assert len(draw.question_ids) == 180 == len(set(draw.question_ids))
    assert draw.per_domain == allocate(PMP, 180) and not draw.scaled_down and not draw.notes


def test_small_bank_scales_down_and_says_so():
    draw = draw_exam(bank(people=10, process=41, **{"business-environment": 26}), PMP, 180,
                     random.Random(1))
    assert draw.scaled_down and len(draw.question_ids) == len(set(draw.question_ids))
    assert draw.per_domain["people"] <= 10
    assert len(draw.question_ids) == 31  # the biggest exam whose People share fits in 10
    assert "too few questions" in draw.notes[0]


def test_empty_domain_is_left_out_with_a_note():
    draw = draw_exam(bank(people=30, process=30), PMP, 20, random.Random(1))
    assert len(draw.question_ids) == 20
    assert draw.per_domain == allocate({"people": 33, "process": 41}, 20)
    assert "business-environment" in draw.notes[0]


def test_tiny_bank_of_one():
    draw = draw_exam(bank(people=1), {"people": 100}, 50, random.Random(1))
    assert draw.question_ids == ("people-0",)


def test_empty_bank_draws_nothing():
    draw = draw_exam([], PMP, 180, random.Random(1))
    assert draw.question_ids == () and draw.scaled_down


def test_practice_prefers_given_ids_and_filters_domains():
    candidates = bank(people=5, process=5)
    chosen = draw_practice(candidates, 3, random.Random(2), domains=["process"],
                           prefer={"process-4", "people-1"})
    assert chosen[0] == "process-4" and len(chosen) == 3
    assert all(q.startswith("process") for q in chosen)
    assert draw_practice(candidates, 50, random.Random(2)) and len(
        draw_practice(candidates, 50, random.Random(2))) == 10


def test_option_order_shuffles_only_when_allowed():
    keys = list("abcdefgh")
    assert option_order(keys, False, random.Random(3)) == keys
    shuffled = option_order(keys, True, random.Random(3))
    assert sorted(shuffled) == keys and shuffled != keys


@pytest.mark.parametrize("questions, minutes", [(180, 240), (90, 120), (45, 60), (10, 14)])
def test_scaled_time_keeps_the_pace(questions, minutes):
    assert scaled_minutes(240, 180, questions) == minutes
