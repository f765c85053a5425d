"""A study plan worked back from the exam date.

The shape follows what exam coaches advise: read the path first, sit a full mock every one to
two weeks once the reading is mostly done, the last one three to five days before the exam,
drill the weakest tasks after each mock, and clear the review queue every day. The plan is
recomputed from the learner's state each time, so it adapts after every result.
"""
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

LAST_MOCK_DAYS_BEFORE = 4  # the final mock: three to five days out
MOCK_EVERY_DAYS = 10  # between one and two weeks
MOCK_WINDOW_DAYS = 70  # mocks start at most ten weeks out; before that, read and practise
READING_DONE_DAYS_BEFORE = 14  # finish the reading two weeks out, leaving time for mocks
MAX_GAP_DAYS = 14  # inside the mock window, longer without a mock is falling behind
MODULES_PER_WEEK_CAP = 6


@dataclass(frozen=True)
class StudyInput:
    today: date
    exam_date: date
    unread: Sequence[str]  # module slugs still to read on the exam's path, in path order
    last_mock: date | None  # the latest full-length (or near full-length) simulation
    mocks_taken: int
    weak_tasks: Sequence[str] = ()  # task names, weakest first, from the latest results
    reviews_due: int = 0
    daily_new_cards: int = 30
    last_score_below_bar: bool = False


@dataclass(frozen=True)
class WeekItem:
    kind: str  # "read" | "mock" | "practice" | "review"
    text: str
    target: str = ""  # a module slug to read
    day: date | None = None  # when to sit a mock


@dataclass(frozen=True)
class StudyPlan:
    exam_date: date
    days_left: int
    weeks_left: int
    mock_dates: tuple[date, ...]
    modules_per_week: int
    this_week: tuple[WeekItem, ...]
    behind: tuple[str, ...] = field(default=())

    @property
    def passed(self) -> bool:
        return self.days_left < 0


def mock_dates(today: date, exam_date: date) -> tuple[date, ...]:
    """Full mocks from the window's start (or today) to the last one before the exam."""
    last = exam_date - timedelta(days=LAST_MOCK_DAYS_BEFORE)
    if last < today:
        return ()
    first = max(today, exam_date - timedelta(days=MOCK_WINDOW_DAYS))
    dates = []
    day = last
    while day >= first:
        dates.append(day)
        day -= timedelta(days=MOCK_EVERY_DAYS)
    return tuple(reversed(dates))


def reading_pace(today: date, exam_date: date, unread: int) -> int:
    """Modules a week to finish the path two weeks before the exam (at least one)."""
    if not unread:
        return 0
    days = (exam_date - timedelta(days=READING_DONE_DAYS_BEFORE) - today).days
    weeks = max(days / 7, 1)
    return min(MODULES_PER_WEEK_CAP, max(1, math.ceil(unread / weeks)))


def build(data: StudyInput) -> StudyPlan:
    days_left = (data.exam_date - data.today).days
    mocks = mock_dates(data.today, data.exam_date)
    pace = reading_pace(data.today, data.exam_date, len(data.unread))
    return StudyPlan(
        exam_date=data.exam_date, days_left=days_left,
        weeks_left=max(days_left, 0) // 7, mock_dates=mocks, modules_per_week=pace,
        this_week=tuple(_this_week(data, mocks, pace)), behind=tuple(_behind(data, mocks)))


def _this_week(data: StudyInput, mocks: Sequence[date], pace: int) -> list[WeekItem]:
    week_end = data.today + timedelta(days=6)
    items = [WeekItem("read", f"Read “{slug}”", slug) for slug in data.unread[:pace]]
    for day in mocks:
        if day <= week_end:
            items.append(WeekItem("mock", "Sit a full mock exam", day=day))
    if data.weak_tasks:
        sessions = 3 if data.last_score_below_bar else 2
        items.append(WeekItem("practice", f"{sessions} targeted practice sessions on "
                                          f"{', '.join(data.weak_tasks[:3])}"))
    items.append(WeekItem("review", f"Review every day: {data.reviews_due} cards due now, "
                                    f"up to {data.daily_new_cards} new ones a day"))
    return items


def _behind(data: StudyInput, mocks: Sequence[date]) -> list[str]:
    notes = []
    in_window = (data.exam_date - data.today).days <= MOCK_WINDOW_DAYS
    if in_window and mocks:
        gap = (data.today - data.last_mock).days if data.last_mock else None
        if gap is None or gap > MAX_GAP_DAYS:
            notes.append("You have not sat a full mock in the last two weeks; book one in "
                         "this week.")
    reading_days = (data.exam_date - data.today).days - READING_DONE_DAYS_BEFORE
    if data.unread and reading_days <= 0:
        notes.append(f"{len(data.unread)} modules on your path are still unread with two "
                     "weeks or less to go: read the ones on your weakest tasks first.")
    if data.reviews_due > 3 * data.daily_new_cards:
        notes.append(f"{data.reviews_due} review cards are waiting: clear some each day "
                     "before starting new practice.")
    return notes
