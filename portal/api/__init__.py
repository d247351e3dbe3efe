"""The JSON API for partner systems and the assistant's action server (versioned)."""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from portal.api import routes  # noqa: F401
