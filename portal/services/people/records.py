"""Reading people and their release dates, with each read of someone else's data audited."""
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from portal.models import FamilyLink, Person, Prison, ReleasePlan, Role
from portal.services import audit, staff_scope
from portal.services.errors import NotFound

CASEWORK = (Role.PRISONER, Role.RELEASED)  # the people whose plans staff look after


@dataclass(frozen=True)
class PersonSummary:
    person: Person
    release_date: date | None
    release_area: str | None

    def days_to_release(self, today: date) -> int | None:
        return (self.release_date - today).days if self.release_date else None


def release_plan_for(session: Session, person_id: int) -> ReleasePlan | None:
    return session.exec(select(ReleasePlan).where(ReleasePlan.person_id == person_id)).first()


def own_summary(session: Session, person: Person) -> PersonSummary:
    plan = release_plan_for(session, person.id)
    return PersonSummary(person, plan.release_date if plan else None, plan.release_area if plan else None)


def caseload(session: Session, viewer: Person, ip: str) -> list[PersonSummary]:
    """Everyone staff look after in the viewer's prisons (staff_scope): prisoners, and the people they released."""
    query = (
        select(Person, ReleasePlan)
        .join(ReleasePlan, ReleasePlan.person_id == Person.id, isouter=True)
        .where(Person.role.in_(CASEWORK), staff_scope.people(staff_scope.scope_of(viewer)))
        .order_by(ReleasePlan.release_date, Person.first_name)
    )
    rows = session.exec(query).all()
    audit.record(session, "read:caseload", actor_id=viewer.id, ip=ip, detail=f"{len(rows)} people")
    return [PersonSummary(person, plan.release_date if plan else None, plan.release_area if plan else None)
            for person, plan in rows]


def person_for_casework(session: Session, viewer: Person, person_id: int, ip: str) -> PersonSummary:
    """A prisoner or released person in the viewer's prisons; anyone else is not found (staff_scope)."""
    person = staff_scope.get(session, viewer, Person, person_id)
    if person.role not in CASEWORK:
        raise NotFound("not_found")
    audit.record(session, "read:person", actor_id=viewer.id, subject_id=person.id, ip=ip)
    return own_summary(session, person)


@dataclass(frozen=True)
class SharedWithFamily:
    first_name: str
    relationship_label: str
    release_date: date | None  # None unless the person agreed to share it


def shared_with_relative(session: Session, relative: Person, ip: str) -> list[SharedWithFamily]:
    """What each linked person has agreed to let this relative see: nothing more."""
    links = session.exec(select(FamilyLink).where(FamilyLink.relative_id == relative.id)).all()
    shared = []
    for link in links:
        person = session.get(Person, link.person_id)
        release_date = None
        if link.shares_release_date:
            plan = release_plan_for(session, person.id)
            release_date = plan.release_date if plan else None
            audit.record(session, "read:release-date", actor_id=relative.id, subject_id=person.id, ip=ip,
                         detail="family, with consent", commit=False)
        shared.append(SharedWithFamily(person.first_name, link.relationship_label, release_date))
    session.commit()
    return shared


def get_person(session: Session, viewer: Person, person_id: int) -> Person:
    """Any account the viewer may act on (staff_scope: administrators, every one)."""
    return staff_scope.get(session, viewer, Person, person_id)


def active_person(session: Session, person_id: int | None) -> Person | None:
    """The account with this id if it may still be used (signed-in sessions and the assistant's tokens)."""
    person = session.get(Person, person_id) if person_id else None
    return person if person and person.is_active else None


def everyone(session: Session, viewer: Person) -> list[Person]:
    """Every account the viewer may act on, by role then first name: the administrators' list."""
    return list(session.exec(select(Person).where(staff_scope.people(staff_scope.scope_of(viewer)))
                             .order_by(Person.role, Person.first_name)))


@dataclass(frozen=True)
class Named:
    """How staff see who a task is about: full name, prison number and prison."""
    id: int
    name: str
    prison_number: str | None
    prison: str | None
    role: str


def named(session: Session, person_ids: set[int]) -> dict[int, Named]:
    if not person_ids:
        return {}
    rows = session.exec(select(Person, Prison).join(Prison, Prison.id == Person.prison_id, isouter=True)
                        .where(Person.id.in_(person_ids))).all()
    return {person.id: Named(person.id, f"{person.first_name} {person.last_name or ''}".strip(), person.prison_number,
                             prison.name if prison else None, person.role.value)
            for person, prison in rows}
