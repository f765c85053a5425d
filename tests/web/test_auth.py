import pytest

from learnpm.extensions import db
from learnpm.models import Role, User
from tests.conftest import build_app, fresh_schema
from tests.factories import make_user

GOOD = {"name": "Priya", "email": "Priya@Example.com", "password": "river stone lantern",
        "confirm": "river stone lantern"}


def test_register_logs_in_and_lands_on_dashboard(client, app):
    response = client.post("/register", data=GOOD)
    assert response.status_code == 302 and response.headers["Location"] == "/dashboard"
    assert "Hello, Priya" in client.get("/dashboard").text
    with app.app_context():
        user = db.session.scalar(db.select(User))
        assert user.email == "priya@example.com" and user.role is Role.LEARNER
        assert user.password_hash != GOOD["password"] and user.check_password(GOOD["password"])


def test_bad_registration_keeps_what_was_typed_and_explains(client):
    response = client.post("/register", data={**GOOD, "password": "short", "confirm": "other"})
    assert response.status_code == 200
    page = response.text
    assert 'value="Priya"' in page and 'value="Priya@Example.com"' in page
    assert "Use at least 10 characters" in page
    assert "The two passwords don&#39;t match." in page
    assert 'aria-invalid="true"' in page


def test_duplicate_email_is_refused_case_insensitively(client, app):
    with app.app_context():
        make_user(email="priya@example.com")
    response = client.post("/register", data=GOOD)
    assert "An account with this email exists" in response.text


def test_login_and_logout(client, app):
    with app.app_context():
        make_user(email="marcus@example.com", password="river stone lantern", name="Marcus")
    response = client.post("/login", data={"email": "MARCUS@example.com",
                                           "password": "river stone lantern"})
    assert response.headers["Location"] == "/dashboard"
    assert client.post("/logout").headers["Location"] == "/"
    assert client.get("/dashboard").status_code == 302


def test_wrong_password_keeps_email_and_says_why(client, app):
    with app.app_context():
        make_user(email="marcus@example.com")
    response = client.post("/login", data={"email": "marcus@example.com", "password": "nope"})
    assert response.status_code == 200
    assert "don&#39;t match an active account" in response.text
    assert 'value="marcus@example.com"' in response.text


def test_deactivated_account_cannot_log_in(client, app):
    with app.app_context():
        make_user(email="gone@example.com", password="river stone lantern", active=False)
    response = client.post("/login", data={"email": "gone@example.com",
                                           "password": "river stone lantern"})
    assert response.status_code == 200 and "active account" in response.text


@pytest.mark.parametrize("target, expected", [
    ("/modules/risks", "/modules/risks"),
    ("https://evil.example/", "/dashboard"),
    ("//evil.example/path", "/dashboard"),
    ("/\\evil.example", "/dashboard"),
    ("javascript:alert(1)", "/dashboard"),
])
def test_next_only_goes_to_same_site_paths(client, app, target, expected):
    with app.app_context():
        make_user(email="p@example.com", password="river stone lantern")
    response = client.post("/login", query_string={"next": target},
                           data={"email": "p@example.com", "password": "river stone lantern"})
    assert response.headers["Location"] == expected


def test_personal_pages_redirect_anonymous_visitors_to_login(client):
    response = client.get("/dashboard")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_profile_is_saved_and_bio_is_sanitised(client, auth, app):
    auth.login()
    response = client.post("/account/profile", data={
        "name": "Priya N", "job_title": "Project coordinator",
        "bio": "I **like** plans <script>alert(1)</script> [x](javascript:alert(2))"},
        follow_redirects=True)
    assert "Your profile is saved." in response.text
    preview = response.text.split('id="preview-heading"')[1]
    assert "<strong>like</strong>" in preview
    assert "<script>" not in preview and "javascript:" not in preview
    with app.app_context():
        assert db.session.scalar(db.select(User)).job_title == "Project coordinator"


def test_overlong_bio_keeps_the_text_and_explains(client, auth):
    auth.login()
    response = client.post("/account/profile", data={"name": "P", "bio": "x" * 2001})
    assert "under 2,000 characters" in response.text and "x" * 2001 in response.text


def test_login_is_throttled(tmp_path):
    app = build_app(tmp_path, RATELIMIT_ENABLED=True, LOGIN_RATE_LIMIT="3 per minute")
    with fresh_schema(app):
        client = app.test_client()
        codes = [client.post("/login", data={"email": f"x{i}@example.com", "password": "bad"})
                 .status_code for i in range(4)]
        assert codes == [200, 200, 200, 429]
        assert "Too many attempts" in client.post("/login", data={}).text


def test_login_is_throttled_per_account_across_addresses(tmp_path):
    app = build_app(tmp_path, RATELIMIT_ENABLED=True)
    with fresh_schema(app):
        client = app.test_client()
        codes = [client.post("/login", data={"email": "target@example.com", "password": "bad"},
                             environ_base={"REMOTE_ADDR": f"10.0.0.{i}"}).status_code
                 for i in range(6)]
        assert codes[:5] == [200] * 5 and codes[5] == 429


def test_forms_need_a_csrf_token(tmp_path):
    app = build_app(tmp_path, WTF_CSRF_ENABLED=True)
    with fresh_schema(app):
        client = app.test_client()
        assert client.post("/register", data=GOOD).status_code == 400
        page = client.get("/register").text
        assert 'name="csrf_token"' in page


def test_cli_creates_an_admin(runner, app):
    result = runner.invoke(args=["users", "create", "sam@example.com", "--name", "Sam",
                                 "--role", "admin", "--password", "river stone lantern"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(db.select(User)).role is Role.ADMIN
    again = runner.invoke(args=["users", "create", "SAM@example.com", "--name", "Sam",
                                "--password", "river stone lantern"])
    assert again.exit_code != 0 and "already exists" in again.output


def test_cli_refuses_a_weak_password_and_sets_roles(runner, app):
    weak = runner.invoke(args=["users", "create", "a@example.com", "--name", "A",
                               "--password", "short"])
    assert weak.exit_code != 0 and "at least 10" in weak.output
    with app.app_context():
        make_user(email="elena@example.com")
    result = runner.invoke(args=["users", "set-role", "elena@example.com", "mentor"])
    assert result.exit_code == 0
    with app.app_context():
        assert db.session.scalar(db.select(User)).role is Role.MENTOR
