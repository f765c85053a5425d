"""Keyboard-only use: an exam simulation without a mouse, and a focus ring you can always see."""
import re

from sqlalchemy import select

from learnpm.extensions import db
from learnpm.models import Attempt, AttemptItem, Status
from tests.browser.conftest import register, submit

FOCUS_STYLE = """() => {
    const e = document.activeElement, s = getComputedStyle(e);
    const label = e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' "' +
        (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
    return {label, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
            top: e === document.body || e === document.documentElement};
}"""


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching selector has focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def shortcut_value(page, key: str) -> str:
    return page.get_attribute(f"input[data-shortcut='{key}']", "value")


def test_exam_simulation_with_the_keyboard_alone(page, live_server, live_app):
    register(page, live_server, "Kim")
    page.goto(f"{live_server}/practice/prince2-foundation")  # single-answer questions only
    page.select_option("#size", "10")
    tab_to(page, "form[action$='/exam'] button[type=submit]")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/attempts/\d+$"))
    attempt_id = int(re.search(r"/attempts/(\d+)", page.url).group(1))
    assert page.locator("#keys").is_visible()  # the script shows its shortcuts

    first = shortcut_value(page, "2")
    page.keyboard.press("2")
    assert page.is_checked(f"input[name=answer][value='{first}']")
    page.keyboard.press("f")
    assert page.is_checked("#flag")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r".*q=2$"))
    assert "Question 2" in page.inner_text("h1")

    second = shortcut_value(page, "3")
    page.keyboard.press("3")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r".*q=3$"))
    page.keyboard.press("ArrowLeft")  # back without answering question 3
    page.wait_for_url(re.compile(r".*q=2$"))
    assert page.is_checked(f"input[name=answer][value='{second}']")

    # The single-key shortcuts can be switched off, and on again (WCAG 2.1.4).
    tab_to(page, "#keys-on")
    page.keyboard.press("Space")
    page.keyboard.press("1")
    assert page.is_checked(f"input[name=answer][value='{second}']")
    page.keyboard.press("Space")

    tab_to(page, "button.nav-q[value='q-1']")
    assert page.evaluate(FOCUS_STYLE)["outline"], "the focused navigator button shows no outline"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*q=1$"))
    assert page.is_checked(f"input[name=answer][value='{first}']")
    assert page.is_checked("#flag")

    tab_to(page, "#to-review")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/review$"))
    main = page.inner_text("main")
    assert "2 of 10 answered" in main and "Flagged (1)" in main
    tab_to(page, "#submit-exam")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/result$"))
    assert "Exam simulation result" in page.inner_text("h1")

    with live_app.app_context():
        assert db.session.get(Attempt, attempt_id).status is Status.SUBMITTED
        items = {i.position: i for i in db.session.scalars(
            select(AttemptItem).where(AttemptItem.attempt_id == attempt_id))}
        assert items[1].response == [first] and items[1].flagged
        assert items[2].response == [second] and not items[2].flagged
        assert all(items[n].response is None for n in range(3, 11))


def test_keyboard_focus_is_always_visible(page, live_server):
    hidden = []

    def tab_through(path: str, stops: int = 40) -> None:
        page.goto(live_server + path)
        # Chromium applies autofocus at a rendering step that may come after `load`, so wait
        # for it rather than reading activeElement at once (which made this test flaky).
        autofocus = page.locator("[autofocus]").count() > 0
        if autofocus:
            page.wait_for_function("document.activeElement.hasAttribute('autofocus')")
        page.keyboard.press("Tab")
        if not autofocus:  # the first Tab shows the skip link
            skip = page.locator(".skip-link")
            assert skip.evaluate("e => e === document.activeElement") and skip.is_visible() \
                and skip.bounding_box()["x"] >= 0, f"{path}: the skip link is not shown on Tab"
        for _ in range(stops):
            focus = page.evaluate(FOCUS_STYLE)
            if focus["top"]:
                break
            if not focus["outline"]:
                hidden.append(f"{path}: {focus['label']}")
            page.keyboard.press("Tab")

    tab_through("/")
    tab_through("/register")
    register(page, live_server, "Noor")
    tab_through("/practice/pmp", stops=60)
    page.select_option("#size", "10")
    submit(page, "button:has-text('Start exam simulation')")
    tab_through(page.url.removeprefix(live_server))
    assert not hidden, "Focused without a visible outline:\n" + "\n".join(hidden)
