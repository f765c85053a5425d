from flask import Blueprint

bp = Blueprint("skills", __name__, url_prefix="/skills")

from . import routes  # noqa: E402,F401
