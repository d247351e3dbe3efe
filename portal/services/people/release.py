"""The role change at release.

A person is one account throughout: at release their role changes from prisoner to released, so
their plan, history and chat carry over; from the release date their kiosk PIN no longer works.
"""
from datetime import date

from sqlmodel import Session, select

from portal.models import Person, ReleasePlan, Role
from portal.services import audit


def release_if_due(session: Session, person: Person, today: date) -> bool:
    """On or after the release date a prisoner becomes a released person (the PIN stops working)."""
    if person.role != Role.PRISONER:
        return False
    plan = session.exec(select(ReleasePlan).where(ReleasePlan.person_id == person.id)).first()
    if plan is None or plan.release_date > today:
        return False
    person.role = Role.RELEASED
    person.version += 1
    session.add(person)
    audit.record(session, "release:role-changed", actor_id=None, subject_id=person.id, commit=False)
    session.commit()
    return True


def release_everyone_due(session: Session, today: date) -> int:
    due = session.exec(select(Person).join(ReleasePlan, ReleasePlan.person_id == Person.id)
                       .where(Person.role == Role.PRISONER, ReleasePlan.release_date <= today)).all()
    return sum(release_if_due(session, person, today) for person in due)
