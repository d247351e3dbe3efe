"""Recovery Champions: peer mentors."""
from flask import Blueprint

bp = Blueprint("champion", __name__, url_prefix="/champion")

from portal.champion import routes  # noqa: F401
