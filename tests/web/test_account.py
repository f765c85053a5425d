"""Accounts people can trust: confirming an address, changing and resetting a password,
changing the address, and every signed link refused when expired, reused or misused.
Mail goes through a real SMTP server started by the test."""
import pytest

from learnpm.auth import tokens
from learnpm.extensions import db
from learnpm.models import User
from tests.conftest import build_app, fresh_schema
from tests.factories import make_user
from tests.mailbox import links_in, mail_config, mailbox, text_of  # noqa: F401 - a fixture

PASSWORD = "correct horse battery"
NEW_PASSWORD = "seven tidy lanterns"


@pytest.fixture
def mail_app(tmp_path, mailbox):  # noqa: F811 - the fixture
    with fresh_schema(build_app(tmp_path, **mail_config(mailbox))) as app:
        yield app


def register(client, email="priya@example.com"):
    return client.post("/register", data={"name": "Priya", "email": email,
                                          "password": PASSWORD, "confirm": PASSWORD})


def user(app, email="priya@example.com") -> User:
    with app.app_context():
        found = db.session.scalar(db.select(User).where(User.email == email))
        db.session.expunge(found)
        return found


def test_registering_sends_a_confirmation_link_that_works_once(mail_app, mailbox):  # noqa: F811
    client = mail_app.test_client()
    register(client)
    [message] = mailbox.to("priya@example.com")
    assert message["Subject"] == "Confirm your e-mail address for LearnPM"
    assert message.is_multipart()  # plain text and HTML
    link = next(p for p in links_in(message) if "/account/confirm/" in p)
    assert user(mail_app).email_confirmed_at is None
    assert "Confirm your e-mail address" in client.get("/account").text
    assert client.get(link).status_code == 302
    assert user(mail_app).email_confirmed_at is not None
    again = client.get(link)
    assert again.status_code == 400 and "already been used" in again.text


def test_a_token_for_one_purpose_is_refused_for_another_and_when_expired(mail_app, monkeypatch):
    with mail_app.test_request_context():
        person = make_user()
        reset = tokens.make(person, tokens.Purpose.RESET)
        confirm = tokens.make(person, tokens.Purpose.CONFIRM, email=person.email)
    client = mail_app.test_client()
    assert "not valid" in client.get(f"/account/confirm/{reset}").text
    assert "not valid" in client.get(f"/reset-password/{confirm}").text
    assert "not valid" in client.get(f"/reset-password/{reset[:-3]}xyz").text
    monkeypatch.setitem(tokens.MAX_AGE, tokens.Purpose.RESET, -1)
    expired = client.get(f"/reset-password/{reset}")
    assert expired.status_code == 400 and "expired" in expired.text


def test_reset_answers_the_same_for_unknown_addresses_and_sends_only_to_real_ones(
        mail_app, mailbox):  # noqa: F811
    with mail_app.app_context():
        make_user(email="marcus@example.com")
    client = mail_app.test_client()
    known = client.post("/reset-password", data={"email": "marcus@example.com"},
                        follow_redirects=True)
    unknown = client.post("/reset-password", data={"email": "nobody@example.com"},
                          follow_redirects=True)
    assert "If an account uses that address" in known.text
    assert known.text.count("If an account uses that address") == \
        unknown.text.count("If an account uses that address") == 1
    assert [m["To"] for m in mailbox.messages] == ["marcus@example.com"]


def test_a_reset_link_sets_a_password_signs_out_other_sessions_and_works_once(
        mail_app, mailbox):  # noqa: F811
    with mail_app.app_context():
        make_user(email="marcus@example.com")
    other_device = mail_app.test_client()
    other_device.post("/login", data={"email": "marcus@example.com", "password": PASSWORD})
    assert other_device.get("/dashboard").status_code == 200
    client = mail_app.test_client()
    client.post("/reset-password", data={"email": "marcus@example.com"})
    link = next(p for p in links_in(mailbox.messages[0]) if "/reset-password/" in p)
    assert "Choose a new password" in client.get(link).text
    weak = client.post(link, data={"password": "short", "confirm": "short"})
    assert weak.status_code == 422
    done = client.post(link, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert done.status_code == 302 and client.get("/dashboard").status_code == 200
    assert other_device.get("/dashboard").status_code == 302  # signed out
    assert "already been used" in client.get(link).text
    fresh = mail_app.test_client()
    assert fresh.post("/login", data={"email": "marcus@example.com",
                                      "password": NEW_PASSWORD}).status_code == 302


def test_changing_the_password_needs_the_current_one_and_signs_out_elsewhere(client, app,
                                                                            auth):
    auth.login()
    elsewhere = app.test_client()
    elsewhere.post("/login", data={"email": "learner@example.com", "password": PASSWORD})
    wrong = client.post("/account/password", data={
        "password-current": "nope", "password-password": NEW_PASSWORD,
        "password-confirm": NEW_PASSWORD})
    assert wrong.status_code == 422 and "That is not your current password." in wrong.text
    right = client.post("/account/password", data={
        "password-current": PASSWORD, "password-password": NEW_PASSWORD,
        "password-confirm": NEW_PASSWORD})
    assert right.status_code == 302
    assert client.get("/dashboard").status_code == 200  # this session goes on
    assert elsewhere.get("/dashboard").status_code == 302  # the other one is signed out


def test_changing_the_address_waits_for_the_new_inbox(mail_app, mailbox):  # noqa: F811
    client = mail_app.test_client()
    register(client)
    mailbox.clear()
    refused = client.post("/account/email", data={"email-email": "new@example.com",
                                                  "email-current": "wrong"})
    assert refused.status_code == 422 and "That is not your password." in refused.text
    assert 'value="new@example.com"' in refused.text  # what was typed is kept
    client.post("/account/email", data={"email-email": "new@example.com",
                                        "email-current": PASSWORD})
    assert user(mail_app).email == "priya@example.com"  # not yet
    [message] = mailbox.to("new@example.com")
    client.get(next(p for p in links_in(message) if "/account/confirm/" in p))
    changed = user(mail_app, "new@example.com")
    assert changed.email_confirmed_at is not None


def test_the_cli_prints_a_reset_link_for_a_site_without_mail(app, runner):
    with app.app_context():
        make_user(email="sam@example.com")
    result = runner.invoke(args=["users", "reset-link", "sam@example.com"])
    assert result.exit_code == 0
    link = result.output.strip().splitlines()[0]
    assert link.startswith("http://127.0.0.1:5000/reset-password/")
    page = app.test_client().get(link.removeprefix("http://127.0.0.1:5000"))
    assert "Choose a new password" in page.text
    missing = runner.invoke(args=["users", "reset-link", "ghost@example.com"])
    assert missing.exit_code == 1 and "No account has the email" in missing.output


def test_password_reset_requests_are_throttled_like_logins(tmp_path):
    app = build_app(tmp_path, RATELIMIT_ENABLED=True)
    with fresh_schema(app):
        client = app.test_client()
        codes = [client.post("/reset-password", data={"email": "a@example.com"}).status_code
                 for _ in range(6)]
        assert codes[:5] == [302] * 5 and codes[5] == 429
