"""What the quiz pages cost in SQL statements: fixed per page, whatever the history."""
from tests.web.quizzing import answer, items, start


def test_result_and_history_query_counts_do_not_grow(client, auth, app, count_queries):
    auth.login()
    ids = []
    for _ in range(3):
        attempt_id = start(client)
        client.post(f"/practice/attempts/{attempt_id}/submit")
        ids.append(attempt_id)
    with count_queries() as one:
        client.get(f"/practice/attempts/{ids[0]}/result")
    with count_queries() as history_few:
        client.get("/practice/history")
    for _ in range(3):
        client.post(f"/practice/attempts/{start(client)}/submit")
    with count_queries() as history_more:
        client.get("/practice/history")
    with count_queries() as again:
        client.get(f"/practice/attempts/{ids[1]}/result")
    assert again.count == one.count
    assert history_more.count == history_few.count


def test_an_exam_answer_costs_three_statements(client, auth, app, count_queries):
    """The user (with the unread count), the attempt with the one item, and the update."""
    auth.login()
    attempt_id = start(client, "exam")
    position, question_id = items(app, attempt_id)[0]
    with count_queries() as saved:
        assert answer(client, attempt_id, position, question_id).status_code == 302
    assert saved.count == 3
    assert answer(client, attempt_id, 99, question_id).status_code == 404  # no such item


def test_a_question_page_costs_four_statements(client, auth, app, sql_statements):
    """The user (with the unread count), the attempt, its items' state, and the question
    shown with the learner's star and journal note on it (besides the content version,
    which a worker reads every few seconds, and the tests on every request)."""
    auth.login()
    attempt_id = start(client, "exam")
    client.get(f"/practice/attempts/{attempt_id}")
    with sql_statements() as seen:
        assert client.get(f"/practice/attempts/{attempt_id}").status_code == 200
    assert len([s for s in seen if "content_version" not in s]) == 4, seen


def test_a_question_page_reads_the_text_of_the_shown_question_only(client, auth, sql_statements):
    """The navigator needs each item's state, not its stored question: decoding every
    snapshot of a 180-question simulation on every page cost more than the page."""
    auth.login()
    attempt_id = start(client, "exam")
    with sql_statements() as seen:
        page = client.get(f"/practice/attempts/{attempt_id}?q=2").text
    assert "Question 2" in page
    with_text = [s for s in seen if "attempt_item.snapshot" in s]
    assert len(with_text) == 1 and "attempt_item.id = " in with_text[0], seen
