"""Every free-text box in the product goes through the safety layer: a message that describes an
overdose or a crisis, wherever it is typed, raises an urgent task naming the person and shows the steps
at once, in the language it was written in (and the screen's, when they differ)."""
from pathlib import Path

import pytest
import yaml
from markupsafe import escape
from sqlmodel import select

from portal.models import Match, Person, StaffTask
from portal.services.champions import requests
from portal.services.clock import now_utc
from tests.support import AuthActions, csrf_token_from

RESPONSES = yaml.safe_load((Path(__file__).resolve().parent.parent / "content" / "safety" / "responses.yml")
                           .read_text(encoding="utf-8"))


def _title(kind, code="en"):
    return str(escape(RESPONSES[kind][code]["title"]))


def _person(db, **where):
    query = select(Person)
    for key, value in where.items():
        query = query.where(getattr(Person, key) == value)
    return db.exec(query).one()


def _urgent(db):
    return db.exec(select(StaffTask).where(StaffTask.urgent, StaffTask.kind.in_(["emergency", "crisis"]))).all()


def _pair_on_kiosk(db, client):
    """Daniel (kiosk) asks for a champion and champion@example.org accepts."""
    AuthActions(client).kiosk()
    page = client.get("/my-champion", headers={"Accept-Language": "pl"}).get_data(as_text=True)
    client.post("/my-champion", data={"languages": ["pl"], "area": "Leeds", "gender_preference": "",
                                         "csrf_token": csrf_token_from(page)})
    match = db.exec(select(Match).where(Match.person_id == _person(db, prison_number="A1234BC").id)).one()
    requests.respond(db, match, True, _person(db, email="champion@example.org"), now_utc())
    return match


def test_a_plan_question_about_ending_a_life_is_an_alarm_not_only_a_question(demo, client, db):
    AuthActions(client).kiosk()
    page = client.get("/my-plan").get_data(as_text=True)
    response = client.post("/my-plan/questions", data={
        "subject": "item:accommodation", "question": "I want to end my life", "csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert 'role="alert"' in shown and _title("crisis") in shown
    assert RESPONSES["crisis"]["en"]["kiosk_steps"][0] in shown.replace("&#39;", "'")  # the cell bell first
    (alert,) = _urgent(db)
    daniel = _person(db, prison_number="A1234BC")
    assert (alert.kind, alert.person_id, alert.subject_ref) == ("crisis", daniel.id, "source:plan-question")
    # The question is still there for staff to answer.
    assert db.exec(select(StaffTask).where(StaffTask.kind == "question")).one().person_id == daniel.id


def test_an_ordinary_plan_question_raises_no_alarm(demo, client, db):
    AuthActions(client).kiosk()
    page = client.get("/my-plan").get_data(as_text=True)
    client.post("/my-plan/questions", data={
        "subject": "item:accommodation", "question": "Is the hostel in Leeds or Bradford?",
        "csrf_token": csrf_token_from(page)})
    assert _urgent(db) == []
    assert 'role="alert"' not in client.get("/my-plan").get_data(as_text=True)


def test_a_pair_message_about_an_overdose_reaches_the_champion_and_raises_an_alarm(full_demo, client, db):
    match = _pair_on_kiosk(db, client)
    page = client.get("/my-champion").get_data(as_text=True)
    response = client.post(f"/my-champion/{match.id}/messages", data={
        "text": "my mate has overdosed and is not breathing", "csrf_token": csrf_token_from(page)})
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _title("emergency") in shown and "999" in shown
    (alert,) = _urgent(db)
    assert alert.kind == "emergency" and alert.person_id == _person(db, prison_number="A1234BC").id
    assert alert.subject_ref == f"match:{match.id}"
    assert "not breathing" in requests.messages_of(db, match)[-1].text  # delivered all the same


def test_a_champion_writing_to_their_mentee_is_screened_too(full_demo, app, client, db):
    match = _pair_on_kiosk(db, client)
    champion = app.test_client()
    AuthActions(champion).sign_in("champion@example.org")
    page = champion.get(f"/champion/matches/{match.id}").get_data(as_text=True)
    response = champion.post(f"/champion/matches/{match.id}/messages", data={
        "text": "he's gone blue and won't wake up, what do i do", "csrf_token": csrf_token_from(page)})
    shown = champion.get(response.headers["Location"]).get_data(as_text=True)
    assert _title("emergency") in shown
    (alert,) = _urgent(db)
    assert alert.person_id == _person(db, email="champion@example.org").id


def test_a_concern_that_describes_a_crisis_is_an_alarm_as_well_as_a_concern(full_demo, client, db):
    match = _pair_on_kiosk(db, client)
    page = client.get("/my-champion").get_data(as_text=True)
    response = client.post(f"/my-champion/{match.id}/concern", data={
        "concern": "he said he is going to kill himself tonight and i want to die too",
        "csrf_token": csrf_token_from(page)})
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _title("crisis") in shown
    assert [t.kind for t in _urgent(db)] == ["crisis"]
    assert db.exec(select(StaffTask).where(StaffTask.kind == "concern")).one().urgent


def test_champion_request_notes_are_screened(full_demo, client, db):
    AuthActions(client).kiosk()
    page = client.get("/my-champion").get_data(as_text=True)
    response = client.post("/my-champion", data={
        "languages": ["en"], "area": "Leeds", "gender_preference": "", "csrf_token": csrf_token_from(page),
        "notes": "honestly i dont see the point in living any more"})
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _title("crisis") in shown
    assert [t.subject_ref for t in _urgent(db)] == ["source:champion-request"]


def test_a_family_members_message_is_screened(full_demo, client, db):
    AuthActions(client).sign_in("family@example.org")
    page = client.get("/my-champion").get_data(as_text=True)
    client.post("/my-champion", data={"languages": ["en"], "area": "Leeds", "csrf_token": csrf_token_from(page)})
    family = _person(db, email="family@example.org")
    match = db.exec(select(Match).where(Match.person_id == family.id)).one()
    requests.respond(db, match, True, _person(db, email="familysupport@example.org"), now_utc())
    page = client.get("/my-champion").get_data(as_text=True)
    response = client.post(f"/my-champion/{match.id}/messages", data={
        "text": "found my son on the bathroom floor, lips blue, he took heroin", "csrf_token": csrf_token_from(page)})
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _title("emergency") in shown
    assert [t.person_id for t in _urgent(db)] == [family.id]


def test_a_suicidal_guidance_feedback_comment_is_not_just_stored(client, db):
    page = client.get("/guidance/housing").get_data(as_text=True)
    response = client.post("/guidance/housing/feedback", data={
        "helpful": "no", "comment": "none of this helps, i'm going to end it all tonight",
        "csrf_token": csrf_token_from(page)})
    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert _title("crisis") in shown
    (alert,) = _urgent(db)
    assert alert.subject_ref == "source:guidance-feedback" and alert.person_id is None


def test_steps_come_in_the_writers_language_and_the_screens(demo, client, db):
    """A Romanian crisis message typed on an English screen: Romanian steps, and English ones too."""
    AuthActions(client).kiosk()
    page = client.get("/my-plan", headers={"Accept-Language": "en"}).get_data(as_text=True)
    response = client.post("/my-plan/questions", data={
        "subject": "item:accommodation", "question": "nu mai vreau sa traiesc, m-am saturat de tot",
        "csrf_token": csrf_token_from(page)}, headers={"Accept-Language": "en"})
    shown = client.get(response.headers["Location"], headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert _title("crisis", "ro") in shown and _title("crisis", "en") in shown
    assert shown.index(_title("crisis", "ro")) < shown.index(_title("crisis", "en"))
    assert '<div lang="ro" dir="ltr">' in shown


@pytest.mark.parametrize("text", [
    "I don't want to die, I just want to know about naloxone",
    "how do I know if someone is overdosing?",
    "this queue is killing me",
])
def test_negations_questions_and_idioms_raise_no_alarm(demo, client, db, text):
    AuthActions(client).kiosk()
    page = client.get("/my-plan").get_data(as_text=True)
    client.post("/my-plan/questions", data={"subject": "item:accommodation", "question": text,
                                                  "csrf_token": csrf_token_from(page)})
    assert _urgent(db) == []


def test_a_nul_byte_in_a_safety_message_still_gets_the_steps(client, db):
    page = client.get("/chat/").get_data(as_text=True)
    response = client.post("/chat/", data={"message": "he is not\x00 breathing", "csrf_token": csrf_token_from(page)})
    assert response.status_code == 200 and _title("emergency") in response.get_data(as_text=True)
    assert [t.kind for t in _urgent(db)] == ["emergency"]
