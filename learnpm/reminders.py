"""Sending reminders: `flask --app learnpm reminders send`, run from cron or a systemd timer.

Each reminder is recorded (by its unique key) before it is sent, in its own transaction: if
another host's run recorded it first, the insert fails and this run skips it, so nobody gets
the same reminder twice. A run stops after REMINDERS_PER_RUN messages; the next run carries on.
Only confirmed, active addresses get anything, and only the kinds each person left on.
"""
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from flask import current_app, url_for
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from . import mail
from .auth.tokens import Purpose, make
from .certs import services as certs
from .domain import reminders as rules
from .extensions import db
from .mentor.dashboard import cohort_rows
from .mentor.titles import work_title
from .models import (
    Assignment,
    CertificationRecord,
    CertStatus,
    ExamDate,
    ReminderKind,
    ReminderSetting,
    ReviewCard,
    SentReminder,
    User,
    utcnow,
)
from .store import get_catalog

log = logging.getLogger(__name__)


@dataclass
class RunReport:
    sent: int = 0
    skipped: int = 0  # already recorded (by an earlier run, or another host just now)
    failed: int = 0
    stopped_early: bool = False


def enabled_kinds(user_id: int) -> set[str]:
    off = set(db.session.scalars(select(ReminderSetting.kind).where(
        ReminderSetting.user_id == user_id, ReminderSetting.enabled.is_(False))))
    return {k.value for k in ReminderKind if k not in off}


def set_kind(user_id: int, kind: ReminderKind, enabled: bool) -> None:
    row = db.session.get(ReminderSetting, (user_id, kind)) or ReminderSetting(user_id=user_id,
                                                                              kind=kind)
    row.enabled = enabled
    db.session.add(row)
    db.session.commit()


def _recipients() -> list[User]:
    return list(db.session.scalars(select(User).where(
        User.active.is_(True), User.email_confirmed_at.is_not(None)).order_by(User.id)))


def situations(today: date) -> Iterator[tuple[User, rules.Situation]]:
    """What each recipient's reminders depend on (a few queries per kind, not per person)."""
    catalog = get_catalog()
    people = _recipients()
    ids = [u.id for u in people]
    off: dict[int, set[str]] = {}
    for user_id, kind in db.session.execute(select(ReminderSetting.user_id,
                                                   ReminderSetting.kind).where(
            ReminderSetting.enabled.is_(False), ReminderSetting.user_id.in_(ids))):
        off.setdefault(user_id, set()).add(kind.value)
    work: dict[int, list[rules.AssignmentDue]] = {}
    for item in db.session.scalars(select(Assignment).where(
            Assignment.mentee_id.in_(ids), Assignment.completed_at.is_(None),
            Assignment.due_date.is_not(None))):
        if item.due_date is None:
            continue
        work.setdefault(item.mentee_id, []).append(
            rules.AssignmentDue(item.id, work_title(item, catalog), item.due_date))
    cards = dict(db.session.execute(select(ReviewCard.user_id, func.count()).where(
        ReviewCard.user_id.in_(ids), ReviewCard.due <= utcnow())
        .group_by(ReviewCard.user_id)).all())
    exams = _exam_dates(ids, today, catalog)
    for user in people:
        yield user, rules.Situation(
            user.id, {k.value for k in ReminderKind} - off.get(user.id, set()),
            work.get(user.id, []), int(cards.get(user.id, 0)), exams.get(user.id, []),
            _renewals(user.id, today, catalog),
            _behind(user.id, today) if user.is_mentor else [])


def _exam_dates(ids: list[int], today: date, catalog) -> dict[int, list[rules.ExamDue]]:
    """Exam dates from the certification tracker, and those set on a study plan; the
    tracker's date wins for the same exam."""
    found: dict[int, list[rules.ExamDue]] = {}
    tracked: set[tuple[int, str]] = set()
    for record in db.session.scalars(select(CertificationRecord).where(
            CertificationRecord.user_id.in_(ids), CertificationRecord.exam_date >= today)):
        cert = catalog.certifications.get(record.cert_id)
        if record.exam_date is None or cert is None:
            continue
        tracked.add((record.user_id, cert.exam))
        found.setdefault(record.user_id, []).append(rules.ExamDue(
            f"cert-{record.id}", cert.name, record.exam_date))
    short_names = {c.exam: c.name for c in catalog.certifications.values() if c.exam}
    for chosen in db.session.scalars(select(ExamDate).where(ExamDate.user_id.in_(ids),
                                                             ExamDate.exam_date >= today)):
        if (chosen.user_id, chosen.bank) in tracked or chosen.bank not in catalog.exams:
            continue
        found.setdefault(chosen.user_id, []).append(rules.ExamDue(
            f"plan-{chosen.user_id}-{chosen.bank}",
            short_names.get(chosen.bank, catalog.exams[chosen.bank].name), chosen.exam_date))
    return found


def _renewals(user_id: int, today: date, catalog) -> list[rules.RenewalDue]:
    found = []
    for record in db.session.scalars(select(CertificationRecord).where(
            CertificationRecord.user_id == user_id,
            CertificationRecord.status == CertStatus.CERTIFIED)):
        cert = catalog.certifications.get(record.cert_id)
        status = certs.renewal(cert, record, user_id, today) if cert else None
        if status is not None:
            found.append(rules.RenewalDue(f"cert-{record.id}", cert.name, status.cycle_end,
                                          status.missing, status.rules.unit))
    return found


def _behind(mentor_id: int, today: date) -> list[rules.Behind]:
    return [rules.Behind(row.name, row.tally.overdue)
            for row in cohort_rows(mentor_id, today) if row.tally.overdue]


def _claim(reminder: rules.Reminder, user_id: int) -> SentReminder | None:
    """Record the reminder before sending; None if it was recorded already."""
    row = SentReminder(key=reminder.key, user_id=user_id, kind=ReminderKind(reminder.kind))
    db.session.add(row)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return None
    return row


def send_due(today: date | None = None, limit: int | None = None) -> RunReport:
    with mail.public_request():
        return _send_due(today or date.today(),
                         limit or current_app.config["REMINDERS_PER_RUN"])


def _send_due(today: date, limit: int) -> RunReport:
    report = RunReport()
    for user, situation in situations(today):
        for reminder in rules.due(situation, today):
            if report.sent + report.failed >= limit:
                report.stopped_early = True
                return report
            row = _claim(reminder, user.id)
            if row is None:
                report.skipped += 1
                continue
            try:
                _send(user, reminder)
                row.sent_at = utcnow()
                report.sent += 1
            except Exception as exc:  # one bad address must not stop the run
                log.exception("reminder %s to user %s failed", reminder.key, user.id)
                row.error = str(exc)[:300]
                report.failed += 1
            db.session.commit()
    return report


def unsubscribe_url(user: User, kind: str) -> str:
    return url_for("account.unsubscribe", token=make(user, Purpose.UNSUBSCRIBE, kind=kind),
                   _external=True)


def _send(user: User, reminder: rules.Reminder) -> None:
    stop = unsubscribe_url(user, reminder.kind)
    mail.send(user.email, reminder.subject, reminder.template, user=user,
              unsubscribe=stop, kind=ReminderKind(reminder.kind),
              headers={"List-Unsubscribe": f"<{stop}>",
                       "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
              **reminder.context)

