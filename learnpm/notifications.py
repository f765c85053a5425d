"""In-app notifications: any feature may leave one; the header counts the unread ones."""
from typing import Any

from sqlalchemy import Select, func, select, update

from .extensions import db
from .models import Notification, User, utcnow

SHOWN = 50


def notify(user_id: int, message: str, link: str = "") -> None:
    """Queue a notification in the caller's transaction (the caller commits).

    `link` is a path built with url_for, so it always leads somewhere.
    """
    db.session.add(Notification(user_id=user_id, message=message[:300], link=link))


def unread_count(user: User) -> int:
    """The header's count: loaded with the user at login, or counted now."""
    if user.unread_notifications is not None:
        return user.unread_notifications
    return db.session.scalar(unread_count_of(user.id)) or 0


def unread_count_of(user_id: Any) -> Select[int]:
    """The unread count of `user_id` (a value, or a column such as User.id in a subquery)."""
    return select(func.count()).select_from(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))


def read_latest(user_id: int) -> list[Notification]:
    """The latest notifications, newest first; all of them count as read from now."""
    rows = list(db.session.scalars(select(Notification).where(
        Notification.user_id == user_id).order_by(Notification.created_at.desc(),
                                                  Notification.id.desc()).limit(SHOWN)))
    db.session.execute(update(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow()))
    db.session.commit()
    return rows
