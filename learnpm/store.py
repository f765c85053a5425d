"""The content catalog held on the app: loaded once, rendered lazily, cached, and kept the
same on every worker and host.

Files in `content/` are read at start-up. What changes at run time (imported question files,
retired questions) lives in the database with a version number; each worker compares that
number at most every CONTENT_CHECK_SECONDS and rebuilds its catalog when it moved, so an
import or a reload on one worker reaches all of them within seconds. In debug mode a changed
file is also picked up on the next request.
"""
import hashlib
import logging
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from flask import Flask, current_app, url_for

from . import runtime_content
from .catalog import Catalog, load
from .catalog.render import RenderedModule, render_module
from .catalog.search import SearchIndex
from .recently_used import RecentlyUsed

log = logging.getLogger(__name__)
EXTENSION_KEY = "learnpm.catalog"
RENDERED_MODULES = 256  # per worker: a module renders in a few ms, a big catalog holds 1,000s


@dataclass
class Snapshot:
    """One consistent state: swapped in whole, so a request never sees half a rebuild."""

    catalog: Catalog
    index: SearchIndex
    version: int | None  # the database content version merged in (None: not yet)
    stamp: tuple[int, int]  # files on disk when read
    digest: str  # of the files' contents: the same on every host with the same content
    rendered: RecentlyUsed[str, RenderedModule] = field(
        default_factory=lambda: RecentlyUsed(RENDERED_MODULES))


class CatalogStore:
    def __init__(self, content_dir: str, auto_reload: bool = False,
                 check_seconds: float = 2.0):
        self.content_dir = Path(content_dir)
        self.auto_reload = auto_reload
        self.check_seconds = check_seconds
        self._lock = threading.Lock()
        self._next_check = 0.0
        self._snapshot: Snapshot | None = None  # built on first use, or by warm()

    def warm(self) -> None:
        """Read the files now, without the database: gunicorn's master calls this before
        forking (wsgi.py), so workers start with the catalog and share its memory. Commands
        that never serve a page (`content check`, `db upgrade`) never pay for it."""
        if self._snapshot is None:
            with self._lock:
                if self._snapshot is None:
                    self._snapshot = self._build(version=None, with_database=False)

    @property
    def _state(self) -> Snapshot:
        if self._snapshot is None:
            self.warm()
        assert self._snapshot is not None
        return self._snapshot

    @property
    def catalog(self) -> Catalog:
        return self._state.catalog

    @property
    def index(self) -> SearchIndex:
        return self._state.index

    @property
    def version(self) -> int | None:
        return self._state.version

    @property
    def content_digest(self) -> str:
        return self._state.digest

    def _build(self, version: int | None, with_database: bool = True) -> Snapshot:
        """Read the files (no database at start-up: the app factory does no I/O beyond this),
        then merge the database's question files and retired questions."""
        extra = runtime_content.question_sources() if with_database else []
        catalog = load(self.content_dir, extra)
        if with_database:
            catalog = replace(catalog, retired=runtime_content.retired_ids())
        if errors := catalog.errors:
            log.error("%d content problem(s), serving the rest; first: %s. Run 'flask --app "
                      "learnpm content check' to list them all.", len(errors), errors[0])
        return Snapshot(catalog, SearchIndex(list(catalog.modules.values())), version,
                        self._content_stamp(), digest_files(self.content_dir))

    def reload(self) -> Catalog:
        """Rebuild now, from the files and the database as they are."""
        with self._lock:
            self._snapshot = self._build(runtime_content.current_version())
        return self.catalog

    def _content_stamp(self) -> tuple[int, int]:
        files = [p for p in self.content_dir.rglob("*") if p.is_file()]
        return (len(files), max((p.stat().st_mtime_ns for p in files), default=0))

    def current(self) -> "CatalogStore":
        """The store, rebuilt first if the database version moved (checked at most every
        `check_seconds`) or, in debug mode, if a file changed."""
        now = time.monotonic()
        if now >= self._next_check:
            self._next_check = now + self.check_seconds
            version = runtime_content.current_version()
            if version == 0 and self._state.version is None:
                self._state.version = 0  # nothing was ever changed at run time: files suffice
            elif version is not None and version != self._state.version:
                log.info("content version %s (was %s): rebuilding the catalog", version,
                         self._state.version)
                self.reload()
        if self.auto_reload and self._content_stamp() != self._state.stamp:
            log.info("content changed on disk: reloading")
            self.reload()
        return self

    def rendered(self, slug: str) -> RenderedModule:
        state = self._state
        rendered = state.rendered.get(slug)
        if rendered is None:
            rendered = render_module(state.catalog.modules[slug].body, _resolve_link)
            state.rendered.put(slug, rendered)
        return rendered


def digest_files(folder: Path, pattern: str = "*") -> str:
    """One digest of every file's name and bytes under `folder`."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob(pattern) if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _resolve_link(scheme: str, target: str) -> str:
    if scheme == "module":
        return url_for("learn.module", slug=target)
    bank, _, domain = target.partition("/")
    return url_for("quiz.practice_start", bank=bank, domain=domain or None)


def init_store(app: Flask) -> None:
    app.extensions[EXTENSION_KEY] = CatalogStore(
        app.config["CONTENT_DIR"], auto_reload=app.debug,
        check_seconds=float(app.config["CONTENT_CHECK_SECONDS"]))


def get_store() -> CatalogStore:
    store: CatalogStore = current_app.extensions[EXTENSION_KEY]
    return store.current()


def get_catalog() -> Catalog:
    return get_store().catalog
