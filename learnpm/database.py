"""Engine settings: SQLite made safe for several gunicorn workers, and pooled server
connections checked before use without a round trip."""
import select
import sqlite3
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import Pool

_installed = False


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    # WAL lets readers work while one writer commits; the busy timeout makes a second
    # writer wait its turn instead of failing with "database is locked".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def check_alive(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
    """Refuse a pooled server connection that cannot be used, so the pool opens a new one.

    Pre-ping (SQLAlchemy's `pool_pre_ping`) would ask the server, a round trip on every
    request. An idle connection's socket has nothing to read unless the server has ended it
    (a restart, a terminated backend) or sent a notice; either way a new connection is the
    safe choice, and looking costs a poll of the socket, not a query.
    """
    fileno = getattr(dbapi_connection, "fileno", None)
    if fileno is None:  # SQLite: in-process, nothing to lose
        return
    if dbapi_connection.closed or getattr(dbapi_connection, "broken", False):
        raise DisconnectionError("the connection is closed")
    readable, _, _ = select.select([fileno()], [], [], 0)
    if readable:
        raise DisconnectionError("the server ended or spoke on an idle connection")


def install_engine_tuning() -> None:
    global _installed
    if not _installed:
        event.listen(Engine, "connect", _tune_sqlite)
        event.listen(Pool, "checkout", check_alive)
        _installed = True
