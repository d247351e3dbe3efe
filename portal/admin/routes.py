from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.admin import bp
from portal.db import get_session
from portal.models import Role
from portal.services import audit
from portal.services.clock import now_utc
from portal.services.people import accounts, records
from portal.web.access import roles


@bp.get("/")
@roles(Role.ADMIN)
def home():
    session = get_session()
    people = records.everyone(session, current_user)
    return render_template("admin/home.html", people=people,
                           events=audit.recent_events(session, current_user, limit=50),
                           names={p.id: p.first_name for p in people}, now=now_utc())


@bp.post("/people/<int:person_id>/unlock")
@roles(Role.ADMIN)
def unlock(person_id: int):
    session = get_session()
    person = records.get_person(session, current_user, person_id)
    accounts.unlock(session, person, current_user, request.remote_addr or "")
    flash(_("Account unlocked for %(name)s.", name=person.first_name), "success")
    return redirect(url_for("admin.home"))
