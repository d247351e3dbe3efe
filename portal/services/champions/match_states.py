"""How a champion match moves, and who may move it: the one place these rules live.

offered → accepted | declined | expired;  accepted → active | ended;  active → completed | ended.
The champion accepts or declines their own offers; the system expires them after 48 hours; the
person, their champion or staff start and end a match; staff may make any move (override).
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session

from portal.models import Match, MatchStatus, Person, Role
from portal.services import audit
from portal.services.errors import DomainError, NotAllowed

OFFER_HOURS = 48
S = MatchStatus


@dataclass(frozen=True)
class Move:
    to: MatchStatus
    allowed_from: tuple[MatchStatus, ...]
    who: tuple[str, ...]  # "champion" (the match's champion), "person" (the mentee), "system", "staff"


MOVES = {
    "accept": Move(S.ACCEPTED, (S.OFFERED,), ("champion", "staff")),
    "decline": Move(S.DECLINED, (S.OFFERED,), ("champion", "staff")),
    "expire": Move(S.EXPIRED, (S.OFFERED,), ("system", "staff")),
    "start": Move(S.ACTIVE, (S.ACCEPTED,), ("champion", "person", "system", "staff")),
    "complete": Move(S.COMPLETED, (S.ACTIVE,), ("champion", "staff")),
    "end": Move(S.ENDED, (S.ACCEPTED, S.ACTIVE), ("champion", "person", "staff")),
}
OPEN_STATES = (S.OFFERED, S.ACCEPTED, S.ACTIVE)  # these count against a champion's capacity


class BadMove(DomainError):
    status = 409


def role_in_match(match: Match, actor: Person | None, champion_person_id: int | None) -> str:
    if actor is None:
        return "system"
    if actor.role in (Role.STAFF, Role.ADMIN):
        return "staff"
    if actor.id == champion_person_id:
        return "champion"
    if actor.id == match.person_id:
        return "person"
    return "nobody"


def move(session: Session, match: Match, action: str, actor: Person | None, champion_person_id: int,
         now: datetime, ip: str = "") -> Match:
    rule = MOVES[action]
    who = role_in_match(match, actor, champion_person_id)
    if who not in rule.who:
        raise NotAllowed("not_allowed")
    if match.status not in rule.allowed_from:
        raise BadMove("match_moved_on")
    if action == "accept" and match.respond_by <= now:
        raise BadMove("offer_expired")
    values = {"status": rule.to, "version": match.version + 1}
    if action in ("accept", "decline", "expire"):
        values["decided_at"] = now
    if action in ("complete", "end"):
        values["ended_at"] = now
    # Compare-and-set on status: a champion accepting while the expiry job runs cannot both win.
    result = session.execute(update(Match).where(Match.id == match.id, Match.status == match.status)
                             .values(**values))
    if result.rowcount != 1:
        session.rollback()
        raise BadMove("match_moved_on")
    audit.record(session, f"match:{action}", actor_id=actor.id if actor else None, subject_id=match.person_id,
                 ip=ip, detail=f"match {match.id}", commit=False)
    session.commit()
    session.refresh(match)
    return match


def offer_deadline(now: datetime) -> datetime:
    return now + timedelta(hours=OFFER_HOURS)
