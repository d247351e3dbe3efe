"""Staff build and edit release plans and appointments."""
from datetime import UTC, datetime

import segno
from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.db import get_session
from portal.models import Role
from portal.services.clock import LONDON, to_london, today_in_london
from portal.services.errors import NotFound
from portal.services.people import handover, records
from portal.services.plans import appointments as appointment_service
from portal.services.plans import release_plans
from portal.staff import bp
from portal.staff.forms import AppointmentForm, ChecklistItemForm, PlanForm
from portal.web.access import roles
from portal.web.forms import attempt
from portal.words.messages import missed_appointment_text
from portal.words.plans import APPOINTMENT_KINDS, CHECKLIST, STATUS, WARNINGS

CASEWORK = (Role.STAFF, Role.ADMIN)


def _ip() -> str:
    return request.remote_addr or ""


def _text(field) -> str:
    return (field.data or "").strip()


def _render_person(person_id: int, plan_form: PlanForm | None = None, item_forms: dict | None = None, status=200):
    session = get_session()
    summary = records.person_for_casework(session, current_user, person_id, _ip())
    plan = release_plans.plan_for(session, person_id)
    items = release_plans.items_of(session, plan) if plan else []
    appointment_list = release_plans.appointments_of(session, person_id)
    if plan_form is None:
        plan_form = PlanForm(obj=plan, formdata=None) if plan else PlanForm(formdata=None)
    forms = {item.key: ChecklistItemForm(obj=item, prefix=item.key, formdata=None) for item in items}
    forms.update(item_forms or {})
    return render_template(
        "staff/person.html", summary=summary, plan=plan, items=items, item_forms=forms, plan_form=plan_form,
        days=release_plans.by_day(appointment_list), warnings=release_plans.warnings(plan, items, appointment_list) if plan else [],
        checklist_labels=CHECKLIST, status_labels=STATUS, kind_labels=APPOINTMENT_KINDS, warning_labels=WARNINGS,
        today=today_in_london(), to_london=to_london,
    ), status


@bp.get("/people/<int:person_id>")
@roles(*CASEWORK)
def person(person_id: int):
    return _render_person(person_id)


@bp.post("/people/<int:person_id>/plan")
@roles(*CASEWORK)
def save_plan(person_id: int):
    session = get_session()
    person = records.person_for_casework(session, current_user, person_id, _ip()).person
    form = PlanForm()
    if not form.validate_on_submit():
        return _render_person(person_id, plan_form=form, status=400)
    plan = release_plans.plan_for(session, person_id)
    if plan is None:
        release_plans.create_plan(session, person, form.release_date.data, form.release_area.data, current_user,
                                  _ip(), release_time=form.release_time.data, unplanned=form.unplanned.data)
    else:
        saved = attempt(form, lambda: release_plans.update_plan(session, plan, form.version.data or 0, {
            "release_date": form.release_date.data, "release_time": form.release_time.data,
            "release_area": _text(form.release_area)}, current_user, _ip()), edited=plan)[0]
        if not saved:
            return _render_person(person_id, plan_form=form, status=409)
    flash(_("Release plan saved."), "success")
    return redirect(url_for("staff.person", person_id=person_id))


@bp.post("/people/<int:person_id>/plan/full-checklist")
@roles(*CASEWORK)
def complete_checklist(person_id: int):
    session = get_session()
    records.person_for_casework(session, current_user, person_id, _ip())
    plan = release_plans.plan_for(session, person_id)
    if plan is None:
        raise NotFound("not_found")
    release_plans.complete_template(session, plan, current_user, _ip())
    flash(_("The full checklist has been added."), "success")
    return redirect(url_for("staff.person", person_id=person_id))


@bp.post("/people/<int:person_id>/checklist/<key>")
@roles(*CASEWORK)
def save_item(person_id: int, key: str):
    session = get_session()
    records.person_for_casework(session, current_user, person_id, _ip())
    plan = release_plans.plan_for(session, person_id)
    item = next((i for i in release_plans.items_of(session, plan) if i.key == key), None) if plan else None
    if item is None:
        raise NotFound("not_found")
    form = ChecklistItemForm(prefix=key)
    if not form.validate_on_submit():
        return _render_person(person_id, item_forms={key: form}, status=400)
    saved = attempt(form, lambda: release_plans.update_item(session, item, form.version.data, {
        "status": form.status.data, "owner": _text(form.owner), "note": _text(form.note),
        "due_on": form.due_on.data}, current_user, _ip()), edited=item)[0]
    if not saved:
        return _render_person(person_id, item_forms={key: form}, status=409)
    flash(_("Saved: %(item)s.", item=CHECKLIST[key][0]), "success")
    return redirect(url_for("staff.person", person_id=person_id) + f"#item-{key}")


def _appointment_fields(form: AppointmentForm) -> dict:
    starts = datetime.combine(form.day.data, form.start.data, tzinfo=LONDON).astimezone(UTC)
    return {"kind": form.kind.data, "provider": _text(form.provider), "starts_at": starts,
            "address": _text(form.address), "what_to_bring": _text(form.what_to_bring),
            "phone": _text(form.phone), "notes": _text(form.notes), "outcome": form.outcome.data or None}


@bp.route("/people/<int:person_id>/appointments/new", methods=["GET", "POST"])
@roles(*CASEWORK)
def new_appointment(person_id: int):
    session = get_session()
    summary = records.person_for_casework(session, current_user, person_id, _ip())
    form = AppointmentForm()
    if form.validate_on_submit():
        appointment_service.create(session, summary.person, _appointment_fields(form), current_user, _ip())
        flash(_("Appointment added."), "success")
        return redirect(url_for("staff.person", person_id=person_id))
    return render_template("staff/appointment_form.html", summary=summary, form=form, appointment=None), \
        400 if request.method == "POST" else 200


@bp.route("/people/<int:person_id>/appointments/<int:appointment_id>", methods=["GET", "POST"])
@roles(*CASEWORK)
def edit_appointment(person_id: int, appointment_id: int):
    session = get_session()
    summary = records.person_for_casework(session, current_user, person_id, _ip())
    appointment = appointment_service.get_for_person(session, appointment_id, person_id)
    if request.method == "GET":
        local = to_london(appointment.starts_at)
        form = AppointmentForm(obj=appointment, day=local.date(), start=local.time().replace(second=0, microsecond=0))
        return render_template("staff/appointment_form.html", summary=summary, form=form, appointment=appointment)
    form = AppointmentForm()
    if form.validate_on_submit():
        saved = attempt(form, lambda: appointment_service.update(
            session, appointment, form.version.data or 0, _appointment_fields(form), current_user, _ip(),
            missed_text=missed_appointment_text), edited=appointment)[0]
        if not saved:
            return render_template("staff/appointment_form.html", summary=summary, form=form,
                                   appointment=appointment, latest=appointment), 409
        flash(_("Appointment saved."), "success")
        return redirect(url_for("staff.person", person_id=person_id))
    return render_template("staff/appointment_form.html", summary=summary, form=form, appointment=appointment), 400


@bp.post("/people/<int:person_id>/appointments/<int:appointment_id>/delete")
@roles(*CASEWORK)
def delete_appointment(person_id: int, appointment_id: int):
    session = get_session()
    records.person_for_casework(session, current_user, person_id, _ip())
    appointment = appointment_service.get_for_person(session, appointment_id, person_id)
    appointment_service.delete(session, appointment, current_user, _ip())
    flash(_("Appointment removed."), "success")
    return redirect(url_for("staff.person", person_id=person_id))


@bp.route("/people/<int:person_id>/release-card", methods=["GET", "POST"])
@roles(*CASEWORK)
def release_card(person_id: int):
    """GET explains; POST issues a new one-time code and shows the printable card (the code is shown once)."""
    session = get_session()
    summary = records.person_for_casework(session, current_user, person_id, _ip())
    if request.method == "GET":
        return render_template("staff/release_card_start.html", summary=summary)
    issued = handover.issue_code(session, summary.person, current_user, current_app.config["SECRET_KEY"], _ip())
    activation_url = url_for("auth.activate", code=issued.code, _external=True)
    appointment_list = appointment_service.upcoming(session, person_id, limit=6)
    return render_template("staff/release_card.html", summary=summary, issued=issued, activation_url=activation_url,
                           qr_data_uri=segno.make(activation_url, error="m").svg_data_uri(scale=4, border=2),
                           appointments=appointment_list, kind_labels=APPOINTMENT_KINDS, to_london=to_london)
