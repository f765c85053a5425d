from flask import Blueprint

bp = Blueprint("certs", __name__, url_prefix="/certifications")

from . import evidence, routes  # noqa: E402,F401
