from flask import render_template
from flask_login import current_user

from portal.access import roles
from portal.db import get_session
from portal.models import Role
from portal.phone import bp
from portal.services import people
from portal.services.clock import today_in_london


@bp.get("/")
@roles(Role.RELEASED)
def home():
    summary = people.own_summary(get_session(), current_user)
    return render_template("phone/home.html", summary=summary, today=today_in_london())
