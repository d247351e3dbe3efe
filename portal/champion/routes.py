from datetime import timedelta
from functools import partial

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.web.access import roles
from portal.champion import bp
from portal.champion.forms import DecisionForm, ExceptionForm, ProfileForm, WeeklySlotForm
from portal.words.champions import EXPERIENCE, MATCH_STATUSES, SPECIALISMS, STATUSES
from portal.db import get_session
from portal.words.messages import message_for
from portal.models import AvailabilityException, ChampionRequest, MatchStatus, Person, Role, WeeklySlot
from portal.my_champion import ConcernForm, MessageForm, send_pair_concern, send_pair_message
from portal.services import languages
from portal.services.champions import availability
from portal.services.champions import requests
from portal.services.champions import profiles
from portal.services.plans import release_plans
from portal.services.clock import now_utc, to_london, today_in_london
from portal.services.errors import DomainError, NotFound, StaleEdit


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
    offers, mentees = [], []
    if profile:
        for match in requests.matches_for_champion(session, profile):
            person = session.get(Person, match.person_id)
            if match.status == MatchStatus.OFFERED:
                req = session.get(ChampionRequest, match.request_id)
                plan = release_plans.plan_for(session, person.id)
                # Only what is needed to decide: first name, area, release week, needs.
                offers.append({"match": match, "first_name": person.first_name, "area": req.area,
                               "release_week": plan.release_date - timedelta(days=plan.release_date.weekday()) if plan else None,
                               "needs": [str(SPECIALISMS.get(n, n)) for n in req.needs] + [str(EXPERIENCE.get(e, e)) for e in req.experience]})
            elif match.status in (MatchStatus.ACCEPTED, MatchStatus.ACTIVE):
                mentees.append({"match": match, "first_name": person.first_name})
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
    person = session.get(Person, match.person_id)
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
    return send_pair_message(match_id, partial(_render_match, match_id), url_for("champion.match", match_id=match_id))


@bp.post("/matches/<int:match_id>/concern")
@roles(Role.CHAMPION)
def concern(match_id: int):
    return send_pair_concern(match_id, partial(_render_match, match_id), url_for("champion.match", match_id=match_id))


@bp.route("/profile", methods=["GET", "POST"])
@roles(Role.CHAMPION)
def profile():
    session = get_session()
    row = _profile()
    if request.method == "GET":
        form = ProfileForm(obj=row, areas=", ".join(row.areas))
        return render_template("champion/profile.html", form=form, profile=row)
    form = ProfileForm()
    if form.validate_on_submit():
        try:
            profiles.update_profile(session, row, form.version.data, {
                "languages": form.languages.data, "areas": [a.strip() for a in form.areas.data.split(",") if a.strip()],
                "gender": form.gender.data, "age_group": form.age_group.data, "experience": form.experience.data,
                "specialisms": form.specialisms.data, "max_mentees": form.max_mentees.data}, current_user, _ip())
        except StaleEdit as error:
            form.form_errors.append(message_for(error))
            session.refresh(row)
            form.version.data = row.version
            return render_template("champion/profile.html", form=form, profile=row), 409
        flash(_("Your profile is saved."), "success")
        return redirect(url_for("champion.home"))
    return render_template("champion/profile.html", form=form, profile=row), 400


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
    if form.validate_on_submit():
        try:
            profiles.add_weekly_slot(get_session(), _profile(), int(form.weekday.data), form.start.data, form.end.data)
        except DomainError as error:
            form.form_errors.append(message_for(error))
            return _render_availability(slot_form=form, status=400)
        flash(_("Weekly time added."), "success")
        return redirect(url_for("champion.availability_page"))
    return _render_availability(slot_form=form, status=400)


@bp.post("/availability/dates")
@roles(Role.CHAMPION)
def add_exception():
    form = ExceptionForm()
    if form.validate_on_submit():
        try:
            profiles.add_exception(get_session(), _profile(), form.on_date.data, form.available.data == "extra",
                                    form.start.data, form.end.data)
        except DomainError as error:
            form.form_errors.append(message_for(error))
            return _render_availability(exception_form=form, status=400)
        flash(_("Date added."), "success")
        return redirect(url_for("champion.availability_page"))
    return _render_availability(exception_form=form, status=400)


@bp.post("/availability/<kind>/<int:row_id>/remove")
@roles(Role.CHAMPION)
def remove_availability(kind: str, row_id: int):
    model = {"weekly": WeeklySlot, "dates": AvailabilityException}.get(kind)
    if model is None or not DecisionForm().validate_on_submit():
        raise NotFound("not_found")
    profiles.remove_slot(get_session(), _profile(), model, row_id)
    flash(_("Removed."), "success")
    return redirect(url_for("champion.availability_page"))
