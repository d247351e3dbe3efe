"""Prisoners approaching release, on shared in-cell kiosks."""
from flask import Blueprint, g

bp = Blueprint("kiosk", __name__, url_prefix="/kiosk")


@bp.before_request
def use_kiosk_layout():
    g.kiosk_layout = True


from portal.kiosk import routes  # noqa: F401
