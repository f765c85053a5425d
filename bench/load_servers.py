"""The servers bench/load.py drives: gunicorn on a fresh SQLite or PostgreSQL database, the
faults it can inject into them, and the check that every acknowledged answer was stored."""
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from common import free_port, wait_until_up
from virtual_user import Stats

ROOT = Path(__file__).resolve().parent.parent
PG_ADMIN = os.environ.get("TEST_POSTGRES_ADMIN_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def database_url(kind: str, folder: str) -> tuple[str, callable]:
    if kind == "sqlite":
        return f"sqlite:///{folder}/load.sqlite", lambda: None
    name = f"learnpm_load_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
    return PG_ADMIN.rsplit("/", 1)[0] + f"/{name}", drop


def start_server(env: dict, workers: int, port: int) -> subprocess.Popen:
    subprocess.run([sys.executable, "-m", "flask", "--app", "learnpm", "db", "upgrade"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    server = subprocess.Popen([sys.executable, "-m", "gunicorn", "-w", str(workers), "-b",
                               f"127.0.0.1:{port}", "--log-level", "error", "wsgi:app"],
                              cwd=ROOT, env=env)
    try:
        wait_until_up(port)
    except RuntimeError:
        server.kill()
        raise
    return server


def faults(server: subprocess.Popen, args, started: float, log: list[str],
           stats: Stats) -> None:
    if args.kill_worker:
        time.sleep(max(0.0, started + args.seconds / 3 - time.monotonic()))
        workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True,
                                 text=True).stdout.split()
        if workers:
            stats.fault()
            os.kill(int(workers[0]), signal.SIGKILL)
            log.append(f"t={time.monotonic() - started:.0f}s: SIGKILL gunicorn worker "
                       f"{workers[0]}")
    if args.restart_postgres:
        time.sleep(max(0.0, started + args.seconds / 2 - time.monotonic()))
        version = sorted(os.listdir("/etc/postgresql"))[-1]
        stats.fault()
        subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, "main",
                        "restart"], check=True)
        log.append(f"t={time.monotonic() - started:.0f}s: restarted PostgreSQL {version}")


def verify(url: str, acknowledged: list[tuple[int, int, str]]) -> tuple[int, int]:
    """(answers checked, answers missing or different in the database)."""
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        stored = {(a, p): r for a, p, r in connection.execute(sa.text(
            "SELECT attempt_id, position, response FROM attempt_item "
            "WHERE answered_at IS NOT NULL"))}
    engine.dispose()
    missing = 0
    for attempt_id, position, choice in acknowledged:
        response = stored.get((attempt_id, position))
        if response is None or (choice != "match" and choice not in str(response)):
            missing += 1
    return len(acknowledged), missing


@contextlib.contextmanager
def serving(args, kind: str) -> Iterator[tuple[str, str, subprocess.Popen]]:
    """(base address, database URL, gunicorn) for gunicorn on a fresh database of `kind`;
    the server is stopped and the database dropped afterwards."""
    with tempfile.TemporaryDirectory() as folder:
        url, drop = database_url(kind, folder)
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "load-test",
               "LEARNPM_SESSION_COOKIE_SECURE": "false",
               "LEARNPM_LOGIN_RATE_LIMIT": "100000 per minute",
               "LEARNPM_MAIL_BACKEND": "dummy"}
        env.pop("REDIS_URL", None)
        port = free_port()
        try:
            server = start_server(env, args.workers, port)
            try:
                yield f"http://127.0.0.1:{port}", url, server
            finally:
                server.terminate()
                server.wait(timeout=15)
        finally:
            drop()
