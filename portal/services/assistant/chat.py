"""A chat turn: the safety layer first, then the team (during a hand-off) or the assistant; never silent.

Every message is saved before anything else, then screened (services/safety). An alarm gets the
steps at once, whatever else is going on: the assistant down, a hand-off open. While a hand-off
is open the message joins the staff task and the person is told when the team will answer; the
assistant only hears from the person again once staff close the hand-off.
"""
import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, select

from portal.models import ChatMessage, Person, Sender
from portal.services import safety, tasks
from portal.services.assistant import relay
from portal.services.clock import now_utc

logger = logging.getLogger(__name__)

HISTORY_LIMIT = 50
MAX_MESSAGE = 2000
# The guidance a question about overdose or crisis is pointed to when the assistant cannot answer.
QUESTION_PAGES = {safety.EMERGENCY: "recognising-overdose", safety.CRISIS: "mental-health-and-crisis"}


@dataclass
class TurnResult:
    replies: list[ChatMessage]
    buttons: list[dict] = field(default_factory=list)
    assistant_available: bool = True
    set_language: str | None = None
    safety: str | None = None
    suggestions: list = field(default_factory=list)  # guidance pages, when the assistant could not answer
    team_answers_by: datetime | None = None  # a hand-off is open: the team has the message


def history(session: Session, conversation_id: str) -> list[ChatMessage]:
    rows = session.exec(
        select(ChatMessage)
        .where(ChatMessage.conversation_id == conversation_id)
        .order_by(ChatMessage.id.desc())
        .limit(HISTORY_LIMIT)
    ).all()
    return list(reversed(rows))


def _save(session: Session, conversation_id: str, person: Person | None, sender: Sender, text: str,
          language: str, safety_kind: str | None = None) -> ChatMessage:
    message = ChatMessage(conversation_id=conversation_id, person_id=person.id if person else None,
                          sender=sender, text=text, language=language, safety=safety_kind)
    session.add(message)
    return message


def _steps_replies(session, conversation_id, person, screening: safety.Screening) -> list[ChatMessage]:
    return [_save(session, conversation_id, person, Sender.SYSTEM, steps.as_text(), steps.language, steps.kind)
            for steps in screening.steps]


def _question_replies(session, conversation_id, person, screening: safety.Screening, languages) -> list:
    return [_save(session, conversation_id, person, Sender.SYSTEM, line, code)
            for line, code in zip(screening.question_lines, languages)]


def take_turn(session: Session, *, conversation_id: str, person: Person | None, text: str, language: str,
              device: str, rasa_url: str, timeout: float, person_token: str | None = None,
              relay_text: str | None = None, library=None) -> TurnResult:
    """relay_text, when given, is what Rasa receives instead of the shown text (a button's intent)."""
    text = safety.clean(text).strip()[:MAX_MESSAGE]
    _save(session, conversation_id, person, Sender.USER, text, language)
    session.commit()  # the person's words are kept whatever happens next

    kiosk = device == "kiosk"
    screening = safety.screen(session, text, person=person, source="chat", screen_language=language, kiosk=kiosk,
                              conversation_id=conversation_id, commit=False)
    handoff = tasks.open_handoff(session, conversation_id)
    if handoff is not None:
        tasks.add_to_handoff(session, handoff, text)

    if screening.alarm and screening.assessment.urgent:
        replies = _steps_replies(session, conversation_id, person, screening)
        session.commit()
        return TurnResult(replies, safety=screening.alarm,
                          team_answers_by=tasks.answer_expected_by(now_utc()) if handoff else None)

    # A possible alarm: the steps first, then the answer the message would have had anyway ("my phone
    # died, can I move my appointment?" still gets its answer).
    languages = safety.languages_to_answer_in(screening.assessment, language)
    replies = _steps_replies(session, conversation_id, person, screening) if screening.alarm \
        else _question_replies(session, conversation_id, person, screening, languages)
    if handoff is not None:
        session.commit()
        return TurnResult(replies, safety=screening.alarm, team_answers_by=tasks.answer_expected_by(now_utc()))
    session.commit()

    metadata = {"language": language, "device": device}
    if person_token:
        metadata["person_token"] = person_token
    try:
        bot_replies = relay.send(rasa_url, conversation_id, relay_text or text, metadata, timeout)
    except relay.AssistantUnavailable:
        # Answer from a search of the guidance instead, so the person still gets something useful.
        return TurnResult(replies, safety=screening.alarm, assistant_available=False,
                          suggestions=_suggestions(library, text, language, screening))

    result = TurnResult(replies, safety=screening.alarm)
    kind = next((r.custom["safety"] for r in bot_replies if r.custom.get("safety") in safety.ALARMS), None)
    if kind and not screening.alarm:
        # The assistant caught what the layer did not: the portal's steps in the writer's language instead
        # of the assistant's (which speaks the screen's language only), and a task for staff: urgent,
        # unless the layer read a question or finds no alarm likely ("my phone died"); then staff get
        # it to check, not as a page.
        result.safety = kind
        urgent = screening.assessment.backs_an_alarm_from_elsewhere
        if not urgent:
            logger.info("assistant read %s in conversation %s; the layer does not back it: no page",
                        kind, conversation_id)
        safety.raise_alert(session, kind, text, person=person, source="chat", language=languages[0],
                           conversation_id=conversation_id, urgent=urgent)
        for code in languages:
            steps = safety.steps_for(kind, code, kiosk=kiosk)
            result.replies.append(_save(session, conversation_id, person, Sender.SYSTEM, steps.as_text(),
                                        steps.language, kind))
    for bot_reply in bot_replies:
        if bot_reply.custom.get("set_language"):
            result.set_language = bot_reply.custom["set_language"]
        # After an alarm only the assistant read, its steps give way to the portal's; after the layer's own
        # alarm, only its safety replies do (the steps are there already and staff have the task).
        hidden = kind and (not screening.alarm or bot_reply.custom.get("safety") in safety.ALARMS)
        if bot_reply.text and not hidden:
            result.replies.append(_save(session, conversation_id, person, Sender.BOT, bot_reply.text, language))
        result.buttons.extend(bot_reply.buttons)
    session.commit()
    return result


def _suggestions(library, text: str, language: str, screening: safety.Screening) -> list:
    if library is None:
        return []
    pages = [hit.page for hit in library.search(text, language, limit=3)]
    if screening.question:
        wanted, _ = library.page(QUESTION_PAGES[screening.assessment.topic], language)
        if wanted is not None:
            pages = [wanted] + [page for page in pages if page.id != wanted.id][:2]
    return pages
