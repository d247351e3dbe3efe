"""The chat assistant panel, for everyone (personal answers only for signed-in people)."""
from flask import Blueprint

bp = Blueprint("chat", __name__, url_prefix="/chat")

from portal.chat import routes  # noqa: F401
