"""In-app notifications: any feature may leave one; the header counts the unread ones."""
from sqlalchemy import func, select, update

from .extensions import db
from .models import Notification, utcnow

SHOWN = 50


def notify(user_id: int, message: str, link: str = "") -> None:
    """Queue a notification in the caller's transaction (the caller commits).

    `link` is a path built with url_for, so it always leads somewhere.
    """
    db.session.add(Notification(user_id=user_id, message=message[:300], link=link))


def unread_count(user_id: int) -> int:
    return db.session.scalar(select(func.count()).select_from(Notification).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))) or 0


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
