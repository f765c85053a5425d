import enum
import secrets
from datetime import UTC, datetime

from flask_login import UserMixin
from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column, query_expression
from werkzeug.security import check_password_hash, generate_password_hash

from ..extensions import Model
from .columns import enum_type


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def new_token() -> str:
    return secrets.token_hex(16)


class Role(enum.Enum):
    LEARNER = "learner"
    MENTOR = "mentor"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        """Each role can do what the ones below it can."""
        return list(Role).index(self)


class User(UserMixin, Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[Role] = mapped_column(enum_type(Role), default=Role.LEARNER)
    job_title: Mapped[str] = mapped_column(String(120), default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    email_confirmed_at: Mapped[datetime | None]  # reminders go to confirmed addresses only
    # Part of the login cookie: changing it (a new password) signs out every other session.
    session_token: Mapped[str] = mapped_column(String(32), default=new_token)
    calendar_token: Mapped[str | None] = mapped_column(String(43), unique=True)  # feed secret
    # Not a column: the unread count, loaded with the user at login (one query fewer on every
    # signed-in page); None when the user was loaded or refreshed without it.
    unread_notifications: Mapped[int | None] = query_expression()

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def has_role(self, role: Role) -> bool:
        return self.role.rank >= role.rank

    @property
    def is_mentor(self) -> bool:
        return self.has_role(Role.MENTOR)

    @property
    def is_admin(self) -> bool:
        return self.has_role(Role.ADMIN)

    def get_id(self) -> str:
        """What the login cookie holds: stale once the session token changes."""
        return f"{self.id}:{self.session_token}"

    def set_password(self, password: str) -> None:
        """A new password also ends every session made with the old one."""
        self.password_hash = generate_password_hash(password)
        self.session_token = new_token()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash, password)

    def __repr__(self) -> str:
        return f"<User {self.email} {self.role.value}>"
