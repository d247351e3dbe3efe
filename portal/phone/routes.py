from flask import Response, render_template
from flask_babel import gettext as _
from flask_login import current_user

from portal import my_plan
from portal.access import roles
from portal.db import get_session
from portal.models import Role
from portal.phone import bp
from portal.plan_labels import APPOINTMENT_KINDS
from portal.services import appointments as appointment_service
from portal.services import calendar_export, people, plans, reminders
from portal.services.clock import now_utc, today_in_london


@bp.get("/")
@roles(Role.RELEASED)
def home():
    summary = people.own_summary(get_session(), current_user)
    return render_template("phone/home.html", summary=summary, today=today_in_london(),
                           reminder_list=reminders.in_portal(get_session(), current_user, now_utc()))


@bp.get("/plan")
@roles(Role.RELEASED)
def plan():
    return my_plan.render_plan("phone/plan.html")


@bp.post("/plan/questions")
@roles(Role.RELEASED)
def ask():
    return my_plan.ask_question("phone/plan.html", "phone.plan")


def _ics_response(appointment_list, filename: str):
    def title(appointment):
        kind = appointment.kind.value if hasattr(appointment.kind, "value") else appointment.kind
        return f"{APPOINTMENT_KINDS[kind]}: {appointment.provider}"

    def describe(appointment):
        parts = []
        if appointment.what_to_bring:
            parts.append(f"{_('What to bring')}: {appointment.what_to_bring}")
        if appointment.phone:
            parts.append(f"{_('Phone')}: {appointment.phone}")
        return "\n".join(parts)

    body = calendar_export.calendar_for(appointment_list, title, describe)
    return Response(body, mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/appointments/<int:appointment_id>.ics")
@roles(Role.RELEASED)
def appointment_calendar(appointment_id: int):
    appointment = appointment_service.get_for_person(get_session(), appointment_id, current_user.id)
    return _ics_response([appointment], f"appointment-{appointment.id}.ics")


@bp.get("/appointments.ics")
@roles(Role.RELEASED)
def all_appointments_calendar():
    return _ics_response(plans.appointments_of(get_session(), current_user.id), "appointments.ics")
