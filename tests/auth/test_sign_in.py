"""Signing in: every demo login lands on its own home; wrong secrets lock; kiosk PINs stop at release."""
import pytest
from sqlmodel import select

from portal import demo_data
from portal.models import AuditEvent, Person, Role
from tests.support import AuthActions, csrf_token_from

HOMES = [
    ("released@example.org", "/my/"),
    ("family@example.org", "/family/"),
    ("champion@example.org", "/champion/"),
    ("staff@example.org", "/staff/"),
    ("admin@example.org", "/admin/"),
]


def test_prisoner_signs_in_on_kiosk_and_lands_on_kiosk_home(demo, auth, client):
    response = auth.kiosk()
    assert response.status_code == 302
    assert response.headers["Location"] == "/kiosk/"
    page = client.get("/kiosk/").get_data(as_text=True)
    assert "Daniel" in page
    assert "7 days to go" in page


def test_prison_number_is_accepted_in_lower_case_with_spaces(demo, auth):
    assert auth.kiosk(prison_number=" a1234 bc ").headers["Location"] == "/kiosk/"


@pytest.mark.parametrize(("email", "home"), HOMES)
def test_each_demo_login_lands_on_its_own_home(demo, auth, client, email, home):
    response = auth.sign_in(email)
    assert response.status_code == 302
    assert response.headers["Location"] == home
    assert client.get(home).status_code == 200


def test_e_mail_is_matched_without_regard_to_case(demo, auth):
    assert auth.sign_in("Staff@Example.org").headers["Location"] == "/staff/"


def test_wrong_password_shows_a_clear_message_and_keeps_the_identifier(demo, auth):
    response = auth.sign_in("staff@example.org", "wrong-password")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Those details did not match" in page
    assert 'value="staff@example.org"' in page


def test_message_is_in_the_readers_language(demo, client, auth):
    client.get("/auth/sign-in", headers={"Accept-Language": "pl"})
    response = auth.sign_in("staff@example.org", "wrong-password", headers={"Accept-Language": "pl"})
    page = response.get_data(as_text=True)
    assert 'lang="pl"' in page
    assert "Those details did not match" not in page


def test_five_wrong_pins_lock_the_account_for_fifteen_minutes(demo, auth, db):
    for _ in range(4):
        assert "Those details did not match" in auth.kiosk(pin="111111").get_data(as_text=True)
    locked = auth.kiosk(pin="111111").get_data(as_text=True)
    assert "locked for 15 minutes" in locked
    # Even the right PIN is refused while locked.
    response = auth.kiosk()
    assert response.status_code == 200
    assert "locked for" in response.get_data(as_text=True)
    person = db.exec(select(Person).where(Person.prison_number == "A1234BC")).one()
    assert person.locked_until is not None


def test_admin_unlocks_a_locked_account(demo, auth, client, db):
    for _ in range(5):
        auth.kiosk(pin="000000")
    auth.sign_in("admin@example.org")
    admin_page = client.get("/admin/").get_data(as_text=True)
    prisoner = db.exec(select(Person).where(Person.prison_number == "A1234BC")).one()
    response = client.post(f"/admin/people/{prisoner.id}/unlock", data={"csrf_token": csrf_token_from(admin_page)})
    assert response.status_code == 302
    db.refresh(prisoner)
    assert prisoner.locked_until is None
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "account:unlocked")).first() is not None


def test_kiosk_pin_stops_working_once_the_person_is_released(demo, auth, db):
    person = db.exec(select(Person).where(Person.prison_number == "A1234BC")).one()
    person.role = Role.RELEASED
    db.add(person)
    db.commit()
    assert "Those details did not match" in auth.kiosk().get_data(as_text=True)


def test_secrets_are_stored_as_argon2id(demo, db):
    for person in db.exec(select(Person)).all():
        stored = person.pin_hash or person.password_hash
        assert stored.startswith("$argon2id$")
        assert demo_data.DEMO_PASSWORD not in stored


def test_sign_in_is_rate_limited_per_address(app, demo, client):
    app.config["LOGIN_RATE_LIMIT"] = "3 per minute"
    auth = AuthActions(client)
    codes = [auth.sign_in("staff@example.org", "wrong").status_code for _ in range(4)]
    assert codes[:3] == [200, 200, 200]
    assert codes[3] == 429


def test_forms_without_a_csrf_token_are_refused(demo, client):
    response = client.post("/auth/sign-in", data={"identifier": "staff@example.org", "password": demo_data.DEMO_PASSWORD})
    assert response.status_code == 400
    assert "expired" in response.get_data(as_text=True)


def test_sign_out_ends_the_session(demo, auth, client):
    auth.sign_in("staff@example.org")
    auth.sign_out()
    assert client.get("/staff/").status_code == 302


def test_sign_in_is_audited_with_the_address(demo, auth, db):
    auth.sign_in("staff@example.org", environ_base={"REMOTE_ADDR": "10.1.2.3"})
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "sign-in:ok")).one()
    assert event.ip == "10.1.2.3"


def test_redirect_after_sign_in_stays_on_this_site(demo, client):
    page = client.get("/auth/sign-in?next=//evil.example/").get_data(as_text=True)
    response = client.post("/auth/sign-in", data={
        "identifier": "staff@example.org", "password": demo_data.DEMO_PASSWORD,
        "next": "//evil.example/", "csrf_token": csrf_token_from(page)})
    assert response.headers["Location"] == "/staff/"
