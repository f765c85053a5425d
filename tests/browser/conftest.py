"""Real-browser journeys: a live LearnPM server in a thread, driven by Debian's Chromium.

Chromium comes from the system package (`apt-get install chromium`); Playwright's own
browser download cannot work here, so we point it at the system binary.
"""
import os
import random
import shutil
import threading
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from learnpm import create_app
from learnpm.extensions import db

CHROMIUM = os.environ.get("LEARNPM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(os.environ.get("LEARNPM_ARTIFACTS", Path(__file__).parents[2] / "artifacts"))
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


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


def _context(browser, **options):
    options.setdefault("viewport", {"width": 1280, "height": 900})
    return browser.new_context(**options)


@pytest.fixture
def page(browser):
    context = _context(browser)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


@pytest.fixture
def page_without_js(browser):
    context = _context(browser, java_script_enabled=False)
    yield context.new_page()
    context.close()


def register(page, base: str, name: str = "Priya") -> str:
    email = f"{name.lower()}{random.randint(1, 10**9)}@example.com"
    page.goto(f"{base}/register")
    page.fill("#name", name)
    page.fill("#email", email)
    page.fill("#password", "river stone lantern")
    page.fill("#confirm", "river stone lantern")
    page.click("button:has-text('Create account')")
    page.wait_for_url(f"{base}/dashboard")
    return email


def screenshot(page, name: str) -> None:
    ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "screenshots" / f"{name}.png"), full_page=True)
