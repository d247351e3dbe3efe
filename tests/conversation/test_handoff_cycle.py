"""The chat is never silent: ask for a person, the team replies, more messages, the team gives the chat
back, more messages — with a safety message at every stage — against the real Rasa and action server."""
import re

import httpx
import pytest
from sqlmodel import Session, select

from portal import demo_data
from portal.models import ChatMessage, Person, Sender, StaffTask, TaskKind

pytestmark = pytest.mark.assistant

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
NOT_UNDERSTOOD = "didn't understand"


class Person_:
    """A browser-like client: one cookie jar, one User-Agent (the session is tied to it)."""

    def __init__(self, url: str, email: str):
        self.url = url
        self.client = httpx.Client(base_url=url, timeout=30, follow_redirects=True)
        page = self.client.get("/auth/sign-in")
        self.client.post("/auth/sign-in", data={"identifier": email, "password": demo_data.DEMO_PASSWORD,
                                                "csrf_token": CSRF.search(page.text).group(1)})

    def token(self, path: str) -> str:
        return CSRF.search(self.client.get(path).text).group(1)

    def say(self, text: str, payload: str | None = None) -> httpx.Response:
        data = {"message": text, "csrf_token": self.token("/chat/")}
        if payload:
            data["payload"] = payload
        response = self.client.post("/chat/", data=data)
        assert response.status_code == 200
        return response


def _replies(engine, person_id: int) -> list[ChatMessage]:
    """What the portal answered to the person's last message."""
    with Session(engine) as session:
        conversation = f"person-{person_id}"
        last = session.exec(select(ChatMessage.id).where(ChatMessage.conversation_id == conversation,
                                                         ChatMessage.sender == Sender.USER)
                            .order_by(ChatMessage.id.desc())).first()
        return list(session.exec(select(ChatMessage).where(ChatMessage.conversation_id == conversation,
                                                           ChatMessage.id > last).order_by(ChatMessage.id)))


def _tasks(engine, kind: TaskKind, person_id: int) -> list[StaffTask]:
    with Session(engine) as session:
        return list(session.exec(select(StaffTask).where(StaffTask.kind == kind, StaffTask.person_id == person_id)))


def _assert_one_normal_answer(engine, person_id: int, response: httpx.Response) -> None:
    replies = _replies(engine, person_id)
    bot = [r for r in replies if r.sender == Sender.BOT]
    assert bot, "the assistant must answer"
    assert not any(NOT_UNDERSTOOD in r.text for r in bot), [r.text for r in bot]
    assert len(bot) <= 5, [r.text for r in bot]  # one answer (a few bubbles), not a loop of them


def _assert_safety_steps(engine, person_id: int, kind: str) -> None:
    replies = _replies(engine, person_id)
    assert [r.safety for r in replies if r.safety] == [kind], [(r.sender, r.safety, r.text[:40]) for r in replies]
    alerts = _tasks(engine, TaskKind(kind), person_id)
    assert alerts and alerts[-1].urgent and alerts[-1].closed_at is None


def test_the_whole_hand_off_cycle_answers_every_message(stack):
    engine = stack.app.extensions["db_engine"]
    with Session(engine) as session:
        person = session.exec(select(Person).where(Person.email == "released@example.org")).one()
    person_id = person.id
    me = Person_(stack.url, "released@example.org")

    # Before the hand-off: the assistant answers, and a crisis gets the steps.
    _assert_one_normal_answer(engine, person_id, me.say("what is naloxone?"))
    me.say("I want to kill myself")
    _assert_safety_steps(engine, person_id, "crisis")

    # Ask for a person (the button the assistant offers): a hand-off task that names the person.
    me.say("Talk to a person", payload="/human_handoff")
    (handoff,) = [t for t in _tasks(engine, TaskKind.HANDOFF, person_id) if t.closed_at is None]
    assert handoff.person_id == person_id

    # While the team has the chat: every message joins the task and gets an answer; safety still comes first.
    response = me.say("where do i sleep tonight")
    assert "The team has your messages" in response.text
    assert [r for r in _replies(engine, person_id) if r.sender == Sender.BOT] == []
    me.say("my mate has collapsed and he is not breathing")
    _assert_safety_steps(engine, person_id, "emergency")
    with Session(engine) as session:
        assert "where do i sleep tonight" in session.get(StaffTask, handoff.id).summary

    # Staff reply in the same chat.
    staff = Person_(stack.url, "staff@example.org")
    staff.client.post(f"/staff/tasks/{handoff.id}/answer",
                      data={"answer": "Hi, it's Sam from the team. Try the hostel on York Road.",
                            "csrf_token": staff.token("/staff/tasks")})
    assert "Sam from the team" in me.client.get("/chat/").text
    response = me.say("thanks, what time does it open")
    assert "The team has your messages" in response.text
    me.say("honestly whats the point of any of this, i want to die")
    _assert_safety_steps(engine, person_id, "crisis")

    # Staff give the chat back: the next message gets one normal answer, and so do the ones after it.
    staff.client.post(f"/staff/tasks/{handoff.id}/close", data={"csrf_token": staff.token("/staff/tasks")})
    _assert_one_normal_answer(engine, person_id, me.say("where can I get naloxone?"))
    _assert_one_normal_answer(engine, person_id, me.say("when is my next appointment"))
    me.say("i think i took too much, i feel really weird and sleepy")
    _assert_safety_steps(engine, person_id, "emergency")
    _assert_one_normal_answer(engine, person_id, me.say("thank you"))
