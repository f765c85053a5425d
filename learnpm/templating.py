"""Jinja filters and globals shared by every template."""
from datetime import date, datetime
from functools import lru_cache

import markdown
from markupsafe import Markup

from .catalog.entries import CATEGORIES
from .store import get_catalog
from .text import render_user_markdown


def long_date(value: date | datetime | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


@lru_cache(maxsize=8192)
def content_markdown(text: str | None) -> Markup:
    """Short trusted Markdown from content files (question stems, explanations), cached."""
    return Markup(markdown.markdown(text or "", extensions=["extra", "sane_lists"]))


def module_for(slug: str):
    return get_catalog().modules.get(slug)


def register(app) -> None:
    app.jinja_env.filters["user_markdown"] = render_user_markdown
    app.jinja_env.filters["content_markdown"] = content_markdown
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.globals["CATEGORIES"] = CATEGORIES
    app.jinja_env.globals["module_for"] = module_for
