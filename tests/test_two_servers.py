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

ROOT = Path(__file__).resolve().parent.parent
ADMIN_URL = os.environ.get("TEST_POSTGRES_ADMIN_URL",
                           "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

pytestmark = pytest.mark.postgres


def _reachable() -> str | None:
    engine = sa.create_engine(ADMIN_URL)
    try:
        engine.connect().close()
    except Exception as exc:  # noqa: BLE001 - any failure means "not here"
        return f"PostgreSQL not reachable: {exc.__class__.__name__}"
    finally:
        engine.dispose()
    try:
        import redis
        client = redis.Redis.from_url(REDIS_URL)
        client.ping()
        client.close()
    except Exception as exc:  # noqa: BLE001
        return f"Redis not reachable: {exc.__class__.__name__}"
    return None


@pytest.fixture(scope="module")
def database():
    if reason := _reachable():
        pytest.skip(reason)
    name = f"learnpm_it_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
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
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({**fields, "csrf_token": token}).encode()
        return self._open(urllib.request.Request(action_url, data=data, method="POST"))

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
