"""Real-browser journeys: a live LearnPM server in a thread, driven by Debian's Chromium.

Chromium comes from the system package (`apt-get install chromium`); Playwright's own
browser download cannot work here, so we point it at the system binary.
"""
import logging
import os
import random
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from learnpm import create_app
from learnpm.extensions import db

CHROMIUM = os.environ.get("LEARNPM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("LEARNPM_ARTIFACTS", Path(__file__).parents[2] / "artifacts"))
# axe-core and vnu-jar come from the npm registry: `.ci/run` installs them here when missing.
NODE_MODULES = Path(os.environ.get("LEARNPM_NODE_MODULES",
                                   Path(__file__).parent / ".node" / "node_modules"))
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
PASSWORD = "river stone lantern"
PHONE = {"width": 360, "height": 780}
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


# Closing a browser context can cut off a static file (the favicon) mid-response; Werkzeug's
# development server then drops the connection without closing the file. Not an app problem.
DROPPED_STATIC_FILE = [
    "ignore:unclosed file <_io.BufferedReader name=.*/static/:ResourceWarning",
    "ignore:Exception ignored in. <_io.FileIO name=.*/static/"
    ":pytest.PytestUnraisableExceptionWarning",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            for rule in DROPPED_STATIC_FILE:
                item.add_marker(pytest.mark.filterwarnings(rule))


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("live")
    app = create_app({
        "SECRET_KEY": "browser-tests", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/live.sqlite",
        "LOGIN_RATE_LIMIT": "1000 per minute", "RATELIMIT_ENABLED": False,
    })
    with app.app_context():
        db.create_all()
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per request in the output
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield launched
        launched.close()


def new_context(browser, **options):
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)  # a missing element fails in seconds, not half a minute
    return context


@pytest.fixture
def page(browser):
    with open_page(browser) as page:
        yield page


@pytest.fixture
def page_without_js(browser):
    context = new_context(browser, java_script_enabled=False)
    yield context.new_page()
    context.close()


@contextmanager
def open_page(browser, **options):
    """A page in its own browser context (its own cookies), failing on any JavaScript error."""
    context = new_context(browser, **options)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:
        context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def unique_email(name: str) -> str:
    return f"{name.lower()}{random.randint(1, 10**9)}@example.com"


def register(page, base: str, name: str = "Priya") -> str:
    email = unique_email(name)
    page.goto(f"{base}/register")
    page.fill("#name", name)
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.fill("#confirm", PASSWORD)
    submit(page, "button:has-text('Create account')")
    assert page.url == f"{base}/dashboard", page.url
    return email


def create_user(live_app, name: str, role: str = "learner") -> str:
    """An account made the way an administrator makes one: `flask users create`."""
    email = unique_email(name)
    result = live_app.test_cli_runner().invoke(args=[
        "users", "create", email, "--name", name, "--role", role, "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    return email


def submit(page, selector: str) -> None:
    """Click a button or link and wait for the page it leads to, even at the same address."""
    with page.expect_navigation():
        page.click(selector)


def log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    submit(page, "main button:has-text('Log in')")
    assert "/login" not in page.url, f"could not log in as {email}"


def screenshot(page, name: str) -> None:
    ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "screenshots" / f"{name}.png"), full_page=True)
