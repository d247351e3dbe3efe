"""Staff build release plans and appointments; gaps are flagged; concurrent edits never overwrite."""
import re
from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from portal.models import Appointment, AppointmentKind, AuditEvent, ChecklistItem, Person, ReleasePlan
from portal.services.clock import LONDON
from portal.services.plans import release_plans
from tests.support import AuthActions, csrf_token_from


def _daniel(db):
    return db.exec(select(Person).where(Person.prison_number == "A1234BC")).one()


def _staff(client):
    AuthActions(client).sign_in("staff@example.org")


def _page(client, person):
    return client.get(f"/staff/people/{person.id}").get_data(as_text=True)


def _version_in(html, form_action):
    block = html[html.index(form_action):]
    return int(re.search(r'name="(?:\w+-)?version"[^>]*value="(\d+)"', block).group(1))


def test_staff_create_a_plan_with_the_standard_checklist(demo, client, db):
    _staff(client)
    marta = db.exec(select(Person).where(Person.prison_number == "A2345CD")).one()
    db.delete(db.exec(select(ReleasePlan).where(ReleasePlan.person_id == marta.id)).one())
    db.commit()
    page = _page(client, marta)
    response = client.post(f"/staff/people/{marta.id}/plan", data={
        "release_date": "2026-12-18", "release_area": "Leeds", "csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    plan = db.exec(select(ReleasePlan).where(ReleasePlan.person_id == marta.id)).one()
    keys = [i.key for i in db.exec(select(ChecklistItem).where(ChecklistItem.plan_id == plan.id))]
    assert sorted(keys) == sorted(release_plans.CHECKLIST_KEYS)
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "create:plan")).one().subject_id == marta.id


def test_unplanned_release_gets_the_short_emergency_plan(demo, client, db):
    _staff(client)
    marta = db.exec(select(Person).where(Person.prison_number == "A2345CD")).one()
    db.delete(db.exec(select(ReleasePlan).where(ReleasePlan.person_id == marta.id)).one())
    db.commit()
    client.post(f"/staff/people/{marta.id}/plan", data={
        "release_date": "2026-11-23", "release_area": "Leeds", "unplanned": "y",
        "csrf_token": csrf_token_from(_page(client, marta))})
    plan = db.exec(select(ReleasePlan).where(ReleasePlan.person_id == marta.id)).one()
    keys = {i.key for i in db.exec(select(ChecklistItem).where(ChecklistItem.plan_id == plan.id))}
    assert plan.unplanned and keys == set(release_plans.EMERGENCY_KEYS)


def test_bad_plan_input_keeps_what_was_typed(demo, client, db):
    _staff(client)
    daniel = _daniel(db)
    page = _page(client, daniel)
    response = client.post(f"/staff/people/{daniel.id}/plan", data={
        "release_date": "not a date", "release_area": "Wakefield", "version": "1", "csrf_token": csrf_token_from(page)})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert 'value="Wakefield"' in html


def test_a_stale_plan_form_gets_a_clear_message_and_keeps_the_input(demo, client, app, db):
    daniel = _daniel(db)
    _staff(client)
    page = _page(client, daniel)
    other = app.test_client()
    AuthActions(other).sign_in("admin@example.org")
    other_page = _page(other, daniel)
    saved = other.post(f"/staff/people/{daniel.id}/plan", data={
        "release_date": "2026-12-01", "release_area": "Bradford", "version": "1", "csrf_token": csrf_token_from(other_page)})
    assert saved.status_code == 302
    response = client.post(f"/staff/people/{daniel.id}/plan", data={
        "release_date": "2026-12-02", "release_area": "Wakefield", "version": "1", "csrf_token": csrf_token_from(page)})
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Someone else changed this" in html
    assert 'value="Wakefield"' in html and "Bradford" in html
    plan = db.exec(select(ReleasePlan).where(ReleasePlan.person_id == daniel.id)).one()
    db.refresh(plan)
    assert plan.release_area == "Bradford"


def test_checklist_item_is_updated_and_audited(demo, client, db):
    daniel = _daniel(db)
    plan = release_plans.plan_for(db, daniel.id)
    for key in release_plans.CHECKLIST_KEYS:
        db.add(ChecklistItem(plan_id=plan.id, key=key))
    db.commit()
    _staff(client)
    page = _page(client, daniel)
    response = client.post(f"/staff/people/{daniel.id}/checklist/id_and_bank", data={
        "id_and_bank-status": "done", "id_and_bank-owner": "Priya", "id_and_bank-note": "birth certificate sent",
        "id_and_bank-version": "1", "csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    item = db.exec(select(ChecklistItem).where(ChecklistItem.key == "id_and_bank")).one()
    assert (item.status, item.owner, item.version) == ("done", "Priya", 2)
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "update:checklist")).one().detail == "id_and_bank"


def _add_appointment(client, person, day, time_, kind="treatment"):
    page = client.get(f"/staff/people/{person.id}/appointments/new").get_data(as_text=True)
    return client.post(f"/staff/people/{person.id}/appointments/new", data={
        "kind": kind, "provider": "Wharf Street", "day": day, "start": time_, "address": "18 Wharf Street",
        "csrf_token": csrf_token_from(page)})


def test_appointment_time_is_stored_in_utc_from_london_time(demo, client, db):
    _staff(client)
    daniel = _daniel(db)
    assert _add_appointment(client, daniel, "2027-06-15", "10:00").status_code == 302
    appointment = db.exec(select(Appointment)).one()
    assert appointment.starts_at == datetime(2027, 6, 15, 9, 0, tzinfo=UTC)  # BST is UTC+1


def test_missing_treatment_and_the_21_day_rule_are_flagged(demo, client, db):
    _staff(client)
    daniel = _daniel(db)
    assert "No drug and alcohol service appointment is booked" in _page(client, daniel)
    late = demo + timedelta(weeks=1, days=30)
    _add_appointment(client, daniel, late.isoformat(), "10:00")
    html = _page(client, daniel)
    assert "No drug and alcohol service appointment" not in html
    assert "30 days after release" in html


def test_release_before_a_weekend_without_a_pickup_is_flagged():
    friday = date(2026, 11, 27)
    plan = ReleasePlan(person_id=1, release_date=friday, release_area="Leeds")
    codes = {w.code for w in release_plans.warnings(plan, [], [])}
    assert "pickup_before_weekend" in codes
    pickup = Appointment(person_id=1, kind=AppointmentKind.PRESCRIPTION, provider="Pharmacy",
                         starts_at=datetime(2026, 11, 27, 11, 0, tzinfo=LONDON))
    assert "pickup_before_weekend" not in {w.code for w in release_plans.warnings(plan, [], [pickup])}


def test_release_before_a_bank_holiday_is_flagged_and_a_tuesday_is_not():
    before_boxing_day = ReleasePlan(person_id=1, release_date=date(2026, 12, 24), release_area="Leeds")
    assert "pickup_before_weekend" in {w.code for w in release_plans.warnings(before_boxing_day, [], [])}
    tuesday = ReleasePlan(person_id=1, release_date=date(2026, 12, 1), release_area="Leeds")
    assert "pickup_before_weekend" not in {w.code for w in release_plans.warnings(tuesday, [], [])}


def test_same_day_appointments_are_shown_together(demo, client, db):
    _staff(client)
    daniel = _daniel(db)
    _add_appointment(client, daniel, "2026-12-02", "10:00")
    _add_appointment(client, daniel, "2026-12-02", "14:00", kind="probation")
    assert "Same day: one trip" in _page(client, daniel)


def test_a_stale_appointment_edit_is_refused_and_keeps_the_input(demo, client, app, db):
    _staff(client)
    daniel = _daniel(db)
    _add_appointment(client, daniel, "2026-12-02", "10:00")
    appointment = db.exec(select(Appointment)).one()
    appointment_id = appointment.id
    url = f"/staff/people/{daniel.id}/appointments/{appointment_id}"
    mine = client.get(url).get_data(as_text=True)
    other = app.test_client()
    AuthActions(other).sign_in("admin@example.org")
    theirs = other.get(url).get_data(as_text=True)
    base = {"kind": "treatment", "day": "2026-12-02", "start": "10:00", "version": "1"}
    assert other.post(url, data={**base, "provider": "Changed by admin", "csrf_token": csrf_token_from(theirs)}).status_code == 302
    response = client.post(url, data={**base, "provider": "My edit", "csrf_token": csrf_token_from(mine)})
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert 'value="My edit"' in html and "Changed by admin" in html


def test_checklist_forms_show_the_saved_status(full_demo, client, db):
    _staff(client)
    html = _page(client, _daniel(db))
    block = html[html.index('id="item-accommodation"'):html.index('id="item-gp_registration"')]
    assert '<option selected value="in_progress">' in block


def test_an_appointment_with_reminders_sent_can_be_removed(full_demo, client, db):
    from portal.models import Reminder

    _staff(client)
    daniel = _daniel(db)
    appointment = db.exec(select(Appointment).where(Appointment.person_id == daniel.id)).first()
    db.add(Reminder(appointment_id=appointment.id, person_id=daniel.id, lead="24h", channel="portal", text="x"))
    db.commit()
    appointment_id = appointment.id
    url = f"/staff/people/{daniel.id}/appointments/{appointment_id}"
    page = client.get(url).get_data(as_text=True)
    assert client.post(url + "/delete", data={"csrf_token": csrf_token_from(page)}).status_code == 302
    gone_id = appointment_id
    db.expire_all()
    assert db.exec(select(Appointment).where(Appointment.id == gone_id)).first() is None
