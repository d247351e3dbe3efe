"""The assistant's API: its token, the signed-in person's own summary only, and hand-offs to staff."""
from datetime import timedelta

from sqlmodel import select

from portal.models import Person, StaffTask
from portal.services.assistant import person_tokens

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
