"""The review queue's daily allowance and "again now"; reports, the admin queue and retiring."""
import shutil
from datetime import timedelta

import pytest

from learnpm.extensions import db
from learnpm.models import (
    Attempt,
    QuestionReport,
    ReportStatus,
    RetiredQuestion,
    ReviewCard,
    Role,
    utcnow,
)
from tests.conftest import VALID_CONTENT, AuthActions, build_app, fresh_schema
from tests.factories import make_attempt, make_user

GENERATED = 150


@pytest.fixture
def big_bank_app(tmp_path):
    """The fixture content plus 150 generated questions, as after a long mock."""
    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    lines = ["questions:"]
    for n in range(GENERATED):
        lines += [f"  - id: gen-{n:03d}", "    type: single", "    domain: people",
                  "    difficulty: medium", "    modules: [role]",
                  f"    stem: Generated question number {n} about leading people well?",
                  "    options:", "      - {text: Yes, correct: true, why: Right.}",
                  "      - {text: No, why: Wrong.}"]
    (content / "questions" / "demo" / "generated.yaml").write_text("\n".join(lines) + "\n")
    with fresh_schema(build_app(tmp_path, CONTENT_DIR=str(content))) as app:
        yield app


def add_cards(app, user_id, count, reviewed=0):
    """`count` new cards due now, and `reviewed` cards already in review, due now."""
    with app.app_context():
        now = utcnow()
        for n in range(count + reviewed):
            db.session.add(ReviewCard(user_id=user_id, question_id=f"gen-{n:03d}",
                                      bank="demo", card={}, due=now - timedelta(minutes=n),
                                      reviews=1 if n < reviewed else 0))
        db.session.commit()


def test_new_cards_join_the_queue_at_most_the_daily_allowance(big_bank_app):
    app, client = big_bank_app, big_bank_app.test_client()
    user_id = AuthActions(app, client).login()
    add_cards(app, user_id, 144, reviewed=6)
    page = client.get("/practice/review").text
    assert "36 due today (114 more waiting: new cards join at most 30 a day)" in page
    response = client.post("/practice/review/settings", data={"daily_new_cards": 10})
    assert response.status_code == 302
    assert "16 due today" in client.get("/practice/review").text
    assert client.post("/practice/review/settings", data={"daily_new_cards": 7}).status_code \
        == 422


def test_again_now_drills_the_missed_questions_at_once(client, app, auth):
    user_id = auth.login()
    with app.app_context():
        make_attempt(user_id, size=3, right=1)  # two misses: cards due tomorrow
    assert "Drill your missed questions now" in client.get("/practice/review").text
    response = client.post("/practice/review/again/demo")
    attempt_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        drilled = {i.question_id for i in db.session.get(Attempt, attempt_id).items}
        queued = set(db.session.scalars(db.select(ReviewCard.question_id)))
    assert drilled == queued and len(drilled) == 2


def test_a_report_reaches_the_admin_and_retiring_stops_the_question(client, app, auth):
    user_id = auth.login()
    with app.app_context():
        attempt_id = make_attempt(user_id, size=4, right=0).id  # demo-001..004 all missed
        make_user(email="sam@example.com", name="Sam", role=Role.ADMIN)
    form = client.get("/practice/questions/demo-001/report").text
    assert "What is wrong?" in form
    bad = client.post("/practice/questions/demo-001/report", data={"note": "keep me"})
    assert bad.status_code == 422 and "Choose what is wrong." in bad.text and "keep me" in bad.text
    client.post("/practice/questions/demo-001/report", data={
        "reason": "wrong_key", "note": "The sponsor keeps the goal", "next": "/practice/"})
    auth.login_as("sam@example.com")
    queue = client.get("/admin/reports").text
    assert "demo-001" in queue and "The marked answer is wrong" in queue
    assert "The sponsor keeps the goal" in queue
    assert 'class="badge count">1<' in client.get("/admin/").text
    client.post("/admin/reports/demo-001", data={"action": "retired",
                                                 "response": "Ambiguous; replaced."})
    with app.app_context():
        assert db.session.scalar(db.select(QuestionReport.status)) is ReportStatus.RETIRED
        assert db.session.get(RetiredQuestion, "demo-001") is not None
    assert "3 practice questions here" in client.get("/practice/").text
    auth.login_as("learner@example.com")
    for _ in range(3):  # never drawn again
        response = client.post("/practice/demo/practice", data={"count": 4, "focus": "any"})
        with app.app_context():
            new = db.session.get(Attempt, int(response.headers["Location"].rsplit("/", 1)[1]))
            assert "demo-001" not in {i.question_id for i in new.items}
    result = client.get(f"/practice/attempts/{attempt_id}/result").text
    assert "Who keeps the team pointed at the goal?" in result  # history keeps it
    with app.app_context():  # the card comes due and is dropped, not shown
        db.session.execute(db.update(ReviewCard).values(due=utcnow() - timedelta(days=1)))
        db.session.commit()
    client.get("/practice/review")
    with app.app_context():
        assert "demo-001" not in set(db.session.scalars(db.select(ReviewCard.question_id)))


def test_closing_reports_without_a_choice_is_refused(client, app, auth):
    auth.login(email="sam@example.com", role=Role.ADMIN)
    assert client.post("/admin/reports/demo-001", data={}).status_code == 400
    assert client.post("/admin/reports/demo-009", data={"action": "fixed"}).status_code == 404
