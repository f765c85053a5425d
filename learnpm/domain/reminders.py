"""Which reminders are due for one person today. Each has a key that names it for good, so a
reminder recorded once is never sent again, however often (or on however many hosts) the
sending job runs."""
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import date

from .words import plural

ASSIGNMENT_SOON_DAYS = 2
EXAM_NOTICES = (14, 3)  # days before an exam
RENEWAL_NOTICES = (90, 30)  # days before a renewal deadline


@dataclass(frozen=True)
class AssignmentDue:
    id: int
    title: str
    due: date


@dataclass(frozen=True)
class ExamDue:
    key: str  # where the date comes from, e.g. "cert-12" or "plan-3-pmp"
    name: str
    day: date


@dataclass(frozen=True)
class RenewalDue:
    key: str
    name: str
    day: date
    missing: float  # units still needed
    unit: str


@dataclass(frozen=True)
class Behind:
    name: str
    overdue: int


@dataclass(frozen=True)
class Situation:
    """What LearnPM knows about one person today."""

    user_id: int
    enabled: Collection[str]  # reminder kinds the person wants
    assignments: Sequence[AssignmentDue] = ()
    cards_due: int = 0
    exams: Sequence[ExamDue] = ()
    renewals: Sequence[RenewalDue] = ()
    behind: Sequence[Behind] = ()  # for mentors: mentees with overdue work


@dataclass(frozen=True)
class Reminder:
    key: str
    kind: str  # a ReminderKind value
    subject: str
    template: str  # email/<template>.txt and .html
    context: dict[str, object] = field(default_factory=dict, compare=False)


def _week(today: date) -> str:
    year, week, _ = today.isocalendar()
    return f"{year}-W{week:02d}"


def _notice(days_left: int, notices: Sequence[int]) -> int | None:
    """The notice a date is inside of now: 14 when 4..14 days out, 3 when 0..3 days out."""
    inside = [n for n in sorted(notices) if 0 <= days_left <= n]
    return inside[0] if inside else None


def due(situation: Situation, today: date) -> list[Reminder]:
    found: list[Reminder] = []
    on = set(situation.enabled)
    if "assignments" in on:
        found += _assignments(situation, today)
    if "reviews" in on and situation.cards_due:
        found.append(Reminder(
            f"reviews:{situation.user_id}:{_week(today)}", "reviews",
            f"{plural(situation.cards_due, 'review card')} "
            f"{'is' if situation.cards_due == 1 else 'are'} waiting", "reminder_reviews",
            {"count": situation.cards_due}))
    if "exams" in on:
        for exam in situation.exams:
            if (notice := _notice((exam.day - today).days, EXAM_NOTICES)) is not None:
                found.append(Reminder(
                    f"exam:{exam.key}:{exam.day.isoformat()}:{notice}", "exams",
                    f"Your {exam.name} exam is in {(exam.day - today).days} days",
                    "reminder_exam", {"exam": exam, "days": (exam.day - today).days}))
    if "renewals" in on:
        for renewal in situation.renewals:
            days = (renewal.day - today).days
            if (notice := _notice(days, RENEWAL_NOTICES)) is not None:
                found.append(Reminder(
                    f"renewal:{renewal.key}:{renewal.day.isoformat()}:{notice}", "renewals",
                    f"{renewal.name}: {days} days to renew", "reminder_renewal",
                    {"renewal": renewal, "days": days}))
    if "mentor_summary" in on and situation.behind:
        found.append(Reminder(
            f"mentor-summary:{situation.user_id}:{_week(today)}", "mentor_summary",
            f"{len(situation.behind)} of your mentees are behind", "reminder_mentor_summary",
            {"behind": list(situation.behind)}))
    return found


def _assignments(situation: Situation, today: date) -> list[Reminder]:
    found = []
    for item in situation.assignments:
        days = (item.due - today).days
        if 0 <= days <= ASSIGNMENT_SOON_DAYS:
            found.append(Reminder(f"assignment-soon:{item.id}", "assignments",
                                  f"Due {'today' if days == 0 else f'in {days} days'}: "
                                  f"{item.title}", "reminder_assignment",
                                  {"item": item, "days": days}))
        elif days < 0:
            found.append(Reminder(f"assignment-overdue:{item.id}", "assignments",
                                  f"Overdue: {item.title}", "reminder_assignment",
                                  {"item": item, "days": days}))
    return found
