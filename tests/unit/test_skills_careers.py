from learnpm.domain.careers import career_gap
from learnpm.domain.skills import Gap, changes, gaps, modules_for, strengths

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
    by_skill = {"leadership": ["leadership", "team-coordination"], "scheduling": ["project-scheduling"]}
    chosen = modules_for(gaps({}, TARGET), by_skill, done={"leadership"})
    assert chosen == ["team-coordination", "project-scheduling"]


def test_career_gap():
    gap = career_gap(TARGET, ["pmp", "csm"], 36, {"leadership": 4, "communication": 3,
                                                  "scheduling": 3}, ["csm"], 40)
    assert gap.skills == () and gap.certifications == ("pmp",) and gap.experience_months == 0
    assert gap.closed
    assert career_gap(TARGET, [], 36, {}, [], 12).experience_months == 24
