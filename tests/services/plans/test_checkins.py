"""Check-ins on days 1, 3, 7, 14 and 28 after release: sent once, answers reach staff when needed."""
from datetime import UTC, datetime, timedelta

from sqlmodel import select

from portal.models import ChatMessage, Checkin, Person, ReleasePlan, StaffTask
from portal.services.plans import checkins
from portal.words.messages import checkin_text
from tests.support import AuthActions, csrf_token_from


class RecordingSms:
    name = "sms"

    def __init__(self):
        self.sent = []

    def reaches(self, person):
        return bool(person.mobile)

    def send(self, person, text):
        self.sent.append(text)


def _kyle(db, days_out, opt_in=False):
    kyle = db.exec(select(Person).where(Person.email == "released@example.org")).one()
    kyle.mobile, kyle.contact_opt_in = "07700900002", opt_in
    plan = db.exec(select(ReleasePlan).where(ReleasePlan.person_id == kyle.id)).one()
    db.add(kyle)
    db.commit()
    return kyle, plan.release_date + timedelta(days=days_out)


def _send(app, db, today, sms):
    with app.test_request_context():
        return checkins.send_due(db, today, [sms], checkin_text)


def test_check_in_goes_out_on_the_right_days_once(app, demo, db):
    kyle, _ = _kyle(db, 0)
    plan = db.exec(select(ReleasePlan).where(ReleasePlan.person_id == kyle.id)).one()
    sms = RecordingSms()
    sent_days = []
    for offset in range(31):
        day = plan.release_date + timedelta(days=offset)
        _send(app, db, day, sms)
        _send(app, db, day, sms)  # a second run the same day sends nothing more
    sent_days = sorted(c.day_number for c in db.exec(select(Checkin).where(Checkin.person_id == kyle.id)))
    assert sent_days == [1, 3, 7, 14, 28]
    assert len(db.exec(select(ChatMessage).where(ChatMessage.person_id == kyle.id)).all()) == 5
    assert sms.sent == []  # not opted in to texts


def test_opted_in_people_also_get_a_text(app, demo, db):
    _kyle_row, day = _kyle(db, 3, opt_in=True)
    sms = RecordingSms()
    _send(app, db, day, sms)
    assert len(sms.sent) == 1 and "999" in sms.sent[0]  # others released that day have not opted in


def _checkin_page(client):
    AuthActions(client).sign_in("released@example.org")
    return client.get("/my/").get_data(as_text=True)


def test_not_good_raises_a_task_for_staff(app, demo, db, client):
    kyle, day = _kyle(db, 1)
    _send(app, db, day, RecordingSms())
    page = _checkin_page(client)
    assert "How are you doing?" in page
    checkin = db.exec(select(Checkin).where(Checkin.person_id == kyle.id)).one()
    client.post(f"/my/checkins/{checkin.id}", data={"answer": "not_good", "comment": "hostel is rough",
                                                    "csrf_token": csrf_token_from(page)})
    # Whatever the safety layer makes of the words (at most a possible alarm: a task to check), the
    # check-in's own task is there, and nothing pages staff.
    task = db.exec(select(StaffTask).where(StaffTask.person_id == kyle.id, StaffTask.kind == "checkin")).one()
    assert "hostel is rough" in task.summary and not task.urgent
    assert not db.exec(select(StaffTask).where(StaffTask.person_id == kyle.id, StaffTask.urgent)).all()


def test_an_answer_that_trips_the_safety_net_gets_the_emergency_steps(app, demo, db, client):
    kyle, day = _kyle(db, 7)
    _send(app, db, day, RecordingSms())
    page = _checkin_page(client)
    checkin = db.exec(select(Checkin).where(Checkin.person_id == kyle.id)).one()
    response = client.post(f"/my/checkins/{checkin.id}", data={"answer": "not_good", "comment": "I want to kill myself",
                                                               "csrf_token": csrf_token_from(page)})
    assert response.headers["Location"] == "/my/"
    page = client.get("/my/").get_data(as_text=True)
    assert 'role="alert"' in page and "116 123" in page  # the crisis steps, at once, on the next page
    task = db.exec(select(StaffTask).where(StaffTask.person_id == kyle.id)).one()
    assert task.urgent and task.kind == "crisis" and task.subject_ref == "checkin:7"


def test_no_answer_in_48_hours_is_passed_to_staff_once(app, demo, db):
    kyle, day = _kyle(db, 14)
    _send(app, db, day, RecordingSms())
    checkin = db.exec(select(Checkin).where(Checkin.person_id == kyle.id)).one()
    later = checkin.sent_at + timedelta(hours=49)
    assert checkins.escalate_unanswered(db, checkin.sent_at + timedelta(hours=47)) == 0
    assert checkins.escalate_unanswered(db, later) >= 1
    assert checkins.escalate_unanswered(db, later + timedelta(hours=1)) == 0
    assert "no answer in 48 hours" in db.exec(select(StaffTask).where(StaffTask.person_id == kyle.id)).one().summary


def test_someone_elses_check_in_cannot_be_answered(app, demo, db, client):
    _kyle(db, 1)
    other = db.exec(select(Person).where(Person.email == "released2@example.org")).one()
    db.add(Checkin(person_id=other.id, day_number=1, sent_at=datetime.now(UTC)))
    db.commit()
    page = _checkin_page(client)
    checkin = db.exec(select(Checkin).where(Checkin.person_id == other.id)).one()
    response = client.post(f"/my/checkins/{checkin.id}", data={"answer": "good", "csrf_token": csrf_token_from(page)})
    assert response.status_code == 404


def test_a_missed_appointment_raises_a_task_and_checks_in_with_the_person(app, full_demo, db, client):
    from portal.models import Appointment
    from tests.support import AuthActions as Auth

    kyle = db.exec(select(Person).where(Person.email == "released@example.org")).one()
    appointment = db.exec(select(Appointment).where(Appointment.person_id == kyle.id,
                                                    Appointment.kind == "treatment")).one()
    Auth(client).sign_in("staff@example.org")
    url = f"/staff/people/{kyle.id}/appointments/{appointment.id}"
    page = client.get(url).get_data(as_text=True)
    response = client.post(url, data={"kind": "treatment", "provider": appointment.provider, "day": "2026-11-20",
                                      "start": "10:00", "outcome": "missed", "version": str(appointment.version),
                                      "csrf_token": csrf_token_from(page)})
    assert response.status_code == 302
    task = db.exec(select(StaffTask).where(StaffTask.person_id == kyle.id)).one()
    assert task.kind == "checkin" and "Missed appointment" in task.summary
    message = db.exec(select(ChatMessage).where(ChatMessage.person_id == kyle.id, ChatMessage.sender == "system")).one()
    assert "How are you doing?" in message.text
