"""A person's own pages — prisoners on the kiosk, released people on their phones, families — written
once, at the stable addresses the assistant links to: their plan (/my-plan) and their champion
(/my-champion; for a relative, their family-support contact)."""
from flask import Blueprint

bp = Blueprint("person", __name__)

from portal.person import moved, routes  # noqa: F401
