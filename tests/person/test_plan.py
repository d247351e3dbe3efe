"""The person sees their own plan on the kiosk and the phone; questions round-trip; calendars are valid."""
from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlmodel import select

from portal.models import Appointment, AppointmentKind, ChecklistItem, Person, StaffTask
from portal.services.plans import release_plans
from tests.support import AuthActions, csrf_token_from


def _person(db, **where):
    query = select(Person)
    for key, value in where.items():
        query = query.where(getattr(Person, key) == value)
    return db.exec(query).one()


def _with_checklist_and_appointment(db, person, starts_at):
    plan = release_plans.plan_for(db, person.id)
    for key in release_plans.CHECKLIST_KEYS:
        db.add(ChecklistItem(plan_id=plan.id, key=key))
    db.add(Appointment(person_id=person.id, kind=AppointmentKind.TREATMENT, provider="Wharf Street Drug Service",
                       starts_at=starts_at, address="18 Wharf Street, Leeds", phone="0113 496 0123",
                       what_to_bring="Your release papers"))
    db.commit()


def test_prisoner_sees_their_plan_on_the_kiosk_in_their_language(demo, client, db):
    daniel = _person(db, prison_number="A1234BC")
    daniel.locale = "pl"
    db.add(daniel)
    db.commit()
    _with_checklist_and_appointment(db, daniel, datetime.now(UTC) + timedelta(days=9))
    AuthActions(client).kiosk()
    page = client.get("/my-plan").get_data(as_text=True)
    assert 'lang="pl"' in page
    assert "Wharf Street Drug Service" in page
    assert "tel:" not in page  # kiosks never link off the portal
    assert "/guidance/housing" in page  # each item links to its guidance


def test_a_question_round_trips_between_prisoner_and_staff(demo, app, client, db):
    daniel = _person(db, prison_number="A1234BC")
    _with_checklist_and_appointment(db, daniel, datetime.now(UTC) + timedelta(days=9))
    AuthActions(client).kiosk()
    page = client.get("/my-plan").get_data(as_text=True)
    response = client.post("/my-plan/questions", data={
        "subject": "item:accommodation", "question": "Is the hostel in Leeds or Bradford?",
        "csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    task = db.exec(select(StaffTask)).one()
    assert (task.kind, task.subject_ref, task.person_id) == ("question", "item:accommodation", daniel.id)

    staff = app.test_client()
    AuthActions(staff).sign_in("staff@example.org")
    inbox = staff.get("/staff/tasks").get_data(as_text=True)
    assert "Is the hostel in Leeds or Bradford?" in inbox
    staff.post(f"/staff/tasks/{task.id}/answer", data={"answer": "Leeds, Cardigan Road.",
                                                      "csrf_token": csrf_token_from(inbox)})
    assert "Leeds, Cardigan Road." in client.get("/my-plan").get_data(as_text=True)


def test_an_empty_question_gets_a_clear_message(demo, client, db):
    daniel = _person(db, prison_number="A1234BC")
    _with_checklist_and_appointment(db, daniel, datetime.now(UTC) + timedelta(days=9))
    AuthActions(client).kiosk()
    page = client.get("/my-plan").get_data(as_text=True)
    response = client.post("/my-plan/questions", data={"subject": "item:gp_registration", "question": " ",
                                                             "csrf_token": csrf_token_from(page)})
    assert response.status_code == 400
    assert "Type your question first" in response.get_data(as_text=True)


def test_released_person_sees_the_plan_with_phone_links(demo, client, db):
    kyle = _person(db, email="released@example.org")
    _with_checklist_and_appointment(db, kyle, datetime.now(UTC) + timedelta(days=2))
    AuthActions(client).sign_in("released@example.org")
    page = client.get("/my-plan").get_data(as_text=True)
    assert 'href="tel:01134960123"' in page
    assert "Your release papers" in page


def test_one_persons_appointment_calendar_is_not_anothers(demo, app, client, db):
    kyle = _person(db, email="released@example.org")
    _with_checklist_and_appointment(db, kyle, datetime.now(UTC) + timedelta(days=2))
    appointment = db.exec(select(Appointment)).one()
    other = app.test_client()
    AuthActions(other).sign_in("released2@example.org")
    assert other.get(f"/my-plan/appointments/{appointment.id}.ics").status_code == 404


def test_calendar_file_is_valid_icalendar_in_london_time(demo, client, db):
    kyle = _person(db, email="released@example.org")
    _with_checklist_and_appointment(db, kyle, datetime(2027, 7, 1, 9, 30, tzinfo=UTC))
    AuthActions(client).sign_in("released@example.org")
    appointment = db.exec(select(Appointment)).one()
    response = client.get(f"/my-plan/appointments/{appointment.id}.ics")
    assert response.mimetype == "text/calendar"
    calendar = Calendar.from_ical(response.data)
    event = next(iter(calendar.walk("VEVENT")))
    start = event.decoded("dtstart")
    assert str(start.tzinfo) == "Europe/London" and start.hour == 10  # 09:30 UTC is 10:30 BST
    assert event["uid"] == f"appointment-{appointment.id}@throughcare"
    assert any(c.name == "VTIMEZONE" and c["tzid"] == "Europe/London" for c in calendar.walk())
    assert b"\r\n" in response.data  # RFC 5545 lines end in CRLF
    all_events = Calendar.from_ical(client.get("/my-plan/appointments.ics").data).walk("VEVENT")
    assert len(all_events) == 1


def test_demo_prisoner_sees_the_demo_plan_with_release_day_appointments_together(full_demo, client):
    AuthActions(client).kiosk()
    page = client.get("/my-plan").get_data(as_text=True)
    assert "Probation Office (demo)" in page and "Kirkgate Corner Pharmacy (demo)" in page
    assert "you can do them in one trip" in page
    assert "Duty to refer sent to the council." in page


def test_the_assistants_plan_link_is_the_persons_own_plan_on_kiosk_and_phone(demo, app, client):
    assert client.get("/my-plan").headers["Location"].startswith("/auth/sign-in")
    AuthActions(client).kiosk()
    assert "<h1>My release</h1>" in client.get("/my-plan").get_data(as_text=True)
    phone = app.test_client()
    AuthActions(phone).sign_in("released@example.org")
    assert "<h1>My plan</h1>" in phone.get("/my-plan").get_data(as_text=True)


def test_the_assistants_champion_link_is_each_persons_own_request_page(demo, app, client):
    assert client.get("/my-champion").headers["Location"].startswith("/auth/sign-in")
    AuthActions(client).kiosk()
    assert "Ask for a champion" in client.get("/my-champion").get_data(as_text=True)
    family = app.test_client()
    AuthActions(family).sign_in("family@example.org")
    assert "Ask for a family-support contact" in family.get("/my-champion").get_data(as_text=True)


def test_people_without_a_plan_or_a_champion_of_their_own_are_sent_home_from_the_assistants_links(demo, client):
    AuthActions(client).sign_in("staff@example.org")
    assert client.get("/my-plan").headers["Location"] == "/staff/"
    assert client.get("/my-champion").headers["Location"] == "/staff/"


@pytest.mark.parametrize(("old", "new"), [
    ("/kiosk/release", "/my-plan"), ("/my/plan", "/my-plan"), ("/champions/request", "/my-champion"),
    ("/kiosk/champion", "/my-champion"), ("/my/champion", "/my-champion"), ("/family/support", "/my-champion"),
    ("/my/appointments/7.ics", "/my-plan/appointments/7.ics"), ("/family/support/3/messages", "/my-champion/3/messages"),
])
def test_old_addresses_of_the_persons_pages_still_lead_there(client, old, new):
    assert (client.get(old).status_code, client.get(old).headers["Location"]) == (302, new)


def test_a_question_posted_to_the_old_kiosk_address_is_posted_again_to_the_new_one(demo, client, db):
    AuthActions(client).kiosk()
    page = client.get("/my-plan").get_data(as_text=True)
    response = client.post("/kiosk/release/questions", data={"subject": "item:accommodation", "question": "Hostel?",
                                                             "csrf_token": csrf_token_from(page)})
    assert (response.status_code, response.headers["Location"]) == (307, "/my-plan/questions")
    client.post(response.headers["Location"], data={"subject": "item:accommodation", "question": "Hostel?",
                                                     "csrf_token": csrf_token_from(page)})
    assert db.exec(select(StaffTask)).one().summary == "Hostel?"
