"""Families and carers."""
from flask import Blueprint

bp = Blueprint("family", __name__, url_prefix="/family")

from portal.family import routes  # noqa: F401
