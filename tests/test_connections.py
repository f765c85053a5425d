"""PostgreSQL connections: one the server ended is replaced before a request uses it, and a
transaction begins at a request's first write (learnpm/database.py)."""
import pytest
import sqlalchemy as sa

from learnpm.extensions import db
from learnpm.models import User
from tests.conftest import SERVER_DATABASE

pytestmark = pytest.mark.skipif(not SERVER_DATABASE, reason="needs TEST_DATABASE_URL "
                                "(a PostgreSQL server whose backends can be ended)")


def _backend_pids(app) -> set[int]:
    with app.app_context():
        return {db.session.scalar(sa.text("SELECT pg_backend_pid()"))}


def test_a_request_after_the_server_ended_its_connection_is_served(app, client, auth):
    auth.login()
    assert client.get("/dashboard").status_code == 200  # the pool now holds a connection
    ended = _backend_pids(app)
    admin = sa.create_engine(SERVER_DATABASE, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            for pid in ended:
                # Wait for the backend to be gone: pg_terminate_backend only signals it, and
                # a connection in the middle of being ended is not the case under test.
                assert connection.scalar(sa.text("SELECT pg_terminate_backend(:pid, 5000)"),
                                         {"pid": pid})
    finally:
        admin.dispose()
    assert client.get("/dashboard").status_code == 200
    assert _backend_pids(app).isdisjoint(ended)


def _verb_and_status(cursor, statement):
    """A statement's first word, and whether its connection was in a transaction once it
    had run."""
    return statement.split()[0], cursor.connection.info.transaction_status.name


def test_a_page_that_only_reads_opens_no_transaction(client, auth, sql_statements):
    auth.login()
    client.get("/dashboard")
    with sql_statements(_verb_and_status, after=True) as seen:
        client.get("/dashboard")
    assert seen and all(status == "IDLE" for _, status in seen), seen


def test_writes_begin_a_transaction_and_commit_or_roll_back_together(app, client, auth,
                                                                      sql_statements):
    auth.login()
    with sql_statements(_verb_and_status, after=True) as seen:
        client.get("/modules/role")  # a first view writes
    writes = [status for verb, status in seen if verb in ("INSERT", "UPDATE")]
    assert writes and all(status == "INTRANS" for status in writes), seen
    with app.app_context():
        before = db.session.scalar(sa.select(sa.func.count()).select_from(User))
        db.session.add(User(email="one@example.com", name="One", password_hash="x"))
        db.session.flush()
        db.session.add(User(email="two@example.com", name="Two", password_hash="x"))
        db.session.flush()
        db.session.rollback()  # both inserts went in one transaction, so both are undone
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == before
        db.session.add(User(email="three@example.com", name="Three", password_hash="x"))
        db.session.commit()
        assert db.session.scalar(sa.select(sa.func.count()).select_from(User)) == before + 1


def test_cursor_descriptions_are_built_only_when_read(app, client, auth, monkeypatch):
    """SQLAlchemy reads a statement's columns the first time it runs it, then only checks that
    rows came back; psycopg's Column objects are made only for the first time."""
    import psycopg

    made = []
    real = psycopg.Column.__init__
    monkeypatch.setattr(psycopg.Column, "__init__",
                        lambda self, *args: (made.append(1), real(self, *args))[1])
    auth.login()
    client.get("/dashboard")  # SQLAlchemy learns each statement's columns
    first = len(made)
    made.clear()
    assert client.get("/dashboard").status_code == 200
    assert first > 0 and made == []
    with app.app_context():
        cursor = db.session.connection().connection.dbapi_connection.cursor()
        cursor.execute("SELECT 1 AS one, 'x' AS two")
        assert [column.name for column in cursor.description] == ["one", "two"]
        assert len(cursor.description) == 2
        cursor.execute("SET statement_timeout = 0")
        assert cursor.description is None
