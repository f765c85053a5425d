"""Configuration for production: secrets, cookies, proxies and SQLite tuning."""
import pytest
import sqlalchemy as sa

from learnpm import create_app
from learnpm.extensions import db
from tests.conftest import SERVER_DATABASE, VALID_CONTENT

SERVER_URL = "postgresql://learnpm@db.internal/learnpm"


@pytest.fixture
def clean_env(monkeypatch):
    for name in ("DATABASE_URL", "SECRET_KEY", "REDIS_URL", "LEARNPM_SESSION_COOKIE_SECURE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LEARNPM_CONTENT_DIR", str(VALID_CONTENT))
    return monkeypatch


def test_a_database_server_needs_an_explicit_secret_key(clean_env):
    clean_env.setenv("DATABASE_URL", SERVER_URL)
    with pytest.raises(RuntimeError, match="SECRET_KEY is not set"):
        create_app()


def test_production_settings_from_the_environment(clean_env):
    clean_env.setenv("DATABASE_URL", SERVER_URL)
    clean_env.setenv("SECRET_KEY", "shared-by-every-host")
    clean_env.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == \
        "postgresql+psycopg://learnpm@db.internal/learnpm"
    assert app.config["SECRET_KEY"] == "shared-by-every-host"
    assert app.config["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    assert app.config["SESSION_COOKIE_HTTPONLY"]
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_secure_cookies_can_be_turned_off_for_a_plain_http_trial(clean_env):
    clean_env.setenv("DATABASE_URL", SERVER_URL)
    clean_env.setenv("SECRET_KEY", "k")
    clean_env.setenv("LEARNPM_SESSION_COOKIE_SECURE", "false")
    assert create_app().config["SESSION_COOKIE_SECURE"] is False


def test_session_cookie_flags_on_login(client, app):
    from tests.factories import make_user
    with app.app_context():
        make_user(email="c@example.com", password="river stone lantern")
    response = client.post("/login", data={"email": "c@example.com",
                                           "password": "river stone lantern"})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_proxy_headers_are_trusted_only_when_configured(tmp_path):
    from flask import request
    base = {"TESTING": True, "SECRET_KEY": "x", "CONTENT_DIR": str(VALID_CONTENT),
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'p.sqlite'}"}
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "learn.example.org"}
    for proxies, expected in ((1, "https://learn.example.org/"), (0, "http://localhost/")):
        app = create_app({**base, "PROXY_COUNT": proxies})
        app.add_url_rule("/_where", "where", lambda: request.host_url)
        assert app.test_client().get("/_where", headers=forwarded).text == expected


@pytest.mark.skipif(bool(SERVER_DATABASE), reason="SQLite-specific")
def test_sqlite_uses_wal_and_a_busy_timeout(app):
    with app.app_context(), db.engine.connect() as connection:
        assert connection.execute(sa.text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(sa.text("PRAGMA busy_timeout")).scalar() == 15000
