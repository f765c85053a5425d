"""A result says what to do next: per-task results, the plan, targeted practice and the
comparison with the previous attempt; exam assignments ask for a size."""
from datetime import date, timedelta

from learnpm.extensions import db
from learnpm.models import Assignment, AssignmentKind, Attempt, Mode, Role
from tests.factories import make_assignment, make_attempt, make_link, make_progress, make_user


def result_page(client, attempt_id):
    return client.get(f"/practice/attempts/{attempt_id}/result").text


def test_result_lists_tasks_weakest_first_with_a_plan(client, app, auth):
    user_id = auth.login()
    with app.app_context():
        # demo-001 people-1, demo-002 process-1, demo-003 process-2, demo-004 people-2;
        # the exam draws all four; two right (its first two items), two wrong.
        attempt = make_attempt(user_id, exam=True, right=2)
        wrong = [i.task for i in attempt.items[2:]]
    page = result_page(client, attempt.id)
    tasks = page.split('id="tasks-heading"')[1].split("</table>")[0]
    names = {"people-1": "Lead the team", "people-2": "Engage stakeholders",
             "process-1": "Plan", "process-2": "Control the schedule"}
    first_two = [tasks.index(f'<th scope="row">{names[t]}</th>') for t in wrong]
    others = [tasks.index(f'<th scope="row">{names[t]}</th>') for t in names if t not in wrong]
    assert max(first_two) < min(others)  # the missed tasks come first
    plan = page.split('class="card plan"')[1].split("</section>")[0]
    assert "What to work on next" in plan and all(names[t] in plan for t in wrong)
    assert "Targeted practice: 2 new or missed questions on these tasks" in plan
    assert "2 cards in today" not in plan  # misses come back tomorrow, not today


def test_targeted_practice_takes_only_new_or_missed_questions_on_the_tasks(client, app, auth):
    user_id = auth.login()
    with app.app_context():
        make_attempt(user_id, size=4, right=4)  # practice: every question answered right
    response = client.post("/practice/demo/targeted", data={"task": ["people-1", "process-1"]})
    assert response.status_code == 302 and "/practice/demo" in response.headers["Location"]
    with app.app_context():
        make_attempt(user_id, size=1, right=0, seed=5)  # miss demo-001 (people-1)
    response = client.post("/practice/demo/targeted", data={"task": ["people-1", "process-1"]})
    attempt_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        assert [i.question_id for i in attempt.items] == ["demo-001"]


def test_comparison_with_the_previous_attempt_per_domain(client, app, auth):
    user_id = auth.login()
    with app.app_context():
        make_attempt(user_id, exam=True, right=0, seed=1)
        later = make_attempt(user_id, exam=True, right=4, seed=2).id
    page = result_page(client, later)
    assert "Since " in page and "▲ +100 points" in page
    assert "Compared with your previous simulation of this exam (0%" in page


def test_result_page_query_count_does_not_grow_with_history(client, app, auth,
                                                            count_queries):
    user_id = auth.login()
    with app.app_context():
        attempt = make_attempt(user_id, exam=True, right=1, seed=1).id
    with count_queries() as first:
        assert client.get(f"/practice/attempts/{attempt}/result").status_code == 200
    with app.app_context():
        for seed in range(2, 12):
            make_attempt(user_id, exam=True, right=seed % 4, seed=seed)
            if seed < 5:
                make_progress(user_id, ["role", "risks", "scheduling"][seed % 3])
    with count_queries() as later:
        assert client.get(f"/practice/attempts/{attempt}/result").status_code == 200
    assert later.count == first.count


def test_dashboard_and_mentor_show_the_same_plan(client, app, auth):
    with app.app_context():
        elena = make_user(email="elena@example.com", name="Elena", role=Role.MENTOR).id
        priya = make_user(email="priya@example.com").id
        make_link(elena, priya)
        make_attempt(priya, exam=True, right=2)
    auth.login_as("priya@example.com")
    mine = client.get("/dashboard").text.split('class="card plan"')[1].split("</section>")[0]
    auth.login_as("elena@example.com")
    theirs = client.get(f"/mentoring/mentees/{priya}").text
    theirs = theirs.split('class="card plan"')[1].split("</section>")[0]
    assert "What to work on next" in mine
    task_lines = [line for line in mine.splitlines() if "right</span>" in line]
    assert task_lines and all(line.split("<br>")[0] in theirs for line in task_lines)
    assert "Targeted practice" in mine and "Targeted practice" not in theirs


def test_an_exam_assignment_completes_only_on_an_attempt_of_its_size(client, app, auth):
    with app.app_context():
        elena = make_user(email="elena@example.com", name="Elena", role=Role.MENTOR).id
        priya = make_user(email="priya@example.com").id
        make_link(elena, priya)
    auth.login_as("elena@example.com")
    client.post("/mentoring/assignments", data={
        "assign-who": f"mentee:{priya}", "assign-what": "exam:demo:4", "assign-note": "",
        "assign-due_date": (date.today() + timedelta(days=3)).isoformat()})
    auth.login_as("priya@example.com")
    assert "full exam simulation (4 questions)" in client.get("/mentoring/assigned").text
    with app.app_context():
        make_attempt(priya, exam=True, size=2, right=2)  # too short: does not count
        assert db.session.scalar(db.select(Assignment.completed_at)) is None
        make_attempt(priya, exam=True, size=4, right=1, seed=3)
        assert db.session.scalar(db.select(Assignment.completed_at)) is not None


def test_a_practice_assignment_has_no_size(app):
    with app.app_context():
        elena = make_user(email="elena@example.com", role=Role.MENTOR).id
        priya = make_user(email="priya@example.com").id
        make_assignment(elena, priya, AssignmentKind.PRACTICE, "demo")
        make_attempt(priya, size=1, right=1)
        item = db.session.scalar(db.select(Assignment))
        assert item.size is None and item.completed_at is not None
        assert db.session.scalar(db.select(Attempt.mode)) is Mode.PRACTICE
