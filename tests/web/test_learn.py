from learnpm.extensions import db
from learnpm.models import ModuleProgress
from tests.factories import make_progress, make_user


def test_library_lists_modules_and_paths_for_anonymous_visitors(client):
    page = client.get("/library").text
    assert "The project manager&#39;s role" in page and "Risk registers" in page
    assert "The basics" in page and "Completed" not in page


def test_library_filters_by_category_tag_and_level(client):
    page = client.get("/library", query_string={"category": "core-duty"}).text
    assert "Risk registers" in page and "Scheduling basics" in page
    assert "The project manager&#39;s role" not in page
    page = client.get("/library", query_string={"tag": "schedule"}).text
    assert "Scheduling basics" in page and "Risk registers" not in page
    page = client.get("/library", query_string={"level": "intermediate"}).text
    assert "Risk registers" in page and "Scheduling basics" not in page


def test_search_ranks_results_and_shows_snippets(client):
    page = client.get("/library", query_string={"q": "risk register"}).text
    assert "for “risk register”" in page
    assert page.index("Risk registers") < page.index("The project manager&#39;s role")
    assert "A risk register lists each threat" in page


def test_search_with_no_match_says_what_to_do(client):
    page = client.get("/library", query_string={"q": "zeppelin"}).text
    assert "0 modules" in page and "browse the whole library" in page


def test_module_page_renders_markdown_toc_and_links(client):
    page = client.get("/modules/role").text
    assert '<h2 id="the-job">' in page and 'href="#the-job"' in page
    assert 'href="/modules/risks#registers"' in page
    assert 'href="/practice/demo?domain=people"' in page
    assert "Create a free account" in page and "Mark as complete" not in page
    assert "1 min read" in page and "0.5 education hours" in page


def test_module_page_shows_prerequisites_related_and_path_neighbours(client):
    page = client.get("/modules/risks").text
    assert "Read first:" in page and 'href="/modules/role"' in page
    assert 'rel="prev" href="/modules/role?path=basics"' in page
    assert 'rel="next" href="/modules/scheduling?path=basics"' in page


def test_unknown_module_and_path_are_404(client):
    assert client.get("/modules/nope").status_code == 404
    assert client.get("/paths/nope").status_code == 404
    assert "We can&#39;t find that page" in client.get("/modules/nope").text


def test_mark_complete_needs_login(client):
    response = client.post("/modules/role/complete", data={"done": "1"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_mark_complete_and_undo(client, auth, app):
    user_id = auth.login()
    response = client.post("/modules/role/complete", data={"done": "1"}, follow_redirects=True)
    assert "Marked “The project manager&#39;s role” as complete." in response.text
    assert "You completed this module" in response.text
    client.post("/modules/role/complete", data={"done": "1"})  # a double click changes nothing
    with app.app_context():
        rows = db.session.scalars(db.select(ModuleProgress)).all()
        assert len(rows) == 1 and rows[0].completed and rows[0].user_id == user_id
    response = client.post("/modules/role/complete", data={"done": "0"}, follow_redirects=True)
    assert "no longer marked complete" in response.text and "Mark as complete" in response.text


def test_completing_an_unknown_module_is_404(client, auth):
    auth.login()
    assert client.post("/modules/ghost/complete", data={"done": "1"}).status_code == 404


def test_viewing_a_module_records_it_as_recently_read(client, auth, app):
    auth.login()
    client.get("/modules/scheduling")
    with app.app_context():
        row = db.session.scalar(db.select(ModuleProgress))
        assert row.module_slug == "scheduling" and not row.completed


def test_path_progress_bar_moves(client, auth):
    auth.login()
    assert 'value="0" max="3"' in client.get("/paths/basics").text
    client.post("/modules/role/complete", data={"done": "1"})
    page = client.get("/paths/basics").text
    assert 'value="1" max="3"' in page and "1 of 3 · 33%" in page
    assert 'href="/modules/risks?path=basics">Continue the path' in page.replace("\n", "")
    assert "1 of 3" in client.get("/paths").text


def test_progress_is_kept_by_slug_when_files_move(tmp_path, app):
    """Progress refers to slugs, so moving a module file loses nothing."""
    with app.app_context():
        user = make_user()
        make_progress(user.id, "risks", completed=True)
    client = app.test_client()
    client.post("/login", data={"email": "learner@example.com",
                                "password": "correct horse battery"})
    assert "Completed" in client.get("/modules/risks").text


def test_library_query_count_does_not_grow_with_progress(client, auth, app, count_queries):
    user_id = auth.login()
    with count_queries() as few:
        client.get("/library")
    with app.app_context():
        for slug in ("role", "risks", "scheduling"):
            make_progress(user_id, slug, completed=True)
    with count_queries() as many:
        client.get("/library")
    assert many.count == few.count  # not one query per module
