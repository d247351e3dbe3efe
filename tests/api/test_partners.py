"""Partner systems push release dates and appointments by prison number, each with its own token and
scopes; bad payloads are refused field by field with nothing written; the API is described in OpenAPI."""
import hashlib
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from portal.models import Appointment, AuditEvent, ChecklistItem, PartnerToken, Person, Reminder, Role
from portal.services import partners
from portal.services.assistant import person_tokens
from portal.services.plans import release_plans
from portal.web import access

ASSISTANT = {"Authorization": "Bearer dev-assistant-token"}
SOON = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)
APPOINTMENT = {
    "kind": "treatment",
    "provider": "Wharf Street Drug and Alcohol Service",
    "starts_at": SOON.isoformat(),
    "address": "1 Wharf St, Leeds LS2 7EQ",
    "what_to_bring": "Release licence",
    "phone": "0113 000 0000",
    "notes": "Ask for the duty worker",
}


def _bearer(db, name, *scopes):
    return {"Authorization": f"Bearer {partners.issue_token(db, name, list(scopes))}"}


@pytest.fixture
def prison(db):
    """The prison's system: may set release dates."""
    return _bearer(db, "hmp-leeds", "plans:write")


@pytest.fixture
def treatment(db):
    """A drug and alcohol service: may push its appointments (and read a person's back)."""
    return _bearer(db, "cgl-leeds", "appointments:write")


@pytest.fixture
def newcomer(db):
    """A prisoner with no release plan yet."""
    person = Person(role=Role.PRISONER, first_name="Sam", prison_number="A7777AA")
    db.add(person)
    db.commit()
    return person


def _person(db, number="A1234BC"):
    return db.exec(select(Person).where(Person.prison_number == number)).one()


def _appointments(db):
    db.expire_all()
    return list(db.exec(select(Appointment).where(Appointment.source != "staff")))


def _audit(db, action):
    return list(db.exec(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)))


# --- Tokens and scopes ----------------------------------------------------------------------------

def test_the_command_prints_a_token_once_and_keeps_only_its_hash(runner, db):
    result = runner.invoke(args=["partner-token", "probation-leeds", "--scope", "appointments:write",
                                 "--scope", "people:read"])
    assert result.exit_code == 0, result.output
    token = result.output.strip().splitlines()[-1]
    assert len(token) >= 43
    row = db.exec(select(PartnerToken)).one()
    assert row.name == "probation-leeds" and row.active
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert sorted(row.scopes) == ["appointments:write", "people:read"]
    assert token not in json.dumps(row.model_dump(mode="json"))

    again = runner.invoke(args=["partner-token", "probation-leeds", "--scope", "people:read"])
    assert again.exit_code != 0 and "already has a token" in again.output


def test_a_replaced_or_revoked_token_stops_working(demo, runner, client):
    def token_from(result):
        assert result.exit_code == 0, result.output
        return {"Authorization": f"Bearer {result.output.strip().splitlines()[-1]}"}

    url = "/api/v1/people/A1234BC/appointments"
    old = token_from(runner.invoke(args=["partner-token", "cgl-leeds", "--scope", "people:read"]))
    new = token_from(runner.invoke(args=["partner-token", "cgl-leeds", "--scope", "people:read", "--replace"]))
    assert client.get(url, headers=old).status_code == 401
    assert client.get(url, headers=new).status_code == 200
    assert runner.invoke(args=["partner-token", "cgl-leeds", "--revoke"]).exit_code == 0
    assert client.get(url, headers=new).get_json() == {"error": "token revoked"}
    refused = runner.invoke(args=["partner-token", "staff", "--scope", "people:read"])
    assert refused.exit_code != 0 and "not staff or assistant" in refused.output


def test_requests_without_a_working_token_are_refused(demo, client, db):
    url = "/api/v1/people/A1234BC/release"
    body = {"release_date": "2026-12-18", "release_area": "Leeds"}
    missing = client.put(url, json=body)
    assert missing.status_code == 401 and missing.get_json() == {"error": "missing bearer token"}
    assert client.put(url, json=body, headers={"Authorization": "Bearer not-a-token"}).get_json() == {
        "error": "unknown token"}
    revoked = _bearer(db, "old-prison-system", "plans:write")
    partners.revoke_token(db, "old-prison-system")
    response = client.put(url, json=body, headers=revoked)
    assert response.status_code == 401 and response.get_json() == {"error": "token revoked"}
    assert _audit(db, "update:plan") == []


def test_each_token_may_do_only_what_its_scopes_allow(demo, client, db, prison, treatment):
    release = {"release_date": "2026-12-18", "release_area": "Leeds"}
    refused = client.put("/api/v1/people/A1234BC/release", json=release, headers=treatment)
    assert refused.status_code == 403 and "plans:write" in refused.get_json()["error"]
    assert client.put("/api/v1/people/A1234BC/appointments/x1", json=APPOINTMENT, headers=prison).status_code == 403
    assert client.get("/api/v1/people/A1234BC/appointments", headers=prison).status_code == 403
    # The assistant's token is for the assistant's routes only, and partners' tokens never reach those.
    assert client.put("/api/v1/people/A1234BC/release", json=release, headers=ASSISTANT).status_code == 403
    assert client.get("/api/v1/assistant/summary", headers=treatment).status_code == 403
    assert _appointments(db) == []


def test_appointments_can_be_listed_with_people_read_or_appointments_write(demo, client, db, treatment):
    reader = _bearer(db, "jobcentre-leeds", "people:read")
    for headers in (reader, treatment):
        response = client.get("/api/v1/people/A1234BC/appointments", headers=headers)
        assert response.status_code == 200
        assert response.get_json() == {"prison_number": "A1234BC", "appointments": []}


def test_a_scope_written_into_the_table_by_hand_grants_nothing_extra(demo, client, db):
    headers = _bearer(db, "odd-partner", "people:read")
    row = db.exec(select(PartnerToken).where(PartnerToken.name == "odd-partner")).one()
    row.scopes = ["people:read", "assistant"]
    db.add(row)
    db.commit()
    person_token = person_tokens.issue(client.application.config["SECRET_KEY"], _person(db).id)
    response = client.get("/api/v1/assistant/summary", headers={**headers, "X-Person-Token": person_token})
    assert response.status_code == 403


# --- Release dates --------------------------------------------------------------------------------

def test_a_pushed_release_date_creates_the_plan_with_the_standard_checklist(demo, client, db, prison, newcomer):
    response = client.put("/api/v1/people/a7777aa/release", headers=prison,
                          json={"release_date": "2026-12-18", "release_time": "08:30", "release_area": "Leeds"})
    assert response.status_code == 201
    assert response.get_json() == {"prison_number": "A7777AA", "release_date": "2026-12-18",
                                   "release_time": "08:30", "release_area": "Leeds", "version": 1}
    plan = release_plans.plan_for(db, newcomer.id)
    keys = [item.key for item in db.exec(select(ChecklistItem).where(ChecklistItem.plan_id == plan.id))]
    assert sorted(keys) == sorted(release_plans.CHECKLIST_KEYS)
    event = _audit(db, "create:plan")[0]
    assert (event.actor_id, event.subject_id, event.detail) == (None, newcomer.id, "via hmp-leeds")


def test_a_new_release_date_updates_the_plan_and_says_who_changed_it(demo, client, db, prison):
    daniel = _person(db)
    response = client.put("/api/v1/people/A1234BC/release", headers=prison,
                          json={"release_date": "2027-01-08", "release_area": "Wakefield", "version": 1})
    assert response.status_code == 200 and response.get_json()["version"] == 2
    db.expire_all()
    plan = release_plans.plan_for(db, daniel.id)
    assert (plan.release_date, plan.release_area) == (date(2027, 1, 8), "Wakefield")
    [event] = _audit(db, "update:plan")
    assert event.actor_id is None and event.detail == "release_area, release_date via hmp-leeds"


def test_pushing_the_same_release_date_again_changes_nothing(demo, client, db, prison):
    body = {"release_date": "2027-01-08", "release_area": "Leeds"}
    first = client.put("/api/v1/people/A1234BC/release", headers=prison, json=body)
    second = client.put("/api/v1/people/A1234BC/release", headers=prison, json=body)
    assert first.get_json() == second.get_json()
    assert second.status_code == 200 and second.get_json()["version"] == 2
    assert len(_audit(db, "update:plan")) == 1


def test_a_release_date_based_on_an_old_version_is_refused(demo, client, db, prison):
    daniel = _person(db)
    before = release_plans.plan_for(db, daniel.id).release_date
    client.put("/api/v1/people/A1234BC/release", headers=prison,
               json={"release_date": "2027-01-08", "release_area": "Leeds", "version": 1})
    stale = client.put("/api/v1/people/A1234BC/release", headers=prison,
                       json={"release_date": "2027-02-01", "release_area": "Leeds", "version": 1})
    assert stale.status_code == 409
    assert stale.get_json() == {"error": "stale_edit", "current_version": 2}
    db.expire_all()
    assert release_plans.plan_for(db, daniel.id).release_date == date(2027, 1, 8) != before
    assert len(_audit(db, "update:plan")) == 1


def test_a_bad_release_payload_is_refused_field_by_field_and_nothing_is_written(demo, client, db, prison,
                                                                                  newcomer):
    response = client.put("/api/v1/people/A7777AA/release", headers=prison, json={
        "release_date": "18/12/2026", "release_time": "8.30am", "release_area": "", "version": "1",
        "releaseArea": "Leeds"})
    assert response.status_code == 422
    body = response.get_json()
    assert body["error"] == "invalid"
    assert set(body["fields"]) == {"release_date", "release_time", "release_area", "version", "releaseArea"}
    assert body["fields"]["release_time"].startswith("use HH:MM")
    assert body["fields"]["releaseArea"] == "unknown field"
    assert release_plans.plan_for(db, newcomer.id) is None
    assert db.exec(select(AuditEvent).where(AuditEvent.subject_id == newcomer.id)).first() is None


@pytest.mark.parametrize("raw", [b"", b"not json", b"[1, 2]", b'"2026-12-18"'])
def test_a_body_that_is_not_a_json_object_is_refused(demo, client, db, prison, newcomer, raw):
    response = client.put("/api/v1/people/A7777AA/release", headers={**prison, "Content-Type": "application/json"},
                          data=raw)
    assert response.status_code == 422
    assert response.get_json()["fields"] == {"body": "a JSON object is required"}
    assert release_plans.plan_for(db, newcomer.id) is None


def test_an_unknown_prison_number_is_404(demo, client, db, prison, treatment):
    response = client.put("/api/v1/people/Z9999ZZ/release", headers=prison,
                          json={"release_date": "2026-12-18", "release_area": "Leeds"})
    assert response.status_code == 404 and response.get_json() == {"error": "no_such_person"}
    assert client.put("/api/v1/people/Z9999ZZ/appointments/x1", json=APPOINTMENT,
                      headers=treatment).status_code == 404
    assert client.get("/api/v1/people/Z9999ZZ/appointments", headers=treatment).status_code == 404


# --- Appointments ---------------------------------------------------------------------------------

def test_pushing_an_appointment_twice_keeps_one_and_a_change_updates_it(demo, client, db, treatment):
    url = "/api/v1/people/A1234BC/appointments/cgl-889812"
    created = client.put(url, headers=treatment, json=APPOINTMENT)
    assert created.status_code == 201
    data = created.get_json()
    assert data["external_ref"] == "cgl-889812" and data["source"] == "cgl-leeds" and data["version"] == 1
    assert datetime.fromisoformat(data["starts_at"]) == SOON

    repeated = client.put(url, headers=treatment, json=APPOINTMENT)
    assert repeated.status_code == 200 and repeated.get_json()["version"] == 1
    moved = client.put(url, headers=treatment, json={**APPOINTMENT, "starts_at": (SOON + timedelta(hours=2)).isoformat()})
    assert moved.status_code == 200 and moved.get_json()["version"] == 2

    [appointment] = _appointments(db)
    assert appointment.starts_at == SOON + timedelta(hours=2)
    assert (appointment.person_id, appointment.kind, appointment.notes) == (_person(db).id, "treatment",
                                                                             "Ask for the duty worker")
    assert [e.detail for e in _audit(db, "create:appointment")] == ["treatment via cgl-leeds"]
    [update] = _audit(db, "update:appointment")
    assert update.actor_id is None and update.detail == "cgl-889812: starts_at via cgl-leeds"


def test_a_time_with_an_offset_is_stored_as_the_same_moment(demo, client, db, treatment):
    client.put("/api/v1/people/A1234BC/appointments/bst", headers=treatment,
               json={**APPOINTMENT, "starts_at": "2027-07-05T09:30:00+01:00"})
    assert _appointments(db)[0].starts_at == datetime(2027, 7, 5, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize("naive", ["2027-07-05T09:30:00", "2027-07-05 09:30", "2027-07-05"])
def test_a_time_without_an_offset_is_refused(demo, client, db, treatment, naive):
    response = client.put("/api/v1/people/A1234BC/appointments/x1", headers=treatment,
                          json={**APPOINTMENT, "starts_at": naive})
    assert response.status_code == 422
    assert list(response.get_json()["fields"]) == ["starts_at"]
    assert _appointments(db) == []


def test_a_bad_appointment_is_refused_with_every_wrong_field_and_nothing_written(demo, client, db, treatment):
    response = client.put("/api/v1/people/A1234BC/appointments/" + "r" * 81, headers=treatment, json={
        "kind": "dentist", "starts_at": "2027-07-05T09:30:00Z", "phone": "call me", "address": "line one\nline two",
        "notes": "x" * 2001, "version": True})
    assert response.status_code == 422
    fields = response.get_json()["fields"]
    assert set(fields) == {"external_ref", "kind", "provider", "phone", "address", "notes", "version"}
    assert fields["provider"] == "required"
    assert "treatment" in fields["kind"]  # says which kinds there are
    assert _appointments(db) == []
    assert _audit(db, "create:appointment") == []


def test_the_same_push_arriving_twice_at_once_makes_one_appointment(demo, app, db, treatment):
    barrier = threading.Barrier(2)

    def push():
        barrier.wait()
        return app.test_client().put("/api/v1/people/A1234BC/appointments/twice", headers=treatment,
                                     json=APPOINTMENT).status_code

    with ThreadPoolExecutor(2) as pool:
        statuses = sorted(pool.map(lambda _: push(), range(2)))
    assert statuses == [200, 201]
    assert len(_appointments(db)) == 1


def test_out_of_range_years_and_odd_characters_are_refused(demo, client, db, prison, treatment):
    response = client.put("/api/v1/people/A1234BC/appointments/x1", headers=treatment, json={
        **APPOINTMENT, "starts_at": "0001-01-01T00:00:00+14:00", "notes": "a\u0000b"})
    assert set(response.get_json()["fields"]) == {"starts_at", "notes"}
    response = client.put("/api/v1/people/A1234BC/release", headers=prison,
                          json={"release_date": "9999-12-31", "release_area": "Leeds"})
    assert response.get_json()["fields"] == {"release_date": "the year must be between 2000 and 2100"}
    assert client.get("/api/v1/people/A1234BC%00/appointments", headers=treatment).status_code == 404
    assert _appointments(db) == []


def test_an_appointment_change_based_on_an_old_version_is_refused(demo, client, db, treatment):
    url = "/api/v1/people/A1234BC/appointments/cgl-1"
    client.put(url, headers=treatment, json=APPOINTMENT)
    client.put(url, headers=treatment, json={**APPOINTMENT, "provider": "Changed", "version": 1})
    stale = client.put(url, headers=treatment, json={**APPOINTMENT, "provider": "Lost update", "version": 1})
    assert stale.status_code == 409 and stale.get_json()["current_version"] == 2
    assert _appointments(db)[0].provider == "Changed"
    assert len(_audit(db, "update:appointment")) == 1


def test_partners_references_are_their_own(demo, client, db, treatment):
    probation = _bearer(db, "probation-leeds", "appointments:write")
    client.put("/api/v1/people/A1234BC/appointments/1001", headers=treatment, json=APPOINTMENT)
    other = client.put("/api/v1/people/A1234BC/appointments/1001", headers=probation,
                       json={**APPOINTMENT, "kind": "probation", "provider": "Leeds PDU", "notes": "licence terms"})
    assert other.status_code == 201
    assert sorted(a.source for a in _appointments(db)) == ["cgl-leeds", "probation-leeds"]

    listed = client.get("/api/v1/people/A1234BC/appointments", headers=treatment).get_json()["appointments"]
    mine = next(a for a in listed if a["source"] == "cgl-leeds")
    theirs = next(a for a in listed if a["source"] == "probation-leeds")
    assert (mine["external_ref"], mine["notes"]) == ("1001", "Ask for the duty worker")
    assert (theirs["external_ref"], theirs["notes"], theirs["provider"]) == (None, None, "Leeds PDU")
    assert [e.detail for e in _audit(db, "read:appointments")] == ["via cgl-leeds"]


def test_a_reference_cannot_move_to_another_person(demo, client, db, treatment):
    client.put("/api/v1/people/A1234BC/appointments/1001", headers=treatment, json=APPOINTMENT)
    response = client.put("/api/v1/people/A2345CD/appointments/1001", headers=treatment, json=APPOINTMENT)
    assert response.status_code == 409 and response.get_json()["error"] == "external_ref_used_for_another_person"
    assert [a.person_id for a in _appointments(db)] == [_person(db).id]


def test_deleting_an_appointment_removes_it_and_its_reminders(demo, client, db, treatment):
    url = "/api/v1/people/A1234BC/appointments/cgl-2"
    client.put(url, headers=treatment, json=APPOINTMENT)
    [appointment] = _appointments(db)
    db.add(Reminder(appointment_id=appointment.id, person_id=appointment.person_id, lead="24h", channel="portal",
                    text="Tomorrow: Wharf Street"))
    db.commit()

    assert client.delete("/api/v1/people/A2345CD/appointments/cgl-2", headers=treatment).status_code == 404
    response = client.delete(url, headers=treatment)
    assert response.status_code == 204 and response.data == b""
    assert _appointments(db) == [] and db.exec(select(Reminder)).first() is None
    [event] = _audit(db, "delete:appointment")
    assert event.actor_id is None and event.detail == "cgl-2 (treatment) via cgl-leeds"
    assert client.delete(url, headers=treatment).status_code == 404


def test_a_partner_cannot_delete_another_partners_appointment(demo, client, db, treatment):
    client.put("/api/v1/people/A1234BC/appointments/1001", headers=treatment, json=APPOINTMENT)
    probation = _bearer(db, "probation-leeds", "appointments:write")
    assert client.delete("/api/v1/people/A1234BC/appointments/1001", headers=probation).status_code == 404
    assert len(_appointments(db)) == 1


# --- The assistant's summary ----------------------------------------------------------------------

def test_the_assistants_summary_lists_the_next_five_appointments(demo, client, app, db, treatment):
    for n in range(7):
        client.put(f"/api/v1/people/A1234BC/appointments/p{n}", headers=treatment, json={
            **APPOINTMENT, "kind": "probation", "provider": f"Leeds PDU {n}",
            "starts_at": (SOON + timedelta(days=n)).isoformat()})
    client.put("/api/v1/people/A1234BC/appointments/past", headers=treatment,
               json={**APPOINTMENT, "starts_at": (SOON - timedelta(days=30)).isoformat()})
    person_token = person_tokens.issue(app.config["SECRET_KEY"], _person(db).id)
    summary = client.get("/api/v1/assistant/summary", headers={**ASSISTANT, "X-Person-Token": person_token}).get_json()

    upcoming = summary["next_appointments"]
    assert [a["provider"] for a in upcoming] == [f"Leeds PDU {n}" for n in range(5)]
    assert upcoming[0] == {"kind": "Probation", "kind_code": "probation", "provider": "Leeds PDU 0",
                           "starts_at": SOON.isoformat(), "address": APPOINTMENT["address"],
                           "phone": APPOINTMENT["phone"], "what_to_bring": APPOINTMENT["what_to_bring"]}
    assert datetime.fromisoformat(upcoming[0]["starts_at"]).utcoffset() == timedelta(0)


# --- The OpenAPI document -------------------------------------------------------------------------

def _api_operations(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            path = re.sub(r"<(?:[^:<>]+:)?([^<>]+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule.endpoint, path, method.lower()


def test_the_openapi_document_is_served_to_anyone_as_json(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    spec = json.loads(response.data)
    assert spec["openapi"].startswith("3.1.")
    assert {"openapi", "info", "servers", "paths", "components"} <= set(spec)
    assert spec["info"]["title"] and spec["info"]["version"]
    assert spec["servers"] == [{"url": "/api/v1"}]
    assert spec["components"]["securitySchemes"]["bearerToken"] == {
        **spec["components"]["securitySchemes"]["bearerToken"], "type": "http", "scheme": "bearer"}
    # Every reference points at a schema the document has.
    schemas = spec["components"]["schemas"]
    for ref in re.findall(r'"\$ref": "([^"]+)"', json.dumps(spec)):
        assert ref.removeprefix("#/components/schemas/") in schemas, ref


def test_every_api_route_is_documented_with_the_scopes_it_accepts(app, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    operations = list(_api_operations(app))
    assert len(operations) >= 8
    for endpoint, path, method in operations:
        assert method in spec["paths"].get(path, {}), f"{method.upper()} {path} is not in the OpenAPI document"
        operation = spec["paths"][path][method]
        view = app.view_functions[endpoint]
        if access.rule_for(app, endpoint) == access.PUBLIC:
            assert operation["security"] == [], path
        else:
            scopes = {view.api_scope, *getattr(view, "api_also_scopes", ())}
            documented = {scope for requirement in operation["security"] for scope in requirement["bearerToken"]}
            assert documented == scopes, path
            assert {"401", "403"} <= set(operation["responses"]), path
    documented = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert documented == {(path, method) for _, path, method in operations}  # nothing documented that isn't there


def test_the_documented_appointment_schema_is_the_one_that_validates(client):
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["AppointmentIn"]
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"kind", "provider", "starts_at"}
    assert schema["properties"]["starts_at"]["format"] == "date-time"
