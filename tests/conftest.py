"""Shared fixtures: a real app on a real database (SQLite, or PostgreSQL when asked)."""
import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import event

from learnpm import create_app
from learnpm.extensions import db
from tests.factories import make_user

FIXTURES = Path(__file__).parent / "fixtures"
VALID_CONTENT = FIXTURES / "content" / "valid"
# Set TEST_DATABASE_URL=postgresql+psycopg://.../test to run the whole suite on PostgreSQL.
SERVER_DATABASE = os.environ.get("TEST_DATABASE_URL")


def build_app(tmp_path, **overrides):
    config = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": SERVER_DATABASE or f"sqlite:///{tmp_path / 'test.sqlite'}",
        "CONTENT_DIR": str(VALID_CONTENT),
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "RATELIMIT_STORAGE_URI": "memory://",
        "CONTENT_CHECK_SECONDS": 0,  # every request checks: query counts stay the same
    }
    config.update(overrides)
    return create_app(config)


@contextmanager
def fresh_schema(app):
    with app.app_context():
        db.drop_all()
        db.create_all()
    yield app
    with app.app_context():
        db.session.remove()
        if SERVER_DATABASE:
            db.drop_all()
        db.engine.dispose()


@pytest.fixture
def app(tmp_path):
    with fresh_schema(build_app(tmp_path)) as app:
        yield app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


class AuthActions:
    def __init__(self, app, client):
        self.app, self.client = app, client

    def login(self, email="learner@example.com", password="correct horse battery", **user):
        with self.app.app_context():
            found = make_user(email=email, password=password, **user)
            user_id = found.id
        self.logout()
        response = self.client.post("/login", data={"email": email, "password": password})
        assert response.status_code == 302, "login failed in a test"
        return user_id

    def login_as(self, email, password="correct horse battery"):
        """Log in as a user who already exists (logging out whoever was in)."""
        self.logout()
        response = self.client.post("/login", data={"email": email, "password": password})
        assert response.status_code == 302, f"login as {email} failed in a test"

    def logout(self):
        return self.client.post("/logout")


@pytest.fixture
def auth(app, client):
    return AuthActions(app, client)


@pytest.fixture
def sql_statements(app):
    """`with sql_statements() as seen: ...` lists the SQL statements the block runs;
    `sql_statements(note)` lists `note(cursor, statement)` instead, worked out as each runs
    (or, with `after=True`, once each has run)."""
    @contextmanager
    def capturing(note=lambda _cursor, statement: statement, after=False):
        seen = []
        with app.app_context():
            engine = db.engine

        def listener(_conn, cursor, statement, *_rest):
            seen.append(note(cursor, statement))
        name = "after_cursor_execute" if after else "before_cursor_execute"
        event.listen(engine, name, listener)
        try:
            yield seen
        finally:
            event.remove(engine, name, listener)
    return capturing


class QueryCounter:
    def __init__(self, seen):
        self.seen = seen

    @property
    def count(self):
        return len(self.seen)


@pytest.fixture
def count_queries(sql_statements):
    """`with count_queries() as counter: ...` counts SQL statements the block runs."""
    @contextmanager
    def counting():
        with sql_statements() as seen:
            yield QueryCounter(seen)
    return counting
