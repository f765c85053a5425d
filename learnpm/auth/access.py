"""The role check for views. Object-level checks live next to each query (see services)."""
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import abort
from flask_login import current_user, login_required

from ..models import Role


def role_required(role: Role) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Log in first, then need `role` or a higher one (an admin can do what a mentor can)."""
    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        @login_required
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorate
