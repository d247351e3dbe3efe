"""What the assistant's action server may ask of the portal."""
from sqlmodel import Session, select

from portal.models import ChatMessage, Person, Role, StaffTask, TaskKind
from portal.services import audit, tasks
from portal.services.champions import requests as champion_requests
from portal.services.clock import now_utc
from portal.services.languages import CODES as LANGUAGE_CODES
from portal.services.people.records import release_plan_for
from portal.services.plans import appointments

EXPECTED_REPLY_HOURS = 24


def summary(session: Session, person: Person, ip: str, kind_label=lambda kind: kind) -> dict:
    """`kind_label` puts an appointment kind in the person's words (the portal's labels, translated)."""
    plan = release_plan_for(session, person.id)
    audit.record(session, "read:plan-summary", actor_id=person.id, subject_id=person.id, ip=ip, detail="assistant")
    return {
        "first_name": person.first_name,
        "release_date": plan.release_date.isoformat() if plan else None,
        "release_time": plan.release_time.strftime("%H:%M") if plan and plan.release_time else None,
        "released": person.role == Role.RELEASED,
        "release_area": plan.release_area if plan else None,
        "next_appointments": [{
            "kind": kind_label(a.kind.value),
            "kind_code": a.kind.value,
            "provider": a.provider,
            "starts_at": a.starts_at.isoformat(),  # UTC, "+00:00": sorts as text, as the action server does
            "address": a.address,
            "phone": a.phone,
            "what_to_bring": a.what_to_bring,
        } for a in appointments.upcoming(session, person.id, limit=5)],
        **_champion(session, person),
    }


def _champion(session: Session, person: Person) -> dict:
    """The person's champion (a relative's: their family-support contact) and the meetings booked ahead; or,
    without one, whether they have asked."""
    match = champion_requests.current_match(session, person)
    if match is None:
        asked = champion_requests.open_request(session, person) is not None
        return {"champion": None, "champion_requested": asked}
    _person, profile, champion_person = champion_requests.pair_of(session, match)
    return {"champion_requested": True, "champion": {
        "first_name": champion_person.first_name,
        "kind": profile.kind.value,
        "next_meetings": [{
            "starts_at": m.starts_at.isoformat(),
            "ends_at": m.ends_at.isoformat(),
            "place": m.place,
            "at_the_gate": m.at_the_gate,
        } for m in champion_requests.upcoming_meetings(session, match, now_utc())],
    }}


def handoff_errors(payload) -> dict:
    if not isinstance(payload, dict):
        return {"body": "a JSON object is required"}
    errors = {}
    if not isinstance(payload.get("sender_id"), str) or not payload["sender_id"].strip():
        errors["sender_id"] = "required text"
    transcript = payload.get("transcript")
    if not isinstance(transcript, list) or not all(
        isinstance(t, dict) and isinstance(t.get("text"), str) and t.get("from") in ("user", "bot") for t in transcript
    ):
        errors["transcript"] = "a list of {from: user|bot, text}"
    return errors


def _person_of_conversation(session: Session, conversation_id: str) -> Person | None:
    """The person whose chat this is: the portal names signed-in conversations and records their messages."""
    person_id = session.exec(select(ChatMessage.person_id).where(ChatMessage.conversation_id == conversation_id,
                                                                 ChatMessage.person_id.is_not(None))
                             .limit(1)).first()
    return session.get(Person, person_id) if person_id else None


def create_handoff(session: Session, payload: dict, person: Person | None) -> StaffTask:
    """A task for the team; the conversation stays with them until they close it (services/tasks.py)."""
    conversation_id = payload["sender_id"][:64]
    person = person or _person_of_conversation(session, conversation_id)
    lines = [f"{t['from']}: {t['text']}" for t in payload["transcript"][-30:]]
    language = payload.get("language") if payload.get("language") in LANGUAGE_CODES else "en"
    task = tasks.open_handoff(session, conversation_id)
    if task is None:
        task = StaffTask(kind=TaskKind.HANDOFF, urgent=False, person_id=person.id if person else None,
                         conversation_id=conversation_id, language=language,
                         summary=f"[{language}] " + "\n".join(lines)[:4000])
    session.add(task)
    session.commit()
    return task
