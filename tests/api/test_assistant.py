"""The assistant's API: its token, the signed-in person's own summary only, and hand-offs to staff."""
from datetime import datetime, time, timedelta

from sqlmodel import select

from portal.models import Appointment, AppointmentKind, ChampionRequest, Meeting, Person, ReleasePlan, StaffTask
from portal.services.assistant import person_tokens
from portal.services.champions import requests
from portal.services.clock import now_utc

TOKEN = {"Authorization": "Bearer dev-assistant-token"}


def _person_token(app, db, number="A1234BC"):
    person = db.exec(select(Person).where(Person.prison_number == number)).one()
    return person_tokens.issue(app.config["SECRET_KEY"], person.id)


def test_summary_needs_the_assistant_token(demo, client, app, db):
    headers = {"X-Person-Token": _person_token(app, db)}
    assert client.get("/api/v1/assistant/summary", headers=headers).status_code == 401
    bad = {**headers, "Authorization": "Bearer wrong"}
    assert client.get("/api/v1/assistant/summary", headers=bad).status_code == 401


def test_summary_is_the_signed_in_persons_own(demo, client, app, db):
    response = client.get("/api/v1/assistant/summary", headers={**TOKEN, "X-Person-Token": _person_token(app, db)})
    data = response.get_json()
    assert response.status_code == 200
    assert data["first_name"] == "Daniel"
    assert data["release_date"] == (demo + timedelta(weeks=1)).isoformat()
    assert data["released"] is False


def test_no_person_token_means_no_personal_data(demo, client):
    response = client.get("/api/v1/assistant/summary", headers=TOKEN)
    assert response.status_code == 401
    assert "first_name" not in response.get_json()


def test_a_forged_person_token_is_refused(demo, client, app, db):
    person = db.exec(select(Person).where(Person.prison_number == "A2345CD")).one()
    forged = person_tokens.issue("another-secret", person.id)
    assert client.get("/api/v1/assistant/summary", headers={**TOKEN, "X-Person-Token": forged}).status_code == 401


def test_handoff_creates_a_staff_task_with_the_conversation(demo, client, app, db):
    payload = {"sender_id": "person-1", "language": "pl", "person_token": None,
               "transcript": [{"from": "user", "text": "chcę porozmawiać z człowiekiem"}, {"from": "bot", "text": "OK"}]}
    response = client.post("/api/v1/assistant/handoffs", json=payload,
                           headers={**TOKEN, "X-Person-Token": _person_token(app, db)})
    assert response.status_code == 201
    task = db.exec(select(StaffTask)).one()
    assert task.kind == "handoff" and "chcę porozmawiać z człowiekiem" in task.summary


def test_bad_handoff_payload_gets_field_errors_and_writes_nothing(demo, client, db):
    response = client.post("/api/v1/assistant/handoffs", json={"transcript": "nope"}, headers=TOKEN)
    assert response.status_code == 422
    assert set(response.get_json()["fields"]) == {"sender_id", "transcript"}
    assert db.exec(select(StaffTask)).first() is None


def _summary(client, app, db, **where):
    person = db.exec(select(Person).filter_by(**where)).one()
    headers = {**TOKEN, "X-Person-Token": person_tokens.issue(app.config["SECRET_KEY"], person.id)}
    return client.get("/api/v1/assistant/summary", headers=headers).get_json()


def test_summary_names_the_champion_and_the_meetings_booked_ahead(demo, client, app, db):
    kyle = db.exec(select(Person).where(Person.email == "released@example.org")).one()
    match = requests.current_match(db, kyle)
    booked = requests.meetings_of(db, match)[0]
    # A meeting that has happened is not "next".
    db.add(Meeting(match_id=match.id, champion_id=match.champion_id, starts_at=now_utc() - timedelta(days=2),
                   ends_at=now_utc() - timedelta(days=2, hours=-1), place="The gate", booked_by_id=kyle.id))
    db.commit()

    data = _summary(client, app, db, email="released@example.org")
    assert data["champion_requested"] is True
    assert data["champion"] == {"first_name": "Tomasz", "kind": "peer", "next_meetings": [{
        "starts_at": booked.starts_at.isoformat(), "ends_at": booked.ends_at.isoformat(),
        "place": "Café at the Wharf Street service", "at_the_gate": False}]}
    assert datetime.fromisoformat(data["champion"]["next_meetings"][0]["starts_at"]).utcoffset() == timedelta(0)


def test_summary_without_a_champion_says_whether_they_have_asked(demo, client, app, db):
    data = _summary(client, app, db, prison_number="A1234BC")
    assert data["champion"] is None and data["champion_requested"] is False

    daniel = db.exec(select(Person).where(Person.prison_number == "A1234BC")).one()
    db.add(ChampionRequest(person_id=daniel.id, requested_by_id=daniel.id, languages=["en"], area="Leeds"))
    db.commit()
    data = _summary(client, app, db, prison_number="A1234BC")
    assert data["champion"] is None and data["champion_requested"] is True


def test_summary_gives_the_release_time_and_what_to_bring(demo, client, app, db):
    daniel = db.exec(select(Person).where(Person.prison_number == "A1234BC")).one()
    plan = db.exec(select(ReleasePlan).where(ReleasePlan.person_id == daniel.id)).one()
    plan.release_time = time(9, 30)
    db.add(plan)
    db.add(Appointment(person_id=daniel.id, kind=AppointmentKind.PROBATION, provider="Leeds PDU",
                       starts_at=now_utc() + timedelta(days=3), address="2 Park Row, Leeds",
                       what_to_bring="Your licence"))
    db.commit()
    data = _summary(client, app, db, prison_number="A1234BC")
    assert data["release_time"] == "09:30"
    assert data["next_appointments"][0]["what_to_bring"] == "Your licence"


def test_summary_has_every_field_its_openapi_schema_requires(demo, client, app, db):
    schema = client.get("/api/v1/openapi.json").get_json()["components"]["schemas"]["AssistantSummary"]
    data = _summary(client, app, db, email="released@example.org")
    assert set(schema["required"]) <= set(data) <= set(schema["properties"])
    assert set(schema["properties"]["champion"]["required"]) <= set(data["champion"])
    meeting_schema = schema["properties"]["champion"]["properties"]["next_meetings"]["items"]
    assert set(meeting_schema["required"]) == set(data["champion"]["next_meetings"][0])
