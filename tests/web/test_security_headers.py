"""A strict Content-Security-Policy, the usual headers, and safe session cookies."""
import re

from tests.support import AuthActions


def test_pages_carry_a_strict_content_security_policy(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cache-Control"] == "no-store"


def test_pages_have_no_inline_script_or_style(client):
    for url in ["/", "/auth/kiosk", "/auth/sign-in", "/chat/"]:
        html = client.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert "<style" not in html and " style=" not in html, url
        assert "http://" not in html and "https://" not in html, f"{url} loads or links something off the portal"


def test_session_cookie_is_http_only_and_same_site_lax(demo, client):
    response = AuthActions(client).sign_in("staff@example.org")
    cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie


def test_session_cookie_is_secure_when_configured_for_https(app, demo, client):
    app.config["SESSION_COOKIE_SECURE"] = True
    response = AuthActions(client).sign_in("staff@example.org")
    cookie = next(value for value in response.headers.getlist("Set-Cookie") if value.startswith("session="))
    assert "Secure" in cookie
