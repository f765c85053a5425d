"""Which reminders are due, and the keys that stop any of them going out twice."""
from datetime import date, timedelta

from learnpm.domain.reminders import AssignmentDue, ExamDue, RenewalDue, Situation, due

ALL = ("assignments", "reviews", "exams", "renewals", "mentor_summary")
MONDAY = date(2026, 12, 7)


def keys(situation, today=MONDAY):
    return [r.key for r in due(situation, today)]


def test_an_exam_gets_one_notice_in_each_window_and_none_outside():
    exam = ExamDue("cert-1", "PMP", MONDAY + timedelta(days=20))
    situation = Situation(1, ALL, exams=[exam])
    assert keys(situation, exam.day - timedelta(days=15)) == []
    window_14 = {k for d in range(4, 15) for k in keys(situation, exam.day - timedelta(days=d))}
    window_3 = {k for d in range(0, 4) for k in keys(situation, exam.day - timedelta(days=d))}
    assert window_14 == {f"exam:cert-1:{exam.day}:14"}
    assert window_3 == {f"exam:cert-1:{exam.day}:3"}
    assert keys(situation, exam.day + timedelta(days=1)) == []


def test_a_moved_exam_is_a_new_reminder():
    first = keys(Situation(1, ALL, exams=[ExamDue("cert-1", "PMP", MONDAY + timedelta(days=10))]))
    moved = keys(Situation(1, ALL, exams=[ExamDue("cert-1", "PMP", MONDAY + timedelta(days=12))]))
    assert first != moved


def test_renewals_at_90_and_30_days():
    renewal = RenewalDue("cert-2", "PMP", MONDAY + timedelta(days=90), 12, "PDU")
    situation = Situation(1, ALL, renewals=[renewal])
    assert keys(situation) == [f"renewal:cert-2:{renewal.day}:90"]
    assert keys(situation, renewal.day - timedelta(days=30)) == [
        f"renewal:cert-2:{renewal.day}:30"]
    assert keys(situation, renewal.day - timedelta(days=91)) == []


def test_assignments_soon_then_overdue_each_once():
    item = AssignmentDue(7, "Read “Scrum”", MONDAY + timedelta(days=2))
    situation = Situation(1, ALL, assignments=[item])
    assert keys(situation, MONDAY - timedelta(days=1)) == []
    assert keys(situation) == keys(situation, item.due) == ["assignment-soon:7"]
    assert keys(situation, item.due + timedelta(days=5)) == ["assignment-overdue:7"]


def test_weekly_kinds_repeat_only_in_a_new_week():
    situation = Situation(1, ALL, cards_due=3)
    sunday = MONDAY + timedelta(days=6)
    assert keys(situation) == keys(situation, sunday) == ["reviews:1:2026-W50"]
    assert keys(situation, sunday + timedelta(days=1)) == ["reviews:1:2026-W51"]
    [reminder] = due(Situation(1, ALL, cards_due=1), MONDAY)
    assert reminder.subject == "1 review card is waiting"


def test_only_the_kinds_a_person_wants():
    situation = Situation(1, ("exams",), cards_due=3,
                          exams=[ExamDue("plan-1-pmp", "PMP", MONDAY + timedelta(days=3))])
    assert [r.kind for r in due(situation, MONDAY)] == ["exams"]
