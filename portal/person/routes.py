from datetime import datetime

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_login import current_user

from portal.db import get_session
from portal.models import Role
from portal.person import bp
from portal.person.forms import MeetingForm, QuestionForm
from portal.services import tasks
from portal.services.champions import candidates, requests
from portal.services.clock import now_utc, to_london, today_in_london
from portal.services.people import records
from portal.services.plans import appointments, calendar_export, release_plans
from portal.web import pair_messages, safety_notice
from portal.web.access import home_endpoint, roles
from portal.web.forms import ChampionRequestForm, ConcernForm, MessageForm, attempt
from portal.web.i18n import current_language
from portal.web.kiosk_idle import is_kiosk_session
from portal.words.champions import MATCH_STATUSES
from portal.words.plans import APPOINTMENT_KINDS, CHECKLIST, STATUS

PLAN_READERS = (Role.PRISONER, Role.RELEASED)
SUPPORTED = (Role.PRISONER, Role.RELEASED, Role.FAMILY)  # who may ask for a champion or family support
GATE = "gate"  # the meeting choice "meet me at the gate on release day"
WHEN = "EEEE d MMMM, HH:mm"


def _ip() -> str:
    return request.remote_addr or ""


# --- The plan -------------------------------------------------------------------------------------

def _render_plan(question_form: QuestionForm | None = None, status: int = 200):
    session = get_session()
    plan = release_plans.plan_for(session, current_user.id)
    questions = {}
    for question in tasks.questions_of(session, current_user):
        questions.setdefault(question.subject_ref, []).append(question)
    return render_template(
        "person/plan.html", summary=records.own_summary(session, current_user), plan=plan,
        items=release_plans.items_of(session, plan) if plan else [],
        days=release_plans.by_day(release_plans.appointments_of(session, current_user.id)), today=today_in_london(),
        checklist_labels=CHECKLIST, status_labels=STATUS, kind_labels=APPOINTMENT_KINDS, to_london=to_london,
        questions_by_subject=questions, question_form=question_form or QuestionForm(formdata=None),
    ), status


@bp.get("/my-plan")
@roles(*Role)  # the assistant links here for everyone: anyone without a plan of their own is sent home
def plan():
    if current_user.role not in PLAN_READERS:
        return redirect(url_for(home_endpoint(current_user.role)))
    return _render_plan()


@bp.post("/my-plan/questions")
@roles(*PLAN_READERS)
def ask_question():
    form = QuestionForm()
    if not form.validate_on_submit():
        return _render_plan(question_form=form, status=400)
    _task, screening = tasks.ask(get_session(), current_user, form.subject.data, form.question.data, _ip(),
                                 language=current_language(), kiosk=is_kiosk_session())
    safety_notice.show(screening, kiosk=is_kiosk_session())
    flash(_("Your question has been sent to the team. The answer will appear here."), "success")
    return redirect(url_for("person.plan") + "#" + form.subject.data.replace(":", "-"))


def _calendar(appointment_list, filename: str) -> Response:
    def describe(appointment):
        parts = []
        if appointment.what_to_bring:
            parts.append(f"{_('What to bring')}: {appointment.what_to_bring}")
        if appointment.phone:
            parts.append(f"{_('Phone')}: {appointment.phone}")
        return "\n".join(parts)

    body = calendar_export.calendar_for(appointment_list, lambda a: f"{APPOINTMENT_KINDS[a.kind]}: {a.provider}",
                                        describe)
    return Response(body, mimetype="text/calendar", headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/my-plan/appointments/<int:appointment_id>.ics")
@roles(Role.RELEASED)
def appointment_calendar(appointment_id: int):
    appointment = appointments.get_for_person(get_session(), appointment_id, current_user.id)
    return _calendar([appointment], f"appointment-{appointment.id}.ics")


@bp.get("/my-plan/appointments.ics")
@roles(Role.RELEASED)
def all_appointments_calendar():
    return _calendar(release_plans.appointments_of(get_session(), current_user.id), "appointments.ics")


# --- The champion (for a relative: the family-support contact) -----------------------------------

def _meeting_choices(session, match) -> list[tuple[str, str]]:
    gate, starts = requests.meeting_times(session, match, now_utc())
    choices = [(GATE, _("Meet me at the gate on release day: %(when)s", when=format_datetime(gate, WHEN)))] if gate else []
    return choices + [(start.isoformat(), format_datetime(start, WHEN)) for start in starts]


def _render_champion(form=None, meeting_form=None, message_form=None, concern_form=None, status=200):
    session = get_session()
    person = current_user
    open_request = requests.open_request(session, person)
    current = requests.current_match(session, person)
    context = {"request_": open_request, "current": current, "match_statuses": MATCH_STATUSES,
               "to_london": to_london, "for_family": person.role == Role.FAMILY,
               "pending": requests.pending_offer(session, open_request) if open_request else None}
    if open_request is None:
        context["form"] = form or ChampionRequestForm.blank_for(person, release_plans.plan_for(session, person.id))
    elif current is None:
        found = candidates.suggest_champions(session, open_request, now_utc(), limit=3)
        named = requests.champion_people(session, [s.champion_id for s in found])
        context["suggestions"] = [(suggestion, named[suggestion.champion_id]) for suggestion in found]
    if current is not None:
        _person, champion, champion_person = requests.pair_of(session, current)
        meeting_form = meeting_form or MeetingForm(formdata=None)
        meeting_form.slot.choices = _meeting_choices(session, current)
        context.update(
            champion=champion, champion_person=champion_person, meeting_form=meeting_form,
            meetings=requests.meetings_of(session, current), messages=requests.messages_of(session, current),
            message_form=message_form or MessageForm(formdata=None),
            concern_form=concern_form or ConcernForm(formdata=None))
    return render_template("person/champion.html", **context), status


@bp.get("/my-champion")
@roles(*Role)  # the assistant links here for everyone: anyone who cannot ask for a champion is sent home
def champion():
    if current_user.role not in SUPPORTED:
        return redirect(url_for(home_endpoint(current_user.role)))
    return _render_champion()


@bp.post("/my-champion")
@roles(*SUPPORTED)
def ask_for_champion():
    form = ChampionRequestForm()
    if not form.validate_on_submit():
        return _render_champion(form=form, status=400)
    done, outcome = attempt(form, lambda: requests.create_request(
        get_session(), current_user, current_user, **form.request_fields(), today=today_in_london(), now=now_utc(),
        ip=_ip(), language=current_language(), kiosk=is_kiosk_session()))
    if not done:
        return _render_champion(form=form, status=400)
    _request, screening = outcome
    safety_notice.show(screening, kiosk=is_kiosk_session())
    flash(_("Your request has been sent. We will tell you here when a champion says yes."), "success")
    return redirect(url_for("person.champion"))


@bp.post("/my-champion/meeting")
@roles(*SUPPORTED)
def book_meeting():
    session = get_session()
    current = requests.current_match(session, current_user)
    if current is None:
        return redirect(url_for("person.champion"))
    form = MeetingForm()
    form.slot.choices = _meeting_choices(session, current)
    if not form.validate_on_submit():
        return _render_champion(meeting_form=form, status=400)
    at_gate = form.slot.data == GATE
    starts = requests.gate_time(session, current) if at_gate else datetime.fromisoformat(form.slot.data)
    done, _meeting = attempt(form, lambda: requests.book_meeting(
        session, current, starts, current_user, now_utc(), at_the_gate=at_gate, place=form.place.data or ""))
    if not done:
        form.slot.choices = _meeting_choices(session, current)
        return _render_champion(meeting_form=form, status=409)
    flash(_("Your meeting is booked."), "success")
    return redirect(url_for("person.champion"))


@bp.post("/my-champion/<int:match_id>/messages")
@roles(*SUPPORTED)
def message(match_id: int):
    return pair_messages.send_message(match_id, _render_champion, url_for("person.champion"))


@bp.post("/my-champion/<int:match_id>/concern")
@roles(*SUPPORTED)
def concern(match_id: int):
    return pair_messages.send_concern(match_id, _render_champion, url_for("person.champion"))
