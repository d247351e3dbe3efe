from flask import render_template, request
from flask_login import current_user

from portal.access import roles
from portal.db import get_session
from portal.models import Role
from portal.services import feedback, people
from portal.services.clock import today_in_london
from portal.staff import bp


@bp.get("/")
@roles(Role.STAFF, Role.ADMIN)
def home():
    caseload = people.caseload(get_session(), current_user, request.remote_addr or "")
    return render_template("staff/home.html", caseload=caseload, today=today_in_london())


@bp.get("/guidance")
@roles(Role.STAFF, Role.ADMIN)
def guidance_review():
    from portal.guidance.routes import library

    today = today_in_london()
    pages = library().review_schedule(today)
    languages_present = {page.id: sorted(lang for lang in library().languages if library().page(page.id, lang)[0]
                                         and not library().page(page.id, lang)[1]) for page in pages}
    return render_template("staff/guidance_review.html", pages=pages, today=today,
                           totals=feedback.totals(get_session()), languages_present=languages_present,
                           all_languages=library().languages)
