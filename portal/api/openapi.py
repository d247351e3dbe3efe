"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

Paths are written out here; the partner request and response schemas come from the models that
validate and shape them (api/schemas.py). tests/api/test_partners.py fails when a route is
missing from this document or its scopes differ from the route's.
"""
from functools import cache

from pydantic.json_schema import models_json_schema

from portal.api.schemas import AppointmentIn, AppointmentListOut, AppointmentOut, PlanOut, ReleaseIn
from portal.services import partners

JSON = "application/json"


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _body(name: str, description: str) -> dict:
    return {"description": description, "content": {JSON: {"schema": _ref(name)}}}


def _secured(*scopes: str) -> list[dict]:
    # One requirement per scope: any one of them will do.
    return [{"bearerToken": [scope]} for scope in scopes]


AUTH_ERRORS = {
    "401": _body("Error", "No bearer token, or an unknown or revoked one"),
    "403": _body("Error", "The token does not carry the scope this operation needs"),
}
PERSON = {"name": "prison_number", "in": "path", "required": True, "example": "A1234BC",
          "description": "the person's prison number, as prisons' systems hold it",
          "schema": {"type": "string", "maxLength": 16}}
EXTERNAL_REF = {"name": "external_ref", "in": "path", "required": True, "example": "cgl-leeds-889812",
                "description": "your own id for the appointment; pushing the same one again updates it",
                "schema": {"type": "string", "minLength": 1, "maxLength": 80}}
NO_PERSON = {"404": _body("Error", "No person with that prison number (`no_such_person`)")}
INVALID = {"422": _body("InvalidPayload", "Nothing was written: a field is missing, unknown or wrong")}
STALE = {"409": _body("Error", "`stale_edit`: `version` is not the current one (see `current_version`); "
                               "nothing was written")}


def _paths() -> dict:
    return {
        "/health": {"get": {
            "operationId": "health", "summary": "The portal and its database answer", "security": [],
            "responses": {"200": _body("Health", "Up")},
        }},
        "/openapi.json": {"get": {
            "operationId": "openapi", "summary": "This document", "security": [],
            "responses": {"200": {"description": "OpenAPI 3.1 document", "content": {JSON: {"schema": {
                "type": "object"}}}}},
        }},
        "/assistant/summary": {"get": {
            "operationId": "assistantSummary", "tags": ["assistant"], "security": _secured("assistant"),
            "summary": "The signed-in person's own plan summary, next appointments (at most 5) and champion",
            "parameters": [
                {"name": "X-Person-Token", "in": "header", "required": True, "schema": {"type": "string"},
                 "description": "the person's signed token, from the portal's chat page"},
                {"name": "Accept-Language", "in": "header", "required": False, "schema": {"type": "string"},
                 "description": "language for appointment kinds; the person's own language when left out"},
            ],
            "responses": {"200": _body("AssistantSummary", "The summary"),
                          **AUTH_ERRORS, "401": _body("Error", "No valid assistant token or person token")},
        }},
        "/assistant/handoffs": {"post": {
            "operationId": "assistantHandoff", "tags": ["assistant"], "security": _secured("assistant"),
            "summary": "Hand a conversation to staff",
            "parameters": [{"name": "X-Person-Token", "in": "header", "required": False,
                            "schema": {"type": "string"}}],
            "requestBody": {"required": True, "content": {JSON: {"schema": _ref("Handoff")}}},
            "responses": {"201": _body("HandoffCreated", "A staff task was made"), **AUTH_ERRORS, **INVALID},
        }},
        "/people/{prison_number}/release": {"put": {
            "operationId": "putRelease", "tags": ["partners"], "security": _secured("plans:write"),
            "summary": "Set a person's release date",
            "description": "Creates the release plan with the standard checklist when the person has none; "
                           "otherwise changes its release date, time and area. Pushing the same values "
                           "again changes nothing.",
            "parameters": [PERSON],
            "requestBody": {"required": True, "content": {JSON: {"schema": _ref("ReleaseIn")}}},
            "responses": {"201": _body("PlanOut", "Plan created"), "200": _body("PlanOut", "Plan updated"),
                          **AUTH_ERRORS, **NO_PERSON, **STALE, **INVALID},
        }},
        "/people/{prison_number}/appointments": {"get": {
            "operationId": "listAppointments", "tags": ["partners"],
            "security": _secured("people:read", "appointments:write"),
            "summary": "A person's appointments, earliest first",
            "description": "Every source's appointments; `external_ref` and `notes` only on your own.",
            "parameters": [PERSON],
            "responses": {"200": _body("AppointmentListOut", "The appointments"), **AUTH_ERRORS, **NO_PERSON},
        }},
        "/people/{prison_number}/appointments/{external_ref}": {
            "put": {
                "operationId": "putAppointment", "tags": ["partners"], "security": _secured("appointments:write"),
                "summary": "Create or replace one of your appointments",
                "description": "Keyed by your partner name and `external_ref`: safe to repeat.",
                "parameters": [PERSON, EXTERNAL_REF],
                "requestBody": {"required": True, "content": {JSON: {"schema": _ref("AppointmentIn")}}},
                "responses": {
                    "201": _body("AppointmentOut", "Created"), "200": _body("AppointmentOut", "Updated"),
                    **AUTH_ERRORS, **NO_PERSON, **INVALID,
                    "409": _body("Error", "`stale_edit` (see `current_version`), or "
                                          "`external_ref_used_for_another_person`; nothing was written"),
                },
            },
            "delete": {
                "operationId": "deleteAppointment", "tags": ["partners"],
                "security": _secured("appointments:write"),
                "summary": "Remove one of your appointments (and the reminders sent for it)",
                "parameters": [PERSON, EXTERNAL_REF],
                "responses": {"204": {"description": "Removed"}, **AUTH_ERRORS,
                              "404": _body("Error", "No such person, or no appointment of yours with that "
                                                    "reference")},
            },
        },
    }


HAND_WRITTEN_SCHEMAS = {
    "Error": {"type": "object", "required": ["error"], "properties": {
        "error": {"type": "string", "description": "what went wrong, e.g. `unknown token`, `no_such_person`, "
                                                   "`stale_edit`"},
        "current_version": {"type": ["integer", "null"], "description": "with `stale_edit`: the version now "
                                                                        "(null: there is no record yet)"},
    }},
    "InvalidPayload": {"type": "object", "required": ["error", "fields"], "properties": {
        "error": {"const": "invalid"},
        "fields": {"type": "object", "additionalProperties": {"type": "string"},
                   "description": "one message per wrong field; `body` when the body is not a JSON object",
                   "example": {"starts_at": "needs a UTC offset, e.g. 2026-12-01T09:30:00+00:00"}},
    }},
    "Health": {"type": "object", "properties": {"status": {"const": "ok"}}},
    "AssistantSummary": {"type": "object", "required": ["first_name", "release_date", "release_time", "released",
                                                        "release_area", "next_appointments", "champion",
                                                        "champion_requested"], "properties": {
        "first_name": {"type": "string"},
        "release_date": {"type": ["string", "null"], "format": "date"},
        "release_time": {"type": ["string", "null"], "description": "HH:MM, Europe/London, when the prison knows it"},
        "released": {"type": "boolean"},
        "release_area": {"type": ["string", "null"]},
        "next_appointments": {"type": "array", "maxItems": 5, "items": {
            "type": "object",
            "required": ["kind", "kind_code", "provider", "starts_at", "address", "phone", "what_to_bring"],
            "properties": {
                "kind": {"type": "string", "description": "in the person's words, e.g. `Probation`"},
                "kind_code": _ref("AppointmentKind"),
                "provider": {"type": "string"},
                "starts_at": {"type": "string", "format": "date-time", "description": "UTC, with offset"},
                "address": {"type": "string"},
                "phone": {"type": "string"},
                "what_to_bring": {"type": "string"},
            }}},
        "champion": {"type": ["object", "null"], "description": "the person's Recovery Champion now (for a "
                                                                 "relative: their family-support contact); null "
                                                                 "when they have none",
                     "required": ["first_name", "kind", "next_meetings"], "properties": {
                         "first_name": {"type": "string"},
                         "kind": {"enum": ["peer", "family"]},
                         "next_meetings": {"type": "array", "maxItems": 3, "description": "booked ahead, soonest first",
                                           "items": {"type": "object",
                                                     "required": ["starts_at", "ends_at", "place", "at_the_gate"],
                                                     "properties": {
                                                         "starts_at": {"type": "string", "format": "date-time"},
                                                         "ends_at": {"type": "string", "format": "date-time"},
                                                         "place": {"type": "string"},
                                                         "at_the_gate": {"type": "boolean"},
                                                     }}},
                     }},
        "champion_requested": {"type": "boolean", "description": "the person has a champion or has asked for one"},
    }},
    "Handoff": {"type": "object", "required": ["sender_id", "transcript"], "properties": {
        "sender_id": {"type": "string", "minLength": 1},
        "language": {"type": "string"},
        "person_token": {"type": ["string", "null"]},
        "transcript": {"type": "array", "items": {"type": "object", "required": ["from", "text"], "properties": {
            "from": {"enum": ["user", "bot"]}, "text": {"type": "string"}}}},
    }},
    "HandoffCreated": {"type": "object", "properties": {
        "task_id": {"type": "integer"}, "expected_reply_hours": {"type": "integer"}}},
}


@cache
def document() -> dict:
    _, generated = models_json_schema(
        [(ReleaseIn, "validation"), (AppointmentIn, "validation"), (PlanOut, "serialization"),
         (AppointmentOut, "serialization"), (AppointmentListOut, "serialization")],
        ref_template="#/components/schemas/{model}")
    scopes = {"assistant": "the assistant's action server (configured token only)", **partners.SCOPES}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Throughcare API",
            "version": "1",
            "description": "For partner systems (release dates and appointments, by prison number) and the "
                           "assistant's action server. Send `Authorization: Bearer <token>`; each operation "
                           "lists the scopes that may use it (any one will do). Times carry a UTC offset. "
                           "Every write is recorded in the audit trail under the partner's name.",
        },
        "servers": [{"url": "/api/v1"}],
        "tags": [{"name": "partners", "description": "Partner systems, with a token from `flask partner-token`"},
                 {"name": "assistant", "description": "The assistant's action server"}],
        "security": _secured(*scopes),
        "paths": _paths(),
        "components": {
            "securitySchemes": {"bearerToken": {
                "type": "http", "scheme": "bearer",
                "description": "Scopes: " + "; ".join(f"`{name}`: {what}" for name, what in scopes.items()),
            }},
            "schemas": {**generated["$defs"], **HAND_WRITTEN_SCHEMAS},
        },
    }
