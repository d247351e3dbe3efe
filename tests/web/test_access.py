"""Every route declares who may use it; anonymous visitors reach only public pages."""
import pytest

from portal.models import Role
from portal.web import access
from tests.support import AuthActions

PUBLIC_ENDPOINTS = {
    "static", "main.index", "main.choose_language", "main.emergency", "auth.kiosk_sign_in", "auth.sign_in",
    "auth.sign_out", "auth.session_ended", "auth.activate", "chat.page", "chat.send", "api.health",
    "guidance.home", "guidance.search", "guidance.topic", "guidance.give_feedback", "guidance.services",
    "api.openapi", "person.moved",
}


def test_every_route_declares_an_access_rule(app):
    missing = [rule.endpoint for rule in app.url_map.iter_rules() if access.rule_for(app, rule.endpoint) is None]
    assert missing == []


def test_public_routes_are_exactly_the_intended_ones(app):
    public = {rule.endpoint for rule in app.url_map.iter_rules() if access.rule_for(app, rule.endpoint) == access.PUBLIC}
    assert public == PUBLIC_ENDPOINTS


def test_a_route_without_a_rule_is_refused_at_run_time(app, client):
    app.add_url_rule("/undeclared", "undeclared", lambda: "secret")
    assert client.get("/undeclared").status_code == 403


def _get_urls(app):
    for rule in app.url_map.iter_rules():
        if "GET" in rule.methods and not rule.arguments and rule.endpoint != "static":
            yield rule.endpoint, rule.rule


def test_anonymous_visitors_are_sent_to_sign_in_from_every_private_page(app, client):
    for endpoint, url in _get_urls(app):
        response = client.get(url)
        if endpoint in PUBLIC_ENDPOINTS:
            assert response.status_code in (200, 302), url
            continue
        if access.rule_for(app, endpoint) == access.API_TOKEN:
            assert response.status_code == 401, url  # machines get a JSON 401, not a sign-in page
            continue
        assert response.status_code == 302, url
        assert "/auth/" in response.headers["Location"], url


@pytest.mark.parametrize(("email", "forbidden"), [
    ("released@example.org", ["/kiosk/", "/family/", "/champion/", "/staff/", "/admin/"]),
    ("family@example.org", ["/kiosk/", "/my/", "/champion/", "/staff/", "/admin/"]),
    ("champion@example.org", ["/kiosk/", "/my/", "/family/", "/staff/", "/admin/"]),
    ("staff@example.org", ["/kiosk/", "/my/", "/family/", "/champion/", "/admin/"]),
])
def test_each_role_is_kept_out_of_other_audiences_pages(demo, client, email, forbidden):
    AuthActions(client).sign_in(email)
    for url in forbidden:
        assert client.get(url).status_code == 403, url


def test_prisoner_is_kept_out_of_everything_but_the_kiosk(demo, client):
    AuthActions(client).kiosk()
    for url in ["/my/", "/family/", "/champion/", "/staff/", "/admin/"]:
        assert client.get(url).status_code == 403, url


def test_kiosk_pages_send_anonymous_visitors_to_the_kiosk_sign_in(client):
    assert client.get("/kiosk/").headers["Location"].startswith("/auth/kiosk")


def test_every_role_has_a_home(app):
    for role in Role:
        assert access.home_endpoint(role) in app.view_functions
