"""The journey a result starts: mock → plan → targeted practice → review, and the mentor sees
the same plan."""
import re
from datetime import date, timedelta

from learnpm.extensions import db
from learnpm.models import LinkStatus, MentorLink, ReviewCard, User, utcnow
from tests.browser.conftest import create_user, log_in, open_page, register, screenshot, submit


def answer_first(page):
    """Pick the first offered answer, whatever the question type."""
    choice = page.locator("input[name=answer]").first
    if choice.count():
        choice.check()
    else:
        for select in page.locator("select[name^=match-]").all():
            select.select_option(index=1)


def pick_first_answers(page):
    """Answer every open question of the current section with its first option."""
    while True:
        answer_first(page)
        if not page.locator("#next").count():
            return
        submit(page, "#next")


def test_mock_plan_targeted_practice_review_and_the_mentor(browser, live_server, live_app):
    mentor_email = create_user(live_app, "Elena", role="mentor")
    with open_page(browser) as learner, open_page(browser) as mentor:
        learner_email = register(learner, live_server, "Marcus")
        with live_app.app_context():
            ids = {u.email: u.id for u in db.session.scalars(db.select(User).where(
                User.email.in_([learner_email, mentor_email])))}
            db.session.add(MentorLink(mentor_id=ids[mentor_email], mentee_id=ids[learner_email],
                                      code=f"journey-{ids[learner_email]}",
                                      status=LinkStatus.ACTIVE, responded_at=utcnow()))
            db.session.commit()

        # A short mock, answered badly.
        learner.goto(f"{live_server}/practice/pmp")
        learner.select_option("#size", "10")
        submit(learner, "button:has-text('Start exam simulation')")
        pick_first_answers(learner)
        submit(learner, "#to-review")
        submit(learner, "#submit-exam")
        plan = learner.locator(".card.plan")
        assert "What to work on next" in plan.inner_text()
        weakest = plan.locator(".plan-tasks > li strong").all_inner_texts()
        assert 1 <= len(weakest) <= 3
        assert learner.locator("#tasks-heading").is_visible()
        screenshot(learner, "result-plan-desktop")

        # The study plan, worked back from an exam date.
        learner.goto(f"{live_server}/practice/pmp/plan")
        learner.fill("#exam_date", (date.today() + timedelta(days=40)).isoformat())
        submit(learner, "button:has-text('Save the date')")
        this_week = learner.inner_text("#week-heading + ul")
        assert "targeted practice sessions on" in this_week and weakest[0] in this_week

        # One click from the plan (the dashboard shows it too): new or missed questions on the
        # weakest tasks.
        learner.goto(f"{live_server}/dashboard")
        submit(learner, ".card.plan button:has-text('Targeted practice')")
        assert re.search(r"/practice/attempts/\d+", learner.url)
        answer_first(learner)
        learner.check("input[name=confidence][value=unsure]")
        submit(learner, "button:has-text('Check answer')")
        assert learner.locator(".feedback .verdict").is_visible()

        # The next day, the missed questions come back for review.
        with live_app.app_context():
            db.session.execute(db.update(ReviewCard).where(
                ReviewCard.user_id == ids[learner_email]).values(
                due=utcnow() - timedelta(minutes=1)))
            db.session.commit()
        learner.goto(f"{live_server}/practice/review")
        assert "due today" in learner.inner_text("main")
        answer_first(learner)
        learner.check("input[name=confidence][value=sure]")
        submit(learner, "button:has-text('Check answer')")
        assert "comes back on" in learner.inner_text("main")

        # The mentor sees the same plan on the mentee's page.
        log_in(mentor, live_server, mentor_email)
        mentor.goto(f"{live_server}/mentoring/mentees/{ids[learner_email]}")
        seen = mentor.locator(".card.plan .plan-tasks > li strong").all_inner_texts()
        assert seen == weakest
        assert mentor.locator(".card.plan button").count() == 0  # nothing to start for them
