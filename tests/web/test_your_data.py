"""A person's data: a calendar to subscribe to, everything to take away as JSON, and an
account that can be deleted without leaving anything that names them."""
import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from learnpm.extensions import db
from learnpm.models import (
    Comment,
    CommentSubject,
    ExamDate,
    JournalEntry,
    Notification,
    Role,
    User,
)
from tests.conftest import AuthActions, build_app, fresh_schema
from tests.factories import (
    make_assessment,
    make_assignment,
    make_attempt,
    make_goal,
    make_link,
    make_user,
)
from tests.mailbox import links_in, mail_config, mailbox  # noqa: F401 - a fixture

TODAY = date.today()
PASSWORD = "correct horse battery"
NAME = "Priyanka Quillfeather"  # a name no fixture or content uses


def learner_with_history(app) -> tuple[int, int]:
    """Priya, her mentor Elena, and something of every kind of record."""
    with app.app_context():
        elena = make_user(email="elena@example.com", name="Elena", role=Role.MENTOR,
                          cheap_hash=True).id
        priya = make_user(email="priya@example.com", name=NAME).id
        make_link(elena, priya)
        make_assignment(elena, priya, due_date=TODAY + timedelta(days=5), note="Read first")
        make_attempt(priya, right=2)
        assessment = make_assessment(priya, {"risk": 3},
                                     evidence={"risk": "Ran the risk workshop"}).id
        make_goal(priya, title="Lead a data migration")
        db.session.add_all([
            ExamDate(user_id=priya, bank="demo", exam_date=TODAY + timedelta(days=40)),
            JournalEntry(user_id=priya, question_id="demo-001", bank="demo",
                         note="Confused float with slack"),
            Comment(author_id=elena, mentee_id=priya, subject=CommentSubject.ASSESSMENT,
                    subject_id=assessment, body="Good progress"),
            Notification(user_id=elena, message=f"{NAME} accepted your mentoring invitation.")])
        db.session.commit()
        return priya, elena


def every_value_in_the_database(app) -> str:
    with app.app_context():
        return "\n".join(str(row) for table in db.metadata.sorted_tables
                         for row in db.session.execute(select(table)))


def test_a_calendar_feed_is_secret_current_and_revocable(client, app, auth):
    learner_with_history(app)
    auth.login_as("priya@example.com")
    assert "Create my calendar address" in client.get("/account").text
    client.post("/account/calendar")
    page = client.get("/account").text
    feed = page.split('id="feed-url" class="wide" readonly value="')[1].split('"')[0]
    path = feed.removeprefix("http://localhost")
    stranger = app.test_client()  # calendar apps do not log in
    body = stranger.get(path)
    assert body.mimetype == "text/calendar" and body.headers["Cache-Control"].startswith(
        "private")
    text = body.data.decode()
    assert "SUMMARY:Due: Read “The project manager's role”" in text
    assert f"DTSTART;VALUE=DATE:{TODAY + timedelta(days=40):%Y%m%d}" in text
    assert "SUMMARY:Full Demo exam mock exam" in text
    client.post("/account/calendar")  # a new address: the old one stops working
    assert stranger.get(path).status_code == 404
    client.post("/account/calendar/revoke")
    assert "Create my calendar address" in client.get("/account").text


def test_the_export_holds_everything_and_no_secret(client, app, auth):
    learner_with_history(app)
    auth.login_as("priya@example.com")
    response = client.get("/account/export.json")
    assert response.headers["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.data)
    assert data["profile"]["name"] == NAME
    [attempt] = data["attempts"]
    assert len(attempt["items"]) == 4 and all("response" in i for i in attempt["items"])
    assert data["self_assessments"][0]["ratings"][0]["evidence"] == "Ran the risk workshop"
    assert data["career_goals"][0]["title"] == "Lead a data migration"
    assert data["error_journal"][0]["note"] == "Confused float with slack"
    assert data["comments_received"][0]["body"] == "Good progress"
    assert data["assignments_received"][0]["note"] == "Read first"
    assert data["exam_dates"][0]["bank"] == "demo"
    for secret in ("password_hash", "session_token", "calendar_token", "pbkdf2", "scrypt"):
        assert secret not in response.text


def test_deleting_needs_the_password_and_leaves_nothing_that_names_them(client, app, auth):
    priya, _ = learner_with_history(app)
    auth.login_as("priya@example.com")
    refused = client.post("/account/delete", data={"delete-current": "wrong",
                                                   "delete-phrase": "DELETE"})
    assert refused.status_code == 422 and "That is not your password." in refused.text
    done = client.post("/account/delete", data={"delete-current": PASSWORD,
                                                "delete-phrase": "DELETE"}, follow_redirects=True)
    assert "Your account and everything in it are deleted." in done.text
    assert client.get("/dashboard").status_code == 302  # signed out
    everything = every_value_in_the_database(app)
    for trace in (NAME, "priya@example.com", "Confused float with slack",
                  "Lead a data migration", "Ran the risk workshop"):
        assert trace not in everything
    auth.login_as("elena@example.com")
    dashboard = client.get("/mentoring/").text
    assert "Past mentees" in dashboard and "A former mentee" in dashboard
    notes = client.get("/mentoring/notifications").text
    assert "A former mentee has deleted their account." in notes
    with app.app_context():
        assert db.session.get(User, priya) is None


def test_a_mentee_keeps_their_history_when_their_mentor_leaves(client, app, auth):
    _, elena = learner_with_history(app)
    auth.login_as("elena@example.com")
    client.post("/account/delete", data={"delete-current": PASSWORD, "delete-phrase": "DELETE"})
    auth.login_as("priya@example.com")
    assigned = client.get("/mentoring/assigned").text
    assert "A former mentor" in assigned and "Read first" in assigned
    skills = client.get("/skills").text
    assert "Good progress" in skills and "A former mentor" in skills and "Elena" not in skills


@pytest.fixture
def admin(app, client):
    AuthActions(app, client).login(email="admin@example.com", name="Ada", role=Role.ADMIN)
    return client


def test_an_admin_can_export_and_delete_a_user_after_confirming(app, admin):
    priya, _ = learner_with_history(app)
    page = admin.get("/admin/").text
    assert f"/admin/users/{priya}/export.json" in page
    assert json.loads(admin.get(f"/admin/users/{priya}/export.json").data)["profile"][
        "name"] == NAME
    confirm = admin.get(f"/admin/users/{priya}/delete")
    assert f"Delete {NAME}'s account?" in confirm.text and "download their data" in confirm.text
    admin.post(f"/admin/users/{priya}/delete")
    assert NAME not in every_value_in_the_database(app)
    with app.app_context():
        me = db.session.scalar(select(User.id).where(User.email == "admin@example.com"))
    refused = admin.post(f"/admin/users/{me}/delete", follow_redirects=True)
    assert "Delete your own account from your account settings." in refused.text


def test_without_mail_the_admin_page_says_so_and_shows_the_reset_link(app, admin):
    with app.app_context():
        sam = make_user(email="sam@example.com", name="Sam", cheap_hash=True).id
    page = admin.get("/admin/").text
    assert "Mail is off" in page and "Make a reset link" in page
    shown = admin.post(f"/admin/users/{sam}/reset-link", follow_redirects=True).text
    link = shown.split("(it works once, for an hour): ")[1].split("<")[0].strip()
    assert "Choose a new password" in app.test_client().get(
        link.removeprefix("http://localhost")).text


def test_with_mail_the_admin_sends_the_reset_link(tmp_path, mailbox):  # noqa: F811
    app = build_app(tmp_path, **mail_config(mailbox))
    with fresh_schema(app):
        client = app.test_client()
        AuthActions(app, client).login(email="admin@example.com", role=Role.ADMIN)
        with app.app_context():
            sam = make_user(email="sam@example.com", name="Sam", cheap_hash=True).id
        assert "Mail is on" in client.get("/admin/").text
        sent = client.post(f"/admin/users/{sam}/reset-link", follow_redirects=True)
        assert "A reset link is on its way to sam@example.com." in sent.text
        [message] = mailbox.to("sam@example.com")
        link = next(p for p in links_in(message) if "/reset-password/" in p)
        assert "Choose a new password" in app.test_client().get(link).text
