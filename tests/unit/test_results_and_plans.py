"""Per-task results, the remediation plan and the study plan, on hand-computed cases."""
from datetime import date, timedelta

from learnpm.domain.remediation import TARGETED_SET, plan, teaching_modules
from learnpm.domain.results import TaskResult, by_task, compare, weakest
from learnpm.domain.study_plan import StudyInput, build, mock_dates, reading_pace

TODAY = date(2026, 12, 6)


def test_tasks_are_listed_weakest_first_and_untagged_questions_left_out():
    answers = [("people-1", True), ("people-1", False), ("people-2", False),
               ("people-2", False), ("people-3", True), (None, False), ("people-4", False)]
    results = by_task(answers)
    assert [(r.task, r.correct, r.total) for r in results] == [
        ("people-2", 0, 2), ("people-4", 0, 1), ("people-1", 1, 2), ("people-3", 1, 1)]
    assert [r.task for r in weakest(results)] == ["people-2", "people-4", "people-1"]
    assert weakest([TaskResult("x", 3, 3)]) == []  # nothing missed: nothing to fix


def test_comparison_with_the_previous_attempt_per_domain():
    before = [{"domain": "people", "correct": 6, "total": 10},
              {"domain": "process", "correct": 8, "total": 10}]
    now = [{"domain": "people", "correct": 9, "total": 10},
           {"domain": "process", "correct": 8, "total": 10},
           {"domain": "business-environment", "correct": 1, "total": 4}]
    changes = {c.domain: (c.change, c.direction) for c in compare(now, before)}
    assert changes == {"people": (30.0, "up"), "process": (0.0, "same"),
                       "business-environment": (None, "new")}


def test_modules_named_most_by_missed_questions_come_first_unread_before_read():
    missed = [("risk-mitigation", "change-control"), ("risk-mitigation",),
              ("change-control", "governance")]
    assert teaching_modules(missed, read=set()) == ("change-control", "risk-mitigation")
    assert teaching_modules(missed, read={"change-control"}) == ("risk-mitigation",
                                                                 "governance")


def test_plan_covers_the_three_weakest_tasks_and_sizes_the_targeted_set():
    results = by_task([("a", False)] * 3 + [("b", False), ("b", True)] + [("c", False)]
                      + [("d", True), ("d", False), ("d", True)] + [("e", True)])
    result = plan(results, {"a": [("m1",)], "c": [("m2",), ("m1",)]}, read=set(),
                  available={"a": 4, "b": 0, "c": 3}, reviews_due=7)
    assert result.task_ids == ("a", "c", "b")
    assert [a.modules for a in result.tasks] == [("m1",), ("m1", "m2"), ()]
    assert result.practice_size == 7 and result.reviews_due == 7
    big = plan(results, {}, set(), {"a": 50}, 0)
    assert big.practice_size == TARGETED_SET


def test_mocks_every_ten_days_ending_four_days_before_the_exam():
    exam = TODAY + timedelta(days=30)
    assert mock_dates(TODAY, exam) == (date(2026, 12, 12), date(2026, 12, 22),
                                       date(2027, 1, 1))
    assert mock_dates(TODAY, TODAY + timedelta(days=3)) == ()
    far = mock_dates(TODAY, TODAY + timedelta(days=200))
    assert len(far) == 7 and far[0] > TODAY + timedelta(days=125)


def test_reading_pace_finishes_the_path_two_weeks_out():
    # 12 modules, 56 days to the exam: 42 days (6 weeks) of reading -> 2 a week
    assert reading_pace(TODAY, TODAY + timedelta(days=56), 12) == 2
    assert reading_pace(TODAY, TODAY + timedelta(days=10), 5) == 5  # at least finish now
    assert reading_pace(TODAY, TODAY + timedelta(days=10), 0) == 0


def test_study_plan_this_week_and_falling_behind():
    exam = TODAY + timedelta(days=20)
    data = StudyInput(today=TODAY, exam_date=exam, unread=["a", "b", "c"],
                      last_mock=TODAY - timedelta(days=20), mocks_taken=1,
                      weak_tasks=["Plan and manage risk"], reviews_due=120,
                      daily_new_cards=30, last_score_below_bar=True)
    result = build(data)
    assert (result.days_left, result.weeks_left) == (20, 2)
    kinds = [(i.kind, i.target or i.day) for i in result.this_week]
    assert kinds[:3] == [("read", "a"), ("read", "b"), ("read", "c")]
    assert ("mock", date(2026, 12, 12)) in kinds
    assert "3 targeted practice sessions on Plan and manage risk" in [
        i.text for i in result.this_week]
    assert len(result.behind) == 2  # no mock for 20 days; 120 cards waiting (over 3 x 30)
    on_track = build(StudyInput(TODAY, TODAY + timedelta(days=90), ["a"], None, 0))
    assert on_track.behind == () and on_track.modules_per_week == 1
