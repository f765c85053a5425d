"""Anonymous catalog pages answer conditional requests; static files have fingerprinted URLs."""
import re

import pytest

from learnpm.extensions import db
from learnpm.runtime_content import mark_changed
from learnpm.store import get_store

CATALOG_PAGES = ["/modules/role", "/library", "/library?q=risk", "/paths", "/paths/basics"]


@pytest.mark.parametrize("url", CATALOG_PAGES)
def test_an_anonymous_page_carries_an_etag_and_a_repeat_gets_304(client, url):
    first = client.get(url)
    assert first.status_code == 200 and first.headers["ETag"]
    assert first.headers["Cache-Control"] == "public, max-age=0, s-maxage=60"
    assert "Cookie" in first.headers["Vary"] and "Set-Cookie" not in first.headers
    again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == first.headers["ETag"]


def test_a_304_renders_nothing_and_reads_nothing_beyond_the_content_version(
        client, count_queries):
    etag = client.get("/modules/role").headers["ETag"]
    with count_queries() as counter:
        assert client.get("/modules/role", headers={"If-None-Match": etag}).status_code == 304
    assert counter.count <= 1  # the content version check (every request in tests)


def test_pages_differ_by_url_and_a_stale_etag_gets_the_page(client):
    module, library = client.get("/modules/role"), client.get("/library")
    assert module.headers["ETag"] != library.headers["ETag"]
    response = client.get("/modules/role", headers={"If-None-Match": library.headers["ETag"]})
    assert response.status_code == 200 and "The project manager" in response.text


def test_a_content_change_gives_every_page_a_new_etag(app, client):
    before = client.get("/modules/role").headers["ETag"]
    with app.app_context():
        mark_changed()
        db.session.commit()
    after = client.get("/modules/role", headers={"If-None-Match": before})
    assert after.status_code == 200 and after.headers["ETag"] != before
    with app.test_request_context():
        assert get_store().version == 1


def test_signed_in_pages_stay_private_and_are_always_rendered(client, auth):
    etag = client.get("/modules/role").headers["ETag"]
    auth.login()
    response = client.get("/modules/role", headers={"If-None-Match": etag})
    assert response.status_code == 200 and "Mark as complete" in response.text
    assert "private" in response.headers["Cache-Control"] and "ETag" not in response.headers


def test_a_page_showing_a_message_to_one_visitor_is_not_shared(client):
    with client.session_transaction() as session:
        session["_flashes"] = [("info", "Signed out. See you soon.")]
    response = client.get("/library")
    assert "Signed out. See you soon." in response.text
    assert "private" in response.headers["Cache-Control"] and "ETag" not in response.headers


def test_static_urls_are_fingerprinted_and_kept_for_a_year(client):
    page = client.get("/").text
    css = re.search(r'href="(/static/css/learnpm\.css\?v=(\w+))"', page)
    assert css, "the stylesheet link carries a version"
    with client.get(css.group(1)) as response:
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    with client.get("/static/css/learnpm.css?v=000000000000") as stale:
        assert "max-age=31536000" not in stale.headers.get("Cache-Control", "")


def test_a_second_anonymous_visitor_gets_the_same_page_as_the_first(app):
    first, second = app.test_client(), app.test_client()
    one, two = first.get("/modules/role"), second.get("/modules/role")
    assert one.data == two.data and one.headers["ETag"] == two.headers["ETag"]


def test_a_worker_keeps_a_bounded_number_of_rendered_modules(app, monkeypatch):
    """However many modules a crawler reads, a worker's rendered modules stay within bound."""
    monkeypatch.setattr("learnpm.store.RENDERED_MODULES", 1)
    with app.test_request_context():
        store = get_store()
        store.reload()
        slugs = list(store.catalog.modules)[:2]
        first = store.rendered(slugs[0])
        assert store.rendered(slugs[0]) is first  # kept while it is the most recent
        store.rendered(slugs[1])
        assert len(store._state.rendered) == 1
        assert store.rendered(slugs[0]) is not first  # dropped, so rendered again
