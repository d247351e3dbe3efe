"""Resettlement, treatment and probation staff."""
from flask import Blueprint

bp = Blueprint("staff", __name__, url_prefix="/staff")

from portal.staff import champions, plans, routes  # noqa: F401
