"""Reminders by e-mail, sent through a real SMTP server: what is due goes once, to confirmed
addresses only, each with a one-click unsubscribe; runs are bounded and may overlap."""
import threading
from datetime import date, timedelta

import pytest

from learnpm.extensions import db
from learnpm.models import (
    AssignmentKind,
    CertificationRecord,
    CertStatus,
    ExamDate,
    ReminderKind,
    ReviewCard,
    Role,
    SentReminder,
    utcnow,
)
from learnpm.reminders import enabled_kinds, send_due
from tests.conftest import build_app, fresh_schema
from tests.factories import make_assignment, make_link, make_user
from tests.mailbox import header, html_of, links_in, mail_config, mailbox, text_of  # noqa: F401

TODAY = date.today()


@pytest.fixture
def mail_app(tmp_path, mailbox):  # noqa: F811 - the fixture
    with fresh_schema(build_app(tmp_path, **mail_config(mailbox))) as app:
        yield app


def busy_learner(email: str, confirmed: bool = True) -> int:
    """Someone with one of everything a reminder is about."""
    person = make_user(email=email, name=email.split("@")[0].title(), cheap_hash=True,
                       email_confirmed_at=utcnow() if confirmed else None)
    mentor = make_user(email=f"mentor-of-{email}", role=Role.MENTOR, cheap_hash=True)
    make_link(mentor.id, person.id)
    make_assignment(mentor.id, person.id, due_date=TODAY + timedelta(days=2))
    make_assignment(mentor.id, person.id, kind=AssignmentKind.PATH, target="basics",
                    due_date=TODAY - timedelta(days=1))
    db.session.add_all([
        ExamDate(user_id=person.id, bank="demo", exam_date=TODAY + timedelta(days=10)),
        CertificationRecord(user_id=person.id, cert_id="pmp", status=CertStatus.CERTIFIED,
                            cycle_start=TODAY.replace(year=TODAY.year - 3) + timedelta(days=60)),
        ReviewCard(user_id=person.id, question_id="demo-001", bank="demo", card={},
                   due=utcnow())])
    db.session.commit()
    return person.id


def subjects(mailbox, address):  # noqa: F811
    return sorted(header(m, "Subject") for m in mailbox.to(address))


def test_the_command_sends_what_is_due_once_and_only_to_confirmed_addresses(mail_app, mailbox):  # noqa: F811
    with mail_app.app_context():
        busy_learner("priya@example.com")
        busy_learner("unconfirmed@example.com", confirmed=False)
    runner = mail_app.test_cli_runner()
    first = runner.invoke(args=["reminders", "send"])
    assert first.exit_code == 0, first.output
    assert subjects(mailbox, "priya@example.com") == [
        "1 review card is waiting", "Due in 2 days: Read “The project manager's role”",
        "Overdue: The path “The basics”", "PMP: 60 days to renew", "Your PMP exam is in 10 days"]
    assert mailbox.to("unconfirmed@example.com") == []
    assert first.output.startswith("5 reminders sent, 0 already sent before, 0 failed")
    again = runner.invoke(args=["reminders", "send"])
    assert again.output.startswith("0 reminders sent, 5 already sent before")
    assert len(mailbox.messages) == 5


def test_each_message_links_to_the_work_and_unsubscribes_in_one_click(mail_app, mailbox):  # noqa: F811
    with mail_app.app_context():
        busy_learner("priya@example.com")
    mail_app.test_cli_runner().invoke(args=["reminders", "send"])
    [overdue] = [m for m in mailbox.messages if header(m, "Subject").startswith("Overdue")]
    assert "overdue since" in text_of(overdue) and "<html" in html_of(overdue).lower()
    stop = header(overdue, "List-Unsubscribe").strip("<>")
    assert header(overdue, "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert stop.startswith("http://learnpm.test/account/unsubscribe/")
    client = mail_app.test_client()
    assert client.get(links_in(overdue)[0]).status_code in (200, 302)  # the work itself
    path = stop.removeprefix("http://learnpm.test")
    assert path in links_in(overdue)  # the same link is in the text, for people
    asking = client.get(path)  # mail scanners open links: a GET only asks
    assert asking.status_code == 200 and "Stop assignment reminders?" in asking.text
    with mail_app.app_context():
        assert "assignments" in enabled_kinds(1)
    done = client.post(path)
    assert "You will not get assignment reminders any more" in done.text
    with mail_app.app_context():
        send_due(TODAY + timedelta(days=1))
    assert not [m for m in mailbox.messages[5:] if "Overdue" in header(m, "Subject")]
    back = client.post(path, data={"resubscribe": "1"})
    assert back.status_code == 200 and "You will get assignment reminders again" in back.text


def test_one_click_unsubscribe_works_with_csrf_on_as_mail_clients_post_it(tmp_path, mailbox):  # noqa: F811
    app = build_app(tmp_path, WTF_CSRF_ENABLED=True, **mail_config(mailbox))
    with fresh_schema(app):
        with app.app_context():
            busy_learner("priya@example.com")
        app.test_cli_runner().invoke(args=["reminders", "send"])
        stop = header(mailbox.messages[0], "List-Unsubscribe").strip("<>")
        kind = header(mailbox.messages[0], "Subject")
        response = app.test_client().post(stop.removeprefix("http://learnpm.test"),
                                          data={"List-Unsubscribe": "One-Click"})
        assert response.status_code == 200, kind
        with app.app_context():
            person = db.session.scalar(db.select(SentReminder.user_id).limit(1))
            assert len(enabled_kinds(person)) == len(ReminderKind) - 1


def test_choices_in_settings_are_respected(mail_app, mailbox, client, auth):  # noqa: F811
    auth.login(email="priya@example.com", email_confirmed_at=utcnow())
    with mail_app.app_context():
        db.session.add(ExamDate(user_id=1, bank="demo", exam_date=TODAY + timedelta(days=3)))
        db.session.commit()
    exams_on = '<input checked id="reminders-exams" name="reminders-exams" type="checkbox"'
    assert exams_on in client.get("/account").text
    client.post("/account/reminders", data={"reminders-assignments": "y",
                                            "reminders-reviews": "y"})
    assert exams_on not in client.get("/account").text
    with mail_app.app_context():
        assert send_due().sent == 0
    client.post("/account/reminders", data={"reminders-exams": "y"})
    with mail_app.app_context():
        assert send_due().sent == 1
    assert header(mailbox.messages[0], "Subject") == "Your PMP exam is in 3 days"


def test_a_run_stops_at_its_limit_and_the_next_one_carries_on(mail_app, mailbox):  # noqa: F811
    with mail_app.app_context():
        busy_learner("priya@example.com")
        first = send_due(limit=2)
        assert (first.sent, first.stopped_early) == (2, True)
        second = send_due(limit=10)
        assert (second.sent, second.skipped, second.stopped_early) == (3, 2, False)
    assert len({header(m, "Subject") for m in mailbox.messages}) == len(mailbox.messages) == 5


def test_two_runs_at_once_send_each_reminder_once(mail_app, mailbox):  # noqa: F811
    with mail_app.app_context():
        for n in range(4):
            busy_learner(f"learner{n}@example.com")
    reports, start = [], threading.Barrier(2)

    def run():
        with mail_app.app_context():
            start.wait()
            reports.append(send_due())

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(r.sent for r in reports) == 20 and sum(r.failed for r in reports) == 0
    sent = [(m["To"], header(m, "Subject")) for m in mailbox.messages]
    assert len(sent) == len(set(sent)) == 20


def test_a_mentor_gets_a_weekly_summary_of_who_is_behind(mail_app, mailbox):  # noqa: F811
    with mail_app.app_context():
        elena = make_user(email="elena@example.com", name="Elena", role=Role.MENTOR,
                          email_confirmed_at=utcnow(), cheap_hash=True)
        for name in ("Sam", "Ada"):
            mentee = make_user(email=f"{name}@example.com", name=name, cheap_hash=True)
            make_link(elena.id, mentee.id)
            make_assignment(elena.id, mentee.id, due_date=TODAY - timedelta(days=3))
        send_due()
        send_due()  # the same week: no second summary
    [summary] = mailbox.to("elena@example.com")
    assert header(summary, "Subject") == "2 of your mentees are behind"
    assert "Ada" in text_of(summary) and "Sam" in text_of(summary)


def test_without_a_mail_server_reminders_go_to_the_log(app, caplog):
    with app.app_context():
        busy_learner("priya@example.com")
    result = app.test_cli_runner().invoke(args=["reminders", "send"])
    assert "(mail is off: they went to the log)" in result.output
    assert "Mail is off (no MAIL_SERVER): to priya@example.com" in caplog.text
