"""Fixtures for the action tests: trackers as Rasa sends them, a small content tree, and a
real local HTTP server standing in for the portal."""
import json
import shutil
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"

PAGE = """---
id: {id}
title: "{title}"
audience: [prisoner, released, family]
summary: "{summary}"
reviewed: 2026-11-23
sources:
  - title: "Source"
    url: "https://www.example.org/"
related: [{related}]
key_steps:
{steps}
---
## Body

Text of the page.
"""


def write_page(root, language, topic_id, title, summary, steps, related=()):
    path = root / language / f"{topic_id}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PAGE.format(
        id=topic_id, title=title, summary=summary, related=", ".join(related),
        steps="".join(f'  - "{step}"\n' for step in steps),
    ), encoding="utf-8")


SAFETY_RESPONSES = """
emergency:
  en:
    title: "Someone may be overdosing - act now"
    steps: ["Call 999 now.", "Give naloxone if you have it."]
    kiosk_steps: ["Press the cell bell now."]
  pl:
    title: "Możliwe przedawkowanie - działaj"
    steps: ["Zadzwoń pod 999.", "Podaj nalokson."]
    kiosk_steps: ["Naciśnij dzwonek w celi."]
crisis:
  en:
    title: "You matter"
    steps: ["Call Samaritans on 116 123."]
    kiosk_steps: ["Ask for a Listener."]
"""


@pytest.fixture
def content_dir(tmp_path, monkeypatch):
    """A small content tree: naloxone in English and Polish, getting-naloxone in English only,
    a related page the assistant has no intent for, and safety responses."""
    write_page(tmp_path, "en", "naloxone", "Naloxone can save a life",
               "Naloxone reverses an opioid overdose for a short time.",
               ["Call 999 first.", "Give one spray in one nostril.", "Stay with them."],
               related=["getting-naloxone", "family-naloxone", "recognising-overdose"])
    write_page(tmp_path, "pl", "naloxone", "Nalokson ratuje życie",
               "Nalokson na krótko odwraca przedawkowanie opioidów.",
               ["Najpierw zadzwoń pod 999.", "Podaj jedną dawkę do nosa.", "Zostań z tą osobą."],
               related=["getting-naloxone", "recognising-overdose"])
    write_page(tmp_path, "en", "getting-naloxone", "Getting a naloxone kit",
               "You can get a free naloxone kit before you leave.",
               ["Ask healthcare before release.", "Ask your drug service.", "Ask a pharmacy."])
    write_page(tmp_path, "en", "family-naloxone", "Naloxone for families",
               "Families can carry naloxone too.", ["Ask the drug service."])
    (tmp_path / "safety").mkdir()
    (tmp_path / "safety" / "responses.yml").write_text(SAFETY_RESPONSES, encoding="utf-8")
    shutil.copytree(REPO_CONTENT / "assistant", tmp_path / "assistant")  # the assistant's own words, as shipped
    monkeypatch.setenv("THROUGHCARE_CONTENT_DIR", str(tmp_path))
    return tmp_path


def make_tracker(intent="greet", text="hi", language="en", metadata=None, events=None,
                 ranking=None, entities=None, sender_id="conversation-1", topic=None, confidence=0.9):
    """A tracker as the Rasa server sends it to the action server after a user message; `topic` is what
    the answer before was about (the slot follow-ups are read against)."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "intent_ranking": ranking or [{"name": intent, "confidence": confidence}],
        "entities": entities or [],
        "metadata": metadata if metadata is not None else {"language": language},
    }
    return Tracker.from_dict({
        "sender_id": sender_id,
        "slots": {"language": language, "portal_language": language, "topic": topic},
        "latest_message": latest,
        "events": events or [],
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    })


def run_action(action, tracker):
    dispatcher = CollectingDispatcher()
    events = action.run(dispatcher, tracker, {})
    return dispatcher.messages, events


def all_text(messages):
    return "\n".join(m.get("text") or "" for m in messages)


class FakePortal:
    """A real HTTP server on localhost; tests set the reply and read the requests made."""

    def __init__(self):
        self.requests = []
        self.replies = {}  # (method, path) -> (status, json body)
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def _reply(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                portal.requests.append({
                    "method": method, "path": self.path, "headers": dict(self.headers),
                    "json": json.loads(body) if body else None,
                })
                status, payload = portal.replies.get((method, self.path), (404, {"error": "not found"}))
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self):
                self._reply("GET")

            def do_POST(self):
                self._reply("POST")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def portal(monkeypatch):
    fake = FakePortal()
    monkeypatch.setenv("PORTAL_URL", fake.url)
    monkeypatch.setenv("ASSISTANT_API_TOKEN", "assistant-secret")
    monkeypatch.setenv("PORTAL_TIMEOUT_SECONDS", "2")
    yield fake
    fake.close()


@pytest.fixture
def portal_down(monkeypatch):
    """A port nobody listens on."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    port = server.server_address[1]
    server.server_close()
    monkeypatch.setenv("PORTAL_URL", f"http://127.0.0.1:{port}")
    monkeypatch.setenv("ASSISTANT_API_TOKEN", "assistant-secret")
    monkeypatch.setenv("PORTAL_TIMEOUT_SECONDS", "1")


def user_event(text, at):
    return {"event": "user", "text": text, "timestamp": at,
            "parse_data": {"intent": {"name": "greet"}}}


def bot_event(text, at):
    return {"event": "bot", "text": text, "timestamp": at}


@pytest.fixture
def now():
    return time.time()
