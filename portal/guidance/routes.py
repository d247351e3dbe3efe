from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.db import get_session
from portal.extensions import htmx
from portal.guidance import bp
from portal.guidance.forms import FeedbackForm
from portal.models import Role
from portal.services.clock import now_utc, today_in_london
from portal.services.content import directory as directory_service
from portal.services.content import feedback, guidance, meetings
from portal.web import safety_notice
from portal.web.access import public
from portal.web.content import library, services_directory
from portal.web.i18n import current_language
from portal.web.kiosk_idle import is_kiosk_session
from portal.words.guidance import AUDIENCE_LABELS, NEED_LABELS

AUDIENCE_OF_ROLE = {Role.PRISONER: "prisoner", Role.RELEASED: "released", Role.FAMILY: "family",
                    Role.CHAMPION: "champion"}


def _lang() -> str:
    return current_language()


def _reader_audience() -> str | None:
    return AUDIENCE_OF_ROLE.get(current_user.role) if current_user.is_authenticated else None


@bp.get("/guidance/")
@public
def home():
    audience = request.args.get("for") or _reader_audience()
    if audience not in guidance.AUDIENCES:
        return render_template("guidance/audiences.html")
    return render_template("guidance/home.html", audience=audience, pages=library().pages_for(audience, _lang()))


@bp.get("/guidance/search")
@public
def search():
    query = request.args.get("q", "").strip()[:200]
    hits = library().search(query, _lang()) if query else []
    return render_template("guidance/search.html", query=query, hits=hits,
                           fallback=bool(hits) and hits[0].in_fallback_language)


@bp.get("/guidance/<topic_id>")
@public
def topic(topic_id: str):
    page, fallback = library().page(topic_id, _lang())
    if page is None:
        abort(404)
    return render_template("guidance/topic.html", page=page, fallback=fallback, related=library().related(page),
                           form=FeedbackForm(), review_due=page.review_due(today_in_london()))


@bp.post("/guidance/<topic_id>/feedback")
@public
def give_feedback(topic_id: str):
    page, _fallback = library().page(topic_id, _lang())
    if page is None:
        abort(404)
    form = FeedbackForm()
    if form.validate_on_submit():
        _entry, screening = feedback.record(get_session(), topic_id, _lang(), form.helpful.data == "yes",
                                            form.comment.data or "", kiosk=is_kiosk_session(),
                                            person=current_user if current_user.is_authenticated else None)
        safety_notice.show(screening, kiosk=is_kiosk_session())
        if htmx:
            return render_template("guidance/_feedback.html", page=page, form=form, thanked=True)
        flash(_("Thank you. Your answer helps us improve this page."), "success")
        return redirect(url_for("guidance.topic", topic_id=topic_id))
    if htmx:
        return render_template("guidance/_feedback.html", page=page, form=form, thanked=False)
    return render_template("guidance/topic.html", page=page, fallback=False, related=library().related(page),
                           form=form, review_due=page.review_due(today_in_london())), 400


@bp.get("/services/")
@public
def services():
    area = request.args.get("area") or None
    need = request.args.get("need") or None
    directory = services_directory()
    if area not in directory.areas:
        area = None
    if need not in directory_service.NEEDS:
        need = None
    found = directory.search(area, need, _lang()) if (area or need) else []
    meeting_list = meetings.meetings_in(get_session(), area) if area and need in (None, "mutual-aid") else []
    return render_template("guidance/services.html", directory=directory, area=area, need=need, found=found,
                           now=now_utc(), need_labels=NEED_LABELS, meetings=meeting_list)


@bp.app_context_processor
def guidance_labels():
    return {"audience_labels": AUDIENCE_LABELS}
