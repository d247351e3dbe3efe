"""Public guidance: the library of topic pages and the services directory."""
from flask import Blueprint

bp = Blueprint("guidance", __name__)

from portal.guidance import routes  # noqa: F401
