"""A person's calendar feed: exam dates, renewal deadlines, assignments due and the study
plan's mocks, served at a secret address a calendar app can subscribe to."""
from datetime import date

from flask import url_for

from ..certs import services as certs
from ..certs.calendar import DayEvent, build_calendar, certification_events
from ..domain.study_plan import mock_dates
from ..mentor.services import assignments_for
from ..mentor.titles import work_title
from ..models import User
from ..quiz.plans import exam_date
from ..store import get_catalog


def feed(user: User, today: date) -> bytes:
    catalog = get_catalog()
    entries = []
    for cert_id, record in certs.records(user.id).items():
        cert = catalog.certifications.get(cert_id)
        if cert:
            entries.append((cert, record, certs.renewal(cert, record, user.id, today)))
    events = certification_events(entries, url_for("certs.index", _external=True))
    for item in assignments_for(user.id):
        if item.completed_at or not item.due_date:
            continue
        events.append(DayEvent(f"assignment-{item.id}", item.due_date,
                               f"Due: {work_title(item, catalog)}",
                               item.note or "Assigned by your mentor.",
                               url_for("mentor.assigned", _external=True)))
    for exam in catalog.exams.values():
        found = exam_date(user.id, exam, today)
        if found is None:
            continue
        if found[1] == "practice":  # the tracker's dates are in the events above already
            events.append(DayEvent(f"exam-date-{exam.id}", found[0], f"{exam.name} exam",
                                   "Good luck.", url_for("quiz.plan", bank=exam.id,
                                                         _external=True)))
        for day in mock_dates(today, found[0]):
            events.append(DayEvent(f"mock-{exam.id}-{day.isoformat()}", day,
                                   f"Full {exam.name} mock exam",
                                   "From your LearnPM study plan.",
                                   url_for("quiz.practice_start", bank=exam.id, _external=True)))
    return build_calendar(events, f"LearnPM: {user.name}")
