"""The study plan over HTTP: an exam date from the tracker or the practice page, the weeks
worked back from it, and a page whose query count does not grow with the learner's history."""
from datetime import date, timedelta

from learnpm.extensions import db
from learnpm.models import CertificationRecord, CertStatus
from tests.factories import make_attempt, make_progress


def test_without_a_date_the_plan_asks_for_one_and_keeps_a_bad_one(client, auth):
    auth.login()
    page = client.get("/practice/demo/plan").text
    assert "Tell us when you sit the exam" in page
    response = client.post("/practice/demo/plan", data={"exam_date": "2020-01-02"})
    assert response.status_code == 422
    assert "The exam date has passed. Enter your next one." in response.text
    assert 'value="2020-01-02"' in response.text


def test_a_date_set_here_gives_weeks_mocks_and_this_weeks_list(client, app, auth):
    user_id = auth.login()
    exam_day = date.today() + timedelta(days=30)
    client.post("/practice/demo/plan", data={"exam_date": exam_day.isoformat()})
    page = client.get("/practice/demo/plan").text
    assert "30 days to your exam" in page and "You set this date here." in page
    assert "Sit a full mock exam" in page  # the first mock falls in the next week
    mocks = page.split('id="mocks-heading"')[1].split("</section>")[0]
    assert mocks.count("<li>") == 3
    assert "Read <a href=\"/modules/role\">" in page  # the path's first unread module
    assert "You have not sat a full mock in the last two weeks" in page  # none yet
    with app.app_context():
        make_attempt(user_id, exam=True, right=1)
        make_progress(user_id, "role", completed=True)
    page = client.get("/practice/demo/plan").text
    assert "You have not sat a full mock" not in page
    assert "Read <a href=\"/modules/role\">" not in page
    assert "targeted practice sessions on" in page  # adapts after the result


def test_the_certification_trackers_date_wins(client, app, auth):
    user_id = auth.login()
    client.post("/practice/demo/plan",
                data={"exam_date": (date.today() + timedelta(days=90)).isoformat()})
    with app.app_context():  # the fixture's "pmp" certification points at the demo exam
        db.session.add(CertificationRecord(user_id=user_id, cert_id="pmp",
                                           status=CertStatus.EXAM_BOOKED,
                                           exam_date=date.today() + timedelta(days=45)))
        db.session.commit()
    page = client.get("/practice/demo/plan").text
    assert "45 days to your exam" in page and "certification tracker" in page


def test_plan_page_query_count_does_not_grow_with_attempts(client, app, auth, count_queries):
    user_id = auth.login()
    client.post("/practice/demo/plan",
                data={"exam_date": (date.today() + timedelta(days=20)).isoformat()})
    with app.app_context():
        make_attempt(user_id, exam=True, right=1)
    with count_queries() as few:
        assert client.get("/practice/demo/plan").status_code == 200
    with app.app_context():
        for seed in range(2, 10):
            make_attempt(user_id, exam=True, right=seed % 4, seed=seed)
            make_attempt(user_id, size=3, right=1, seed=seed)
    with count_queries() as many:
        assert client.get("/practice/demo/plan").status_code == 200
    assert many.count == few.count
