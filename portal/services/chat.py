"""A chat turn: safety net first, then the assistant, never a lost message."""
from dataclasses import dataclass, field

from sqlmodel import Session, select

from portal.models import ChatMessage, Person, Sender, StaffTask, TaskKind

from . import assistant_relay, safety_net, safety_texts

HISTORY_LIMIT = 50


@dataclass
class TurnResult:
    replies: list[ChatMessage]
    buttons: list[dict] = field(default_factory=list)
    assistant_available: bool = True
    set_language: str | None = None
    safety: str | None = None
    suggestions: list = field(default_factory=list)  # guidance pages, when the assistant could not answer


def history(session: Session, conversation_id: str) -> list[ChatMessage]:
    rows = session.exec(
        select(ChatMessage)
        .where(ChatMessage.conversation_id == conversation_id)
        .order_by(ChatMessage.id.desc())
        .limit(HISTORY_LIMIT)
    ).all()
    return list(reversed(rows))


def _save(session: Session, conversation_id: str, person: Person | None, sender: Sender, text: str,
          language: str, safety: str | None = None) -> ChatMessage:
    message = ChatMessage(conversation_id=conversation_id, person_id=person.id if person else None,
                          sender=sender, text=text, language=language, safety=safety)
    session.add(message)
    return message


def _steps_text(steps: dict) -> str:
    return "\n".join([steps["title"], *(f"• {step}" for step in steps["steps"])])


def raise_safety_task(session: Session, kind: str, conversation_id: str, person: Person | None, text: str) -> None:
    session.add(StaffTask(
        kind=TaskKind.EMERGENCY if kind == safety_net.EMERGENCY else TaskKind.CRISIS,
        urgent=True, person_id=person.id if person else None, conversation_id=conversation_id,
        summary=text[:1000],
    ))


def take_turn(session: Session, *, conversation_id: str, person: Person | None, text: str, language: str,
              device: str, rasa_url: str, timeout: float, person_token: str | None = None,
              relay_text: str | None = None, library=None) -> TurnResult:
    """relay_text, when given, is what Rasa receives instead of the shown text (a button's intent)."""
    text = text.strip()[:2000]
    _save(session, conversation_id, person, Sender.USER, text, language)
    session.commit()  # the person's words are kept whatever happens next

    match = safety_net.check(text)
    if match:
        steps = (safety_texts.emergency_steps if match.kind == safety_net.EMERGENCY else safety_texts.crisis_steps)(
            language, kiosk=device == "kiosk")
        reply = _save(session, conversation_id, person, Sender.SYSTEM, _steps_text(steps), language, match.kind)
        raise_safety_task(session, match.kind, conversation_id, person, text)
        session.commit()
        return TurnResult([reply], safety=match.kind)

    metadata = {"language": language, "device": device}
    if person_token:
        metadata["person_token"] = person_token
    try:
        bot_replies = assistant_relay.send(rasa_url, conversation_id, relay_text or text, metadata, timeout)
    except assistant_relay.AssistantUnavailable:
        # Answer from a search of the guidance instead, so the person still gets something useful.
        hits = library.search(text, language, limit=3) if library else []
        return TurnResult([], assistant_available=False, suggestions=[hit.page for hit in hits])

    result = TurnResult([])
    for bot_reply in bot_replies:
        if bot_reply.custom.get("set_language"):
            result.set_language = bot_reply.custom["set_language"]
        if bot_reply.custom.get("safety") in (safety_net.EMERGENCY, safety_net.CRISIS):
            result.safety = bot_reply.custom["safety"]
            raise_safety_task(session, result.safety, conversation_id, person, text)
        if bot_reply.text:
            result.replies.append(_save(session, conversation_id, person, Sender.BOT, bot_reply.text, language,
                                        result.safety))
        result.buttons.extend(bot_reply.buttons)
    session.commit()
    return result
