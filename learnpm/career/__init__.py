from flask import Blueprint

bp = Blueprint("career", __name__, url_prefix="/career")

from . import routes  # noqa: E402,F401
