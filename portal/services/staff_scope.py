"""The prison boundary: the one rule for what a staff member may read or act on.

Every staff read and write goes through here: lists are filtered with the clause for their kind of
record (`people`, `tasks`, `champion_requests`, `matches`, `champions`, `audit_events`), and one record
is fetched by id with `get`, which answers "not found" for a record outside the boundary, so that
an id guessed from another prison tells nothing about it (`allows` asks the same question of a record
already loaded). Views and other services never compare prison ids themselves.

Whom a staff member acts for (`scope_of`)
- Staff act for their own prison: the prison on their account. It is kept as a set, so that a member
  who covers several prisons needs a change here only. A staff account with no prison acts for no
  prison: it sees nobody's casework until an administrator gives it one (before this rule it saw every
  prison), but it still sees the tasks that belong to no prison (below).
- Administrators act for every prison, as the code has always said (the caseload and the person page
  never limited them): they run the service for all prisons, and their reads are audited like anyone's.
- Nobody else is staff: asking for another role's scope is refused.

Where a record belongs
- A prisoner or a released person: their prison. A released person stays with the prison that released
  them: its resettlement team carries the plan on.
- A family member or carer: the prisons of the people they are linked to.
- A Recovery Champion: the prison that vets and supervises them (the prison on their account). Only its
  staff read the profile, record vetting, approve, pause or withdraw (withdrawing ends the champion's
  matches in every prison, and their people are offered someone new). Matching is estate-wide: a request
  may be offered or assigned to any approved champion who fits it, so staff see a suggested champion's
  first name and reasons on their own requests.
- A champion request, a match, its messages and meetings: the person's who is supported, not the
  champion's.
- A staff task: its person's. A task with no person comes from someone who was not signed in: an alert
  or a hand-off from the chat. An anonymous alert typed on a kiosk would belong to the kiosk's prison,
  but the portal cannot tell one: kiosks do not identify themselves, and a chat on a kiosk before anyone
  signs in looks like any visitor's on a phone. So a task with no person, and a task whose person belongs
  to no prison, is seen by all staff: everyone with the staff role handles safety alerts (there is no
  narrower safety role), and an alert that no prison owns must still reach someone.
"""
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, not_, or_, true
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from portal.models import AuditEvent, ChampionProfile, ChampionRequest, FamilyLink, Match, Person, Role, StaffTask
from portal.services.errors import NotAllowed, NotFound


@dataclass(frozen=True)
class Scope:
    """The prisons a staff member acts for: every one (administrators) or those listed."""
    every_prison: bool
    prison_ids: frozenset[int] = frozenset()


def scope_of(viewer: Person) -> Scope:
    if viewer.role == Role.ADMIN:
        return Scope(every_prison=True)
    if viewer.role == Role.STAFF:
        return Scope(every_prison=False,
                     prison_ids=frozenset() if viewer.prison_id is None else frozenset({viewer.prison_id}))
    raise NotAllowed("not_allowed")


def _belongs(person_id: ColumnElement, prison: Callable[[ColumnElement], ColumnElement]) -> ColumnElement:
    """Whether the person in `person_id` belongs to a prison that `prison(prison_id)` accepts: their own
    prison, or for a relative the prison of someone they are linked to. Aliased, so that the subqueries
    never correlate with a `Person` in the query around them."""
    own = aliased(Person)
    linked = aliased(Person)
    return or_(
        person_id.in_(select(own.id).where(prison(own.prison_id))),
        person_id.in_(select(FamilyLink.relative_id).join(linked, linked.id == FamilyLink.person_id)
                      .where(prison(linked.prison_id))),
    )


def _in_scope(scope: Scope, person_id: ColumnElement) -> ColumnElement:
    if scope.every_prison:
        return true()
    return _belongs(person_id, lambda prison_id: prison_id.in_(sorted(scope.prison_ids)))


def people(scope: Scope) -> ColumnElement:
    return _in_scope(scope, Person.id)


def tasks(scope: Scope) -> ColumnElement:
    """Tasks of people in scope, and those nobody's prison owns (no person, or a person of no prison)."""
    if scope.every_prison:
        return true()
    return or_(StaffTask.person_id.is_(None), _in_scope(scope, StaffTask.person_id),
               not_(_belongs(StaffTask.person_id, lambda prison_id: prison_id.is_not(None))))


def champion_requests(scope: Scope) -> ColumnElement:
    return _in_scope(scope, ChampionRequest.person_id)


def matches(scope: Scope) -> ColumnElement:
    return _in_scope(scope, Match.person_id)


def champions(scope: Scope) -> ColumnElement:
    return _in_scope(scope, ChampionProfile.person_id)


def audit_events(scope: Scope) -> ColumnElement:
    """Events about people in scope (administrators: every event, the service's own included)."""
    return _in_scope(scope, AuditEvent.subject_id)


CLAUSES = {Person: people, StaffTask: tasks, ChampionRequest: champion_requests, Match: matches,
           ChampionProfile: champions}


def get(session: Session, viewer: Person, model: type, record_id: int):
    """The record with this id if the viewer may act on it; NotFound whether it is missing or elsewhere."""
    record = session.exec(select(model).where(model.id == record_id, CLAUSES[model](scope_of(viewer)))).first()
    if record is None:
        raise NotFound("not_found")
    return record


def allows(session: Session, viewer: Person, record) -> bool:
    model = type(record)
    return session.exec(select(model.id).where(model.id == record.id, CLAUSES[model](scope_of(viewer)))).first() \
        is not None
