from datetime import timedelta
from functools import partial

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.champion import bp
from portal.champion.forms import ExceptionForm, ProfileForm, WeeklySlotForm
from portal.db import get_session
from portal.models import MatchStatus, Role
from portal.services import languages
from portal.services.champions import availability, profiles, requests
from portal.services.clock import now_utc, to_london, today_in_london
from portal.services.errors import DomainError, NotFound
from portal.web import pair_messages
from portal.web.access import roles
from portal.web.forms import ConcernForm, DecisionForm, MessageForm, attempt
from portal.words.champions import EXPERIENCE, MATCH_STATUSES, SPECIALISMS, STATUSES
from portal.words.messages import message_for


def _profile():
    profile = profiles.profile_of(get_session(), current_user)
    if profile is None:
        raise NotFound("not_found")
    return profile


def _ip() -> str:
    return request.remote_addr or ""


@bp.get("/")
@roles(Role.CHAMPION)
def home():
    session = get_session()
    profile = profiles.profile_of(session, current_user)
    offers, mentees = requests.champion_caseload(session, profile) if profile else ([], [])
    return render_template("champion/home.html", profile=profile, offers=offers, mentees=mentees,
                           language_names=languages.BY_CODE, statuses=STATUSES, form=DecisionForm(formdata=None),
                           experience_labels=EXPERIENCE, specialism_labels=SPECIALISMS)


@bp.post("/offers/<int:match_id>/<decision>")
@roles(Role.CHAMPION)
def decide(match_id: int, decision: str):
    session = get_session()
    match = requests.get_match_for(session, match_id, current_user)
    if decision not in ("accept", "decline") or not DecisionForm().validate_on_submit():
        return redirect(url_for("champion.home"))
    try:
        requests.respond(session, match, decision == "accept", current_user, now_utc(), _ip())
    except DomainError as error:
        flash(message_for(error), "error")
        return redirect(url_for("champion.home"))
    flash(_("Thank you. You have accepted.") if decision == "accept" else _("Thank you. We will ask someone else."), "success")
    return redirect(url_for("champion.match", match_id=match.id) if decision == "accept" else url_for("champion.home"))


def _render_match(match_id: int, message_form=None, concern_form=None, status=200):
    session = get_session()
    match = requests.get_match_for(session, match_id, current_user)
    if match.status == MatchStatus.OFFERED:
        return redirect(url_for("champion.home"))
    person, _champion, _champion_person = requests.pair_of(session, match)
    return render_template("champion/match.html", match=match, person=person,
                           meetings=requests.meetings_of(session, match),
                           messages=requests.messages_of(session, match),
                           message_form=message_form or MessageForm(formdata=None),
                           concern_form=concern_form or ConcernForm(formdata=None),
                           match_statuses=MATCH_STATUSES,
                           decision=DecisionForm(formdata=None)), status


@bp.get("/matches/<int:match_id>")
@roles(Role.CHAMPION)
def match(match_id: int):
    return _render_match(match_id)


@bp.post("/matches/<int:match_id>/<outcome>")
@roles(Role.CHAMPION)
def finish_match(match_id: int, outcome: str):
    session = get_session()
    match_row = requests.get_match_for(session, match_id, current_user)
    if outcome not in ("complete", "end") or not DecisionForm().validate_on_submit():
        raise NotFound("not_found")
    try:
        requests.finish(session, match_row, outcome == "complete", current_user, now_utc(), _ip())
    except DomainError as error:
        flash(message_for(error), "error")
        return redirect(url_for("champion.match", match_id=match_id))
    flash(_("Thank you. The team has been told."), "success")
    return redirect(url_for("champion.home"))


@bp.post("/matches/<int:match_id>/messages")
@roles(Role.CHAMPION)
def message(match_id: int):
    return pair_messages.send_message(match_id, partial(_render_match, match_id),
                                      url_for("champion.match", match_id=match_id))


@bp.post("/matches/<int:match_id>/concern")
@roles(Role.CHAMPION)
def concern(match_id: int):
    return pair_messages.send_concern(match_id, partial(_render_match, match_id),
                                      url_for("champion.match", match_id=match_id))


@bp.route("/profile", methods=["GET", "POST"])
@roles(Role.CHAMPION)
def profile():
    session = get_session()
    row = _profile()
    if request.method == "GET":
        form = ProfileForm(obj=row, areas=", ".join(row.areas))
        return render_template("champion/profile.html", form=form, profile=row)
    form = ProfileForm()
    if not form.validate_on_submit():
        return render_template("champion/profile.html", form=form, profile=row), 400
    saved = attempt(form, lambda: profiles.update_profile(session, row, form.version.data, {
        "languages": form.languages.data, "areas": [a.strip() for a in form.areas.data.split(",") if a.strip()],
        "gender": form.gender.data, "age_group": form.age_group.data, "experience": form.experience.data,
        "specialisms": form.specialisms.data, "max_mentees": form.max_mentees.data}, current_user, _ip()),
        edited=row)[0]
    if not saved:
        return render_template("champion/profile.html", form=form, profile=row), 409
    flash(_("Your profile is saved."), "success")
    return redirect(url_for("champion.home"))


def _render_availability(slot_form=None, exception_form=None, status=200):
    session = get_session()
    row = _profile()
    today = today_in_london()
    weekly = profiles.weekly_slots(session, row)
    changes = profiles.exceptions(session, row, today)
    now = now_utc()
    free = availability.free_intervals(weekly, changes, now, now + timedelta(days=7))
    week = availability.by_london_day(free, today, days=7)
    taken = requests.meetings_of_champion(session, row)
    return render_template("champion/availability.html", weekly=weekly, changes=changes, week=week,
                           booked=[m for m in taken if m.starts_at >= now],
                           slot_form=slot_form or WeeklySlotForm(formdata=None),
                           exception_form=exception_form or ExceptionForm(formdata=None), to_london=to_london), status


@bp.get("/availability")
@roles(Role.CHAMPION)
def availability_page():
    return _render_availability()


@bp.post("/availability/weekly")
@roles(Role.CHAMPION)
def add_weekly():
    form = WeeklySlotForm()
    added = form.validate_on_submit() and attempt(form, lambda: profiles.add_weekly_slot(
        get_session(), _profile(), int(form.weekday.data), form.start.data, form.end.data))[0]
    if not added:
        return _render_availability(slot_form=form, status=400)
    flash(_("Weekly time added."), "success")
    return redirect(url_for("champion.availability_page"))


@bp.post("/availability/dates")
@roles(Role.CHAMPION)
def add_exception():
    form = ExceptionForm()
    added = form.validate_on_submit() and attempt(form, lambda: profiles.add_exception(
        get_session(), _profile(), form.on_date.data, form.available.data == "extra", form.start.data, form.end.data))[0]
    if not added:
        return _render_availability(exception_form=form, status=400)
    flash(_("Date added."), "success")
    return redirect(url_for("champion.availability_page"))


@bp.post("/availability/<kind>/<int:row_id>/remove")
@roles(Role.CHAMPION)
def remove_availability(kind: str, row_id: int):
    if not DecisionForm().validate_on_submit():
        raise NotFound("not_found")
    profiles.remove_slot(get_session(), _profile(), kind, row_id)
    flash(_("Removed."), "success")
    return redirect(url_for("champion.availability_page"))
