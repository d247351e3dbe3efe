"""Recovery Champion profiles: sign-up, vetting and approval, pausing and withdrawal, availability."""
from datetime import date, time

from sqlmodel import Session, select

from portal.models import (
    AvailabilityException,
    ChampionProfile,
    ChampionStatus,
    Person,
    WeeklySlot,
)
from portal.services import audit, staff_scope
from portal.services.clock import now_utc
from portal.services.concurrency import save_versioned
from portal.services.errors import DomainError, NotFound

EXPERIENCE_TAGS = ("opiates", "crack", "cocaine", "alcohol", "benzodiazepines", "prison", "womens-estate",
                   "homelessness", "mental-health", "family")
SPECIALISMS = ("women", "young-adults", "veterans", "lgbtq", "foreign-nationals", "families")
GENDERS = ("woman", "man", "non-binary")
AGE_GROUPS = ("18-25", "26-40", "41-60", "60+")


class VettingIncomplete(DomainError):
    status = 400


def profile_of(session: Session, person: Person) -> ChampionProfile | None:
    return session.exec(select(ChampionProfile).where(ChampionProfile.person_id == person.id)).first()


def get_profile(session: Session, champion_id: int) -> ChampionProfile:
    """Any champion in the estate-wide pool, as a match for a request (staff_scope)."""
    profile = session.get(ChampionProfile, champion_id)
    if profile is None:
        raise NotFound("not_found")
    return profile


def profile_for_staff(session: Session, champion_id: int, staff: Person) -> ChampionProfile:
    """A champion whose profile and vetting the staff member looks after: one of their prison's (staff_scope)."""
    return staff_scope.get(session, staff, ChampionProfile, champion_id)


def person_of(session: Session, profile: ChampionProfile) -> Person:
    return session.get(Person, profile.person_id)


def all_profiles(session: Session, staff: Person) -> list[tuple[ChampionProfile, Person]]:
    """The champions of the staff member's prisons (staff_scope), by status then first name."""
    return list(session.exec(select(ChampionProfile, Person).join(Person, Person.id == ChampionProfile.person_id)
                             .where(staff_scope.champions(staff_scope.scope_of(staff)))
                             .order_by(ChampionProfile.status, Person.first_name)))


def update_profile(session: Session, profile: ChampionProfile, expected_version: int, changes: dict, actor: Person,
                   ip: str) -> None:
    save_versioned(session, profile, expected_version, changes)
    audit.record(session, "update:champion-profile", actor_id=actor.id, subject_id=profile.person_id, ip=ip,
                 detail=", ".join(sorted(changes)))


def record_vetting(session: Session, profile: ChampionProfile, expected_version: int, *, training_completed_on: date | None,
                   vetting_checked_on: date | None, supervisor: str, staff: Person, ip: str) -> None:
    save_versioned(session, profile, expected_version, {
        "training_completed_on": training_completed_on, "vetting_checked_on": vetting_checked_on,
        "supervisor": supervisor.strip()})
    audit.record(session, "vetting:recorded", actor_id=staff.id, subject_id=profile.person_id, ip=ip)


def approve(session: Session, profile: ChampionProfile, staff: Person, ip: str) -> None:
    """Only a vetted champion (training done, vetting checked, a supervisor named) can be approved."""
    missing = [name for name, value in (("training", profile.training_completed_on),
                                        ("vetting", profile.vetting_checked_on),
                                        ("supervisor", profile.supervisor)) if not value]
    if missing:
        raise VettingIncomplete("vetting_incomplete", missing=tuple(missing))
    save_versioned(session, profile, profile.version, {
        "status": ChampionStatus.APPROVED, "approved_by_id": staff.id, "approved_at": now_utc()})
    audit.record(session, "vetting:approved", actor_id=staff.id, subject_id=profile.person_id, ip=ip)


def set_status(session: Session, profile: ChampionProfile, status: ChampionStatus, staff: Person, ip: str) -> None:
    save_versioned(session, profile, profile.version, {"status": status})
    audit.record(session, f"champion:{status.value}", actor_id=staff.id, subject_id=profile.person_id, ip=ip)


def weekly_slots(session: Session, profile: ChampionProfile) -> list[WeeklySlot]:
    return list(session.exec(select(WeeklySlot).where(WeeklySlot.champion_id == profile.id)
                             .order_by(WeeklySlot.weekday, WeeklySlot.start)))


def exceptions(session: Session, profile: ChampionProfile, from_date: date) -> list[AvailabilityException]:
    return list(session.exec(select(AvailabilityException).where(AvailabilityException.champion_id == profile.id,
                                                                 AvailabilityException.on_date >= from_date)
                             .order_by(AvailabilityException.on_date, AvailabilityException.start)))


def add_weekly_slot(session: Session, profile: ChampionProfile, weekday: int, start: time, end: time) -> WeeklySlot:
    if not 0 <= weekday <= 6 or end <= start:
        raise DomainError("slot_invalid")
    slot = WeeklySlot(champion_id=profile.id, weekday=weekday, start=start, end=end)
    session.add(slot)
    session.commit()
    return slot


def add_exception(session: Session, profile: ChampionProfile, on_date: date, available: bool,
                  start: time | None, end: time | None) -> AvailabilityException:
    if (start is None) != (end is None) or (start and end and end <= start) or (available and start is None):
        raise DomainError("slot_invalid")
    row = AvailabilityException(champion_id=profile.id, on_date=on_date, available=available, start=start, end=end)
    session.add(row)
    session.commit()
    return row


AVAILABILITY_KINDS = {"weekly": WeeklySlot, "dates": AvailabilityException}


def remove_slot(session: Session, profile: ChampionProfile, kind: str, row_id: int) -> None:
    """Remove one of the champion's own weekly times ("weekly") or dated changes ("dates")."""
    model = AVAILABILITY_KINDS.get(kind)
    row = session.get(model, row_id) if model else None
    if row is None or row.champion_id != profile.id:
        raise NotFound("not_found")
    session.delete(row)
    session.commit()
