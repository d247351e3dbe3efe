from flask import render_template, request
from flask_login import current_user

from portal.access import roles
from portal.db import get_session
from portal.family import bp
from portal.models import Role
from portal.services import people


@bp.get("/")
@roles(Role.FAMILY)
def home():
    shared = people.shared_with_relative(get_session(), current_user, request.remote_addr or "")
    return render_template("family/home.html", shared=shared)
