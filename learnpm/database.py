"""Engine settings: SQLite made safe for several gunicorn workers; on PostgreSQL, pooled
connections checked before use and transactions begun at the first write, both without a
round trip of their own.

PostgreSQL's driver would send BEGIN before a request's first statement and ROLLBACK after
its last, two round trips of the five to seven a typical page makes. A page that only reads
needs neither: at READ COMMITTED (PostgreSQL's default, which LearnPM keeps) each statement
sees the data as of its own start, in a transaction or not. So server connections run in
autocommit, and their cursors (`server_cursor`) send BEGIN just before the first statement
that writes or locks (then the request's writes commit or roll back together, as before).
SQLite's driver already begins at the first write.
"""
import re
import select
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any

from flask import Flask
from sqlalchemy import event
from sqlalchemy.exc import DisconnectionError

from .extensions import db


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
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
    if dbapi_connection.closed or dbapi_connection.broken:
        raise DisconnectionError("the connection is closed")
    readable, _, _ = select.select([dbapi_connection.fileno()], [], [], 0)
    if readable:
        raise DisconnectionError("the server ended or spoke on an idle connection")


_READS = re.compile(r"\s*SELECT\b", re.IGNORECASE)
_LOCKS = re.compile(r"\bFOR\s+(?:NO\s+KEY\s+)?(?:UPDATE|SHARE|KEY\s+SHARE)\b", re.IGNORECASE)


@lru_cache(maxsize=2048)  # statements repeat: the ORM compiles each shape once
def needs_transaction(statement: str) -> bool:
    """Whether a statement writes or locks (anything but a plain SELECT)."""
    return not _READS.match(statement) or _LOCKS.search(statement) is not None


class _Description(Sequence):
    """A psycopg cursor's `description`, built only if it is read.

    SQLAlchemy asks every cursor for its description but, for a statement it has seen
    before (nearly all of them), only checks that there is one: it keeps the columns it
    learned the first time. psycopg builds a Column object per column on each ask, about a
    third of its client-side work for a short query (measured: docs/performance.md).
    """

    __slots__ = ("_cursor", "_result", "_build", "_columns")

    def __init__(self, cursor: Any, build: Callable[[Any], list]):
        self._cursor, self._result, self._build = cursor, cursor.pgresult, build
        self._columns: list | None = None

    def _built(self) -> list:
        if self._columns is None:
            if self._cursor.pgresult is not self._result:
                raise RuntimeError("cursor.description read after the cursor ran another "
                                   "statement")
            self._columns = self._build(self._cursor)
        return self._columns

    def __getitem__(self, index: Any) -> Any:
        return self._built()[index]

    def __len__(self) -> int:
        return self._result.nfields


@cache
def server_cursor() -> type:
    """The cursor class of LearnPM's PostgreSQL connections (which run in autocommit): it
    sends BEGIN before the first statement that writes or locks, and builds its description
    only if it is read. Doing this in the cursor, not in a SQLAlchemy event, keeps every
    statement on SQLAlchemy's path without events."""
    from psycopg import Cursor  # only where PostgreSQL is in use
    from psycopg.pq import TransactionStatus

    describe = Cursor.description.fget  # type: ignore[attr-defined]  # the property's getter
    idle = TransactionStatus.IDLE

    class ServerCursor(Cursor):
        def _begin_if_writing(self, query: Any) -> None:
            if self.connection.pgconn.transaction_status == idle and (
                    not isinstance(query, str) or needs_transaction(query)):
                super().execute("BEGIN")  # on this cursor: its next statement replaces it

        def execute(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            self._begin_if_writing(query)
            return super().execute(query, *args, **kwargs)

        def executemany(self, query: Any, *args: Any, **kwargs: Any) -> Any:
            self._begin_if_writing(query)
            return super().executemany(query, *args, **kwargs)

        @property
        def description(self) -> Any:
            result = self.pgresult
            if result is not None and result.nfields:
                return _Description(self, describe)
            return describe(self)  # None, or psycopg's answer for a result without columns

    return ServerCursor


def _set_up_server_connection(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.autocommit = True  # BEGIN is sent by the cursor, before the first write
    dbapi_connection.cursor_factory = server_cursor()


def tune_engines(app: Flask) -> None:
    """Called by the app factory once Flask-SQLAlchemy has made the app's engines (before
    any connection is opened)."""
    with app.app_context():
        engines = list(db.engines.values())
    for engine in engines:
        if engine.dialect.name == "sqlite":
            event.listen(engine, "connect", _tune_sqlite)
        elif (engine.dialect.name, engine.dialect.driver) == ("postgresql", "psycopg"):
            event.listen(engine, "connect", _set_up_server_connection)
            event.listen(engine, "checkout", check_alive)
