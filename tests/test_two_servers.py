"""Two app servers on different ports, one PostgreSQL and one Redis, behave as one site.

Starts two real gunicorn processes. Skipped when PostgreSQL or Redis is not reachable.
"""
import http.cookiejar
import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

from tests.pages import Form, csrf_token, form
from tests.servers import POSTGRES_ADMIN_URL, REDIS_URL, postgres_missing, redis_missing

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def database():
    if reason := postgres_missing() or redis_missing():
        pytest.skip(reason)
    name = f"learnpm_it_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    yield url
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module")
def servers(database):
    _flush_redis()
    env = {**os.environ, "DATABASE_URL": database, "SECRET_KEY": "one-key-for-every-host",
           "REDIS_URL": REDIS_URL, "LEARNPM_SESSION_COOKIE_SECURE": "false",
           "LEARNPM_LOGIN_RATE_LIMIT": "4 per minute"}
    subprocess.run([sys.executable, "-m", "flask", "--app", "learnpm", "db", "upgrade"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "flask", "--app", "learnpm", "users", "create",
                    "tom@example.com", "--name", "Tom", "--password", "river stone lantern"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "flask", "--app", "learnpm", "users", "create",
                    "ada@example.com", "--name", "Ada", "--role", "admin",
                    "--password", "quiet harbour compass"],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    processes, urls = [], []
    for port in _free_ports(2):
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}",
             "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=env))
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            _wait(url)
        yield urls
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


def _flush_redis() -> None:
    import redis
    client = redis.Redis.from_url(REDIS_URL)
    client.flushdb()
    client.close()


def _free_ports(count: int) -> list[int]:
    import socket
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def _wait(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


class Browser:
    """A cookie jar shared across ports, as a browser behind one load balancer would be."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, url: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(url))

    def post_form(self, page_url: str, action_url: str, fields: dict) -> tuple[int, str]:
        _, page = self.get(page_url)
        data = urllib.parse.urlencode({**fields, "csrf_token": csrf_token(page)}).encode()
        return self._open(urllib.request.Request(action_url, data=data, method="POST"))

    def upload(self, found: Form, fields: dict, file_field: str, path: Path) -> tuple[int, str]:
        """Send `found` filled in with `fields` and a file, as multipart/form-data."""
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                 f"{value}\r\n".encode() for name, value in {**found.values, **fields}.items()]
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
                     f'filename="{path.name}"\r\nContent-Type: text/plain\r\n\r\n'.encode()
                     + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode())
        request = urllib.request.Request(
            found.action, data=b"".join(parts), method="POST",
            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        return self._open(request)

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def test_a_session_started_on_one_server_continues_on_the_other(servers):
    first, second = servers
    browser = Browser()
    status, page = browser.post_form(f"{first}/login", f"{first}/login",
                                     {"email": "tom@example.com",
                                      "password": "river stone lantern"})
    assert status == 200 and "Hello, Tom" in page  # redirected to the dashboard on server 1
    status, page = browser.get(f"{second}/dashboard")
    assert status == 200 and "Hello, Tom" in page


def test_login_throttling_counts_across_both_servers(servers):
    _flush_redis()  # start counting from zero
    first, second = servers
    browser = Browser()
    codes = []
    for attempt in range(5):
        server = (first, second)[attempt % 2]
        status, _ = browser.post_form(f"{server}/login", f"{server}/login",
                                      {"email": "nobody@example.com", "password": "wrong"})
        codes.append(status)
    assert codes[:4] == [200, 200, 200, 200] and codes[4] == 429


def _question_count(browser: Browser, server: str) -> int:
    _, page = browser.get(f"{server}/practice/csm")
    return int(re.search(r"(\d+) original practice questions", page).group(1))


def test_an_import_on_one_server_is_served_by_the_other_within_seconds(servers):
    _flush_redis()  # the throttling test above used up this minute's logins
    first, second = servers
    admin = Browser()
    status, _ = admin.post_form(f"{first}/login", f"{first}/login",
                                {"email": "ada@example.com", "password": "quiet harbour compass"})
    assert status == 200
    before = _question_count(admin, second)  # the second server has its catalog loaded
    sample = ROOT / "tests" / "fixtures" / "import" / "sample.aiken"
    _, page = admin.get(f"{first}/admin/import")
    found = form(page, "/admin/import", f"{first}/admin/import")
    target = next(v for v in found.choices["target"] if v.startswith("csm:"))
    status, page = admin.upload(found, {"target": target}, "file", sample)
    assert status == 200 and "3" in page
    assert _question_count(admin, first) == before + 3  # the importing server at once
    deadline = time.monotonic() + 15  # the other within CONTENT_CHECK_SECONDS (2 s) or so
    while _question_count(admin, second) != before + 3 and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _question_count(admin, second) == before + 3
