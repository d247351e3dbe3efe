"""Browser fixtures: the portal served over real HTTP, Debian's Chromium driven by Playwright.

One portal and one browser serve the whole run, because starting them is the slow part. A test that
needs other settings (a kiosk that times out in seconds) starts its own portal with `live_portal`.
Every browser test module sets `pytestmark = pytest.mark.browser`, so the PostgreSQL pass can
leave them out with `-m "not browser"`.
"""
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Browser, Page, sync_playwright
from sqlmodel import Session, select
from werkzeug.serving import WSGIRequestHandler, make_server

from portal import create_app, demo_data, migrations_runner
from portal.models import Person
from portal.services.clock import now_utc, today_in_london

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

# The two screens the portal is built for: the wing kiosk (a portrait touch screen) and a phone.
DEVICES = {
    "kiosk": {"viewport": {"width": 1080, "height": 1920}, "has_touch": True},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True},
}

# Nothing listens here, so the chat behaves as it does while Rasa is down or still loading.
NO_ASSISTANT = "http://127.0.0.1:9"

# A locked account, so the admin page shows its Unlock button to the checks.
LOCKED_DEMO_ACCOUNT = "family2@example.org"


@dataclass
class LivePortal:
    url: str
    app: Flask


class _QuietRequestHandler(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass  # one line per request would drown pytest's output; errors are still logged


@contextmanager
def live_portal(directory: Path, **overrides):
    """The portal with the demo data, on 127.0.0.1 and a free port, in a background thread."""
    database_url = f"sqlite:///{directory / 'portal.db'}"
    migrations_runner.upgrade(database_url)
    app = create_app("testing", {"DATABASE_URL": database_url, "RASA_URL": NO_ASSISTANT, **overrides})
    engine = app.extensions["db_engine"]
    with Session(engine) as session:
        demo_data.seed(session, today_in_london())
        locked = session.exec(select(Person).where(Person.email == LOCKED_DEMO_ACCOUNT)).one()
        locked.locked_until = now_utc() + timedelta(hours=1)
        session.add(locked)
        session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=_QuietRequestHandler)
    thread = threading.Thread(target=server.serve_forever, name="live-portal", daemon=True)
    thread.start()
    try:
        yield LivePortal(url=f"http://127.0.0.1:{server.server_port}", app=app)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        engine.dispose()


@pytest.fixture(scope="session")
def portal(tmp_path_factory) -> LivePortal:
    with live_portal(tmp_path_factory.mktemp("browser-portal")) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Browser:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM} and it is not there. "
            "Run `make browser-deps` (apt-get install chromium) or set CHROMIUM=/path/to/chromium. "
            "Do not use `playwright install`.",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser, portal):
    """open_page("kiosk" | "phone", javascript=True, portal=None) -> a page in a fresh browser context.

    Each context has its own cookies, so each call is a different person at a different screen.
    """
    contexts = []

    def open_(device: str = "phone", *, javascript: bool = True, portal: LivePortal = portal) -> Page:
        context = browser.new_context(base_url=portal.url, java_script_enabled=javascript, locale="en-GB",
                                      **DEVICES[device])
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()
