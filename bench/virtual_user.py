"""The traffic of bench/load.py: a virtual user who reads, searches and answers exam questions
through the pages' own forms, and the statistics every user records into."""
import http.cookiejar
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict

from tests.pages import Form, form  # the tests' own form reader

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
        self.finished: list[float] = []  # when each request ended (monotonic)

    def record(self, kind: str, seconds: float, ok: bool) -> None:
        ended = time.monotonic()
        with self.lock:
            self.latency[kind].append(seconds)
            self.finished.append(ended)
            if not ok:
                self.errors[kind].append(ended)

    def fault(self) -> None:
        with self.lock:
            self.faults.append(time.monotonic())

    def unexpected_errors(self, kind: str) -> int:
        """Errors of `kind` that no fault of ours explains."""
        return sum(1 for when in self.errors[kind]
                   if not any(0 <= when - f <= FAULT_WINDOW for f in self.faults))


class Gate:
    """Lets a server's users send requests only while open: closing it and waiting for the
    requests in flight leaves that server idle (bench/load.py --database both takes turns)."""

    def __init__(self):  # open
        self.lock, self.event, self.in_flight = threading.Lock(), threading.Event(), 0
        self.event.set()

    def enter(self) -> None:
        """Wait until the gate is open, then count a request in flight."""
        while True:
            self.event.wait()
            with self.lock:  # under the lock close_and_drain reads: none slips by
                if self.event.is_set():
                    self.in_flight += 1
                    return

    def leave(self) -> None:
        with self.lock:
            self.in_flight -= 1

    def open(self) -> None:
        self.event.set()

    def close_and_drain(self) -> None:
        self.event.clear()
        while True:
            with self.lock:
                if self.in_flight == 0:
                    return
            time.sleep(0.005)


class VirtualUser:
    def __init__(self, base: str, stats: Stats, deadline: float, rng: random.Random,
                 think: float, gate: Gate | None = None,
                 signed_up: threading.Barrier | None = None):
        self.base, self.stats, self.deadline, self.rng = base, stats, deadline, rng
        self.think, self.gate, self.signed_up = think, gate or Gate(), signed_up
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.attempt_url = None

    def call(self, kind: str, path: str, data: dict | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        self.gate.enter()
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
        self.gate.leave()
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
        """Sign up, wait at `signed_up` (if given) for everyone else to, then browse until
        the deadline."""
        joined = self.sign_up()
        if self.signed_up is not None:
            self.signed_up.wait()
        if joined:
            self.browse()

    def sign_up(self) -> bool:
        _, page, url = self.call("register page", "/register")
        found = self.find_form("register", page, "/register", url)
        if found is None:
            return False
        email = f"load-{uuid.uuid4().hex[:10]}@example.com"
        self.post_form("register", found, {
            "name": "Load", "email": email, "password": "river stone lantern",
            "confirm": "river stone lantern"})
        return True

    def browse(self) -> None:
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
