"""Pages and files that cost less: conditional requests for anonymous catalog pages, and
fingerprinted static URLs that browsers keep for a year.

An anonymous module, path or library page depends only on the request's URL, the content
and the code that renders it. Its ETag is a digest of those three, computed before rendering,
so a matching If-None-Match is answered 304 without rendering anything; every worker and host
serving the same release and content computes the same ETag. Each worker also keeps the last
few hundred anonymous pages it rendered, keyed by that ETag: a new content version gives new
keys, so nothing is ever invalidated by hand.
"""
import hashlib
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

from flask import Flask, current_app, make_response, request, session
from flask_login import current_user

from .recently_used import RecentlyUsed
from .store import digest_files, get_store

PACKAGE = Path(__file__).resolve().parent
PROXY_SECONDS = 60  # how long a shared cache may serve an anonymous page without asking
YEAR = 365 * 24 * 3600
RENDERED_PAGES = 256  # per worker; about 40 KB each


def release_digest() -> str:
    """What the code and templates that render a page are, as one digest (read at start-up)."""
    return digest_files(PACKAGE, "*.py") + digest_files(PACKAGE / "templates")


def public_when_anonymous(view: Callable[..., Any]) -> Callable[..., Any]:
    """For anonymous visitors: an ETag, 304 when the browser or proxy has the page already,
    and a Cache-Control a shared cache can use. Signed-in pages stay private."""
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if current_user.is_authenticated or "_flashes" in session:
            return _private(make_response(view(*args, **kwargs)))
        etag = _page_etag()
        pages: RecentlyUsed[str, bytes] = current_app.extensions["learnpm.rendered_pages"]
        if etag in request.if_none_match:
            response = current_app.response_class(status=304)
        elif (page := pages.get(etag)) is not None:
            response = current_app.response_class(page, mimetype="text/html")
        else:
            response = make_response(view(*args, **kwargs))
            if response.status_code != 200:
                return response
            if session.modified:  # the page wrote to the session: it is not the same for all
                return _private(response)
            pages.put(etag, response.get_data())
        response.set_etag(etag)
        response.cache_control.public = True
        response.cache_control.max_age = 0  # browsers ask each time (a cheap 304)...
        response.cache_control.s_maxage = PROXY_SECONDS  # ...proxies may answer for a minute
        response.vary.add("Cookie")
        return response
    return wrapper


def _private(response: Any) -> Any:
    """A page for one person: no shared cache keeps it, the browser asks each time."""
    response.cache_control.private = True
    response.cache_control.no_cache = True
    return response


def _page_etag() -> str:
    store = get_store()
    seed = "\0".join((current_app.extensions["learnpm.release"], store.content_digest,
                      str(store.version), request.full_path))
    return hashlib.sha256(seed.encode()).hexdigest()[:32]


class StaticFingerprints:
    """`url_for('static', filename=...)` gains `?v=<digest of the file>`; a request carrying
    the current digest is cached for a year, since a changed file gets a new URL.

    Static files change only with a release, which restarts the workers, so each digest is
    worked out once; in debug mode a file is looked at again on every URL, as it is edited."""

    def __init__(self, app: Flask) -> None:
        self.folder = Path(app.static_folder or "")
        self.watch = app.debug
        self.cache: dict[str, tuple[int, str]] = {}
        app.url_defaults(self.add_version)
        app.after_request(self.cache_for_a_year)

    def version(self, filename: str) -> str | None:
        cached = self.cache.get(filename)
        if cached is not None and not self.watch:
            return cached[1]
        path = self.folder / filename
        try:
            mtime = path.stat().st_mtime_ns
        except OSError:
            return None
        if cached is None or cached[0] != mtime:
            cached = (mtime, hashlib.sha256(path.read_bytes()).hexdigest()[:12])
            self.cache[filename] = cached
        return cached[1]

    def add_version(self, endpoint: str, values: dict[str, Any]) -> None:
        if (endpoint == "static" and "filename" in values and "v" not in values
                and (version := self.version(values["filename"]))):
            values["v"] = version

    def cache_for_a_year(self, response: Any) -> Any:
        filename = (request.view_args or {}).get("filename", "")
        if (request.endpoint == "static" and response.status_code == 200
                and request.args.get("v") and request.args["v"] == self.version(filename)):
            response.cache_control.no_cache = None  # Flask's default for static files
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        return response


def register(app: Flask) -> None:
    app.extensions["learnpm.release"] = release_digest()
    app.extensions["learnpm.rendered_pages"] = RecentlyUsed[str, bytes](RENDERED_PAGES)
    StaticFingerprints(app)
