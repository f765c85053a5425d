"""Accounts: the one way to find a user, and how Flask-Login loads one per request."""
from functools import cache
from urllib.parse import urlsplit

from flask_login import LoginManager
from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.orm import with_expression

from ..extensions import db
from ..models import User
from ..notifications import unread_count_of


def normalise_email(email: str) -> str:
    return email.strip().lower()


def user_by_email(email: str) -> User | None:
    return db.session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def safe_next(target: str | None) -> str | None:
    """Accept only a same-site path such as '/modules/x', never another host."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def load_user(cookie_id: str) -> User | None:
    """The user a login cookie names, if its session token is still the current one."""
    user_id, _, token = cookie_id.partition(":")
    if not user_id.isdigit():
        return None
    user = db.session.scalar(_user_with_unread_count(), {"id": int(user_id)})
    return user if user is not None and token == user.session_token else None


@cache  # built once: on every signed-in request, building it cost more than running it
def _user_with_unread_count() -> Select[User]:
    return select(User).where(User.id == bindparam("id")).options(
        with_expression(User.unread_notifications, unread_count_of(User.id).scalar_subquery()))


def setup_login(manager: LoginManager) -> None:
    """Called by the app factory: no login wiring happens at import time."""
    manager.user_loader(load_user)
    manager.login_view = "auth.login"
    manager.login_message = "Log in to see that page."
    manager.login_message_category = "info"
    manager.session_protection = "basic"
