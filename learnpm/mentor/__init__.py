from flask import Blueprint

bp = Blueprint("mentor", __name__, url_prefix="/mentoring")

from . import completion, detail, mentee, routes  # noqa: E402,F401 - routes and listeners attach themselves
