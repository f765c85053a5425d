"""Engine settings that make SQLite safe for several gunicorn workers."""
import sqlite3

from sqlalchemy import event
from sqlalchemy.engine import Engine

_installed = False


def _tune_sqlite(dbapi_connection, _record) -> None:
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


def install_sqlite_tuning() -> None:
    global _installed
    if not _installed:
        event.listen(Engine, "connect", _tune_sqlite)
        _installed = True
