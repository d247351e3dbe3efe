"""A kiosk session ends after the idle time, so the next prisoner never sees the last one's data."""
import time

from tests.support import csrf_token_from


def test_idle_kiosk_session_ends_and_the_next_person_sees_nothing(demo, auth, client):
    auth.kiosk()
    with client.session_transaction() as session:
        session["last_seen"] = time.time() - 181
    response = client.get("/kiosk/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/auth/kiosk"
    page = client.get("/auth/kiosk").get_data(as_text=True)
    assert "Your session ended" in page
    assert "Daniel" not in page
    assert client.get("/kiosk/").status_code == 302


def test_active_kiosk_session_continues(demo, auth, client):
    auth.kiosk()
    with client.session_transaction() as session:
        session["last_seen"] = time.time() - 100
    assert client.get("/kiosk/").status_code == 200


def test_idle_time_is_configurable(app, demo, auth, client):
    app.config["KIOSK_IDLE_SECONDS"] = 30
    auth.kiosk()
    with client.session_transaction() as session:
        session["last_seen"] = time.time() - 45
    assert client.get("/kiosk/").status_code == 302


def test_kiosk_pages_carry_the_warning_and_a_no_javascript_fallback(demo, auth, client):
    auth.kiosk()
    page = client.get("/kiosk/").get_data(as_text=True)
    assert 'data-idle-seconds="180"' in page
    assert 'id="idle-warning"' in page
    assert '<noscript><meta http-equiv="refresh" content="180;url=/auth/session-ended">' in page


def test_session_ended_page_signs_the_kiosk_user_out(demo, auth, client):
    auth.kiosk()
    assert client.get("/auth/session-ended").headers["Location"] == "/auth/kiosk"
    assert client.get("/kiosk/").status_code == 302


def test_still_here_renews_the_session(demo, auth, client):
    auth.kiosk()
    page = client.get("/kiosk/").get_data(as_text=True)
    with client.session_transaction() as session:
        session["last_seen"] = time.time() - 170
    response = client.post("/auth/still-here", headers={"Accept": "application/json", "X-CSRFToken": csrf_token_from(page)})
    assert response.get_json() == {"idle_seconds": 180}
    with client.session_transaction() as session:
        assert time.time() - session["last_seen"] < 5
