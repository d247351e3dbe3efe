from flask import current_app, jsonify, request
from sqlalchemy import text

from portal.access import api_token, public
from portal.api import bp
from portal.api.auth import require_token
from portal.db import get_session
from portal.models import Person
from portal.services import assistant_api, person_tokens

bp.before_request(require_token)


@bp.get("/health")
@public
def health():
    """For load balancers and `make run`: the portal and its database answer."""
    get_session().exec(text("SELECT 1"))
    return jsonify(status="ok")


def _person_from_header() -> Person | None:
    person_id = person_tokens.person_id_from(current_app.config["SECRET_KEY"], request.headers.get("X-Person-Token"))
    person = get_session().get(Person, person_id) if person_id else None
    return person if person and person.is_active else None


@bp.get("/assistant/summary")
@api_token("assistant")
def assistant_summary():
    """The signed-in person's own plan summary, for the assistant; nobody else's, never anonymous."""
    person = _person_from_header()
    if person is None:
        return jsonify(error="no signed-in person"), 401
    return jsonify(assistant_api.summary(get_session(), person, request.remote_addr or ""))


@bp.post("/assistant/handoffs")
@api_token("assistant")
def assistant_handoff():
    payload = request.get_json(silent=True)
    errors = assistant_api.handoff_errors(payload)
    if errors:
        return jsonify(error="invalid handoff", fields=errors), 422
    task = assistant_api.create_handoff(get_session(), payload, _person_from_header())
    return jsonify(task_id=task.id, expected_reply_hours=assistant_api.EXPECTED_REPLY_HOURS), 201
