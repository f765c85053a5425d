"""Exam dates and renewal deadlines as an iCalendar file (the `icalendar` package)."""
from datetime import timedelta

from icalendar import Calendar, Event

from ..domain.certification import WARN_DAYS


def _event(uid: str, day, summary: str, description: str, url: str) -> Event:
    event = Event()
    event.add("uid", f"{uid}@learnpm")
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", url)
    return event


def calendar_for(entries, url: str) -> bytes:
    """entries: (Certification, CertificationRecord, RenewalStatus | None) for one learner."""
    cal = Calendar()
    cal.add("prodid", "-//LearnPM//Certification tracker//EN")
    cal.add("version", "2.0")
    for cert, record, renewal in entries:
        if record.exam_date:
            cal.add_component(_event(f"exam-{record.id}", record.exam_date,
                                     f"{cert.name} exam", "Good luck. Check your booking "
                                     "confirmation for the time and place.", url))
        if renewal:
            unit = renewal.rules.unit
            cal.add_component(_event(
                f"renew-{record.id}-{renewal.cycle_end.isoformat()}", renewal.cycle_end,
                f"{cert.name} renewal deadline", f"Your {renewal.rules.total:g} {unit}s "
                f"must be reported by this date.", url))
            cal.add_component(_event(
                f"renew-warn-{record.id}-{renewal.cycle_end.isoformat()}",
                renewal.cycle_end - timedelta(days=WARN_DAYS),
                f"{cert.name}: six months to renew", f"Check your {unit}s in LearnPM.", url))
    return cal.to_ical()
