"""End-to-end journeys a person takes, in a real browser against a live server."""
import re
from datetime import date, timedelta

from learnpm.extensions import db
from learnpm.models import Attempt, Status, utcnow
from tests.browser.conftest import create_user, log_in, open_page, register, screenshot, submit


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
    submit(page, "button:has-text('Start exam simulation')")
    assert page.locator("#timer-value").inner_text() != ""
    answer_current_question(page)
    page.check("#flag")
    page.click("#next")
    page.wait_for_url(re.compile(r".*q=2"))  # reloading mid-navigation detaches the page
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
    submit(page, "button:has-text('Start exam simulation')")
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
    submit(page, "button:has-text('Start exam simulation')")
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


def rate_every_skill(page, level: int) -> int:
    """Choose the same level for every skill on the self-assessment; returns how many."""
    groups = page.locator("fieldset.skill-rating")
    for i in range(groups.count()):
        groups.nth(i).locator(f"input[type=radio][value='{level}']").check()
    return groups.count()


def test_learner_assesses_skills_sets_a_target_role_and_books_an_exam(page, live_server):
    register(page, live_server, "Marcus")
    page.goto(f"{live_server}/skills")
    submit(page, "a:has-text('Start the self-assessment')")
    assert page.url.endswith("/skills/assess")
    rated = rate_every_skill(page, 2)
    assert rated >= 8
    submit(page, "button:has-text('Save my assessment')")
    assert page.url == f"{live_server}/skills"
    assert "self-assessment is saved" in page.inner_text(".flashes")
    assert page.locator("svg.chart.radar").is_visible()
    assert page.locator("svg.chart.radar .series").count() == 1  # no target yet: only "you"
    assert "Choose the role you're working towards" in page.inner_text("main")

    submit(page, ".flash-info a:has-text('your career page')")
    page.select_option("#current_role", "project-coordinator")
    page.select_option("#target_role", "senior-project-manager")
    submit(page, ".career-profile button:has-text('Save')")
    assert page.url == f"{live_server}/career"
    main = page.inner_text("main")
    assert "Becoming a senior project manager" in main
    gaps = page.locator("table.gap-table tbody tr")
    gap_count = gaps.count()
    assert gap_count >= 3  # level 2 everywhere falls short of a senior PM
    first_gap = gaps.first.locator("th").inner_text()
    assert page.locator(".ladder .is-target").inner_text().startswith("Senior project manager")

    submit(page, ".subnav a:has-text('Skills')")
    radar = page.locator("svg.chart.radar")
    assert radar.locator(".series").count() == 2  # you and the target role
    assert page.locator(".chart-legend li").count() == 2
    grow = page.locator("section[aria-labelledby=gaps-heading] .advice-list > li")
    assert grow.count() == gap_count
    assert first_gap in grow.first.inner_text()
    assert grow.first.locator("a[href^='/modules/']").count() >= 1  # what to read next

    page.goto(f"{live_server}/certifications/pmp")
    page.select_option("#status", "exam_booked")
    exam_day = date.today() + timedelta(days=45)
    page.fill("#exam_date", exam_day.isoformat())
    submit(page, "section[aria-labelledby=status-heading] button:has-text('Save')")
    assert page.locator(".countdown strong").inner_text() == "45"
    assert "days to your exam" in page.inner_text(".countdown")
    # the form shows what is saved, so saving it again keeps the booking
    assert page.locator("#status").input_value() == "exam_booked"
    assert page.locator("#exam_date").input_value() == exam_day.isoformat()
    page.goto(f"{live_server}/certifications/")
    card = page.locator(".card-grid .card", has_text="PMP")
    assert "Exam booked" in card.inner_text() and "Exam in 45 days" in card.inner_text()
    page.goto(f"{live_server}/dashboard")
    assert "in 45 days" in page.inner_text(".next-up")  # the nearest exam comes first
    screenshot(page, "dashboard-with-exam-desktop")


def test_mentor_invites_assigns_and_sees_the_work_done(browser, live_server, live_app):
    mentor_email = create_user(live_app, "Elena", role="mentor")
    due = date.today() + timedelta(days=7)
    with open_page(browser) as mentor, open_page(browser) as learner:
        log_in(mentor, live_server, mentor_email)
        submit(mentor, "nav >> text=Mentoring")
        assert mentor.url.endswith("/mentoring/")
        assert "No mentees yet" in mentor.inner_text("main")
        mentor.fill("#invite-message", "Let's get you ready for the CAPM.")
        submit(mentor, "button:has-text('Create invitation link')")
        link = mentor.locator("code.invite-link").first.inner_text()
        assert re.fullmatch(rf"{re.escape(live_server)}/mentoring/join/\S+", link)

        register(learner, live_server, "Priya")
        learner.goto(link)
        assert "Elena invites you" in learner.inner_text("main")
        assert "Let's get you ready for the CAPM." in learner.inner_text("blockquote")
        submit(learner, "button:has-text('Accept')")

        mentor.reload()
        row = mentor.locator("table.cohort-table tbody tr", has_text="Priya")
        assert "0 done · 0 open" in row.inner_text()
        mentor.select_option("#assign-who", label="Priya")
        mentor.select_option("#assign-what",
                             label="Risk mitigation: registers, analysis and responses")
        mentor.fill("#assign-due_date", due.isoformat())
        mentor.fill("#assign-note", "Read it before our call on **Friday**.")
        submit(mentor, "button:has-text('Assign')")
        assert "Assigned to 1 mentee" in mentor.inner_text(".flashes")
        row = mentor.locator("table.cohort-table tbody tr", has_text="Priya")
        assert "0 done · 1 open" in row.inner_text()

        learner.goto(f"{live_server}/dashboard")
        assert "Read: Risk mitigation" in learner.inner_text(".next-up")
        submit(learner, ".subnav a:has-text('Assigned to me')")
        item = learner.locator("table.attempts-table tbody tr", has_text="Risk mitigation")
        assert "Open" in item.inner_text() and "Elena" in item.inner_text()
        assert item.locator("strong", has_text="Friday").count() == 1  # the note's Markdown
        with learner.expect_navigation():
            item.locator("a:has-text('Risk mitigation')").click()
        submit(learner, "button:has-text('Mark as complete')")
        learner.goto(f"{live_server}/mentoring/assigned")
        item = learner.locator("table.attempts-table tbody tr", has_text="Risk mitigation")
        assert "Done" in item.inner_text()

        mentor.reload()
        row = mentor.locator("table.cohort-table tbody tr", has_text="Priya")
        assert "1 done · 0 open" in row.inner_text()
        with mentor.expect_navigation():
            row.locator("a:has-text('Priya')").click()
        assert "Done" in mentor.inner_text("section[aria-labelledby=work-heading]")
        screenshot(mentor, "mentor-dashboard-desktop")
