"""The quiz builder, mini-exams, distinct mocks, stars, the error journal and confidence."""
from random import Random

from learnpm.extensions import db
from learnpm.models import Attempt, AttemptItem, JournalEntry, Mode, ReviewCard, Star
from learnpm.quiz.practice import build_mock
from learnpm.store import get_catalog
from tests.factories import make_attempt


def started(app, response) -> Attempt:
    assert response.status_code == 302, response.status_code
    attempt_id = int(response.headers["Location"].rsplit("/", 1)[1])
    with app.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        attempt.question_ids = [i.question_id for i in attempt.items]
        attempt.domains = {i.domain for i in attempt.items}
        return attempt


def test_builder_filters_by_task_approach_and_difficulty(client, app, auth):
    auth.login()
    by_task = started(app, client.post("/practice/demo/practice", data={
        "tasks": ["people-1", "process-2"], "count": 10, "focus": "any"}))
    assert sorted(by_task.question_ids) == ["demo-001", "demo-003"]
    hard = started(app, client.post("/practice/demo/practice", data={
        "difficulties": ["hard"], "count": 10, "focus": "any"}))
    assert hard.question_ids == ["demo-004"]


def test_nothing_matching_is_said_next_to_the_field_and_keeps_the_choices(client, auth):
    auth.login()
    response = client.post("/practice/demo/practice", data={
        "tasks": ["people-1"], "count": 7, "focus": "missed-only"})
    assert response.status_code == 422
    assert "No questions match these choices yet." in response.text
    assert 'value="7"' in response.text and 'value="people-1" id="tasks-people-1" checked' in \
        response.text


def test_missed_only_means_only_missed(client, app, auth):
    user_id = auth.login()
    with app.app_context():
        make_attempt(user_id, size=2, right=1)  # demo-001 right, demo-002 missed
    attempt = started(app, client.post("/practice/demo/practice", data={
        "count": 10, "focus": "missed-only"}))
    assert attempt.question_ids == ["demo-002"]


def test_starred_questions_can_be_practised_alone(client, app, auth):
    user_id = auth.login()
    response = client.post("/practice/questions/demo-003/star",
                           data={"next": "/practice/demo"})
    assert response.headers["Location"].startswith("/practice/demo")
    with app.app_context():
        assert db.session.scalar(db.select(Star.question_id).where(
            Star.user_id == user_id)) == "demo-003"
    attempt = started(app, client.post("/practice/demo/practice", data={
        "count": 10, "focus": "starred"}))
    assert attempt.question_ids == ["demo-003"]
    client.post("/practice/questions/demo-003/star")  # unstar
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Star)) == 0


def test_a_domain_mini_exam_is_timed_and_holds_only_that_domain(client, app, auth):
    auth.login()
    response = client.post("/practice/demo/mini-exam", data={
        "mini-domain": "process", "mini-size": 10})
    attempt = started(app, response)
    assert attempt.mode is Mode.EXAM and attempt.domains == {"process"}
    assert attempt.deadline is not None and attempt.break_after == []
    assert len(attempt.question_ids) == 2  # the bank holds two process questions


def test_full_mocks_draw_questions_unseen_in_earlier_simulations_first(client, app, auth):
    user_id = auth.login()
    page = client.get("/practice/demo").text
    assert "Your next full mock would be all new to you" in page
    with app.app_context():
        make_attempt(user_id, exam=True, size=2, right=0)
    page = client.get("/practice/demo").text
    assert "would hold 2 questions you have not met in a simulation, of 4" in page
    with app.app_context():
        first = {i.question_id for i in db.session.scalars(db.select(AttemptItem))}
        second = build_mock(user_id, get_catalog().exams["demo"], 2, rng=Random(7))
        assert {i.question_id for i in second.items}.isdisjoint(first)


def test_journal_note_after_a_miss_comes_back_with_the_question(client, app, auth):
    user_id = auth.login()
    with app.app_context():
        attempt = make_attempt(user_id, size=2, right=1)
        attempt_id = attempt.id
    page = client.get(f"/practice/attempts/{attempt_id}/result").text
    assert "Why did you choose that?" in page  # offered after the miss
    empty = client.post("/practice/questions/demo-002/journal", data={"note": "  "})
    assert empty.status_code == 422 and "Write a line about your reasoning first." in empty.text
    client.post("/practice/questions/demo-002/journal",
                data={"note": "I confused owner with sponsor", "next": "/practice/journal"})
    journal = client.get("/practice/journal").text
    assert "Demo exam: Plan" in journal and "I confused owner with sponsor" in journal
    with app.app_context():
        card = db.session.scalar(db.select(ReviewCard).where(
            ReviewCard.question_id == "demo-002"))
        card.due = card.due.replace(year=2000)
        db.session.commit()
    queue = client.get("/practice/review").text
    assert "Last time you noted:" in queue and "I confused owner with sponsor" in queue
    client.post("/practice/questions/demo-002/journal/delete")
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(JournalEntry)) == 0


def test_a_right_answer_given_unsure_joins_the_review_queue(client, app, auth):
    user_id = auth.login()
    attempt = started(app, client.post("/practice/demo/practice", data={
        "tasks": ["people-1"], "count": 1, "focus": "any"}))
    client.post(f"/practice/attempts/{attempt.id}/items/1",
                data={"answer": "a", "confidence": "unsure"})
    with app.app_context():
        item = db.session.scalar(db.select(AttemptItem))
        assert item.correct and item.confidence.value == "unsure"
        card = db.session.scalar(db.select(ReviewCard).where(ReviewCard.user_id == user_id))
        assert card.question_id == "demo-001"
