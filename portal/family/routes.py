from flask import render_template, request
from flask_login import current_user

from portal import my_champion
from portal.web.access import roles
from portal.db import get_session
from portal.family import bp
from portal.models import Role
from portal.services.people import records


@bp.get("/")
@roles(Role.FAMILY)
def home():
    shared = records.shared_with_relative(get_session(), current_user, request.remote_addr or "")
    return render_template("family/home.html", shared=shared)


@bp.get("/support")
@roles(Role.FAMILY)
def support():
    return my_champion.render_page("family/support.html")


@bp.post("/support")
@roles(Role.FAMILY)
def support_ask():
    return my_champion.ask("family/support.html", "family.support")


@bp.post("/support/meeting")
@roles(Role.FAMILY)
def support_book():
    return my_champion.book("family/support.html", "family.support")


@bp.post("/support/<int:match_id>/messages")
@roles(Role.FAMILY)
def support_message(match_id: int):
    return my_champion.post_message("family/support.html", "family.support", match_id)


@bp.post("/support/<int:match_id>/concern")
@roles(Role.FAMILY)
def support_concern(match_id: int):
    return my_champion.post_concern("family/support.html", "family.support", match_id)
