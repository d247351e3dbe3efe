"""Staff see the champions, the open requests and a pair's messages; every read of personal data is audited."""
from sqlmodel import select

from portal.models import AuditEvent
from tests.support import AuthActions


def test_staff_see_every_champion_with_their_status(demo, client):
    AuthActions(client).sign_in("staff@example.org")
    page = client.get("/staff/champions")
    assert page.status_code == 200
    assert "Approved" in page.get_data(as_text=True)


def test_the_requests_page_is_audited_with_the_number_of_open_requests(demo, client, db):
    AuthActions(client).sign_in("staff@example.org")
    assert client.get("/staff/requests").status_code == 200
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "read:champion-requests")).one()
    assert event.detail.endswith(" open")
