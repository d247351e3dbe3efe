from flask import jsonify
from sqlalchemy import text

from portal.access import public
from portal.api import bp
from portal.db import get_session


@bp.get("/health")
@public
def health():
    """For load balancers and `make run`: the portal and its database answer."""
    get_session().exec(text("SELECT 1"))
    return jsonify(status="ok")
