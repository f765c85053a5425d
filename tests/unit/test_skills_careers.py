from datetime import datetime, timedelta
from types import SimpleNamespace

import pytest

from learnpm.domain.careers import EDUCATION_LABELS, career_gap, split_tracks, with_article
from learnpm.domain.certification import EDUCATION_LEVELS
from learnpm.domain.skills import (
    Gap,
    by_kind,
    changes,
    compare,
    gaps,
    is_repeat,
    modules_for,
    strengths,
)

TARGET = {"leadership": 4, "communication": 3, "scheduling": 2}


def test_gaps_largest_first_and_unrated_count_as_zero():
    found = gaps({"leadership": 2, "communication": 3}, TARGET)
    assert found == [Gap("leadership", 2, 4), Gap("scheduling", 0, 2)]
    assert found[0].size == 2


def test_strengths_and_changes():
    assert strengths({"communication": 5, "scheduling": 2, "leadership": 1}, TARGET) == [
        "communication", "scheduling"]
    assert changes({"a": 3, "b": 2, "c": 1}, {"a": 2, "b": 2}) == {"a": 1}


def test_modules_for_the_weakest_skills_skip_done_ones():
    by_skill = {"leadership": ["leadership", "team-coordination"],
                "scheduling": ["project-scheduling"]}
    chosen = modules_for(gaps({}, TARGET), by_skill, done={"leadership"})
    assert chosen == ["team-coordination", "project-scheduling"]


def test_career_gap():
    gap = career_gap(TARGET, ["pmp", "csm"], 36, {"leadership": 4, "communication": 3,
                                                  "scheduling": 3}, ["csm"], 40)
    assert gap.skills == () and gap.certifications == ("pmp",) and gap.experience_months == 0
    assert gap.closed
    assert career_gap(TARGET, [], 36, {}, [], 12).experience_months == 24


def test_compare_lists_every_skill_with_its_direction():
    rows = compare(["leadership", "risk", "scheduling", "reporting"],
                   now={"leadership": 3, "risk": 2, "scheduling": 2},
                   before={"leadership": 1, "risk": 3, "scheduling": 2, "reporting": 4})
    assert [(r.skill, r.before, r.now, r.delta, r.direction) for r in rows] == [
        ("leadership", 1, 3, 2, "up"), ("risk", 3, 2, -1, "down"),
        ("scheduling", 2, 2, 0, "same"), ("reporting", 4, None, None, "new")]


def test_by_kind_puts_skills_before_core_duties_and_drops_empty_groups():
    skills = [SimpleNamespace(id="risk", kind="duty"), SimpleNamespace(id="lead", kind="skill"),
              SimpleNamespace(id="plan", kind="duty")]
    assert [(heading, [s.id for s in group]) for heading, group in by_kind(skills)] == [
        ("Skills", ["lead"]), ("Core duties", ["risk", "plan"])]
    assert [h for h, _ in by_kind(skills[:1])] == ["Core duties"]


def test_is_repeat_only_for_the_same_answers_moments_apart():
    then = datetime(2026, 11, 28, 9, 0)
    answers = {"leadership": (3, "Led the offsite"), "risk": (2, "")}
    assert is_repeat(answers, then, dict(answers), then + timedelta(seconds=20))
    assert not is_repeat(answers, then, dict(answers), then + timedelta(minutes=5))
    assert not is_repeat(answers, then, {**answers, "risk": (3, "")}, then)
    assert not is_repeat(answers, then, {**answers, "risk": (2, "New note")}, then)


@pytest.mark.parametrize("name, phrase", [
    ("Project manager", "a project manager"), ("Senior project manager",
                                               "a senior project manager"),
    ("Scrum Master / agile coach", "a Scrum Master / agile coach"),
    ("Portfolio manager / PMO lead", "a portfolio manager / PMO lead"),
    ("Consultant", "a consultant"), ("Operations lead", "an operations lead"),
    ("PMO lead", "a PMO lead"), ("", "")])
def test_with_article_reads_naturally_mid_sentence(name, phrase):
    assert with_article(name) == phrase


def test_split_tracks_orders_the_ladder_by_rank_and_lateral_moves_by_name():
    roles = [SimpleNamespace(name="Program manager", track="ladder", rank=4),
             SimpleNamespace(name="Scrum Master", track="lateral", rank=None),
             SimpleNamespace(name="Project coordinator", track="ladder", rank=1),
             SimpleNamespace(name="business analyst", track="lateral", rank=None),
             SimpleNamespace(name="Unranked", track="ladder", rank=None)]
    ladder, lateral = split_tracks(roles)
    assert [r.name for r in ladder] == ["Project coordinator", "Program manager", "Unranked"]
    assert [r.name for r in lateral] == ["business analyst", "Scrum Master"]


def test_every_education_level_has_a_readable_label():
    assert list(EDUCATION_LABELS) == list(EDUCATION_LEVELS)
    assert EDUCATION_LABELS["gac"] == "Degree from a PMI-accredited (GAC) programme"
