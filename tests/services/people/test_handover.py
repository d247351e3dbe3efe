"""From kiosk to phone: the release card's code opens a phone account once, within 30 days;
from the release date the PIN stops working and the plan carries over."""
import re
from datetime import timedelta

from sqlmodel import select

from portal.models import ActivationCode, AuditEvent, Person, ReleasePlan, Role
from portal.services.clock import now_utc
from tests.support import AuthActions, csrf_token_from

CODE = re.compile(r'class="activation-code">(?:<bdi dir="ltr">)?([A-Z0-9-]+)<')


def _daniel(db):
    return db.exec(select(Person).where(Person.prison_number == "A1234BC")).one()


def _card(app, db):
    staff = app.test_client()
    AuthActions(staff).sign_in("staff@example.org")
    daniel = _daniel(db)
    page = staff.get(f"/staff/people/{daniel.id}/release-card").get_data(as_text=True)
    card = staff.post(f"/staff/people/{daniel.id}/release-card", data={"csrf_token": csrf_token_from(page)})
    html = card.get_data(as_text=True)
    return CODE.search(html).group(1), html


def _activate(client, code, identifier="daniel@example.org", password="long enough password"):
    page = client.get(f"/auth/activate?code={code}").get_data(as_text=True)
    return client.post("/auth/activate", data={"code": code, "identifier": identifier, "password": password,
                                                "confirm": password, "csrf_token": csrf_token_from(page)})


def _release_today(db, demo):
    plan = db.exec(select(ReleasePlan).where(ReleasePlan.person_id == _daniel(db).id)).one()
    plan.release_date = demo
    db.add(plan)
    db.commit()


def test_release_card_shows_a_code_a_qr_code_and_emergency_numbers(app, demo, db):
    code, html = _card(app, db)
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}", code)
    assert 'src="data:image/svg+xml' in html and "999" in html and "116 123" in html
    stored = db.exec(select(ActivationCode)).one()
    assert code.replace("-", "") not in stored.code_hash  # only a keyed hash is kept


def test_card_code_opens_a_phone_account_once_and_the_plan_carries_over(app, demo, client, db):
    _release_today(db, demo)
    code, _ = _card(app, db)
    response = _activate(client, code)
    assert response.status_code == 302 and response.headers["Location"] == "/my/"
    daniel = _daniel(db)
    db.refresh(daniel)
    assert daniel.role == Role.RELEASED and daniel.email == "daniel@example.org"
    assert "Daniel" in client.get("/my/").get_data(as_text=True)
    again = _activate(AuthActions(app.test_client())._client, code, identifier="other@example.org")
    assert "This code does not work" in again.get_data(as_text=True)


def test_an_expired_code_does_not_work(app, demo, client, db):
    code, _ = _card(app, db)
    stored = db.exec(select(ActivationCode)).one()
    stored.expires_at = now_utc() - timedelta(minutes=1)
    db.add(stored)
    db.commit()
    assert "This code does not work" in _activate(client, code).get_data(as_text=True)


def test_a_new_card_stops_the_old_code(app, demo, client, db):
    old, _ = _card(app, db)
    _card(app, db)
    assert "This code does not work" in _activate(client, old).get_data(as_text=True)


def test_bad_details_keep_what_was_typed(app, demo, client, db):
    code, _ = _card(app, db)
    response = _activate(client, code, identifier="not-an-address", password="short")
    html = response.get_data(as_text=True)
    assert "Use at least 10 characters" in html
    assert 'value="not-an-address"' in html and f'value="{code}"' in html


def test_before_release_the_account_waits_and_the_pin_still_works(app, demo, client, db):
    code, _ = _card(app, db)
    html = _activate(client, code).get_data(as_text=True)
    assert "From your release day" in html
    assert AuthActions(app.test_client()).kiosk().headers["Location"] == "/kiosk/"


def test_from_the_release_date_the_pin_stops_and_the_phone_login_works(app, demo, db):
    code, _ = _card(app, db)
    _activate(app.test_client(), code)
    _release_today(db, demo)
    kiosk = AuthActions(app.test_client()).kiosk()
    assert "Those details did not match" in kiosk.get_data(as_text=True)
    phone = AuthActions(app.test_client()).sign_in("daniel@example.org", "long enough password")
    assert phone.headers["Location"] == "/my/"
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "release:role-changed")).first() is not None


def test_release_due_command_moves_everyone_released_today(demo, db, runner):
    _release_today(db, demo)
    result = runner.invoke(args=["release-due"])
    assert "1 released" in result.output
    assert _daniel(db).role == Role.RELEASED
