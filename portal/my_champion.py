"""A person's own champion: asking, seeing suggestions and offers, booking a first meeting, messages.
Shared by the kiosk, the phone and the family views: one set of rules, three layouts."""
from datetime import datetime
from functools import partial

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_date, format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from portal.words.champions import EXPERIENCE, GENDERS, MATCH_STATUSES, SPECIALISMS
from portal.db import get_session
from portal.words.messages import message_for
from portal.web.i18n import current_language
from portal.web.kiosk_idle import is_kiosk_session
from portal.models import ChampionProfile, MatchStatus, Person
from portal.services import languages
from portal.services.champions import availability
from portal.services.champions import requests
from portal.services.champions import profiles
from portal.services.champions import candidates
from portal.services.plans import release_plans
from portal.services.clock import now_utc, to_london, today_in_london
from portal.services.errors import DomainError
from portal.web import safety_notice
from portal.web.forms import MultiCheckboxField

GATE = "gate"


class ChampionRequestForm(FlaskForm):
    languages = MultiCheckboxField(_l("Languages you speak"), choices=[(l.code, l.native_name) for l in languages.LANGUAGES],
                                   validators=[DataRequired(_l("Choose at least one language."))])
    area = StringField(_l("Where you will live after release (town or borough)"),
                       validators=[DataRequired(_l("Enter the area.")), Length(max=80)])
    gender_preference = SelectField(_l("Would you prefer your champion to be"),
                                    choices=[("", _l("No preference"))] + list(GENDERS.items()), default="")
    experience = MultiCheckboxField(_l("Someone who knows about (optional)"), choices=list(EXPERIENCE.items()))
    needs = MultiCheckboxField(_l("Anything else that matters (optional)"), choices=list(SPECIALISMS.items()))
    notes = TextAreaField(_l("Anything you want the team to know (optional)"), validators=[Length(max=1000)],
                          render_kw={"rows": 3})


class MeetingForm(FlaskForm):
    slot = RadioField(_l("Choose a time for your first meeting"), validators=[DataRequired(_l("Choose a time."))])
    place = StringField(_l("Where to meet (optional)"), validators=[Length(max=200)])


class MessageForm(FlaskForm):
    text = TextAreaField(_l("Message"), validators=[DataRequired(_l("Type a message first.")), Length(max=2000)],
                         render_kw={"rows": 3})


class ConcernForm(FlaskForm):
    concern = TextAreaField(_l("What worries you?"), validators=[DataRequired(_l("Tell us briefly what happened.")),
                                                                 Length(max=2000)], render_kw={"rows": 3})


def _ip() -> str:
    return request.remote_addr or ""


def _slot_choices(session, match) -> list[tuple[str, str]]:
    """Bookable starts from the champion's availability, plus "meet me at the gate" on release day."""
    now = now_utc()
    champion = session.get(ChampionProfile, match.champion_id)
    taken = {m.starts_at for m in requests.meetings_of_champion(session, champion)}
    choices = []
    gate = requests.gate_time(session, match)
    if gate and gate > now and gate not in taken:
        choices.append((GATE, _("Meet me at the gate on release day: %(when)s", when=format_datetime(gate, "EEEE d MMMM, HH:mm"))))
    free = availability.free_intervals(profiles.weekly_slots(session, champion),
                                       profiles.exceptions(session, champion, today_in_london()),
                                       now, now + requests.BOOKING_HORIZON)
    for start in availability.bookable_starts(free, taken=taken)[:12]:
        choices.append((start.isoformat(), format_datetime(start, "EEEE d MMMM, HH:mm")))
    return choices


def render_page(template: str, form=None, meeting_form=None, message_form=None, concern_form=None, status=200):
    session = get_session()
    person = current_user
    req = requests.open_request(session, person)
    matches = requests.matches_for_person(session, person)
    current = next((m for m in matches if m.status in (MatchStatus.ACCEPTED, MatchStatus.ACTIVE)), None)
    pending = next((m for m in matches if m.status == MatchStatus.OFFERED), None)
    context = {"request_": req, "current": current, "pending": pending, "match_statuses": MATCH_STATUSES, "to_london": to_london}
    if req is None:
        plan = release_plans.plan_for(session, person.id)
        context["form"] = form or ChampionRequestForm(formdata=None, languages=sorted({person.locale, "en"}),
                                                      area=plan.release_area if plan else "")
    if req is not None and current is None:
        context["suggestions"] = [(s, _champion(session, s.champion_id))
                                  for s in candidates.suggest_champions(session, req, now_utc(), limit=3)]
    if current is not None:
        champion = session.get(ChampionProfile, current.champion_id)
        context.update(
            champion=champion, champion_person=session.get(Person, champion.person_id),
            meetings=requests.meetings_of(session, current),
            messages=requests.messages_of(session, current),
            meeting_form=meeting_form or MeetingForm(formdata=None),
            message_form=message_form or MessageForm(formdata=None),
            concern_form=concern_form or ConcernForm(formdata=None))
        context["meeting_form"].slot.choices = _slot_choices(session, current)
    return render_template(template, **context), status


def _champion(session, champion_id):
    profile = session.get(ChampionProfile, champion_id)
    return profile, session.get(Person, profile.person_id)


def request_from_form(form: ChampionRequestForm, person: Person, requested_by: Person):
    """The request as the form describes it, asked by the person or by staff on their behalf."""
    return requests.create_request(
        get_session(), person, requested_by, languages=form.languages.data, area=form.area.data,
        gender_preference=form.gender_preference.data or "", experience=form.experience.data,
        needs=form.needs.data, notes=form.notes.data or "", today=today_in_london(), now=now_utc(), ip=_ip(),
        language=current_language(), kiosk=is_kiosk_session())


def ask(template: str, endpoint: str):
    form = ChampionRequestForm()
    if not form.validate_on_submit():
        return render_page(template, form=form, status=400)
    try:
        _request, screening = request_from_form(form, current_user, current_user)
        safety_notice.show(screening, kiosk=is_kiosk_session())
    except DomainError as error:
        form.form_errors.append(message_for(error))
        return render_page(template, form=form, status=400)
    flash(_("Your request has been sent. We will tell you here when a champion says yes."), "success")
    return redirect(url_for(endpoint))


def book(template: str, endpoint: str):
    session = get_session()
    matches = requests.matches_for_person(session, current_user)
    current = next((m for m in matches if m.status in (MatchStatus.ACCEPTED, MatchStatus.ACTIVE)), None)
    if current is None:
        return redirect(url_for(endpoint))
    form = MeetingForm()
    form.slot.choices = _slot_choices(session, current)
    if not form.validate_on_submit():
        return render_page(template, meeting_form=form, status=400)
    at_gate = form.slot.data == GATE
    starts = requests.gate_time(session, current) if at_gate else datetime.fromisoformat(form.slot.data)
    try:
        requests.book_meeting(session, current, starts, current_user, now_utc(), at_the_gate=at_gate,
                                       place=form.place.data or "")
    except DomainError as error:
        form.form_errors.append(message_for(error))
        form.slot.choices = _slot_choices(session, current)
        return render_page(template, meeting_form=form, status=409)
    flash(_("Your meeting is booked."), "success")
    return redirect(url_for(endpoint))


def send_pair_message(match_id: int, rerender, back_url: str):
    """A message between a matched pair, from either side; `rerender(**forms, status=)` shows errors."""
    session = get_session()
    match = requests.get_match_for(session, match_id, current_user)
    form = MessageForm()
    if not form.validate_on_submit():
        return rerender(message_form=form, status=400)
    _message, screening = requests.send_message(session, match, current_user, form.text.data,
                                                         language=current_language(), kiosk=is_kiosk_session())
    safety_notice.show(screening, kiosk=is_kiosk_session())
    return redirect(back_url + "#messages")


def send_pair_concern(match_id: int, rerender, back_url: str):
    """"Report a concern" from either side of a pair: an urgent task for staff."""
    session = get_session()
    match = requests.get_match_for(session, match_id, current_user)
    form = ConcernForm()
    if not form.validate_on_submit():
        return rerender(concern_form=form, status=400)
    _task, screening = requests.report_concern(session, match, current_user, form.concern.data, _ip(),
                                                        language=current_language(), kiosk=is_kiosk_session())
    safety_notice.show(screening, kiosk=is_kiosk_session())
    flash(_("Thank you for telling us. A member of the team will look at this today."), "success")
    return redirect(back_url)


def post_message(template: str, endpoint: str, match_id: int):
    return send_pair_message(match_id, partial(render_page, template), url_for(endpoint))


def post_concern(template: str, endpoint: str, match_id: int):
    return send_pair_concern(match_id, partial(render_page, template), url_for(endpoint))
