"""Every model, imported here so Alembic's autogenerate sees them all."""
from .progress import ModuleProgress
from .user import Role, User, utcnow

__all__ = ["ModuleProgress", "Role", "User", "utcnow"]
