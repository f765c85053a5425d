"""The career plan's goals over HTTP: add, order, errors next to the field, status, delete."""
import re
from datetime import date, timedelta

import pytest

from learnpm.extensions import db
from learnpm.models import (
    CareerGoal,
    GoalStatus,
)
from tests.factories import make_goal, make_profile, make_user
from tests.pages import section

TOMORROW = date.today() + timedelta(days=1)
LATERAL_ROLE = """
  - id: analyst
    name: Business analyst
    track: lateral
    summary: Works out what the business needs.
    experience: None needed.
    skills: {leadership: 2, risk: 2, scheduling: 1}
    next: [manager]
"""


def goal_rows(app, user_id: int) -> list[CareerGoal]:
    with app.app_context():
        return db.session.scalars(db.select(CareerGoal).where(CareerGoal.user_id == user_id)
                                  .order_by(CareerGoal.id)).all()


def test_add_a_goal_and_see_it_listed_soonest_first(client, auth, app):
    user_id = auth.login()
    response = client.post("/career/goals", data={"title": "  Lead a small project ",
                                                  "target_date": TOMORROW.isoformat()})
    assert response.status_code == 302 and response.headers["Location"] == "/career#goals"
    client.post("/career/goals", data={"title": "Pass the CAPM"})
    client.post("/career/goals", data={"title": "Read the PMBOK",
                                       "target_date": date.today().isoformat()})
    page = client.get("/career").text
    assert "Added your goal “Pass the CAPM”." in page
    goals = section(page, 'id="goals-heading"', 'id="add-goal-heading"')
    assert goals.index("Read the PMBOK") < goals.index("Lead a small project") \
        < goals.index("Pass the CAPM")
    assert "Planned · no target date" in goals and "Planned ·\n" not in goals
    assert [g.title for g in goal_rows(app, user_id)] == [
        "Lead a small project", "Pass the CAPM", "Read the PMBOK"]


@pytest.mark.parametrize("data, field, message", [
    ({"title": "   ", "target_date": TOMORROW.isoformat()}, "title",
     "Say what you want to achieve."),
    ({"title": "x" * 201}, "title", "Keep the goal under 200 characters."),
    ({"title": "Pass the PMP", "target_date": "2020-01-31"}, "target_date",
     "A target date can&#39;t be in the past. Choose today or later."),
])
def test_goal_errors_sit_next_to_the_field_and_keep_what_was_typed(client, auth, app, data,
                                                                   field, message):
    user_id = auth.login()
    make_profile(app, user_id, target_role="manager")
    response = client.post("/career/goals", data=data)
    assert response.status_code == 422
    assert message in section(response.text, f'<label for="{field}">', "</div>")
    form = section(response.text, 'id="add-goal"', "</form>")
    if data.get("target_date"):
        assert f'value="{data["target_date"]}"' in form
    if data["title"].strip():
        assert f'value="{data["title"]}"' in form
    assert "Becoming a project manager" in response.text  # the rest of the page is there
    assert goal_rows(app, user_id) == []


def test_goal_status_changes_and_goals_can_be_deleted(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        goal_id = make_goal(user_id, "Pass the CAPM").id
    page = client.get("/career").text
    assert f'<label for="goal-{goal_id}-status">Status' in page
    response = client.post(f"/career/goals/{goal_id}/status", data={"status": "in_progress"})
    assert response.status_code == 302 and response.headers["Location"] == "/career#goals"
    page = client.get("/career").text
    assert "“Pass the CAPM” is now marked in progress." in page
    assert re.search(r'selected[^>]*value="in_progress"|value="in_progress"[^>]*selected',
                     section(page, f'id="goal-{goal_id}-status"', "</select>"))
    assert goal_rows(app, user_id)[0].status is GoalStatus.IN_PROGRESS
    assert client.post(f"/career/goals/{goal_id}/status",
                       data={"status": "abandoned"}).status_code == 400
    response = client.post(f"/career/goals/{goal_id}/delete", follow_redirects=True)
    assert "Deleted the goal “Pass the CAPM”." in response.text
    assert goal_rows(app, user_id) == []
    assert client.post(f"/career/goals/{goal_id}/delete").status_code == 404


def test_open_goals_past_their_date_say_so(client, auth, app):
    user_id = auth.login()
    last_week = date.today() - timedelta(days=7)
    with app.app_context():
        make_goal(user_id, "Book the exam", target_date=last_week)
        make_goal(user_id, "Finish the course", target_date=last_week, status=GoalStatus.DONE)
    goals = section(client.get("/career").text, 'id="goals-heading"', 'id="add-goal-heading"')
    assert "(that date has passed)" in section(goals, "Book the exam", "</li>")
    assert "(that date has passed)" not in section(goals, "Finish the course", "</li>")


def test_another_learners_goal_is_not_found(client, auth, app):
    auth.login()
    with app.app_context():
        other_id = make_user(email="other@example.com").id
        goal_id = make_goal(other_id, "Their goal").id
    assert client.post(f"/career/goals/{goal_id}/status",
                       data={"status": "done"}).status_code == 404
    assert client.post(f"/career/goals/{goal_id}/delete").status_code == 404
    assert "Their goal" not in client.get("/career").text
    rows = goal_rows(app, other_id)
    assert len(rows) == 1 and rows[0].status is GoalStatus.PLANNED
