"""Asking for a champion, offers that move on after 48 hours, first meetings and messages."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import (
    ChampionProfile,
    ChampionRequest,
    ChampionStatus,
    Match,
    MatchMessage,
    MatchStatus,
    Meeting,
    Person,
    RequestStatus,
    Role,
    StaffTask,
    SupportKind,
    TaskKind,
)
from portal.services import audit, safety, staff_scope
from portal.services.champions import availability, candidates, match_states, matching
from portal.services.champions.profiles import exceptions, weekly_slots
from portal.services.clock import today_in_london
from portal.services.errors import DomainError, NotAllowed, NotFound
from portal.services.plans.release_plans import plan_for, release_moment

ELIGIBLE_WEEKS_BEFORE_RELEASE = 12
MEETING_LENGTH = availability.MEETING_LENGTH
BOOKING_HORIZON = timedelta(days=21)


class RequestRefused(DomainError):
    status = 400


def _jsonable(reasons) -> list:
    out = []
    for code, params in reasons:
        out.append([code, {k: (v.isoformat() if isinstance(v, (date, datetime)) else v) for k, v in params.items()}])
    return out


def open_request(session: Session, person: Person) -> ChampionRequest | None:
    return session.exec(select(ChampionRequest).where(ChampionRequest.person_id == person.id,
                                                      ChampionRequest.status != RequestStatus.CLOSED)
                        .order_by(ChampionRequest.id.desc())).first()


def create_request(session: Session, person: Person, requested_by: Person, *, languages: list[str], area: str,
                   gender_preference: str = "", experience: list[str] | None = None, needs: list[str] | None = None,
                   notes: str = "", today: date, now: datetime, ip: str = "", language: str = "en",
                   kiosk: bool = False) -> tuple[ChampionRequest, safety.Screening | None]:
    """The person's own words in the notes are screened first (staff writing for them are not)."""
    screening = None
    if notes.strip() and requested_by.id == person.id:
        screening = safety.screen(session, notes, person=person, source="champion-request", screen_language=language,
                                  kiosk=kiosk)
    if person.role == Role.FAMILY:
        kind = SupportKind.FAMILY
    elif person.role in (Role.PRISONER, Role.RELEASED):
        kind = SupportKind.PEER
        plan = plan_for(session, person.id)
        if person.role == Role.PRISONER and (
                plan is None or (plan.release_date - today).days > ELIGIBLE_WEEKS_BEFORE_RELEASE * 7):
            raise RequestRefused("champion_too_early", weeks=ELIGIBLE_WEEKS_BEFORE_RELEASE)
    else:
        raise NotAllowed("not_allowed")
    if requested_by.id != person.id and not staff_scope.allows(session, requested_by, person):
        raise NotFound("not_found")  # only staff of the person's prison ask on their behalf
    if open_request(session, person) is not None:
        raise RequestRefused("champion_already_requested")
    if not languages:
        raise RequestRefused("champion_language_needed")
    request = ChampionRequest(person_id=person.id, requested_by_id=requested_by.id, kind=kind, languages=languages,
                              area=area.strip(), gender_preference=gender_preference, experience=experience or [],
                              needs=needs or [], notes=safety.clean(notes).strip()[:1000])
    session.add(request)
    session.flush()
    audit.record(session, "create:champion-request", actor_id=requested_by.id, subject_id=person.id, ip=ip,
                 commit=False)
    session.commit()
    offer_next(session, request, now)
    return request, screening


def tried_champions(session: Session, request: ChampionRequest) -> set[int]:
    return set(session.exec(select(Match.champion_id).where(Match.request_id == request.id)))


def offer_next(session: Session, request: ChampionRequest, now: datetime) -> Match | None:
    """Offer the request to the best champion not yet asked; None when nobody suitable is left."""
    if request.status != RequestStatus.OPEN:
        return None
    asked = tried_champions(session, request)
    for suggestion in candidates.suggest_champions(session, request, now, limit=len(asked) + 5):
        if suggestion.champion_id in asked:
            continue
        match = Match(request_id=request.id, champion_id=suggestion.champion_id, person_id=request.person_id,
                      score=suggestion.score, reasons=_jsonable(suggestion.reasons),
                      offered_at=now, respond_by=match_states.offer_deadline(now))
        session.add(match)
        audit.record(session, "match:offer", actor_id=None, subject_id=request.person_id, commit=False,
                     detail=f"champion {suggestion.champion_id}")
        session.commit()
        return match
    return None


def champion_person_id(session: Session, match: Match) -> int:
    return session.get(ChampionProfile, match.champion_id).person_id


def respond(session: Session, match: Match, accept: bool, actor: Person, now: datetime, ip: str = "") -> Match:
    match_states.move(session, match, "accept" if accept else "decline", actor, champion_person_id(session, match),
                      now, ip)
    request = session.get(ChampionRequest, match.request_id)
    if accept:
        request.status = RequestStatus.MATCHED
        session.add(request)
        session.commit()
    else:
        offer_next(session, request, now)
    return match


def finish(session: Session, match: Match, completed: bool, actor: Person, now: datetime, ip: str = "") -> Match:
    """Close a match: "completed" when the support ran its course, "ended" when it stopped early.
    Who may do which is decided by match_states."""
    match_states.move(session, match, "complete" if completed else "end", actor, champion_person_id(session, match),
                      now, ip)
    request = session.get(ChampionRequest, match.request_id)
    request.status = RequestStatus.CLOSED
    session.add(request)
    session.commit()
    return match


def expire_offers(session: Session, now: datetime) -> int:
    """Run from cron: offers not answered in 48 hours expire and move on to the next champion."""
    overdue = session.exec(select(Match).where(Match.status == MatchStatus.OFFERED, Match.respond_by <= now)).all()
    for match in overdue:
        try:
            match_states.move(session, match, "expire", None, champion_person_id(session, match), now)
        except match_states.BadMove:
            continue  # answered a moment ago
        offer_next(session, session.get(ChampionRequest, match.request_id), now)
    return len(overdue)


def staff_assign(session: Session, request: ChampionRequest, champion: ChampionProfile, staff: Person,
                 now: datetime, ip: str = "") -> Match:
    """Staff override: match directly, skipping the offer. The request must be of the staff member's
    prisons; the champion may be any in the pool (staff_scope)."""
    if not staff_scope.allows(session, staff, request):
        raise NotFound("not_found")
    for match in session.exec(select(Match).where(Match.request_id == request.id,
                                                  Match.status == MatchStatus.OFFERED)):
        match_states.move(session, match, "expire", staff, champion_person_id(session, match), now, ip)
    match = Match(request_id=request.id, champion_id=champion.id, person_id=request.person_id,
                  status=MatchStatus.ACCEPTED, reasons=[["staff_choice", {}]], offered_at=now, respond_by=now,
                  decided_at=now)
    request.status = RequestStatus.MATCHED
    session.add(match)
    session.add(request)
    audit.record(session, "match:staff-assign", actor_id=staff.id, subject_id=request.person_id, ip=ip,
                 detail=f"champion {champion.id}", commit=False)
    session.commit()
    return match


def withdraw_champion(session: Session, champion: ChampionProfile, staff: Person, now: datetime, ip: str = "") -> int:
    """A withdrawn champion's open matches end and their people are offered someone new."""
    if champion.status != ChampionStatus.WITHDRAWN:
        from portal.services.champions.profiles import set_status

        set_status(session, champion, ChampionStatus.WITHDRAWN, staff, ip)
    rematched = 0
    for match in session.exec(select(Match).where(Match.champion_id == champion.id,
                                                  Match.status.in_(match_states.OPEN_STATES))).all():
        action = "expire" if match.status == MatchStatus.OFFERED else "end"
        match_states.move(session, match, action, staff, champion.person_id, now, ip)
        request = session.get(ChampionRequest, match.request_id)
        request.status = RequestStatus.OPEN
        session.add(request)
        session.commit()
        if offer_next(session, request, now):
            rematched += 1
    return rematched


def open_pairs(session: Session, staff: Person) -> dict[int, list[tuple[Match, str]]]:
    """Each champion's accepted or active matches with people of the staff member's prisons (staff_scope),
    with the person's first name, for the staff list."""
    rows = session.exec(select(Match, Person.first_name).join(Person, Person.id == Match.person_id)
                        .where(Match.status.in_((MatchStatus.ACCEPTED, MatchStatus.ACTIVE)),
                               staff_scope.matches(staff_scope.scope_of(staff))).order_by(Match.id)).all()
    pairs: dict[int, list[tuple[Match, str]]] = {}
    for match, first_name in rows:
        pairs.setdefault(match.champion_id, []).append((match, first_name))
    return pairs


def matches_for_person(session: Session, person: Person) -> list[Match]:
    return list(session.exec(select(Match).where(Match.person_id == person.id).order_by(Match.id.desc())))


def matches_for_champion(session: Session, champion: ChampionProfile, staff: Person | None = None) -> list[Match]:
    """The champion's matches; for a staff member, only those with people of their prisons (staff_scope)."""
    query = select(Match).where(Match.champion_id == champion.id)
    if staff is not None:
        query = query.where(staff_scope.matches(staff_scope.scope_of(staff)))
    return list(session.exec(query.order_by(Match.id.desc())))


def current_match(session: Session, person: Person) -> Match | None:
    """The person's champion now: the latest accepted or active match."""
    return session.exec(select(Match).where(Match.person_id == person.id,
                                            Match.status.in_((MatchStatus.ACCEPTED, MatchStatus.ACTIVE)))
                        .order_by(Match.id.desc())).first()


def pending_offer(session: Session, request: ChampionRequest) -> Match | None:
    """The offer for this request a champion has not answered yet."""
    return session.exec(select(Match).where(Match.request_id == request.id, Match.status == MatchStatus.OFFERED)
                        .order_by(Match.id.desc())).first()


def open_requests(session: Session, staff: Person) -> list[ChampionRequest]:
    """Requests of the staff member's prisons (staff_scope) nobody has been matched to yet, oldest first."""
    return list(session.exec(select(ChampionRequest).where(ChampionRequest.status == RequestStatus.OPEN,
                                                           staff_scope.champion_requests(staff_scope.scope_of(staff)))
                             .order_by(ChampionRequest.created_at, ChampionRequest.id)))


def get_request(session: Session, request_id: int, staff: Person) -> ChampionRequest:
    """A request of the staff member's prisons (staff_scope); any other is not found."""
    return staff_scope.get(session, staff, ChampionRequest, request_id)


def champion_people(session: Session, champion_ids) -> dict[int, Person]:
    """The person behind each champion profile, by profile id."""
    ids = set(champion_ids)
    if not ids:
        return {}
    return dict(session.exec(select(ChampionProfile.id, Person).join(Person, Person.id == ChampionProfile.person_id)
                             .where(ChampionProfile.id.in_(ids))).all())


def pair_of(session: Session, match: Match) -> tuple[Person, ChampionProfile, Person]:
    """The person, their champion's profile and the champion as a person."""
    champion = session.get(ChampionProfile, match.champion_id)
    return session.get(Person, match.person_id), champion, session.get(Person, champion.person_id)


@dataclass(frozen=True)
class OpenRequest:
    """A request as staff see it on the requests page."""
    request: ChampionRequest
    person: Person
    pending: Match | None  # the offer waiting for an answer
    pending_champion: Person | None
    suggestions: list  # [(matching.Suggestion, the champion as a Person)], best first


def open_requests_for_staff(session: Session, staff: Person, now: datetime, limit: int = 3) -> list[OpenRequest]:
    """Every open request of the staff member's prisons with its pending offer and the best few champions
    for it (from the whole pool), in a few queries (the suggestions themselves are worked out request by
    request)."""
    found = open_requests(session, staff)
    if not found:
        return []
    people = dict(session.exec(select(Person.id, Person).where(Person.id.in_({r.person_id for r in found}))).all())
    pending = {m.request_id: m for m in session.exec(
        select(Match).where(Match.request_id.in_([r.id for r in found]), Match.status == MatchStatus.OFFERED)
        .order_by(Match.id))}
    suggested = {r.id: candidates.suggest_champions(session, r, now, limit=limit) for r in found}
    champions = champion_people(session, [m.champion_id for m in pending.values()]
                                + [s.champion_id for suggestions in suggested.values() for s in suggestions])
    return [OpenRequest(r, people[r.person_id], pending.get(r.id),
                        champions[pending[r.id].champion_id] if r.id in pending else None,
                        [(s, champions[s.champion_id]) for s in suggested[r.id]]) for r in found]


@dataclass(frozen=True)
class Offer:
    """Only what a champion needs to decide: first name, area, release week, needs."""
    match: Match
    first_name: str
    area: str
    release_week: date | None  # the Monday of the release week
    needs: tuple[str, ...]  # specialism codes, then lived-experience codes


@dataclass(frozen=True)
class Mentee:
    match: Match
    first_name: str


def champion_caseload(session: Session, champion: ChampionProfile) -> tuple[list[Offer], list[Mentee]]:
    """A champion's offers waiting for an answer, and the people they support now."""
    offers, mentees = [], []
    for match in matches_for_champion(session, champion):
        person = session.get(Person, match.person_id)
        if match.status == MatchStatus.OFFERED:
            request = session.get(ChampionRequest, match.request_id)
            plan = plan_for(session, person.id)
            week = plan.release_date - timedelta(days=plan.release_date.weekday()) if plan else None
            offers.append(Offer(match, person.first_name, request.area, week,
                                tuple(request.needs) + tuple(request.experience)))
        elif match.status in (MatchStatus.ACCEPTED, MatchStatus.ACTIVE):
            mentees.append(Mentee(match, person.first_name))
    return offers, mentees


def meeting_times(session: Session, match: Match, now: datetime, limit: int = 12) -> tuple[datetime | None,
                                                                                           list[datetime]]:
    """What a first meeting can be booked for: "meet me at the gate" (the release moment, while it is still
    to come and the champion is free then) and the next free starts in the champion's time."""
    champion = session.get(ChampionProfile, match.champion_id)
    taken = {m.starts_at for m in meetings_of_champion(session, champion)}
    gate = gate_time(session, match)
    if gate is None or gate <= now or gate in taken:
        gate = None
    free = availability.free_intervals(weekly_slots(session, champion), exceptions(session, champion, today_in_london(now)),
                                       now, now + BOOKING_HORIZON)
    return gate, availability.bookable_starts(free, taken=taken)[:limit]


def get_match_for(session: Session, match_id: int, viewer: Person) -> Match:
    """The match, if the viewer is its person, its champion or staff of the person's prison (who may read
    for safeguarding: staff_scope)."""
    if viewer.role in (Role.STAFF, Role.ADMIN):
        return staff_scope.get(session, viewer, Match, match_id)
    match = session.get(Match, match_id)
    if match is None:
        raise NotFound("not_found")
    if viewer.id == match.person_id:
        return match
    if viewer.id == champion_person_id(session, match):
        return match
    raise NotFound("not_found")


def book_meeting(session: Session, match: Match, starts_at: datetime, booked_by: Person, now: datetime,
                 at_the_gate: bool = False, place: str = "") -> Meeting:
    if match.status not in (MatchStatus.ACCEPTED, MatchStatus.ACTIVE):
        raise RequestRefused("match_not_ready")
    if starts_at <= now:
        raise RequestRefused("meeting_in_past")
    meeting = Meeting(match_id=match.id, champion_id=match.champion_id, starts_at=starts_at,
                      ends_at=starts_at + MEETING_LENGTH, at_the_gate=at_the_gate, place=place[:200],
                      booked_by_id=booked_by.id)
    session.add(meeting)
    try:
        session.commit()  # the unique (champion, start) constraint is the arbiter of a race
    except IntegrityError:
        session.rollback()
        raise RequestRefused("meeting_slot_taken")
    audit.record(session, "book:meeting", actor_id=booked_by.id, subject_id=match.person_id,
                 detail=f"match {match.id}{' at the gate' if at_the_gate else ''}")
    if match.status == MatchStatus.ACCEPTED:
        match_states.move(session, match, "start", booked_by, champion_person_id(session, match), now)
    return meeting


def gate_time(session: Session, match: Match) -> datetime | None:
    plan = plan_for(session, match.person_id)
    return release_moment(plan) if plan else None


def meetings_of(session: Session, match: Match) -> list[Meeting]:
    return list(session.exec(select(Meeting).where(Meeting.match_id == match.id).order_by(Meeting.starts_at)))


def upcoming_meetings(session: Session, match: Match, now: datetime, limit: int = 3) -> list[Meeting]:
    """The pair's meetings from now on, soonest first."""
    return list(session.exec(select(Meeting).where(Meeting.match_id == match.id, Meeting.starts_at >= now)
                             .order_by(Meeting.starts_at).limit(limit)))


def meetings_of_champion(session: Session, champion: ChampionProfile) -> list[Meeting]:
    return list(session.exec(select(Meeting).where(Meeting.champion_id == champion.id)))


def send_message(session: Session, match: Match, sender: Person, text: str, *, language: str,
                 kiosk: bool = False) -> tuple[MatchMessage, safety.Screening]:
    """The message is delivered whatever it says; one that describes an overdose or a crisis also
    raises an urgent task and gets the steps at once (safety.screen)."""
    screening = safety.screen(session, text, person=sender, source="pair-message", screen_language=language,
                              kiosk=kiosk, commit=False)
    if match.status not in (MatchStatus.ACCEPTED, MatchStatus.ACTIVE):
        session.commit()  # the alert stands even when the message cannot be delivered
        raise RequestRefused("match_not_ready")
    message = MatchMessage(match_id=match.id, sender_id=sender.id, text=safety.clean(text).strip()[:2000])
    session.add(message)
    if screening.task is not None:
        screening.task.subject_ref = f"match:{match.id}"
    session.commit()
    return message, screening


def messages_of(session: Session, match: Match) -> list[MatchMessage]:
    return list(session.exec(select(MatchMessage).where(MatchMessage.match_id == match.id).order_by(MatchMessage.id)))


def report_concern(session: Session, match: Match, reporter: Person, text: str, ip: str = "", *,
                   language: str = "en", kiosk: bool = False) -> tuple[StaffTask, safety.Screening]:
    screening = safety.screen(session, text, person=reporter, source="pair-concern", screen_language=language,
                              kiosk=kiosk, commit=False)
    if screening.task is not None:
        screening.task.subject_ref = f"match:{match.id}"
    task = StaffTask(kind=TaskKind.CONCERN, urgent=True, person_id=match.person_id,
                     subject_ref=f"match:{match.id}", summary=safety.clean(text).strip()[:2000] or "-")
    session.add(task)
    audit.record(session, "report:concern", actor_id=reporter.id, subject_id=match.person_id, ip=ip,
                 detail=f"match {match.id}", commit=False)
    session.commit()
    return task, screening


@dataclass(frozen=True)
class BatchResult:
    assigned: int
    unassigned: int
    total_score: float


def assign_all_open(session: Session, staff: Person, now: datetime, ip: str = "") -> BatchResult:
    """Offer every open request of the staff member's prisons (staff_scope) to a champion at once, choosing
    the set of offers with the best total score that keeps every champion within their places
    (matching.batch_assign). Other prisons' requests and their pending offers are left alone."""
    requests = open_requests(session, staff)
    # Pending offers for these requests are withdrawn first, so their places count as free again.
    for match in session.exec(select(Match).where(Match.request_id.in_([r.id for r in requests]),
                                                  Match.status == MatchStatus.OFFERED)).all():
        match_states.move(session, match, "expire", staff, champion_person_id(session, match), now, ip)
    prefs, fits = candidates.batch_inputs(session, requests, now)
    result = matching.batch_assign(prefs, fits)
    by_id = {r.id: r for r in requests}
    for request_id, suggestion in result.chosen.items():
        session.add(Match(request_id=request_id, champion_id=suggestion.champion_id,
                          person_id=by_id[request_id].person_id, score=suggestion.score,
                          reasons=_jsonable(suggestion.reasons), offered_at=now,
                          respond_by=match_states.offer_deadline(now)))
    audit.record(session, "match:batch", actor_id=staff.id, ip=ip, commit=False,
                 detail=f"{len(result.chosen)} offered, {len(result.unassigned)} unmatched, total {result.total_score}")
    session.commit()
    return BatchResult(len(result.chosen), len(result.unassigned), result.total_score)
