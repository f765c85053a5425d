"""Realistic load against gunicorn, with optional faults, and a check that no answer is lost.

    python bench/load.py --database sqlite --users 32 --seconds 60
    python bench/load.py --database postgres --users 32 --seconds 60
    python bench/load.py --database postgres --kill-worker --restart-postgres

Each virtual user registers, starts a CSM exam simulation and then, until time is up, mixes
reading modules, the library, search, the dashboard and answering exam questions (with the
real CSRF token). Every answer the server acknowledges (a redirect after the POST) is
remembered; afterwards the script reads the database and checks each one is stored.
Faults: --kill-worker sends SIGKILL to one gunicorn worker a third of the way in;
--restart-postgres restarts the local PostgreSQL cluster halfway through (needs root).
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
PG_ADMIN = os.environ.get("TEST_POSTGRES_ADMIN_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/test")
MODULES = ["stakeholder-engagement", "risk-mitigation", "scrum", "project-scheduling",
           "reporting", "leadership", "kanban", "pmp-exam-guide"]
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
FORM = re.compile(r'action="(/practice/attempts/(\d+)/items/(\d+))"')
ANSWER = re.compile(r'name="answer" value="(\w)"')
MATCH = re.compile(r'<select id="match-(\d+)"[^>]*>\s*<option value="">[^<]*</option>\s*'
                   r'<option value="(\d+)"')


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.latency = defaultdict(list)
        self.errors = defaultdict(int)
        self.acknowledged: list[tuple[int, int, str]] = []

    def record(self, kind: str, seconds: float, ok: bool) -> None:
        with self.lock:
            self.latency[kind].append(seconds)
            if not ok:
                self.errors[kind] += 1


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

    def post_form(self, kind: str, page_text: str, path: str, data: dict):
        token = TOKEN.search(page_text)
        return self.call(kind, path, {**data, "csrf_token": token.group(1) if token else ""})

    def run(self) -> None:
        status, page, _ = self.call("register page", "/register")
        email = f"load-{uuid.uuid4().hex[:10]}@example.com"
        self.post_form("register", page, "/register", {
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
        if self.attempt_url is None:
            _, page, _ = self.call("practice setup", "/practice/csm")
            status, page, url = self.post_form("start exam", page, "/practice/csm/exam",
                                               {"size": "10"})
            if status >= 400 or "/attempts/" not in url:
                return
            self.attempt_url = urllib.parse.urlparse(url).path
        status, page, url = self.call("question page", self.attempt_url)
        form = FORM.search(page)
        if status >= 400 or form is None:  # finished (result page) or an error: start again
            self.attempt_url = None
            return
        action, attempt_id, position = form.group(1), int(form.group(2)), int(form.group(3))
        options = ANSWER.findall(page)
        if options:
            choice = self.rng.choice(options)
            data = {"answer": choice, "go": "next"}
        else:
            matches = MATCH.findall(page)
            choice = "match"
            data = {f"match-{left}": right for left, right in matches}
            data["go"] = "next"
        status, text, url = self.post_form("answer", page, action, data)
        if status < 400 and "/attempts/" in url:
            with self.stats.lock:
                self.stats.acknowledged.append((attempt_id, position, choice))
        if "review" in url:  # last question answered: submit and start a new exam next time
            self.post_form("submit", text, f"/practice/attempts/{attempt_id}/submit", {})
            self.attempt_url = None


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
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def faults(server: subprocess.Popen, args, started: float, log: list[str]) -> None:
    if args.kill_worker:
        time.sleep(max(0.0, started + args.seconds / 3 - time.monotonic()))
        workers = subprocess.run(["pgrep", "-P", str(server.pid)], capture_output=True,
                                 text=True).stdout.split()
        if workers:
            os.kill(int(workers[0]), signal.SIGKILL)
            log.append(f"t={time.monotonic() - started:.0f}s: SIGKILL gunicorn worker "
                       f"{workers[0]}")
    if args.restart_postgres:
        time.sleep(max(0.0, started + args.seconds / 2 - time.monotonic()))
        version = sorted(os.listdir("/etc/postgresql"))[-1]
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
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url, drop = database_url(args.database, folder)
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "load-test",
               "LEARNPM_SESSION_COOKIE_SECURE": "false",
               "LEARNPM_LOGIN_RATE_LIMIT": "100000 per minute"}
        env.pop("REDIS_URL", None)
        port = 18000 + random.randint(0, 999)
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
            fault = threading.Thread(target=faults, args=(server, args, started, log))
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
    errors = sum(stats.errors.values())
    print(f"{args.database}, gunicorn {args.workers} workers, {args.users} users, "
          f"think {args.think:g} s, {elapsed:.0f} s: {total} requests, "
          f"{total / elapsed:.0f} req/s, {errors} errors")
    for line in log:
        print("fault:", line)
    print(f"{'request':16} {'count':>6} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
          f"{'p99 ms':>7} {'errors':>6}")
    for kind, values in sorted(stats.latency.items(), key=lambda kv: -len(kv[1])):
        print(f"{kind:16} {len(values):6d} {len(values) / elapsed:7.1f} "
              f"{1000 * statistics.median(values):7.1f} {1000 * percentile(values, 0.95):7.1f} "
              f"{1000 * percentile(values, 0.99):7.1f} {stats.errors[kind]:6d}")
    print(f"acknowledged answers checked in the database: {checked}, missing: {missing}")
    print(f"site serves again after the run: {'yes' if serves_again else 'NO'}")
    sys.exit(0 if missing == 0 and serves_again else 1)


if __name__ == "__main__":
    main()
