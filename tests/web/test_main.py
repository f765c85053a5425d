from learnpm.security import HEADERS
from tests.factories import make_progress


def test_home_explains_and_links_to_the_library(client):
    page = client.get("/").text
    assert "LearnPM is a free, open-source place to learn IT project management" in page
    assert 'href="/library"' in page
    assert "not affiliated with or endorsed by" in page


def test_healthz_needs_no_database(client, count_queries):
    with count_queries() as counter:
        response = client.get("/healthz")
    assert response.json == {"status": "ok"} and counter.count == 0


def test_security_headers_on_every_page(client):
    for url in ("/", "/library", "/healthz", "/nope"):
        response = client.get(url)
        for name, value in HEADERS.items():
            assert response.headers[name] == value
    assert "script-src 'self'" in HEADERS["Content-Security-Policy"]
    assert "unsafe-inline" not in HEADERS["Content-Security-Policy"]


def test_pages_have_no_inline_script_or_style(client):
    for url in ("/", "/library", "/modules/role", "/paths/basics", "/login", "/register"):
        page = client.get(url).text
        assert "<script>" not in page and "style=" not in page and "<style" not in page


def test_new_learners_dashboard_says_where_to_start(client, auth):
    auth.login()
    page = client.get("/dashboard").text
    assert "Start with a learning path" in page
    assert "No path started yet" in page


def test_dashboard_shows_paths_recent_reading_and_next_module(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        make_progress(user_id, "role", completed=True)
    client.get("/modules/scheduling")
    page = client.get("/dashboard").text
    assert "Next in" in page and "Read “Risk registers”" in page
    assert 'value="1" max="3"' in page
    assert page.index("Scheduling basics") < page.index("1 module completed")


def test_dashboard_query_count_is_fixed(client, auth, app, count_queries):
    user_id = auth.login()
    with count_queries() as before:
        client.get("/dashboard")
    with app.app_context():
        for slug in ("role", "risks", "scheduling"):
            make_progress(user_id, slug, completed=True)
    with count_queries() as after:
        client.get("/dashboard")
    assert after.count == before.count


def test_dashboard_puts_unfinished_exams_and_due_reviews_first(client, auth, app):
    from datetime import timedelta

    from learnpm.extensions import db
    from learnpm.models import ReviewCard, utcnow
    user_id = auth.login()
    client.post("/practice/demo/exam", data={"size": 4})
    with app.app_context():
        db.session.add(ReviewCard(user_id=user_id, question_id="demo-001", bank="demo", card={},
                                  due=utcnow() - timedelta(hours=1)))
        db.session.commit()
    page = client.get("/dashboard").text
    assert "unfinished exam simulation" in page and "Resume it" in page
    assert "1 review card due today." in page
    assert page.index("Resume it") < page.index("Your learning paths")


def test_dashboard_shows_due_work_and_where_you_stand(client, auth, app):
    from datetime import date, timedelta

    from learnpm.extensions import db
    from learnpm.models import (
        Assignment,
        AssignmentKind,
        CareerGoal,
        CertificationRecord,
        CertStatus,
        Role,
    )
    from tests.factories import make_user
    user_id = auth.login()
    page = client.get("/dashboard").text
    assert "Take your first self-assessment — about 10 minutes." in page
    assert "No exam or renewal date yet." in page
    with app.app_context():
        mentor = make_user(email="m@example.com", role=Role.MENTOR).id
        today = date.today()
        db.session.add_all([
            Assignment(mentor_id=mentor, mentee_id=user_id, kind=AssignmentKind.MODULE,
                       target="risks", due_date=today + timedelta(days=5)),
            Assignment(mentor_id=mentor, mentee_id=user_id, kind=AssignmentKind.MODULE,
                       target="role", due_date=today - timedelta(days=1)),
            CareerGoal(user_id=user_id, title="Pass the CAPM", target_date=today + timedelta(90)),
            CertificationRecord(user_id=user_id, cert_id="pmp", status=CertStatus.EXAM_BOOKED,
                                exam_date=today + timedelta(days=20))])
        db.session.commit()
    page = client.get("/dashboard").text
    assert page.index("Read: The project manager") < page.index("Read: Risk registers")
    assert "overdue since" in page
    assert "<strong>PMP exam</strong> in 20 days" in page
    assert "Next goal: <strong>Pass the CAPM</strong>" in page
    assert page.index("What to do next") < page.index("Where you stand")


def test_dashboard_reads_progress_and_the_review_queue_once(client, auth, app, sql_statements):
    """With a finished simulation (so the dashboard shows its plan) and cards due, the plan
    reuses what the page has already read instead of asking again."""
    from tests.factories import make_attempt
    user_id = auth.login()
    with app.app_context():
        make_attempt(user_id, exam=True, size=3, right=1)
        make_progress(user_id, "role", completed=True)
    client.get("/modules/scheduling")
    with sql_statements() as seen:
        page = client.get("/dashboard").text
    assert "What to work on next" in page
    due_reads = [s for s in seen if "review_card.due <=" in s]
    progress_reads = [s for s in seen if "FROM module_progress" in s]
    assert len(due_reads) == 1 and len(progress_reads) == 1, seen
