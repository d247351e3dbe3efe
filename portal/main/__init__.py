"""Public pages: the landing page, the language picker, emergency help."""
from flask import Blueprint

bp = Blueprint("main", __name__)

from portal.main import routes  # noqa: F401
