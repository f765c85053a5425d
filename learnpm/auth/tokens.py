"""Signed links for e-mail: reset a password, confirm an address, unsubscribe.

Each token is signed with the app's secret key and a salt naming its purpose, so a token made
for one purpose is refused for another. It carries a stamp of the account's state: once the
link has done its work (a new password, a confirmed address), the stamp no longer matches and
the same link is refused. Expiry comes from itsdangerous' timestamp.
"""
import hashlib
from enum import StrEnum
from typing import Any

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from ..extensions import db
from ..models import User


class Purpose(StrEnum):
    RESET = "reset-password"
    CONFIRM = "confirm-email"
    UNSUBSCRIBE = "unsubscribe"


MAX_AGE = {Purpose.RESET: 60 * 60, Purpose.CONFIRM: 3 * 24 * 60 * 60,
           Purpose.UNSUBSCRIBE: 365 * 24 * 60 * 60}


class TokenError(Exception):
    """Why a link no longer works, in words a person can act on."""


def _serializer(purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"learnpm-{purpose}")


def stamp(user: User, purpose: Purpose) -> str:
    """What the account looks like now, as far as this purpose cares."""
    state = {Purpose.RESET: user.password_hash,
             Purpose.CONFIRM: f"{user.email}|{user.email_confirmed_at}",
             Purpose.UNSUBSCRIBE: ""}[purpose]
    return hashlib.sha256(state.encode()).hexdigest()[:16]


def make(user: User, purpose: Purpose, **data: Any) -> str:
    return str(_serializer(purpose).dumps({"user": user.id, "stamp": stamp(user, purpose),
                                           **data}))


def read(token: str, purpose: Purpose) -> tuple[User, dict[str, Any]]:
    """The user and data a token carries; TokenError when expired, altered, made for another
    purpose, or already used."""
    try:
        data = _serializer(purpose).loads(token, max_age=MAX_AGE[purpose])
    except SignatureExpired:
        raise TokenError("This link has expired. Ask for a new one.") from None
    except BadSignature:
        raise TokenError("This link is not valid. Check that you copied all of it.") from None
    user_id = data.get("user")
    user = db.session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or data.get("stamp") != stamp(user, purpose):
        raise TokenError("This link has already been used. Ask for a new one if you need it.")
    return user, data
