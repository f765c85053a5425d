from flask import Blueprint

bp = Blueprint("quiz", __name__, url_prefix="/practice")

from . import items, notes, queue, routes, study, take  # noqa: E402,F401 - routes attach themselves
