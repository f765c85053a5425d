"""Mentoring over HTTP: invitations, assignments and the cohort dashboard."""
import re
from datetime import date, timedelta

from learnpm.extensions import db
from learnpm.models import (
    Assignment,
    AssignmentKind,
    Cohort,
    Role,
)
from tests.factories import (
    make_assignment,
    make_mentee_links,
    make_progress,
    make_user,
)
from tests.web.mentoring import PASSWORD, assign, setup_pair


def test_invitation_accepted_and_mentee_listed(client, app, auth):
    code, elena, priya = setup_pair(app, client, auth)
    assert "You are now mentored by Elena." in client.get("/mentoring/assigned").text
    auth.login_as("elena@example.com")
    page = client.get("/mentoring/").text
    assert ">Priya</a>" in page
    assert "accepted your mentoring invitation" in client.get("/mentoring/notifications").text
    # an invitation works once
    auth.login_as("priya@example.com")
    assert "already been accepted" in client.get(f"/mentoring/join/{code}").text


def test_declined_invitation_gives_no_access(client, app, auth):
    with app.app_context():
        make_user(email="elena@example.com", name="Elena", role=Role.MENTOR, password=PASSWORD)
        priya = make_user(email="priya@example.com", name="Priya", password=PASSWORD).id
    auth.login_as("elena@example.com")
    response = client.post("/mentoring/invites", data={}, follow_redirects=True)
    code = re.search(r"/mentoring/join/([\w-]+)", response.text).group(1)
    auth.login_as("priya@example.com")
    client.post(f"/mentoring/join/{code}", data={"decision": "decline"})
    auth.login_as("elena@example.com")
    assert client.get(f"/mentoring/mentees/{priya}").status_code == 404


def test_assigned_module_is_done_when_completed(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    auth.login_as("elena@example.com")
    due = date.today() + timedelta(days=7)
    response = assign(client, f"mentee:{priya}", "module:risks", due, "Read before Friday")
    assert "Assigned to 1 mentee." in client.get(response.headers["Location"]).text
    auth.login_as("priya@example.com")
    page = client.get("/mentoring/assigned").text
    assert "Read: Risk registers" in page and "Read before Friday" in page and "Open" in page
    client.post("/modules/risks/complete", data={"done": "1"})
    assert ">Done<" in client.get("/mentoring/assigned").text
    auth.login_as("elena@example.com")
    assert "1 done · 0 open" in client.get("/mentoring/").text


def test_already_completed_module_counts_at_once_and_path_needs_all(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    with app.app_context():
        make_progress(priya, "role", completed=True)
    auth.login_as("elena@example.com")
    assign(client, f"mentee:{priya}", "module:role")
    assign(client, f"mentee:{priya}", "path:basics")
    with app.app_context():
        states = {a.target: a.completed_at is not None
                  for a in db.session.scalars(db.select(Assignment))}
    assert states == {"role": True, "basics": False}


def test_quiz_assignment_needs_an_attempt_after_it_was_made(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    auth.login_as("priya@example.com")
    early = client.post("/practice/demo/practice", data={"count": 1, "focus": "any"})
    auth.login_as("elena@example.com")
    assign(client, f"mentee:{priya}", "practice:demo")
    auth.login_as("priya@example.com")
    attempt_early = int(early.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/practice/attempts/{attempt_early}/submit")
    with app.app_context():
        assert db.session.scalar(db.select(Assignment)).completed_at is None
    late = client.post("/practice/demo/practice", data={"count": 1, "focus": "any"})
    client.post(f"{late.headers['Location']}/submit")
    with app.app_context():
        assert db.session.scalar(db.select(Assignment)).completed_at is not None


def test_group_assignment_reaches_every_member(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    with app.app_context():
        others = make_mentee_links(elena, 2)
    auth.login_as("elena@example.com")
    client.post("/mentoring/cohorts", data={"cohort-name": "Spring cohort"})
    with app.app_context():
        cohort_id = db.session.scalar(db.select(Cohort.id))
    for mentee in (priya, *others):
        client.post("/mentoring/cohorts/members", data={"member-cohort": cohort_id,
                                                        "member-mentee": mentee})
    response = assign(client, f"cohort:{cohort_id}", "exam:demo:4",
                      date.today() + timedelta(days=3))
    assert "Assigned to 3 mentees." in client.get(response.headers["Location"]).text
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Assignment)) == 3
    page = client.get("/mentoring/", query_string={"cohort": cohort_id}).text
    assert page.count("0 done · 1 open") == 3


def test_assignment_form_errors_keep_the_choices(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    auth.login_as("elena@example.com")
    response = assign(client, f"mentee:{priya}", "module:risks",
                      date.today() - timedelta(days=1), "keep me")
    assert response.status_code == 422
    assert "The due date is in the past." in response.text and "keep me" in response.text


def test_overdue_work_sorts_first_and_filters(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    with app.app_context():
        make_mentee_links(elena, 2, prefix="calm")
        make_assignment(elena, priya, AssignmentKind.MODULE, "role",
                        due_date=date.today() - timedelta(days=2))
    auth.login_as("elena@example.com")
    page = client.get("/mentoring/").text
    assert page.index(">Priya</a>") < page.index(">Calm 000</a>")
    assert "1 overdue" in page
    behind = client.get("/mentoring/", query_string={"show": "behind"}).text
    assert ">Priya</a>" in behind and ">Calm 000</a>" not in behind


def test_learners_cannot_use_mentor_pages(client, auth):
    auth.login()
    for url in ("/mentoring/", "/mentoring/export.csv", "/mentoring/mentees/1"):
        assert client.get(url).status_code == 403
    assert client.post("/mentoring/invites").status_code == 403


def test_csv_export(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    auth.login_as("elena@example.com")
    lines = client.get("/mentoring/export.csv").text.splitlines()
    assert lines[0].startswith("name,email,done,open,overdue")
    assert lines[1].startswith("Priya,priya@example.com,0,0,0")


def test_dashboard_query_count_is_the_same_for_5_and_200_mentees(client, app, count_queries, auth):
    with app.app_context():
        mentor = make_user(email="elena@example.com", name="Elena", role=Role.MENTOR,
                           password=PASSWORD).id
        make_mentee_links(mentor, 5, assignments_each=3, prefix="small")
    auth.login_as("elena@example.com")
    with count_queries() as five:
        assert client.get("/mentoring/").status_code == 200
    with app.app_context():
        make_mentee_links(mentor, 195, assignments_each=3, prefix="large")
    with count_queries() as two_hundred:
        page = client.get("/mentoring/").text
    assert page.count('href="/mentoring/mentees/') == 200
    assert two_hundred.count == five.count
