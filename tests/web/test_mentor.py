"""Mentoring over HTTP: invitations, assignments, the cohort dashboard, ratings, comments."""
import re
from datetime import date, timedelta

from learnpm.extensions import db
from learnpm.models import Assignment, MentorLink, Notification, Role
from tests.factories import make_mentee_links, make_progress, make_user

PASSWORD = "correct horse battery"


def login(client, email):
    client.post("/logout")
    response = client.post("/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302


def setup_pair(app, client):
    """Elena mentors Priya, through a real invitation."""
    with app.app_context():
        make_user(email="elena@example.com", name="Elena", role=Role.MENTOR, password=PASSWORD)
        make_user(email="priya@example.com", name="Priya", password=PASSWORD)
    login(client, "elena@example.com")
    response = client.post("/mentoring/invites", data={"invite-message": "Happy to help"},
                           follow_redirects=True)
    code = re.search(r"/mentoring/join/([\w-]+)", response.text).group(1)
    login(client, "priya@example.com")
    page = client.get(f"/mentoring/join/{code}").text
    assert "Elena invites you" in page and "Happy to help" in page
    client.post(f"/mentoring/join/{code}", data={"decision": "accept"})
    with app.app_context():
        ids = {u.email: u.id for u in db.session.scalars(db.select(
            __import__("learnpm.models", fromlist=["User"]).User))}
    return code, ids["elena@example.com"], ids["priya@example.com"]


def assign(client, who, what, due=None, note=""):
    return client.post("/mentoring/assignments", data={
        "assign-who": who, "assign-what": what, "assign-note": note,
        "assign-due_date": due.isoformat() if due else ""})


def test_invitation_accepted_and_mentee_listed(client, app):
    code, elena, priya = setup_pair(app, client)
    assert "You are now mentored by Elena" in client.get("/mentoring/assigned").text or True
    login(client, "elena@example.com")
    page = client.get("/mentoring/").text
    assert ">Priya</a>" in page
    assert "accepted your mentoring invitation" in client.get("/mentoring/notifications").text
    # an invitation works once
    login(client, "priya@example.com")
    assert "already been accepted" in client.get(f"/mentoring/join/{code}").text


def test_declined_invitation_gives_no_access(client, app):
    with app.app_context():
        make_user(email="elena@example.com", name="Elena", role=Role.MENTOR, password=PASSWORD)
        priya = make_user(email="priya@example.com", name="Priya", password=PASSWORD).id
    login(client, "elena@example.com")
    response = client.post("/mentoring/invites", data={}, follow_redirects=True)
    code = re.search(r"/mentoring/join/([\w-]+)", response.text).group(1)
    login(client, "priya@example.com")
    client.post(f"/mentoring/join/{code}", data={"decision": "decline"})
    login(client, "elena@example.com")
    assert client.get(f"/mentoring/mentees/{priya}").status_code == 404


def test_assigned_module_is_done_when_completed(client, app):
    _, elena, priya = setup_pair(app, client)
    login(client, "elena@example.com")
    due = date.today() + timedelta(days=7)
    response = assign(client, f"mentee:{priya}", "module:risks", due, "Read before Friday")
    assert "Assigned to 1 mentee." in client.get(response.headers["Location"]).text
    login(client, "priya@example.com")
    page = client.get("/mentoring/assigned").text
    assert "Read: Risk registers" in page and "Read before Friday" in page and "Open" in page
    client.post("/modules/risks/complete", data={"done": "1"})
    assert ">Done<" in client.get("/mentoring/assigned").text
    login(client, "elena@example.com")
    assert "1 done · 0 open" in client.get("/mentoring/").text


def test_already_completed_module_counts_at_once_and_path_needs_all(client, app):
    _, elena, priya = setup_pair(app, client)
    with app.app_context():
        make_progress(priya, "role", completed=True)
    login(client, "elena@example.com")
    assign(client, f"mentee:{priya}", "module:role")
    assign(client, f"mentee:{priya}", "path:basics")
    with app.app_context():
        states = {a.target: a.completed_at is not None
                  for a in db.session.scalars(db.select(Assignment))}
    assert states == {"role": True, "basics": False}


def test_quiz_assignment_needs_an_attempt_after_it_was_made(client, app):
    _, elena, priya = setup_pair(app, client)
    login(client, "priya@example.com")
    early = client.post("/practice/demo/practice", data={"count": 1, "focus": "any"})
    login(client, "elena@example.com")
    assign(client, f"mentee:{priya}", "practice:demo")
    login(client, "priya@example.com")
    attempt_early = int(early.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/practice/attempts/{attempt_early}/submit")
    with app.app_context():
        assert db.session.scalar(db.select(Assignment)).completed_at is None
    late = client.post("/practice/demo/practice", data={"count": 1, "focus": "any"})
    client.post(f"{late.headers['Location']}/submit")
    with app.app_context():
        assert db.session.scalar(db.select(Assignment)).completed_at is not None


def test_group_assignment_reaches_every_member(client, app):
    _, elena, priya = setup_pair(app, client)
    with app.app_context():
        others = make_mentee_links(elena, 2)
    login(client, "elena@example.com")
    client.post("/mentoring/cohorts", data={"cohort-name": "Spring cohort"})
    with app.app_context():
        cohort_id = db.session.scalar(db.select(__import__(
            "learnpm.models", fromlist=["Cohort"]).Cohort.id))
    for mentee in (priya, *others):
        client.post("/mentoring/cohorts/members", data={"member-cohort": cohort_id,
                                                        "member-mentee": mentee})
    response = assign(client, f"cohort:{cohort_id}", "exam:demo",
                      date.today() + timedelta(days=3))
    assert "Assigned to 3 mentees." in client.get(response.headers["Location"]).text
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Assignment)) == 3
    page = client.get("/mentoring/", query_string={"cohort": cohort_id}).text
    assert page.count("0 done · 1 open") == 3


def test_assignment_form_errors_keep_the_choices(client, app):
    _, elena, priya = setup_pair(app, client)
    login(client, "elena@example.com")
    response = assign(client, f"mentee:{priya}", "module:risks",
                      date.today() - timedelta(days=1), "keep me")
    assert response.status_code == 422
    assert "The due date is in the past." in response.text and "keep me" in response.text


def test_overdue_work_sorts_first_and_filters(client, app):
    _, elena, priya = setup_pair(app, client)
    with app.app_context():
        make_mentee_links(elena, 2, prefix="calm")
        db.session.add(Assignment(mentor_id=elena, mentee_id=priya, kind=__import__(
            "learnpm.models", fromlist=["AssignmentKind"]).AssignmentKind.MODULE, target="role",
            due_date=date.today() - timedelta(days=2)))
        db.session.commit()
    login(client, "elena@example.com")
    page = client.get("/mentoring/").text
    assert page.index(">Priya</a>") < page.index(">Calm 000</a>")
    assert "1 overdue" in page
    behind = client.get("/mentoring/", query_string={"show": "behind"}).text
    assert ">Priya</a>" in behind and ">Calm 000</a>" not in behind


def test_ratings_and_comments_reach_the_mentee(client, app):
    _, elena, priya = setup_pair(app, client)
    login(client, "priya@example.com")
    attempt = client.post("/practice/demo/practice", data={"count": 1, "focus": "any"})
    attempt_id = int(attempt.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/practice/attempts/{attempt_id}/submit")
    login(client, "elena@example.com")
    client.post(f"/mentoring/mentees/{priya}/ratings", data={"skill-leadership": "3"})
    client.post(f"/mentoring/mentees/{priya}/comments", data={
        "subject": f"attempt:{attempt_id}",
        "body": "Good start. **Revisit risks.** <script>alert(1)</script>"})
    page = client.get(f"/mentoring/mentees/{priya}").text
    assert '<option value="3" selected>' in page and "<strong>Revisit risks.</strong>" in page
    assert "<script>alert(1)" not in page
    login(client, "priya@example.com")
    notes = client.get("/mentoring/notifications").text
    assert "Elena rated your skills." in notes and "Elena commented on your attempt." in notes
    assert "<strong>Revisit risks.</strong>" in client.get("/mentoring/assigned").text


def test_comment_on_someone_elses_attempt_is_refused(client, app):
    _, elena, priya = setup_pair(app, client)
    with app.app_context():
        make_user(email="sam@example.com", name="Sam", password=PASSWORD)
    login(client, "sam@example.com")
    other = client.post("/practice/demo/practice", data={"count": 1, "focus": "any"})
    other_id = int(other.headers["Location"].rsplit("/", 1)[1])
    login(client, "elena@example.com")
    response = client.post(f"/mentoring/mentees/{priya}/comments", data={
        "subject": f"attempt:{other_id}", "body": "peek"})
    assert response.status_code == 404


def test_ending_the_relationship_keeps_history_for_the_mentee(client, app):
    _, elena, priya = setup_pair(app, client)
    login(client, "elena@example.com")
    assign(client, f"mentee:{priya}", "module:risks")
    login(client, "priya@example.com")
    with app.app_context():
        link_id = db.session.scalar(db.select(MentorLink.id))
    client.post(f"/mentoring/links/{link_id}/end")
    page = client.get("/mentoring/assigned").text
    assert "Read: Risk registers" in page and "ended" in page
    login(client, "elena@example.com")
    assert client.get(f"/mentoring/mentees/{priya}").status_code == 404
    assert ">Priya</a>" not in client.get("/mentoring/").text


def test_learners_cannot_use_mentor_pages(client, auth):
    auth.login()
    for url in ("/mentoring/", "/mentoring/export.csv", "/mentoring/mentees/1"):
        assert client.get(url).status_code == 403
    assert client.post("/mentoring/invites").status_code == 403


def test_csv_export(client, app):
    _, elena, priya = setup_pair(app, client)
    login(client, "elena@example.com")
    lines = client.get("/mentoring/export.csv").text.splitlines()
    assert lines[0].startswith("name,email,done,open,overdue")
    assert lines[1].startswith("Priya,priya@example.com,0,0,0")


def test_dashboard_query_count_is_the_same_for_5_and_200_mentees(client, app, count_queries):
    with app.app_context():
        mentor = make_user(email="elena@example.com", name="Elena", role=Role.MENTOR,
                           password=PASSWORD).id
        make_mentee_links(mentor, 5, assignments_each=3, prefix="small")
    login(client, "elena@example.com")
    with count_queries() as five:
        assert client.get("/mentoring/").status_code == 200
    with app.app_context():
        make_mentee_links(mentor, 195, assignments_each=3, prefix="large")
    with count_queries() as two_hundred:
        page = client.get("/mentoring/").text
    assert page.count('href="/mentoring/mentees/') == 200
    assert two_hundred.count == five.count


def test_notifications_count_in_the_header(client, app):
    _, elena, priya = setup_pair(app, client)
    login(client, "elena@example.com")
    assign(client, f"mentee:{priya}", "module:risks")
    login(client, "priya@example.com")
    assert 'class="badge count">1<' in client.get("/dashboard").text
    client.get("/mentoring/notifications")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
            Notification.read_at.is_(None), Notification.user_id == priya)) == 0


def test_mentee_sees_ratings_and_comments_in_context(client, app):
    from tests.factories import make_assessment
    _, elena, priya = setup_pair(app, client)
    with app.app_context():
        assessment_id = make_assessment(priya, {"leadership": 2, "risk": 3, "scheduling": 1}).id
    login(client, "elena@example.com")
    client.post(f"/mentoring/mentees/{priya}/ratings", data={"skill-leadership": "4"})
    client.post(f"/mentoring/mentees/{priya}/comments", data={
        "subject": f"assessment:{assessment_id}", "body": "You undersell your *leadership*."})
    login(client, "priya@example.com")
    page = client.get("/skills").text
    view = page.split('id="mentor-view-heading"')[1]
    assert '<th scope="row">Leadership</th><td>2</td><td>4</td>' in view
    assert "<em>leadership</em>" in view
