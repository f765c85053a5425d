"""Jinja filters and globals shared by every template."""
from datetime import date, datetime

from .catalog.entries import CATEGORIES
from .text import render_user_markdown


def long_date(value: date | datetime | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


def register(app) -> None:
    app.jinja_env.filters["user_markdown"] = render_user_markdown
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.globals["CATEGORIES"] = CATEGORIES
