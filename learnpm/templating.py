"""Jinja filters and globals shared by every template."""
from datetime import date, datetime
from functools import lru_cache

import markdown
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError

from .catalog.entries import CATEGORIES
from .catalog.render import sanitise
from .domain.words import plural
from .extensions import db
from .notifications import unread_count
from .quiz.sizes import exam_size_label
from .store import get_catalog
from .text import render_user_markdown


def csrf_field() -> Markup:
    """The hidden CSRF input for a form that is only a button; CSRFProtect checks every POST."""
    return Markup('<input type="hidden" name="csrf_token" value="{}">').format(generate_csrf())


def long_date(value: date | datetime | None) -> str:
    return f"{value.day} {value:%B %Y}" if value else ""


@lru_cache(maxsize=8192)
def content_markdown(text: str | None) -> Markup:
    """Short Markdown from question banks (stems, explanations), cached. Sanitised like module
    bodies: banks imported at run time are nobody's reviewed code."""
    return Markup(sanitise(markdown.markdown(text or "", extensions=["extra", "sane_lists"])))


def module_for(slug: str):
    return get_catalog().modules.get(slug)


def unread_notifications() -> int:
    """Unread count for the header; 0 if the database is down, so error pages still render."""
    try:
        if not current_user.is_authenticated:
            return 0
        return unread_count(current_user)
    except SQLAlchemyError:
        db.session.rollback()
        return 0


def number(value) -> str:
    """2.0 -> '2', 2.25 -> '2.25': units and hours without a trailing '.0'."""
    return f"{round(float(value), 2):g}" if value is not None else ""


def skill_name(skill_id: str) -> str:
    skills = get_catalog().skills
    found = skills.get(skill_id) if skills else None
    return found.name if found else skill_id


def register(app) -> None:
    app.jinja_env.filters["user_markdown"] = render_user_markdown
    app.jinja_env.filters["content_markdown"] = content_markdown
    app.jinja_env.filters["long_date"] = long_date
    app.jinja_env.filters["number"] = number
    app.jinja_env.filters["plural"] = plural
    app.jinja_env.globals["csrf_field"] = csrf_field
    app.jinja_env.globals["exam_size_label"] = exam_size_label
    app.jinja_env.globals["CATEGORIES"] = CATEGORIES
    app.jinja_env.globals["module_for"] = module_for
    app.jinja_env.globals["skill_name"] = skill_name
    app.jinja_env.globals["catalog_now"] = get_catalog
    app.jinja_env.globals["unread_notifications"] = unread_notifications
