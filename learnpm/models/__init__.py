"""Every model, imported here so Alembic's autogenerate sees them all."""
from .progress import ModuleProgress
from .quiz import Attempt, AttemptItem, Mode, ReviewCard, Status
from .user import Role, User, utcnow

__all__ = ["Attempt", "AttemptItem", "Mode", "ModuleProgress", "ReviewCard", "Role", "Status",
           "User", "utcnow"]
