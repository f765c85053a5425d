"""Realistic load against gunicorn, with optional faults, and a check that no answer is lost.

    python bench/load.py --database sqlite --users 32 --seconds 60
    python bench/load.py --database postgres --users 32 --seconds 60
    python bench/load.py --database postgres --kill-worker --restart-postgres
    python bench/load.py --database both --pairs 5 --think 0

With --database both, each of --pairs pairs runs SQLite and PostgreSQL one after the other
(the order alternates from pair to pair), and a table gives each pair's PostgreSQL / SQLite
ratio of requests per second, with the median: one run is not enough on a shared two-core
machine, where a single run's throughput can move by a tenth from one minute to the next.

Each virtual user registers, starts a CSM exam simulation and then, until time is up, mixes
reading modules, the library, search, the dashboard and answering exam questions. Forms are
read with the same HTML parser the tests use (tests/pages.py), so a page that changes its
markup breaks the script loudly, not silently. Every answer the server acknowledges (a redirect
after the POST) is remembered; afterwards the script reads the database and checks each one is
stored.
Faults: --kill-worker sends SIGKILL to one gunicorn worker a third of the way in;
--restart-postgres restarts the local PostgreSQL cluster halfway through (needs root).
Errors within FAULT_WINDOW seconds after a fault the script itself caused are expected and
reported apart; any other error fails the run.

Exit status 1 (with a FAIL line saying why) when a request failed outside a fault window, when
fewer answers were acknowledged than --min-answers (default: one per user), when an
acknowledged answer is missing from the database, or when the site does not serve afterwards.
Traffic goes only to 127.0.0.1. Bounded by --seconds; it stops by itself.
"""
import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from common import free_port, wait_until_up  # noqa: E402
from virtual_user import Stats, VirtualUser  # noqa: E402

PG_ADMIN = os.environ.get("TEST_POSTGRES_ADMIN_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


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


def run(args, kind: str) -> "Outcome":
    """One run of the virtual users against gunicorn on a fresh database of `kind`."""
    with tempfile.TemporaryDirectory() as folder:
        url, drop = database_url(kind, folder)
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "load-test",
               "LEARNPM_SESSION_COOKIE_SECURE": "false",
               "LEARNPM_LOGIN_RATE_LIMIT": "100000 per minute",
               "LEARNPM_MAIL_BACKEND": "dummy"}
        env.pop("REDIS_URL", None)
        port = free_port()
        server = start_server(env, args.workers, port)
        stats, log = Stats(), []
        try:
            started = time.monotonic()
            deadline = started + args.seconds
            users = [VirtualUser(f"http://127.0.0.1:{port}", stats, deadline,
                                 random.Random(n), args.think) for n in range(args.users)]
            threads = [threading.Thread(target=u.run) for u in users]
            for thread in threads:
                thread.start()
            fault = threading.Thread(target=faults, args=(server, args, started, log, stats))
            fault.start()
            for thread in threads + [fault]:
                thread.join()
            elapsed = time.monotonic() - started
            serves_again = urllib.request.urlopen(f"http://127.0.0.1:{port}/modules/scrum",
                                                  timeout=10).status == 200
            checked, missing = verify(url, stats.acknowledged)
        finally:
            server.terminate()
            server.wait(timeout=15)
            drop()
    return Outcome(kind, stats, elapsed, log, checked, missing, serves_again)


@dataclass
class Outcome:
    kind: str
    stats: Stats
    elapsed: float
    log: list[str]
    checked: int  # acknowledged answers looked up in the database
    missing: int
    serves_again: bool

    @property
    def requests(self) -> int:
        return sum(len(v) for v in self.stats.latency.values())

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=("sqlite", "postgres", "both"), default="sqlite",
                        help="both: --pairs runs on each, alternating, and their ratio")
    parser.add_argument("--pairs", type=int, default=3,
                        help="with --database both: how many SQLite/PostgreSQL pairs")
    parser.add_argument("--users", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--think", type=float, default=1.0,
                        help="mean seconds a user pauses between requests (0: flat out)")
    parser.add_argument("--kill-worker", action="store_true")
    parser.add_argument("--restart-postgres", action="store_true")
    parser.add_argument("--min-answers", type=int,
                        help="fail when fewer answers are acknowledged (default: --users)")
    args = parser.parse_args()
    if args.min_answers is None:
        args.min_answers = args.users
    if args.database != "both":
        sys.exit(1 if report(args, run(args, args.database)) else 0)
    # Each pair's order alternates, so a machine that slows down (or warms up) during the
    # session does not always favour the same database.
    pairs, failures = [], []
    for number in range(args.pairs):
        order = ("sqlite", "postgres") if number % 2 == 0 else ("postgres", "sqlite")
        outcomes = {}
        for kind in order:
            outcomes[kind] = run(args, kind)
            failures += report(args, outcomes[kind])
            print()
        pairs.append((outcomes["sqlite"].requests_per_second,
                      outcomes["postgres"].requests_per_second))
    compare(pairs)
    sys.exit(1 if failures else 0)


def compare(pairs: list[tuple[float, float]]) -> None:
    print(f"{'pair':>4} {'SQLite req/s':>13} {'PostgreSQL req/s':>17} {'PostgreSQL / SQLite':>20}")
    ratios = []
    for number, (sqlite, postgres) in enumerate(pairs, start=1):
        ratios.append(postgres / sqlite)
        print(f"{number:4d} {sqlite:13.0f} {postgres:17.0f} {ratios[-1]:20.0%}")
    print(f"median PostgreSQL / SQLite: {statistics.median(ratios):.0%} "
          f"(lowest {min(ratios):.0%}, highest {max(ratios):.0%}; goal at least 80% flat out)")


def report(args, outcome: Outcome) -> list[str]:
    """Print one run's figures; return why it failed (nothing if it did not)."""
    stats, elapsed = outcome.stats, outcome.elapsed
    errors = sum(len(v) for v in stats.errors.values())
    print(f"{outcome.kind}, gunicorn {args.workers} workers, {args.users} users, "
          f"think {args.think:g} s, {elapsed:.0f} s: {outcome.requests} requests, "
          f"{outcome.requests_per_second:.0f} req/s, {errors} errors")
    for line in outcome.log:
        print("fault:", line)
    print(f"{'request':16} {'count':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'errors':>6} {'outside faults':>14}")
    for kind, values in sorted(stats.latency.items(), key=lambda kv: -len(kv[1])):
        print(f"{kind:16} {len(values):6d} {len(values) / elapsed:7.1f} "
              f"{1000 * statistics.median(values):7.1f} {1000 * percentile(values, 0.95):7.1f} "
              f"{1000 * percentile(values, 0.99):7.1f} {len(stats.errors[kind]):6d} "
              f"{stats.unexpected_errors(kind):14d}")
    print(f"acknowledged answers checked in the database: {outcome.checked}, "
          f"missing: {outcome.missing}")
    print(f"site serves again after the run: {'yes' if outcome.serves_again else 'NO'}")
    failures = [f"{kind}: {stats.unexpected_errors(kind)} errors outside a fault window"
                for kind in sorted(stats.errors) if stats.unexpected_errors(kind)]
    if outcome.checked < args.min_answers:
        failures.append(f"only {outcome.checked} answers acknowledged "
                        f"(floor {args.min_answers})")
    if outcome.missing:
        failures.append(f"{outcome.missing} acknowledged answers missing from the database")
    if not outcome.serves_again:
        failures.append("the site does not serve after the run")
    for failure in failures:
        print("FAIL:", failure)
    return failures


if __name__ == "__main__":
    main()
