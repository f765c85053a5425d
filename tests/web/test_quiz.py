"""Practice quizzes, exam simulations, results, history and the review queue over HTTP."""
import re
from datetime import timedelta

from learnpm.extensions import db
from learnpm.models import Attempt, AttemptItem, ReviewCard, Status, utcnow
from tests.web.quizzing import RIGHT, answer, attempt_row, items, start


def test_practice_home_and_setup_are_open_to_visitors(client):
    assert "Demo exam" in client.get("/practice/").text
    page = client.get("/practice/demo", query_string={"domain": "people"}).text
    assert "Log in</a> or" in page and '<input checked id="domains-0"' in page
    assert "Pass mark 60%" in page and "Source: The test suite." in page
    assert client.get("/practice/nope").status_code == 404


def test_starting_needs_login(client):
    response = client.post("/practice/demo/practice", data={"count": 4})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_practice_gives_instant_feedback_and_a_result(client, auth, app):
    auth.login()
    attempt_id = start(client)
    order = items(app, attempt_id)
    assert sorted(q for _, q in order) == sorted(RIGHT)
    position, question_id = order[0]
    page = client.get(f"/practice/attempts/{attempt_id}").text
    assert "Check answer" in page and 'class="why"' not in page
    response = answer(client, attempt_id, position, question_id, right=True)
    page = client.get(response.headers["Location"]).text
    assert "✓ Correct" in page and 'class="feedback is-correct"' in page and "Next question" in page
    for position, question_id in order[1:]:
        answer(client, attempt_id, position, question_id, right=False)
    page = client.get(f"/practice/attempts/{attempt_id}?q={order[-1][0]}").text
    assert "See your results" in page
    result = client.post(f"/practice/attempts/{attempt_id}/submit", follow_redirects=True).text
    assert "25%" in result and "1 of 4 correct" in result
    assert "Below the pass mark" not in result  # practice quizzes are not pass/fail


def test_practice_answer_is_final_once_seen(client, auth, app):
    auth.login()
    attempt_id = start(client)
    position, question_id = items(app, attempt_id)[0]
    answer(client, attempt_id, position, question_id, right=False)
    answer(client, attempt_id, position, question_id, right=True)
    with app.app_context():
        item = db.session.scalar(db.select(AttemptItem).where(
            AttemptItem.attempt_id == attempt_id, AttemptItem.position == position))
        assert item.correct is False


def test_practice_setup_errors_keep_the_choices(client, auth):
    auth.login()
    response = client.post("/practice/demo/practice", data={"count": 99, "domains": ["process"],
                                                             "focus": "missed"})
    assert response.status_code == 422
    assert "Choose between 1 and 50 questions." in response.text
    assert 'value="99"' in response.text
    assert re.search(r'value="process"\s+checked|checked[^>]*value="process"', response.text)


def test_practice_can_be_limited_to_a_domain(client, auth, app):
    auth.login()
    attempt_id = start(client, domains=["people"])
    assert sorted(q for _, q in items(app, attempt_id)) == ["demo-001", "demo-004"]


def test_exam_hides_the_key_until_submitted(client, auth, app):
    auth.login()
    attempt_id = start(client, "exam")
    for position, _ in items(app, attempt_id)[:2]:
        page = client.get(f"/practice/attempts/{attempt_id}?q={position}").text
        assert 'class="why"' not in page and "Correct answer" not in page
        assert "By definition." not in page and "That is the job." not in page
        assert 'data-seconds-left="' in page and "Flag for review" in page


def test_exam_answers_are_saved_at_once_and_resume_after_reload(client, auth, app):
    auth.login()
    attempt_id = start(client, "exam")
    position, question_id = items(app, attempt_id)[0]
    response = answer(client, attempt_id, position, question_id, flagged="1", go="next")
    assert response.headers["Location"].endswith(f"q={position + 1}")
    with app.app_context():
        saved = db.session.scalar(db.select(AttemptItem).where(
            AttemptItem.attempt_id == attempt_id, AttemptItem.position == position))
        assert saved.answered_at is not None and saved.flagged and saved.correct is True
    page = client.get(f"/practice/attempts/{attempt_id}?q={position}").text
    assert re.search(r'checked\s*>', page) and 'id="flag" checked' in page
    review = client.get(f"/practice/attempts/{attempt_id}/review").text
    assert "Flagged (1)" in review and "Not answered (1)" in review


def test_exam_sections_close_after_the_break(client, auth, app):
    auth.login()
    attempt_id = start(client, "exam")
    order = items(app, attempt_id)
    review = client.get(f"/practice/attempts/{attempt_id}/review").text
    assert "End section 1" in review and "Submit for scoring" not in review
    client.post(f"/practice/attempts/{attempt_id}/section")
    assert "Optional break" in client.get(f"/practice/attempts/{attempt_id}").text
    before = attempt_row(app, attempt_id).deadline
    client.post(f"/practice/attempts/{attempt_id}/resume")
    assert attempt_row(app, attempt_id).deadline >= before  # break time is given back
    position, question_id = order[0]
    response = answer(client, attempt_id, position, question_id)
    assert "closed" in client.get(response.headers["Location"]).text
    page = client.get(f"/practice/attempts/{attempt_id}").text
    assert "Question 3" in page


def test_submitted_exam_scores_by_domain_and_twice_is_harmless(client, auth, app):
    auth.login()
    attempt_id = start(client, "exam")
    order = items(app, attempt_id)
    for position, question_id in order[:2]:
        answer(client, attempt_id, position, question_id, right=True)
    client.post(f"/practice/attempts/{attempt_id}/section")
    client.post(f"/practice/attempts/{attempt_id}/resume")
    for position, question_id in order[2:]:
        answer(client, attempt_id, position, question_id, right=True)
    first = client.post(f"/practice/attempts/{attempt_id}/submit", follow_redirects=True).text
    second = client.post(f"/practice/attempts/{attempt_id}/submit", follow_redirects=True).text
    assert "100%" in first and "Pass" in first and "By domain" in first
    assert "2 of 2" in first and 'class="why"' in first
    assert second.count("100%") == first.count("100%")
    row = attempt_row(app, attempt_id)
    assert row.status is Status.SUBMITTED and row.passed is True and row.correct == 4
    late = answer(client, attempt_id, *order[0], right=False)
    assert late.status_code == 302
    assert attempt_row(app, attempt_id).correct == 4


def test_answer_after_the_deadline_is_refused_and_attempt_scored(client, auth, app):
    auth.login()
    attempt_id = start(client, "exam")
    order = items(app, attempt_id)
    answer(client, attempt_id, *order[0], right=True)
    with app.app_context():
        row = db.session.get(Attempt, attempt_id)
        row.deadline = utcnow() - timedelta(minutes=1)
        db.session.commit()
    response = answer(client, attempt_id, *order[1], right=True)
    page = client.get(response.headers["Location"], follow_redirects=True).text
    assert "Time ran out" in page and "1 of 4 correct" in page
    row = attempt_row(app, attempt_id)
    assert row.status is Status.EXPIRED and row.submitted_at == row.deadline


def test_abandoned_attempt_is_scored_at_its_deadline(client, auth, app):
    auth.login()
    attempt_id = start(client, "exam")
    with app.app_context():
        row = db.session.get(Attempt, attempt_id)
        row.deadline = utcnow() - timedelta(hours=2)
        db.session.commit()
    assert "Unfinished" not in client.get("/practice/").text
    row = attempt_row(app, attempt_id)
    assert row.status is Status.EXPIRED and row.correct == 0 and row.total == 4


def test_another_learners_attempt_is_not_found(client, auth, app):
    auth.login()
    attempt_id = start(client, "exam")
    auth.logout()
    auth.login(email="other@example.com")
    for url in (f"/practice/attempts/{attempt_id}", f"/practice/attempts/{attempt_id}/review",
                f"/practice/attempts/{attempt_id}/result"):
        assert client.get(url).status_code == 404
    assert client.post(f"/practice/attempts/{attempt_id}/items/1",
                       data={"answer": "a"}).status_code == 404
    assert client.post(f"/practice/attempts/{attempt_id}/submit").status_code == 404


def test_missed_questions_enter_the_review_queue(client, auth, app):
    auth.login()
    attempt_id = start(client)
    order = dict((q, p) for p, q in items(app, attempt_id))
    answer(client, attempt_id, order["demo-001"], "demo-001", right=False)
    with app.app_context():
        card = db.session.scalar(db.select(ReviewCard))
        assert card.question_id == "demo-001" and card.due > utcnow()
        card.due = utcnow() - timedelta(minutes=1)
        db.session.commit()
        card_id = card.id
    page = client.get("/practice/review").text
    assert "Who keeps the team pointed at the goal?" in page and "1 due today" in page
    response = client.post(f"/practice/review/{card_id}", data={"answer": "a"})
    assert "✓ Correct" in response.text and "comes back on" in response.text
    with app.app_context():
        card = db.session.get(ReviewCard, card_id)
        assert card.reviews == 1 and card.due > utcnow() + timedelta(hours=12)
    assert "up to date" in client.get("/practice/review").text


def test_history_shows_trend_chart_with_table_and_weak_domains(client, auth, app):
    auth.login()
    for _ in range(2):
        attempt_id = start(client, "exam")
        client.post(f"/practice/attempts/{attempt_id}/section")
        client.post(f"/practice/attempts/{attempt_id}/resume")
        client.post(f"/practice/attempts/{attempt_id}/submit")
    page = client.get("/practice/history").text
    assert '<svg class="chart"' in page and "<caption>Exam simulation scores</caption>" in page
    assert page.count("Exam simulation (4 questions)") == 2


def test_readiness_explains_itself(client, auth, app):
    auth.login()
    assert "Not enough to go on yet" in client.get("/practice/").text
    attempt_id = start(client, "exam")
    client.post(f"/practice/attempts/{attempt_id}/section")
    client.post(f"/practice/attempts/{attempt_id}/resume")
    client.post(f"/practice/attempts/{attempt_id}/submit")
    page = client.get("/practice/").text
    assert "Not ready yet" in page and "It rests on a full mock on" in page
    assert "Weighted together that is 0%; the bar used is 60%." in page


def test_flagging_every_question_changes_nothing_in_the_score(client, auth, app):
    auth.login()
    attempt_id = start(client, "exam")
    order = items(app, attempt_id)
    for position, question_id in order[:2]:
        answer(client, attempt_id, position, question_id, right=True, flagged="1")
    client.post(f"/practice/attempts/{attempt_id}/section")
    client.post(f"/practice/attempts/{attempt_id}/resume")
    for position, question_id in order[2:]:
        answer(client, attempt_id, position, question_id, right=False, flagged="1")
    with app.app_context():
        assert all(i.flagged for i in db.session.scalars(db.select(AttemptItem)))
    page = client.post(f"/practice/attempts/{attempt_id}/submit", follow_redirects=True).text
    assert "2 of 4 correct" in page and page.count("⚑ flagged") == 4
