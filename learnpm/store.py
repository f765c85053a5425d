"""The content catalog held on the app: loaded once, rendered lazily, cached.

In debug mode a change to any content file is picked up on the next request;
in production content changes need a restart (or the admin's reload).
"""
import logging
from pathlib import Path

from flask import current_app, url_for

from .catalog import Catalog, load
from .catalog.render import RenderedModule, render_module
from .catalog.search import SearchIndex

log = logging.getLogger(__name__)
EXTENSION_KEY = "learnpm.catalog"


class CatalogStore:
    def __init__(self, content_dir: str, auto_reload: bool = False):
        self.content_dir = Path(content_dir)
        self.auto_reload = auto_reload
        self._stamp: tuple[int, int] | None = None
        self.reload()

    def reload(self) -> Catalog:
        self.catalog = load(self.content_dir)
        self.index = SearchIndex(list(self.catalog.modules.values()))
        self._rendered: dict[str, RenderedModule] = {}
        self._stamp = self._content_stamp()
        if errors := self.catalog.errors:
            log.error("%d content problem(s), serving the rest; first: %s. Run 'flask --app "
                      "learnpm content check' to list them all.", len(errors), errors[0])
        return self.catalog

    def _content_stamp(self) -> tuple[int, int]:
        files = [p for p in self.content_dir.rglob("*") if p.is_file()]
        return (len(files), max((p.stat().st_mtime_ns for p in files), default=0))

    def current(self) -> "CatalogStore":
        if self.auto_reload and self._content_stamp() != self._stamp:
            log.info("content changed on disk: reloading")
            self.reload()
        return self

    def rendered(self, slug: str) -> RenderedModule:
        if slug not in self._rendered:
            module = self.catalog.modules[slug]
            self._rendered[slug] = render_module(module.body, _resolve_link)
        return self._rendered[slug]


def _resolve_link(scheme: str, target: str) -> str:
    if scheme == "module":
        return url_for("learn.module", slug=target)
    bank, _, domain = target.partition("/")
    return url_for("quiz.practice_start", bank=bank, domain=domain or None)


def init_store(app) -> None:
    app.extensions[EXTENSION_KEY] = CatalogStore(app.config["CONTENT_DIR"],
                                                 auto_reload=app.debug)


def get_store() -> CatalogStore:
    return current_app.extensions[EXTENSION_KEY].current()


def get_catalog() -> Catalog:
    return get_store().catalog
