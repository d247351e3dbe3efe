from flask import render_template
from flask_login import current_user

from portal import my_plan
from portal.access import roles
from portal.db import get_session
from portal.kiosk import bp
from portal.models import Role
from portal.services import people
from portal.services.clock import today_in_london


@bp.get("/")
@roles(Role.PRISONER)
def home():
    summary = people.own_summary(get_session(), current_user)
    return render_template("kiosk/home.html", summary=summary, today=today_in_london())


@bp.get("/release")
@roles(Role.PRISONER)
def plan():
    return my_plan.render_plan("kiosk/plan.html")


@bp.post("/release/questions")
@roles(Role.PRISONER)
def ask():
    return my_plan.ask_question("kiosk/plan.html", "kiosk.plan")
