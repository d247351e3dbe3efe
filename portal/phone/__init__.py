"""Released people, on their phones."""
from flask import Blueprint

bp = Blueprint("phone", __name__, url_prefix="/my")

from portal.phone import routes  # noqa: F401
