"""Mentoring over HTTP: ratings, comments, notifications, ending, and query counts."""
from datetime import date, timedelta

import pytest

from learnpm.extensions import db
from learnpm.models import (
    MentorLink,
    Notification,
    Role,
)
from tests.factories import (
    make_assessment,
    make_assignment,
    make_attempt,
    make_link,
    make_user,
)
from tests.web.mentoring import PASSWORD, assign, setup_pair


def test_ratings_and_comments_reach_the_mentee(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    auth.login_as("priya@example.com")
    attempt = client.post("/practice/demo/practice", data={"count": 1, "focus": "any"})
    attempt_id = int(attempt.headers["Location"].rsplit("/", 1)[1])
    client.post(f"/practice/attempts/{attempt_id}/submit")
    auth.login_as("elena@example.com")
    client.post(f"/mentoring/mentees/{priya}/ratings", data={"skill-leadership": "3"})
    client.post(f"/mentoring/mentees/{priya}/comments", data={
        "subject": f"attempt:{attempt_id}",
        "body": "Good start. **Revisit risks.** <script>alert(1)</script>"})
    page = client.get(f"/mentoring/mentees/{priya}").text
    assert '<option value="3" selected>' in page and "<strong>Revisit risks.</strong>" in page
    assert "<script>alert(1)" not in page
    auth.login_as("priya@example.com")
    notes = client.get("/mentoring/notifications").text
    assert "Elena rated your skills." in notes and "Elena commented on your attempt." in notes
    assert "<strong>Revisit risks.</strong>" in client.get("/mentoring/assigned").text


def test_comment_on_someone_elses_attempt_is_refused(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    with app.app_context():
        make_user(email="sam@example.com", name="Sam", password=PASSWORD)
    auth.login_as("sam@example.com")
    other = client.post("/practice/demo/practice", data={"count": 1, "focus": "any"})
    other_id = int(other.headers["Location"].rsplit("/", 1)[1])
    auth.login_as("elena@example.com")
    response = client.post(f"/mentoring/mentees/{priya}/comments", data={
        "subject": f"attempt:{other_id}", "body": "peek"})
    assert response.status_code == 404


def test_ending_the_relationship_keeps_history_for_the_mentee(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    auth.login_as("elena@example.com")
    assign(client, f"mentee:{priya}", "module:risks")
    auth.login_as("priya@example.com")
    with app.app_context():
        link_id = db.session.scalar(db.select(MentorLink.id))
    client.post(f"/mentoring/links/{link_id}/end")
    page = client.get("/mentoring/assigned").text
    assert "Read: Risk registers" in page and "ended" in page
    auth.login_as("elena@example.com")
    assert client.get(f"/mentoring/mentees/{priya}").status_code == 404
    assert ">Priya</a>" not in client.get("/mentoring/").text


def test_notifications_count_in_the_header(client, app, auth, sql_statements):
    _, elena, priya = setup_pair(app, client, auth)
    auth.login_as("elena@example.com")
    assign(client, f"mentee:{priya}", "module:risks")
    auth.login_as("priya@example.com")
    with sql_statements() as statements:
        assert 'class="badge count">1<' in client.get("/library").text
    # The count comes with the user: one statement reads both, none counts on its own.
    assert [s for s in statements if "notification" in s] == [
        s for s in statements if 'FROM "user"' in s or "FROM user" in s]
    assert len([s for s in statements if "notification" in s]) == 1
    read = client.get("/mentoring/notifications").text
    assert 'class="badge count">' not in read  # read now, so the header no longer counts it
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Notification).where(
            Notification.read_at.is_(None), Notification.user_id == priya)) == 0


def test_mentee_sees_ratings_and_comments_in_context(client, app, auth):
    _, elena, priya = setup_pair(app, client, auth)
    with app.app_context():
        assessment_id = make_assessment(priya, {"leadership": 2, "risk": 3, "scheduling": 1}).id
    auth.login_as("elena@example.com")
    client.post(f"/mentoring/mentees/{priya}/ratings", data={"skill-leadership": "4"})
    client.post(f"/mentoring/mentees/{priya}/comments", data={
        "subject": f"assessment:{assessment_id}", "body": "You undersell your *leadership*."})
    auth.login_as("priya@example.com")
    page = client.get("/skills").text
    view = page.split('id="mentor-view-heading"')[1]
    assert '<th scope="row">Leadership</th><td>2</td><td>4</td>' in view
    assert "<em>leadership</em>" in view


def _add_work(mentor, mentee, count, seed):
    """`count` assignments, finished attempts and comments on them, from this mentor."""
    from learnpm.feedback import add_comment
    from learnpm.models import CommentSubject
    for n in range(count):
        make_assignment(mentor, mentee, due_date=date.today() + timedelta(days=n))
        attempt = make_attempt(mentee, size=2, right=1, seed=seed + n)
        add_comment(mentor, mentee, CommentSubject.ATTEMPT, attempt.id, f"Note {n}")
    db.session.commit()


def test_mentee_page_query_count_does_not_grow_with_their_work(client, app, auth,
                                                               count_queries):
    with app.app_context():
        elena = make_user(email="elena@example.com", name="Elena", role=Role.MENTOR).id
        priya = make_user(email="priya@example.com").id
        make_link(elena, priya)
        make_assessment(priya, {"leadership": 2, "risk": 3})
        _add_work(elena, priya, 2, seed=1)
    auth.login_as("elena@example.com")
    with count_queries() as few:
        assert client.get(f"/mentoring/mentees/{priya}").status_code == 200
    with app.app_context():
        _add_work(elena, priya, 8, seed=10)
    with count_queries() as many:
        page = client.get(f"/mentoring/mentees/{priya}").text
    assert page.count("Note ") == 10
    assert many.count == few.count


def test_assigned_page_query_count_does_not_grow_with_mentors_or_work(client, app, auth,
                                                                      count_queries):
    with app.app_context():
        priya = make_user(email="priya@example.com").id
        mentors = [make_user(email=f"m{i}@example.com", name=f"Mentor {i}",
                             role=Role.MENTOR).id for i in range(4)]
        make_link(mentors[0], priya)
        _add_work(mentors[0], priya, 1, seed=1)
    auth.login_as("priya@example.com")
    with count_queries() as few:
        assert client.get("/mentoring/assigned").status_code == 200
    with app.app_context():
        for mentor in mentors[1:]:
            make_link(mentor, priya)
            _add_work(mentor, priya, 3, seed=mentor * 10)
    with count_queries() as many:
        page = client.get("/mentoring/assigned").text
    assert page.count("Read: The project manager&#39;s role") == 10 and "Mentor 3" in page
    assert many.count == few.count


@pytest.mark.parametrize("ender, other", [("priya@example.com", "elena@example.com"),
                                          ("elena@example.com", "priya@example.com")])
def test_ending_notifies_the_other_side_with_a_link_that_opens(client, app, auth, ender, other):
    with app.app_context():
        elena = make_user(email="elena@example.com", name="Elena", role=Role.MENTOR).id
        link_id = make_link(elena, make_user(email="priya@example.com").id).id
    auth.login_as(ender)
    client.post(f"/mentoring/links/{link_id}/end")
    auth.login_as(other)
    with app.app_context():
        notes = list(db.session.scalars(db.select(Notification)))
    assert len(notes) == 1 and notes[0].message.endswith("ended the mentoring relationship.")
    assert client.get(notes[0].link).status_code == 200
