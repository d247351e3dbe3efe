from flask import render_template
from flask_login import current_user

from portal.db import get_session
from portal.kiosk import bp
from portal.models import Role
from portal.services.clock import today_in_london
from portal.services.people import records
from portal.web.access import roles


@bp.get("/")
@roles(Role.PRISONER)
def home():
    summary = records.own_summary(get_session(), current_user)
    return render_template("kiosk/home.html", summary=summary, today=today_in_london())
