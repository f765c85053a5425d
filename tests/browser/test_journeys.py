"""End-to-end journeys a person takes, in a real browser against a live server."""
import re
from datetime import timedelta

from learnpm.extensions import db
from learnpm.models import Attempt, Status, utcnow
from tests.browser.conftest import register, screenshot


def answer_current_question(page):
    """Pick the first offered answer, whatever the question type."""
    choice = page.locator("input[name=answer]").first
    if choice.count():
        choice.check()
    else:
        for select in page.locator("select[name^=match-]").all():
            select.select_option(index=1)


def test_newcomer_finds_reads_and_completes_a_module(page, live_server):
    register(page, live_server)
    page.click("nav >> text=Library")
    page.fill("#q", "stakeholder map")
    page.press("#q", "Enter")
    page.wait_for_url(re.compile(r".*q=stakeholder"))
    page.click("a:has-text('Stakeholder engagement')")
    assert page.locator("h1").inner_text().startswith("Stakeholder engagement")
    assert page.locator(".toc li").count() >= 4
    page.click("button:has-text('Mark as complete')")
    assert page.locator(".flash-success").inner_text().startswith("Marked")
    page.goto(f"{live_server}/paths/foundations")
    progress = page.locator("progress").first
    assert progress.get_attribute("value") == "1"
    page.goto(f"{live_server}/dashboard")
    assert "Foundations of IT project management" in page.inner_text("main")


def test_practice_quiz_and_short_exam_with_flag_reload_and_review(page, live_server):
    register(page, live_server, "Marcus")
    page.goto(f"{live_server}/practice/pmp")
    page.fill("#count", "3")
    page.click("button:has-text('Start practice')")
    for _ in range(3):
        answer_current_question(page)
        page.click("button:has-text('Check answer')")
        assert page.locator(".feedback .verdict").is_visible()
        if page.locator("#next-question").count():
            page.click("#next-question")
    page.click("button:has-text('See your results')")
    assert "Practice quiz result" in page.inner_text("h1")

    page.goto(f"{live_server}/practice/csm")
    page.select_option("#size", "10")
    page.click("button:has-text('Start exam simulation')")
    assert page.locator("#timer-value").inner_text() != ""
    answer_current_question(page)
    page.check("#flag")
    page.click("#next")
    page.reload()  # the learner closes the tab and comes back
    page.click("button.nav-q >> text='1'")
    assert page.locator("#flag").is_checked()
    page.click("#to-review")
    assert "Flagged (1)" in page.inner_text("main")
    page.click("#submit-exam")
    main = page.inner_text("main")
    assert "Exam simulation result" in main and "By domain" in main
    assert page.locator(".answer-review .review-item").count() == 10
    screenshot(page, "exam-result-desktop")


def test_exam_timer_runs_out_and_the_attempt_is_scored(page, live_server, live_app):
    register(page, live_server, "Tom")
    page.goto(f"{live_server}/practice/csm")
    page.select_option("#size", "10")
    page.click("button:has-text('Start exam simulation')")
    attempt_id = int(re.search(r"/attempts/(\d+)", page.url).group(1))
    with live_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.deadline = utcnow() + timedelta(seconds=3)
        db.session.commit()
    page.reload()
    answer_current_question(page)
    page.wait_for_url(re.compile(r".*/result$"), timeout=20_000)
    assert "Time ran out" in page.inner_text("main") or "time ran out" in page.inner_text("main")
    with live_app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert attempt.status in (Status.EXPIRED, Status.SUBMITTED)
        assert attempt.total == 10


def test_everything_but_the_countdown_works_without_javascript(page_without_js, live_server):
    page = page_without_js
    register(page, live_server, "Elena")
    page.goto(f"{live_server}/modules/scrum")
    page.click("button:has-text('Mark as complete')")
    assert "Completed" in page.inner_text("main")
    page.goto(f"{live_server}/practice/prince2-foundation")
    page.select_option("#size", "10")
    page.click("button:has-text('Start exam simulation')")
    assert "Time left" in page.inner_text(".timer")  # the server still shows the time left
    answer_current_question(page)
    page.click("#next")
    assert "Question 2" in page.inner_text("h1")
    page.click("#to-review")
    page.click("#submit-exam")
    assert "Exam simulation result" in page.inner_text("h1")
    page.goto(f"{live_server}/practice/review")
    assert page.locator("h1").inner_text() == "Review queue"
    page.click("button:has-text('Log out')")
    assert page.url.rstrip("/") == live_server
