"""Realistic load against gunicorn, with optional faults, and a check that no answer is lost.

    python bench/load.py --database sqlite --users 32 --seconds 60
    python bench/load.py --database postgres --users 32 --seconds 60
    python bench/load.py --database postgres --kill-worker --restart-postgres

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
import http.cookiejar
import os
import random
import re
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
from collections import defaultdict
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from common import free_port, wait_until_up  # noqa: E402

from tests.pages import Form, form  # noqa: E402  (the tests' own form reader)

PG_ADMIN = os.environ.get("TEST_POSTGRES_ADMIN_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MODULES = ["stakeholder-engagement", "risk-mitigation", "scrum", "project-scheduling",
           "reporting", "leadership", "kanban", "pmp-exam-guide"]
ITEM = re.compile(r"/practice/attempts/(\d+)/items/(\d+)")
FAULT_WINDOW = 10.0  # seconds after a fault during which errors are expected


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = defaultdict(list)
        self.errors: dict[str, list[float]] = defaultdict(list)  # kind -> when (monotonic)
        self.faults: list[float] = []
        self.acknowledged: list[tuple[int, int, str]] = []

    def record(self, kind: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            if not ok:
                self.errors[kind].append(time.monotonic())

    def fault(self) -> None:
        with self.lock:
            self.faults.append(time.monotonic())

    def unexpected_errors(self, kind: str) -> int:
        """Errors of `kind` that no fault of ours explains."""
        return sum(1 for when in self.errors[kind]
                   if not any(0 <= when - f <= FAULT_WINDOW for f in self.faults))


class VirtualUser:
    def __init__(self, base: str, stats: Stats, deadline: float, rng: random.Random,
                 think: float):
        self.base, self.stats, self.deadline, self.rng = base, stats, deadline, rng
        self.think = think
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.attempt_url = None

    def call(self, kind: str, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        start = time.perf_counter()
        try:
            with self.opener.open(urllib.request.Request(self.base + path, data=body),
                                  timeout=30) as response:
                status, text, url = response.status, response.read().decode(), response.url
        except urllib.error.HTTPError as error:
            status, text, url = error.code, error.read().decode(errors="replace"), path
        except OSError:
            status, text, url = 599, "", path
        self.stats.record(kind, time.perf_counter() - start, status < 400)
        return status, text, url

    def post_form(self, kind: str, found: Form, data: dict) -> tuple[int, str, str]:
        """Submit `found` as a browser would, with `data` filled in over its own values."""
        return self.call(kind, urllib.parse.urlparse(found.action).path,
                         {**found.values, **data})

    def find_form(self, kind: str, page: str, action_part: str, url: str) -> Form | None:
        """The form, or None with an error recorded against `kind`: a page without the form
        a person would use is a failure, not something to skip quietly."""
        try:
            return form(page, action_part, url)
        except KeyError:
            self.stats.record(kind, 0.0, False)
            return None

    def run(self) -> None:
        _, page, url = self.call("register page", "/register")
        found = self.find_form("register", page, "/register", url)
        if found is None:
            return
        email = f"load-{uuid.uuid4().hex[:10]}@example.com"
        self.post_form("register", found, {
            "name": "Load", "email": email, "password": "river stone lantern",
            "confirm": "river stone lantern"})
        while time.monotonic() < self.deadline:
            if self.think:  # people read before they click: 0.5x to 1.5x the mean pause
                time.sleep(self.think * self.rng.uniform(0.5, 1.5))
            roll = self.rng.random()
            if roll < 0.35:
                self.call("module page", f"/modules/{self.rng.choice(MODULES)}")
            elif roll < 0.45:
                self.call("library", "/library")
            elif roll < 0.50:
                query = self.rng.choice(["risk", "sprint review", "critical path"])
                self.call("search", "/library?q=" + urllib.parse.quote_plus(query))
            elif roll < 0.62:
                self.call("dashboard", "/dashboard")
            else:
                self.answer_one()

    def answer_one(self) -> None:
        if self.attempt_url is None and not self.start_exam():
            return
        status, page, url = self.call("question page", self.attempt_url)
        try:
            found = form(page, "/items/", url)
        except KeyError:  # finished (the result page) or an error: start again next time
            self.attempt_url = None
            return
        item = ITEM.search(found.action)
        attempt_id, position = int(item.group(1)), int(item.group(2))
        data, choice = self.choose(found)
        status, text, url = self.post_form("answer", found, {**data, "go": "next"})
        if status < 400 and "/attempts/" in url:
            with self.stats.lock:
                self.stats.acknowledged.append((attempt_id, position, choice))
        if "review" in url:  # last question answered: submit and start a new exam next time
            submit = self.find_form("submit", text, "/submit", url)
            if submit is not None:
                self.post_form("submit", submit, {})
            self.attempt_url = None

    def start_exam(self) -> bool:
        _, page, url = self.call("practice setup", "/practice/csm")
        found = self.find_form("start exam", page, "/exam", url)
        if found is None:
            return False
        size = min(found.choices.get("size", ["10"]), key=int)
        status, _, url = self.post_form("start exam", found, {"size": size})
        if status >= 400 or "/attempts/" not in url:
            return False
        self.attempt_url = urllib.parse.urlparse(url).path
        return True

    def choose(self, found: Form) -> tuple[dict, str]:
        """A random answer to the question on `found`, and what to look for in the database."""
        if "answer" in found.choices:
            choice = self.rng.choice(found.choices["answer"])
            return {"answer": choice}, choice
        matches = {name: self.rng.choice([v for v in values if v] or [""])
                   for name, values in found.choices.items() if name.startswith("match-")}
        return matches, "match"


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database", choices=("sqlite", "postgres"), default="sqlite")
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
    with tempfile.TemporaryDirectory() as folder:
        url, drop = database_url(args.database, folder)
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
    report(args, stats, elapsed, log, checked, missing, serves_again)


def report(args, stats: Stats, elapsed: float, log, checked, missing, serves_again) -> None:
    total = sum(len(v) for v in stats.latency.values())
    errors = sum(len(v) for v in stats.errors.values())
    print(f"{args.database}, gunicorn {args.workers} workers, {args.users} users, "
          f"think {args.think:g} s, {elapsed:.0f} s: {total} requests, "
          f"{total / elapsed:.0f} req/s, {errors} errors")
    for line in log:
        print("fault:", line)
    print(f"{'request':16} {'count':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'errors':>6} {'outside faults':>14}")
    for kind, values in sorted(stats.latency.items(), key=lambda kv: -len(kv[1])):
        print(f"{kind:16} {len(values):6d} {len(values) / elapsed:7.1f} "
              f"{1000 * statistics.median(values):7.1f} {1000 * percentile(values, 0.95):7.1f} "
              f"{1000 * percentile(values, 0.99):7.1f} {len(stats.errors[kind]):6d} "
              f"{stats.unexpected_errors(kind):14d}")
    print(f"acknowledged answers checked in the database: {checked}, missing: {missing}")
    print(f"site serves again after the run: {'yes' if serves_again else 'NO'}")
    failures = [f"{kind}: {stats.unexpected_errors(kind)} errors outside a fault window"
                for kind in sorted(stats.errors) if stats.unexpected_errors(kind)]
    if checked < args.min_answers:
        failures.append(f"only {checked} answers acknowledged (floor {args.min_answers})")
    if missing:
        failures.append(f"{missing} acknowledged answers missing from the database")
    if not serves_again:
        failures.append("the site does not serve after the run")
    for failure in failures:
        print("FAIL:", failure)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
