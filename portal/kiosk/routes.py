from flask import render_template
from flask_login import current_user

from portal import my_champion, my_plan
from portal.web.access import roles
from portal.db import get_session
from portal.kiosk import bp
from portal.models import Role
from portal.services.people import records
from portal.services.clock import today_in_london


@bp.get("/")
@roles(Role.PRISONER)
def home():
    summary = records.own_summary(get_session(), current_user)
    return render_template("kiosk/home.html", summary=summary, today=today_in_london())


@bp.get("/release")
@roles(Role.PRISONER)
def plan():
    return my_plan.render_plan("kiosk/plan.html")


@bp.post("/release/questions")
@roles(Role.PRISONER)
def ask():
    return my_plan.ask_question("kiosk/plan.html", "kiosk.plan")


@bp.get("/champion")
@roles(Role.PRISONER)
def champion():
    return my_champion.render_page("kiosk/champion.html")


@bp.post("/champion")
@roles(Role.PRISONER)
def champion_ask():
    return my_champion.ask("kiosk/champion.html", "kiosk.champion")


@bp.post("/champion/meeting")
@roles(Role.PRISONER)
def champion_book():
    return my_champion.book("kiosk/champion.html", "kiosk.champion")


@bp.post("/champion/<int:match_id>/messages")
@roles(Role.PRISONER)
def champion_message(match_id: int):
    return my_champion.post_message("kiosk/champion.html", "kiosk.champion", match_id)


@bp.post("/champion/<int:match_id>/concern")
@roles(Role.PRISONER)
def champion_concern(match_id: int):
    return my_champion.post_concern("kiosk/champion.html", "kiosk.champion", match_id)
