"""Personal data is seen only by its owner, those they allowed, or staff whose role needs it; reads are audited."""
from sqlmodel import select

from portal.models import AuditEvent, FamilyLink, Person
from tests.support import AuthActions


def _person(db, number):
    return db.exec(select(Person).where(Person.prison_number == number)).one()


def test_staff_reading_a_person_is_audited(demo, client, db):
    AuthActions(client).sign_in("staff@example.org", environ_base={"REMOTE_ADDR": "10.0.0.7"})
    daniel = _person(db, "A1234BC")
    page = client.get(f"/staff/people/{daniel.id}", environ_base={"REMOTE_ADDR": "10.0.0.7"}).get_data(as_text=True)
    assert "A1234BC" in page
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "read:person")).one()
    staff = db.exec(select(Person).where(Person.email == "staff@example.org")).one()
    assert (event.actor_id, event.subject_id, event.ip) == (staff.id, daniel.id, "10.0.0.7")


def test_staff_see_only_their_prisons_caseload(demo, client, db):
    other_prisoner = Person(role="prisoner", first_name="Elsewhere", prison_number="Z9999ZZ")
    db.add(other_prisoner)
    db.commit()
    AuthActions(client).sign_in("staff@example.org")
    assert "Elsewhere" not in client.get("/staff/").get_data(as_text=True)
    assert client.get(f"/staff/people/{other_prisoner.id}").status_code == 404  # as if there were nobody


def test_family_sees_the_release_date_only_with_consent(demo, client, db):
    AuthActions(client).sign_in("family@example.org")
    page = client.get("/family/").get_data(as_text=True)
    assert "Daniel" in page and "Release date" in page
    link = db.exec(select(FamilyLink)).first()
    link.shares_release_date = False
    db.add(link)
    db.commit()
    page = client.get("/family/").get_data(as_text=True)
    assert "Release date" not in page
    assert "have not chosen to share" in page


def test_family_read_of_a_release_date_is_audited(demo, client, db):
    AuthActions(client).sign_in("family@example.org")
    client.get("/family/")
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "read:release-date")).one()
    assert event.subject_id == _person(db, "A1234BC").id


def test_prisoner_sees_only_their_own_release(demo, client, db):
    AuthActions(client).kiosk()
    page = client.get("/kiosk/").get_data(as_text=True)
    assert "Daniel" in page and "Marta" not in page
