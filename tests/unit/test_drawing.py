import random

import pytest

from learnpm.domain.drawing import (
    Candidate,
    Filters,
    allocate,
    draw_exam,
    draw_practice,
    option_order,
    scaled_minutes,
    unseen_for_full_exam,
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
    chosen = draw_practice(candidates, 3, random.Random(2), Filters(domains=["process"]),
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


def test_exam_draw_takes_preferred_questions_first_in_every_domain():
    candidates = bank(people=80, process=100, **{"business-environment": 60})
    fresh = {c.id for c in candidates if int(c.id.rsplit("-", 1)[1]) % 2 == 0}
    draw = draw_exam(candidates, PMP, 100, random.Random(3), prefer=fresh)
    assert set(draw.question_ids) <= fresh  # enough fresh ones in each domain


def test_successive_mocks_do_not_repeat_until_the_bank_runs_out():
    candidates = bank(people=40, process=50, **{"business-environment": 33})
    seen: set[str] = set()
    for n in range(3):
        draw = draw_exam(candidates, PMP, 40, random.Random(n), prefer={
            c.id for c in candidates if c.id not in seen})
        assert not seen & set(draw.question_ids)
        seen |= set(draw.question_ids)
    assert len(seen) == 120  # 3 x 40, none twice


def test_practice_filters_by_task_approach_and_difficulty():
    candidates = [Candidate("a", "people", "people-1", "agile", "easy"),
                  Candidate("b", "people", "people-1", "predictive", "hard"),
                  Candidate("c", "people", "people-2", "agile", "hard"),
                  Candidate("d", "process", "process-1", "agile", "hard")]
    pick = lambda **f: sorted(draw_practice(candidates, 10, random.Random(1), Filters(**f)))  # noqa: E731
    assert pick(tasks={"people-1"}) == ["a", "b"]
    assert pick(approaches={"agile"}, difficulties={"hard"}) == ["c", "d"]
    assert pick(domains={"people"}, tasks={"people-2", "process-1"}) == ["c"]


def test_only_means_nothing_else_and_prefer_means_first():
    candidates = bank(people=10)
    missed = {"people-3", "people-7"}
    assert sorted(draw_practice(candidates, 5, random.Random(1), only=missed)) == sorted(missed)
    first_two = draw_practice(candidates, 5, random.Random(1), prefer=missed)[:2]
    assert set(first_two) == missed


def test_unseen_questions_left_for_a_full_exam():
    candidates = bank(people=60, process=60, **{"business-environment": 60})
    seen = {f"people-{i}" for i in range(30)}
    # 180-question exam: people 59, process 74, BE 47 -> unseen people 30, process 60, BE 47
    assert unseen_for_full_exam(candidates, PMP, 180, seen) == (137, 180)


def test_focus_decides_what_comes_first_and_what_is_allowed():
    from learnpm.domain.drawing import Focus, focus_sets
    bank_ids, answered, missed, starred = {"a", "b", "c", "d"}, {"a", "b"}, {"b"}, {"d"}
    sets = lambda focus: focus_sets(focus, bank_ids, answered, missed, starred)  # noqa: E731
    assert sets(Focus.UNSEEN_FIRST) == ({"c", "d"}, None)
    assert sets(Focus.MISSED_FIRST) == ({"b"}, None)
    assert sets(Focus.ANY) == (set(), None)
    assert sets(Focus.UNSEEN_ONLY) == (set(), {"c", "d"})
    assert sets(Focus.MISSED_ONLY) == (set(), {"b"})
    assert sets(Focus.STARRED_ONLY) == (set(), {"d"})
    assert sets(Focus.TARGETED) == ({"b"}, {"b", "c", "d"})
