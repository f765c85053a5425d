"""A tour of every main page, in the states people see them in, for the page-by-page checks.

`build_tour` makes three people through the browser (a learner with a bit of everything, her
mentor and an administrator) and returns the pages to visit. The accessibility, HTML, layout
and screenshot tests all walk the same list, so a page added here is checked by all of them.
"""
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import update

from learnpm.extensions import db
from learnpm.models import ReviewCard, utcnow
from tests.browser.conftest import create_user, log_in, open_page, register, submit


@dataclass(frozen=True)
class Stop:
    name: str  # also the screenshot's file name
    path: str
    who: str | None = None  # None: logged out; else a key of Tour.sessions
    act: Callable | None = None  # what the person does on the page before it is checked
    status: int = 200  # expected HTTP status (not checked after an action)
    main: bool = False  # one of the main pages: screenshot at both widths


@dataclass
class Tour:
    base: str
    sessions: dict[str, dict] = field(default_factory=dict)  # who -> Playwright storage state
    stops: list[Stop] = field(default_factory=list)


PUBLIC = [("home", "/", True), ("library", "/library", True),
          ("library-search", "/library?q=stakeholder", False),
          ("module", "/modules/risk-mitigation", True), ("paths", "/paths", False),
          ("path", "/paths/foundations", True), ("practice", "/practice/", True),
          ("practice-setup", "/practice/pmp", True), ("not-found", "/no-such-page", True)]


def submit_empty(page) -> None:
    """Send the page's main form with nothing filled in, to see its error messages."""
    page.locator("main form button[type=submit]").last.click()


def answer_first(page) -> None:
    choice = page.locator("input[name=answer]").first
    if choice.count():
        choice.check()
    else:
        for select in page.locator("select[name^=match-]").all():
            select.select_option(index=1)


def attempt_url(page) -> str:
    return re.search(r"/practice/attempts/\d+", page.url).group(0)


def _finish_exam(page, base: str, bank: str) -> str:
    page.goto(f"{base}/practice/{bank}")
    page.select_option("#size", "10")
    submit(page, "button:has-text('Start exam simulation')")
    url = attempt_url(page)
    answer_first(page)
    page.check("#flag")
    submit(page, "#to-review")
    submit(page, "#submit-exam")
    page.wait_for_url(re.compile(r".*/result$"))
    return url


def _learner_story(page, base: str, live_app) -> dict[str, str]:
    """Everything Priya has done, so each page shows real content rather than an empty state."""
    urls = {}
    page.goto(f"{base}/modules/risk-mitigation")
    submit(page, "button:has-text('Mark as complete')")

    page.goto(f"{base}/skills/assess")
    for group in page.locator("fieldset.skill-rating").all():
        group.locator("input[type=radio][value='2']").check()
    page.locator("textarea").first.fill("Ran the weekly status meeting for a 6-person team.")
    submit(page, "button:has-text('Save my assessment')")
    page.goto(f"{base}/career")
    page.select_option("#current_role", "project-coordinator")
    page.select_option("#target_role", "project-manager")
    page.select_option("#education_level", index=2)
    submit(page, ".career-profile button:has-text('Save')")
    page.fill("#title", "Pass the CAPM exam")
    page.fill("#target_date", (date.today() + timedelta(days=90)).isoformat())
    submit(page, "button:has-text('Add goal')")

    page.goto(f"{base}/certifications/capm")
    page.select_option("#status", "exam_booked")
    page.fill("#exam_date", (date.today() + timedelta(days=30)).isoformat())
    submit(page, "section[aria-labelledby=status-heading] button:has-text('Save')")
    page.goto(f"{base}/certifications/csm")
    page.select_option("#status", "certified")
    page.fill("#passed_on", (date.today() - timedelta(days=400)).isoformat())
    submit(page, "section[aria-labelledby=status-heading] button:has-text('Save')")
    page.fill("#activity-title", "Webinar: running a Sprint Review that stakeholders attend")
    page.fill("#activity-units", "2")
    page.fill("#activity-activity_date", (date.today() - timedelta(days=20)).isoformat())
    submit(page, "button:has-text('Log activity')")
    page.goto(f"{base}/certifications/evidence")
    page.fill("#education-title", "Project management fundamentals")
    page.fill("#education-provider", "City college")
    page.fill("#education-hours", "12")
    page.fill("#education-completed_on", (date.today() - timedelta(days=100)).isoformat())
    submit(page, "button:has-text('Add course')")
    page.fill("#experience-role", "Project coordinator")
    page.fill("#experience-organisation", "Acme Software")
    page.fill("#experience-started_on", (date.today() - timedelta(days=700)).isoformat())
    submit(page, "button:has-text('Add experience')")

    # A finished practice quiz (its misses fill the review queue) and two finished exams,
    # so the history page draws two score charts.
    page.goto(f"{base}/practice/pmp")
    page.fill("#count", "3")
    submit(page, "button:has-text('Start practice')")
    for _ in range(3):
        answer_first(page)
        submit(page, "button:has-text('Check answer')")
        if page.locator("#next-question").count():
            submit(page, "#next-question")
    submit(page, "button:has-text('See your results')")
    urls["practice-result"] = attempt_url(page) + "/result"
    urls["exam-result"] = _finish_exam(page, base, "csm") + "/result"
    _finish_exam(page, base, "psm1")
    with live_app.app_context():  # as if the review queue's schedule had come round
        db.session.execute(update(ReviewCard).values(due=utcnow() - timedelta(minutes=1)))
        db.session.commit()
    page.goto(base + urls["practice-result"])  # a note in the error journal, a star, a report
    page.locator("details.journal-form").first.evaluate("details => details.open = true")
    page.locator("details.journal-form textarea").first.fill(
        "I picked the sponsor; the question asked who owns the risk day to day.")
    submit(page, "details.journal-form button:has-text('Save note')")
    submit(page, ".question-tools button:has-text('Star this question')")
    page.locator("details.report-form").first.evaluate("details => details.open = true")
    page.locator("details.report-form input[name=reason]").first.check()
    page.locator("details.report-form textarea").first.fill("Options B and C both look right.")
    submit(page, "details.report-form button:has-text('Send report')")

    # Unfinished: a practice quiz with its first answer checked, and an exam simulation.
    page.goto(f"{base}/practice/capm")
    page.fill("#count", "3")
    submit(page, "button:has-text('Start practice')")
    urls["practice-question"] = attempt_url(page) + "?q=2"
    answer_first(page)
    submit(page, "button:has-text('Check answer')")
    urls["practice-feedback"] = attempt_url(page) + "?q=1"
    page.goto(f"{base}/practice/pmp")
    page.select_option("#size", "10")
    submit(page, "button:has-text('Start exam simulation')")
    urls["exam-question"] = attempt_url(page) + "?q=2"
    answer_first(page)
    page.check("#flag")
    submit(page, "#next")
    page.wait_for_url(re.compile(r".*q=2"))
    urls["exam-review"] = attempt_url(page) + "/review"
    return urls


def build_tour(browser, base: str, live_app) -> Tour:
    tour = Tour(base)
    mentor_email = create_user(live_app, "Elena", role="mentor")
    admin_email = create_user(live_app, "Sam", role="admin")
    with open_page(browser) as learner, open_page(browser) as mentor:
        register(learner, base, "Priya")
        urls = _learner_story(learner, base, live_app)

        log_in(mentor, base, mentor_email)
        mentor.goto(f"{base}/mentoring/")
        submit(mentor, "button:has-text('Create invitation link')")
        learner.goto(mentor.locator("code.invite-link").first.inner_text())
        submit(learner, "button:has-text('Accept')")
        mentor.fill("#invite-message", "Happy to help you get to project manager.")
        submit(mentor, "button:has-text('Create invitation link')")
        join = mentor.locator("code.invite-link").first.inner_text().removeprefix(base)
        mentor.select_option("#assign-who", label="Priya")
        mentor.select_option("#assign-what", label="Stakeholder engagement")
        mentor.fill("#assign-due_date", (date.today() + timedelta(days=5)).isoformat())
        mentor.fill("#assign-note", "Focus on the **power/interest grid**.")
        submit(mentor, "button:has-text('Assign')")
        submit(mentor, "table.cohort-table a:has-text('Priya')")
        mentee = mentor.url.removeprefix(base)
        mentor.locator("textarea[name=body]").first.fill(
            "Good, honest ratings. Let's talk about leadership.")
        with mentor.expect_navigation():
            mentor.locator("button:has-text('Comment')").first.click()

        tour.sessions["learner"] = learner.context.storage_state()
        tour.sessions["mentor"] = mentor.context.storage_state()
    with open_page(browser) as admin:
        log_in(admin, base, admin_email)
        tour.sessions["admin"] = admin.context.storage_state()

    stops = tour.stops
    for name, path, main in PUBLIC:
        status = 404 if name == "not-found" else 200
        stops.append(Stop(name, path, None, status=status, main=main))
        stops.append(Stop(f"{name}-signed-in", path, "learner", status=status))
    stops += [
        Stop("login", "/login", main=True),
        Stop("login-errors", "/login", act=submit_empty),
        Stop("register", "/register"),
        Stop("register-errors", "/register", act=submit_empty),
        Stop("forgot-password", "/reset-password"),
        Stop("dashboard", "/dashboard", "learner", main=True),
        Stop("skills", "/skills", "learner", main=True),
        Stop("skills-assess", "/skills/assess", "learner", main=True),
        Stop("skills-assess-errors", "/skills/assess", "learner", act=_clear_and_submit),
        Stop("career", "/career", "learner", main=True),
        Stop("certifications", "/certifications/", "learner", main=True),
        Stop("certification-booked", "/certifications/capm", "learner", main=True),
        Stop("certification-renewal", "/certifications/csm", "learner", main=True),
        Stop("evidence", "/certifications/evidence", "learner", main=True),
        Stop("practice-question", urls["practice-question"], "learner", main=True),
        Stop("practice-feedback", urls["practice-feedback"], "learner"),
        Stop("exam-question", urls["exam-question"], "learner", main=True),
        Stop("exam-review", urls["exam-review"], "learner", main=True),
        Stop("practice-result", urls["practice-result"], "learner"),
        Stop("exam-result", urls["exam-result"], "learner", main=True),
        Stop("history", "/practice/history", "learner", main=True),
        Stop("review-queue", "/practice/review", "learner", main=True),
        Stop("study-plan", "/practice/capm/plan", "learner", main=True),
        Stop("study-plan-no-date", "/practice/pmp/plan", "learner"),
        Stop("study-plan-errors", "/practice/pmp/plan", "learner", act=_past_exam_date),
        Stop("journal", "/practice/journal", "learner", main=True),
        Stop("report-question", "/practice/questions/pmp-people-001/report", "learner"),
        Stop("report-errors", "/practice/questions/pmp-people-001/report", "learner",
             act=submit_empty),
        Stop("assigned", "/mentoring/assigned", "learner", main=True),
        Stop("notifications", "/mentoring/notifications", "learner"),
        Stop("profile", "/account/profile", "learner"),
        Stop("account", "/account", "learner", main=True),
        Stop("join", join, "learner"),
        Stop("mentoring", "/mentoring/", "mentor", main=True),
        Stop("mentee", mentee, "mentor", main=True),
        Stop("item-analysis", "/practice/items?bank=csm", "mentor", main=True),
        Stop("admin", "/admin/", "admin", main=True),
        Stop("admin-import", "/admin/import", "admin"),
        Stop("admin-reports", "/admin/reports", "admin", main=True),
    ]
    return tour


def _past_exam_date(page) -> None:
    page.fill("#exam_date", "2020-01-02")
    submit_empty(page)


def _clear_and_submit(page) -> None:
    """The self-assessment sent with one skill left unrated."""
    page.evaluate("() => document.querySelectorAll('fieldset.skill-rating')[1]"
                  ".querySelectorAll('input').forEach(i => { i.checked = false; })")
    submit_empty(page)
