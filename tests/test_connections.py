"""Pooled connections: one the database server ended is replaced before a request uses it."""
import pytest
import sqlalchemy as sa

from learnpm.extensions import db
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
                assert connection.scalar(sa.text("SELECT pg_terminate_backend(:pid)"),
                                         {"pid": pid})
    finally:
        admin.dispose()
    assert client.get("/dashboard").status_code == 200
    assert _backend_pids(app).isdisjoint(ended)
