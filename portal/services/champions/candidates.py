"""Loading what the matching rules need from the database: a request's preferences, and the champions
who could pass the hard rules, with their places taken and their free time in the person's window.

Five small queries for one request; the profile query narrows by status, kind, area and language in
SQL, and free time (the costly part) is loaded only for the best-placed few (matching.best_first).
"""
import json
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime

from sqlalchemy import String, bindparam, cast, func, or_
from sqlmodel import Session, select

from portal.models import (
    AvailabilityException,
    ChampionProfile,
    ChampionRequest,
    ChampionStatus,
    Match,
    MatchStatus,
    Meeting,
    Person,
    ReleasePlan,
    WeeklySlot,
)
from portal.services.champions import matching
from portal.services.champions.availability import MEETING_LENGTH, Change, Slot
from portal.services.champions.matching import (
    HOLDING_A_PLACE,
    WORKED_TOGETHER,
    Candidate,
    RequestPrefs,
    Suggestion,
    area_key,
    window_for,
)
from portal.services.clock import LONDON


def suggest_champions(session: Session, request: ChampionRequest, now: datetime, limit: int = 5) -> list[Suggestion]:
    """The best champions for a request, from the database: profiles and places for everyone who
    might fit, then free time only for the best-placed few (most of the cost was free time)."""
    prefs = prefs_for(session, request, now)
    if not prefs.languages:
        return []
    hopefuls = _profiles_with_places(session, _narrowing(prefs), not_for_request=request.id)
    return matching.best_first(prefs, hopefuls, limit, with_free_time=lambda chunk: _with_free_time(
        session, chunk, prefs.window_start, prefs.window_end))


def prefs_for(session: Session, request: ChampionRequest, now: datetime) -> RequestPrefs:
    return _prefs_for_many(session, [request], now)[0]


def load_candidates(session: Session, request: ChampionRequest, now: datetime,
                    prefs: RequestPrefs | None = None) -> list[Candidate]:
    """Champions who could pass the hard rules for this request, in five small queries.

    The profile query narrows by status, kind, area and language in SQL; areas and languages are
    JSON lists, so it matches their text (a superset), and `passes_filters` makes the exact test."""
    prefs = prefs or prefs_for(session, request, now)
    if not prefs.languages:
        return []
    candidates = _profiles_with_places(session, _narrowing(prefs), not_for_request=request.id)
    return _with_free_time(session, candidates, prefs.window_start, prefs.window_end)


def _narrowing(prefs: RequestPrefs) -> list:
    """Approved, of the kind, and (by the text of the JSON lists) a language and the area."""
    conditions = [ChampionProfile.status == ChampionStatus.APPROVED, ChampionProfile.kind == prefs.kind,
                  or_(*[_json_text(ChampionProfile.languages).like(_json_pattern(code), escape="\\")
                        for code in prefs.languages])]
    key = area_key(prefs.area)
    if key.isascii():  # escaped non-ASCII letters do not lower-case in SQL; skip the narrowing then
        conditions.append(_json_text(ChampionProfile.areas).like(_words_pattern(key), escape="\\"))
    return conditions


def batch_inputs(session: Session, requests: list[ChampionRequest], now: datetime
                 ) -> tuple[list[RequestPrefs], list[Candidate]]:
    """What batch_assign needs for these requests. Every place held by an open match counts here,
    including offers for these very requests: expire those before re-assigning, or they stay held."""
    if not requests:
        return [], []
    prefs = _prefs_for_many(session, requests, now)
    kinds = sorted({r.kind for r in requests}, key=lambda k: k.value)
    conditions = [ChampionProfile.status == ChampionStatus.APPROVED, ChampionProfile.kind.in_(kinds)]
    candidates = _profiles_with_places(session, conditions)
    return prefs, _with_free_time(session, candidates, min(p.window_start for p in prefs), max(p.window_end for p in prefs))


def _prefs_for_many(session: Session, requests: list[ChampionRequest], now: datetime) -> list[RequestPrefs]:
    person_ids = {r.person_id for r in requests}
    plans = {p.person_id: p for p in session.exec(select(ReleasePlan).where(ReleasePlan.person_id.in_(person_ids)))}
    locales = dict(session.exec(select(Person.id, Person.locale).where(Person.id.in_(person_ids))).all())
    before: dict[int, set[int]] = defaultdict(set)
    for person_id, champion_id in session.exec(
            select(Match.person_id, Match.champion_id)
            .where(Match.person_id.in_(person_ids), Match.status.in_(WORKED_TOGETHER))):
        before[person_id].add(champion_id)
    out = []
    for request in requests:
        plan = plans.get(request.person_id)
        start, end = window_for(plan, now)
        out.append(RequestPrefs(
            request_id=request.id, person_id=request.person_id, kind=request.kind,
            languages=_first_language_first(request.languages, locales.get(request.person_id)),
            area=request.area or (plan.release_area if plan else ""),
            window_start=start, window_end=end, gender_preference=request.gender_preference or "",
            experience=request.experience or (), needs=request.needs or (),
            previous_champions=frozenset(before.get(request.person_id, ()))))
    return out


def _first_language_first(languages: list[str], locale: str | None) -> tuple[str, ...]:
    """The portal language the person chose is taken as their first language when it is one of
    those they asked for; otherwise the order they were given in."""
    ordered = list(dict.fromkeys(languages))
    if locale in ordered:
        ordered.remove(locale)
        ordered.insert(0, locale)
    return tuple(ordered)


def _profiles_with_places(session: Session, conditions: list, not_for_request: int | None = None) -> list[Candidate]:
    """Candidates from the profiles matching `conditions`, with their places taken; no free time yet."""
    # Plain column queries through the connection: the ORM's row handling was half the time here.
    run = session.connection().execute
    profiles = run(select(
        ChampionProfile.id, ChampionProfile.status, ChampionProfile.kind, ChampionProfile.languages,
        ChampionProfile.areas, ChampionProfile.gender, ChampionProfile.age_group, ChampionProfile.experience,
        ChampionProfile.specialisms, ChampionProfile.max_mentees).where(*conditions)).all()
    if not profiles:
        return []
    # Statuses are counted, not filtered, in SQL: a status filter tempts the planner onto the
    # status index, which holds most rows, instead of the champion index.
    held = select(Match.champion_id, Match.status, func.count()).where(
        _among(Match.champion_id, [row.id for row in profiles]))
    if not_for_request is not None:
        # A place held for this very request is not counted against it.
        held = held.where(Match.request_id != not_for_request)
    active, offers = defaultdict(int), defaultdict(int)
    for champion_id, status, count in run(held.group_by(Match.champion_id, Match.status)):
        if status in HOLDING_A_PLACE:
            (offers if status == MatchStatus.OFFERED else active)[champion_id] += count
    return [Candidate(
        champion_id=row.id, status=row.status, kind=row.kind, languages=row.languages, areas=row.areas,
        gender=row.gender, age_group=row.age_group, experience=row.experience, specialisms=row.specialisms,
        max_mentees=row.max_mentees, active_mentees=active[row.id], open_offers=offers[row.id]) for row in profiles]


def _with_free_time(session: Session, candidates: list[Candidate], window_start: datetime,
                    window_end: datetime) -> list[Candidate]:
    """The same candidates with their weekly slots, dated changes and meetings in the window."""
    if not candidates:
        return []
    run = session.connection().execute
    ids = [c.champion_id for c in candidates]
    weekly, changes, booked = defaultdict(list), defaultdict(list), defaultdict(list)
    for row in run(select(WeeklySlot.champion_id, WeeklySlot.weekday, WeeklySlot.start, WeeklySlot.end)
                   .where(_among(WeeklySlot.champion_id, ids))):
        weekly[row.champion_id].append(Slot(row.weekday, row.start, row.end))
    first_day, last_day = _london_dates(window_start, window_end)
    for row in run(select(AvailabilityException.champion_id, AvailabilityException.on_date,
                          AvailabilityException.available, AvailabilityException.start, AvailabilityException.end)
                   .where(_among(AvailabilityException.champion_id, ids), AvailabilityException.on_date >= first_day,
                          AvailabilityException.on_date <= last_day)):
        changes[row.champion_id].append(Change(row.on_date, row.available, row.start, row.end))
    for champion_id, starts_at in run(
            select(Meeting.champion_id, Meeting.starts_at)
            .where(_among(Meeting.champion_id, ids), Meeting.starts_at > window_start - MEETING_LENGTH,
                   Meeting.starts_at < window_end)):
        booked[champion_id].append(starts_at)
    return [replace(c, weekly=weekly[c.champion_id], exceptions=changes[c.champion_id], booked=booked[c.champion_id])
            for c in candidates]


def _among(column, ids: list[int]):
    """`column IN (ids)` with the ids written into the SQL as numbers rather than bound one by one:
    a batch over every champion would pass the bind-parameter limits (SQLite 32,766; PostgreSQL 65,535)."""
    return column.in_(bindparam(f"{column.table.name}_ids", [int(i) for i in ids], expanding=True,
                                literal_execute=True))


def _london_dates(start: datetime, end: datetime) -> tuple[date, date]:
    return start.astimezone(LONDON).date(), end.astimezone(LONDON).date()


def _json_text(column):
    return func.lower(cast(column, String))


def _json_pattern(value: str) -> str:
    """`%"value"%`: the value as it appears inside a stored JSON list."""
    return "%" + _like_escaped(json.dumps(value)) + "%"


def _words_pattern(key: str) -> str:
    """`%tower%hamlets%`: the area's words in order, whatever the spacing and case stored."""
    return "%" + "%".join(_like_escaped(json.dumps(word)[1:-1]) for word in key.split()) + "%"


def _like_escaped(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
