"""Dates as iCalendar (the `icalendar` package): one builder for every calendar LearnPM
serves, and the events of the certification tracker."""
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from ..domain.certification import WARN_DAYS


@dataclass(frozen=True)
class DayEvent:
    uid: str
    day: date
    summary: str
    description: str
    url: str


def build_calendar(events: Iterable[DayEvent], name: str = "LearnPM") -> bytes:
    from icalendar import Calendar, Event  # here: 3 MiB that only a calendar download needs

    cal = Calendar()
    cal.add("prodid", "-//LearnPM//Study and certification dates//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for item in events:
        event = Event()
        event.add("uid", f"{item.uid}@learnpm")
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("summary", item.summary)
        event.add("description", item.description)
        event.add("url", item.url)
        cal.add_component(event)
    return bytes(cal.to_ical())


def certification_events(entries, url: str) -> list[DayEvent]:
    """entries: (Certification, CertificationRecord, RenewalStatus | None) for one learner."""
    events = []
    for cert, record, renewal in entries:
        if record.exam_date:
            events.append(DayEvent(f"exam-{record.id}", record.exam_date, f"{cert.name} exam",
                                   "Good luck. Check your booking confirmation for the time "
                                   "and place.", url))
        if renewal:
            unit = renewal.rules.unit
            end = renewal.cycle_end
            events.append(DayEvent(f"renew-{record.id}-{end.isoformat()}", end,
                                   f"{cert.name} renewal deadline",
                                   f"Your {renewal.rules.total:g} {unit}s must be reported by "
                                   "this date.", url))
            events.append(DayEvent(f"renew-warn-{record.id}-{end.isoformat()}",
                                   end - timedelta(days=WARN_DAYS),
                                   f"{cert.name}: six months to renew",
                                   f"Check your {unit}s in LearnPM.", url))
    return events
