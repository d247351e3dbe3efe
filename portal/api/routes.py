from flask import current_app, g, jsonify, request
from flask_babel import force_locale
from sqlalchemy import text

from portal.api import bp, schemas
from portal.api.auth import also_accepts, require_token
from portal.api.openapi import document
from portal.db import get_session
from portal.models import Person
from portal.services import languages, partners
from portal.services.assistant import action_server, person_tokens
from portal.services.people import records
from portal.web.access import api_token, public
from portal.words.plans import APPOINTMENT_KINDS

bp.before_request(require_token)


def _ip() -> str:
    return request.remote_addr or ""


def _json(model, status: int = 200):
    return current_app.response_class(model.model_dump_json(), status=status, mimetype="application/json")


@bp.get("/health")
@public
def health():
    """For load balancers and `make run`: the portal and its database answer."""
    get_session().exec(text("SELECT 1"))
    return jsonify(status="ok")


@bp.get("/openapi.json")
@public
def openapi():
    return jsonify(document())


def _person_from_header() -> Person | None:
    person_id = person_tokens.person_id_from(current_app.config["SECRET_KEY"], request.headers.get("X-Person-Token"))
    return records.active_person(get_session(), person_id)


@bp.get("/assistant/summary")
@api_token("assistant")
def assistant_summary():
    """The signed-in person's own plan summary, for the assistant; nobody else's, never anonymous."""
    person = _person_from_header()
    if person is None:
        return jsonify(error="no signed-in person"), 401
    # Appointment kinds in the conversation's language if the action server says it, else the account's.
    code = request.accept_languages.best_match(languages.CODES) or person.locale
    with force_locale(languages.babel_locale(code)):
        summary = action_server.summary(get_session(), person, _ip(),
                                        kind_label=lambda kind: str(APPOINTMENT_KINDS.get(kind, kind)))
    return jsonify(summary)


@bp.post("/assistant/handoffs")
@api_token("assistant")
def assistant_handoff():
    payload = request.get_json(silent=True)
    errors = action_server.handoff_errors(payload)
    if errors:
        return jsonify(error="invalid handoff", fields=errors), 422
    task = action_server.create_handoff(get_session(), payload, _person_from_header())
    return jsonify(task_id=task.id, expected_reply_hours=action_server.EXPECTED_REPLY_HOURS), 201


@bp.put("/people/<prison_number>/release")
@api_token("plans:write")
def put_release(prison_number: str):
    session = get_session()
    person = partners.person_by_prison_number(session, prison_number)
    release = schemas.parse(schemas.ReleaseIn, request.get_data())
    plan, created = partners.set_release(session, person, release, g.api_client_name, _ip())
    return _json(schemas.plan_view(person, plan), 201 if created else 200)


@bp.get("/people/<prison_number>/appointments")
@api_token("people:read")
@also_accepts("appointments:write")
def list_appointments(prison_number: str):
    session = get_session()
    person = partners.person_by_prison_number(session, prison_number)
    rows = partners.appointments_for(session, person, g.api_client_name, _ip())
    return _json(schemas.appointment_list(person, rows, g.api_client_name))


@bp.put("/people/<prison_number>/appointments/<external_ref>")
@api_token("appointments:write")
def put_appointment(prison_number: str, external_ref: str):
    session = get_session()
    person = partners.person_by_prison_number(session, prison_number)
    pushed = schemas.parse_appointment(external_ref, request.get_data())
    appointment, created = partners.upsert_appointment(session, person, external_ref, pushed,
                                                          g.api_client_name, _ip())
    return _json(schemas.appointment_view(appointment, g.api_client_name), 201 if created else 200)


@bp.delete("/people/<prison_number>/appointments/<external_ref>")
@api_token("appointments:write")
def delete_appointment(prison_number: str, external_ref: str):
    session = get_session()
    person = partners.person_by_prison_number(session, prison_number)
    partners.delete_appointment(session, person, external_ref, g.api_client_name, _ip())
    return "", 204
