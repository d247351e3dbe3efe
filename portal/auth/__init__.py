"""Signing in and out: prison number and PIN on a kiosk, e-mail or mobile and password elsewhere."""
from flask import Blueprint

bp = Blueprint("auth", __name__, url_prefix="/auth")

from portal.auth import routes  # noqa: F401
