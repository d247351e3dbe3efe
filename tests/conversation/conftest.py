"""The whole assistant stack for real: the portal over HTTP, Rasa and its action server, on free ports.

Started once for the conversation tests (Rasa takes about a minute to load its model). The model is
built by `make chatbot-model`; `make test` builds it before these tests run. Every test here is
marked `assistant` and runs in its own make step (test-conversation).
"""
import os
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlmodel import Session

from portal import create_app, demo_data, migrations_runner
from portal.services.clock import today_in_london
from tests.live import serving

REPO = Path(__file__).resolve().parents[2]
CHATBOT = REPO / "chatbot"
RASA = REPO / ".venv-chatbot" / "bin" / "rasa"
MODEL = CHATBOT / "models" / "throughcare.tar.gz"
TOKEN = "conversation-test-assistant-token"
STARTUP_SECONDS = 240


@dataclass
class Stack:
    url: str
    app: object
    rasa_url: str


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait(url: str, ready, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited early:\n{log.read_text()[-3000:]}")
        try:
            if ready(httpx.get(url, timeout=2)):
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"{url} not ready after {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    assert RASA.exists() and MODEL.exists(), "the assistant is not built: run `make chatbot-model`"
    directory = tmp_path_factory.mktemp("stack")
    database_url = f"sqlite:///{directory / 'portal.db'}"
    migrations_runner.upgrade(database_url)
    rasa_port, actions_port = _free_port(), _free_port()
    rasa_url = f"http://127.0.0.1:{rasa_port}"
    app = create_app("testing", {"DATABASE_URL": database_url, "RASA_URL": rasa_url,
                                 "ASSISTANT_API_TOKEN": TOKEN, "CHAT_TIMEOUT_SECONDS": 20})
    with Session(app.extensions["db_engine"]) as session:
        demo_data.seed(session, today_in_london())
    endpoints = directory / "endpoints.yml"
    endpoints.write_text(f"action_endpoint:\n  url: http://127.0.0.1:{actions_port}/webhook\n")
    processes = []
    with serving(app) as url:
        environment = {**os.environ, "PORTAL_URL": url, "ASSISTANT_API_TOKEN": TOKEN, "SANIC_HOST": "127.0.0.1"}
        try:
            actions_log, rasa_log = directory / "actions.log", directory / "rasa.log"
            actions = subprocess.Popen([str(RASA), "run", "actions", "--actions", "actions", "--port", str(actions_port)],
                                       cwd=CHATBOT, env=environment, stdout=actions_log.open("w"),
                                       stderr=subprocess.STDOUT)
            processes.append(actions)
            rasa = subprocess.Popen([str(RASA), "run", "--enable-api", "--interface", "127.0.0.1",
                                     "--port", str(rasa_port), "--model", str(MODEL), "--credentials",
                                     "credentials.yml", "--endpoints", str(endpoints)],
                                    cwd=CHATBOT, env=environment, stdout=rasa_log.open("w"), stderr=subprocess.STDOUT)
            processes.append(rasa)
            _wait(f"http://127.0.0.1:{actions_port}/health", lambda r: r.status_code == 200, actions, actions_log)
            _wait(f"{rasa_url}/status", lambda r: r.status_code == 200 and r.json().get("model_file"), rasa, rasa_log)
            yield Stack(url=url, app=app, rasa_url=rasa_url)
        finally:
            for process in processes:
                process.terminate()
            for process in processes:
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
