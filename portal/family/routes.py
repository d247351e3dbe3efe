from flask import render_template, request
from flask_login import current_user

from portal.db import get_session
from portal.family import bp
from portal.models import Role
from portal.services.people import records
from portal.web.access import roles


@bp.get("/")
@roles(Role.FAMILY)
def home():
    shared = records.shared_with_relative(get_session(), current_user, request.remote_addr or "")
    return render_template("family/home.html", shared=shared)
