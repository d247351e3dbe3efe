"""Helpers for tests that talk to the portal like a browser does."""
import re
from pathlib import Path

from portal import demo_data

REPO = Path(__file__).resolve().parent.parent

CSRF_INPUT = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def csrf_token_from(html: str) -> str:
    match = CSRF_INPUT.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


class AuthActions:
    def __init__(self, client):
        self._client = client

    def kiosk(self, prison_number="A1234BC", pin=demo_data.DEMO_PIN, **kwargs):
        page = self._client.get("/auth/kiosk")
        return self._client.post(
            "/auth/kiosk",
            data={"prison_number": prison_number, "pin": pin, "csrf_token": csrf_token_from(page.get_data(as_text=True))},
            **kwargs,
        )

    def sign_in(self, identifier, password=demo_data.DEMO_PASSWORD, **kwargs):
        page = self._client.get("/auth/sign-in")
        return self._client.post(
            "/auth/sign-in",
            data={"identifier": identifier, "password": password, "csrf_token": csrf_token_from(page.get_data(as_text=True))},
            **kwargs,
        )

    def sign_out(self):
        page = self._client.get("/", follow_redirects=True)
        return self._client.post("/auth/sign-out", data={"csrf_token": csrf_token_from(page.get_data(as_text=True))})
