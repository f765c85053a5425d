"""Item analysis over HTTP: figures computed in SQL in a fixed number of queries."""
from learnpm.models import Role
from tests.factories import make_attempt, make_user


def learners_sit_mocks(app, count, start=0):
    """`count` learners sit the 4-question demo exam; learner n answers n % 5 right, so
    strong and weak learners differ and demo questions are answered in order of position."""
    with app.app_context():
        for n in range(start, start + count):
            user = make_user(email=f"l{n}@example.com", cheap_hash=True)
            make_attempt(user.id, exam=True, right=n % 5, seed=n)


def test_item_analysis_is_for_mentors_and_admins(client, auth):
    auth.login()
    assert client.get("/practice/items").status_code == 403
    auth.login(email="elena@example.com", role=Role.MENTOR)
    assert "No answers to analyse yet" in client.get("/practice/items").text


def test_figures_flags_and_the_most_chosen_wrong_answer(client, app, auth):
    learners_sit_mocks(app, 40)
    auth.login(email="elena@example.com", role=Role.MENTOR)
    page = client.get("/practice/items", query_string={"bank": "demo", "sort": "question"}).text
    rows = page.split("<tbody>")[1].split("</tbody>")[0].split("<tr")[1:]
    assert len(rows) == 4 and all(">40<" in row for row in rows)  # 40 answers each
    assert "Who keeps the team pointed at the goal?" in page
    # Each facility and discrimination is printed with two decimals, and strong learners
    # (more right) beat weak ones on every question: discrimination is positive.
    for row in rows:
        cells = row.split("<td>")
        facility, discrimination = float(cells[2][:4]), float(cells[3][:4])
        assert 0 < facility < 1 and discrimination > 0
    assert "The auditor" in page or "The vendor" in page  # demo-001's wrong pick, in words


def test_item_analysis_query_count_does_not_grow_with_attempts(client, app, auth,
                                                               count_queries):
    learners_sit_mocks(app, 5)
    auth.login(email="elena@example.com", role=Role.MENTOR)
    with count_queries() as few:
        assert client.get("/practice/items").status_code == 200
    learners_sit_mocks(app, 30, start=5)
    with count_queries() as many:
        assert client.get("/practice/items").status_code == 200
    assert many.count == few.count
