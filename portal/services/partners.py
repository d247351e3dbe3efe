"""What partner systems (prisons, probation, treatment services) may push and read through the API.

Payloads are checked in full before anything is written (their shapes are in portal/api/schemas.py),
and each write is one transaction with its audit row, so a bad or conflicting push leaves nothing
half-done.
"""
import hashlib
import re
import secrets
from datetime import UTC, time

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import Appointment, PartnerToken, Person, ReleasePlan, Reminder, Role
from portal.services import audit
from portal.services.concurrency import save_versioned
from portal.services.errors import DomainError, NotFound, StaleEdit
from portal.services.plans import appointments, release_plans

SCOPES = {
    "plans:write": "set release dates (creates the release plan with the standard checklist when missing)",
    "appointments:write": "create, change and remove the partner's own appointments, and list a person's",
    "people:read": "list a person's appointments",
}
# A partner's name is also the `source` of the appointments it pushes (40 characters in that table).
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
RESERVED_NAMES = {"staff", "assistant"}  # "staff" marks appointments made in the portal; "assistant" is the bot


class Conflict(DomainError):
    status = 409


# --- Tokens ---------------------------------------------------------------------------------------

def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def token_owner(session: Session, token: str) -> PartnerToken | None:
    """The partner a bearer token belongs to (active or not), found by the token's hash."""
    return session.exec(select(PartnerToken).where(PartnerToken.token_hash == hash_token(token))).first()


def granted_scopes(partner: PartnerToken) -> set[str]:
    return set(partner.scopes or ()) & set(SCOPES)  # never more than the partner scopes, whatever the row says


def issue_token(session: Session, name: str, scopes: list[str], replace: bool = False) -> str:
    """A new random token for partner `name`; only its hash is kept, so it can be shown just this once.

    With `replace`, an existing partner gets a new token (the old one stops working) under the same
    name, so the appointments it pushed before stay its own.
    """
    if not NAME_PATTERN.match(name) or name in RESERVED_NAMES:
        raise ValueError("a partner name is 2-40 lower-case letters, digits or hyphens, and not staff or assistant")
    unknown = set(scopes) - set(SCOPES)
    if unknown or not scopes:
        raise ValueError(f"scopes must be some of {', '.join(SCOPES)}")
    partner = session.exec(select(PartnerToken).where(PartnerToken.name == name)).first()
    if partner and not replace:
        raise ValueError(f"{name} already has a token: replace it, or revoke it")
    token = secrets.token_urlsafe(32)
    partner = partner or PartnerToken(name=name)
    partner.token_hash, partner.scopes, partner.active = hash_token(token), sorted(set(scopes)), True
    session.add(partner)
    audit.record(session, "issue:partner-token", actor_id=None, detail=f"{name}: {', '.join(partner.scopes)}")
    return token


def revoke_token(session: Session, name: str) -> None:
    partner = session.exec(select(PartnerToken).where(PartnerToken.name == name)).first()
    if partner is None:
        raise ValueError(f"no partner called {name}")
    partner.active = False
    session.add(partner)
    audit.record(session, "revoke:partner-token", actor_id=None, detail=name)


# --- People, plans and appointments ---------------------------------------------------------------

def person_by_prison_number(session: Session, prison_number: str) -> Person:
    if not re.fullmatch(r"[A-Za-z0-9]{1,16}", prison_number):
        raise NotFound("no_such_person")
    person = session.exec(select(Person).where(Person.prison_number == prison_number.upper())).first()
    if person is None or person.role not in (Role.PRISONER, Role.RELEASED):
        raise NotFound("no_such_person")
    return person


def set_release(session: Session, person: Person, release, partner: str, ip: str,
                retry: bool = True) -> tuple[ReleasePlan, bool]:
    """Create the plan with the standard checklist, or change its release date; True when created.
    `release` is the checked payload (api/schemas.py: ReleaseIn)."""
    release_time = time.fromisoformat(release.release_time) if release.release_time else None
    plan = release_plans.plan_for(session, person.id)
    if plan is None:
        if release.version is not None:
            raise StaleEdit("stale_edit", current_version=None)
        try:
            plan = release_plans.create_plan(session, person, release.release_date, release.release_area, None, ip,
                                     release_time=release_time, via=partner)
        except IntegrityError:
            session.rollback()  # the same push arrived twice at once: the other one made the plan
            if not retry:
                raise
            return set_release(session, person, release, partner, ip, retry=False)
        return plan, True
    if release.version is not None and release.version != plan.version:
        raise StaleEdit("stale_edit", current_version=plan.version)
    wanted = {"release_date": release.release_date, "release_time": release_time,
              "release_area": release.release_area}
    changes = {key: value for key, value in wanted.items() if getattr(plan, key) != value}
    if changes:
        _save_with_audit(session, plan, changes, "update:plan", person.id, ip,
                         f"{', '.join(sorted(changes))} via {partner}")
    return plan, False


def _save_with_audit(session: Session, row, changes: dict, action: str, subject_id: int, ip: str, detail: str) -> None:
    # save_versioned leaves the commit to us: the change and its audit row are saved together.
    expected = row.version
    try:
        save_versioned(session, row, expected, changes)
    except StaleEdit:
        session.refresh(row)
        raise StaleEdit("stale_edit", current_version=row.version) from None
    audit.record(session, action, actor_id=None, subject_id=subject_id, ip=ip, detail=detail)


def _partner_appointment(session: Session, partner: str, external_ref: str) -> Appointment | None:
    return session.exec(select(Appointment).where(Appointment.source == partner,
                                                  Appointment.external_ref == external_ref)).first()


def upsert_appointment(session: Session, person: Person, external_ref: str, pushed, partner: str,
                       ip: str, retry: bool = True) -> tuple[Appointment, bool]:
    """The partner's appointment `external_ref`, created or brought up to date; True when created.
    `pushed` is the checked payload (api/schemas.py: AppointmentIn)."""
    fields = {"kind": pushed.kind, "provider": pushed.provider,
              "starts_at": pushed.starts_at.astimezone(UTC), "address": pushed.address,
              "what_to_bring": pushed.what_to_bring, "phone": pushed.phone, "notes": pushed.notes}
    existing = _partner_appointment(session, partner, external_ref)
    if existing is None:
        if pushed.version is not None:
            raise StaleEdit("stale_edit", current_version=None)
        try:
            return appointments.create(session, person, fields, None, ip, source=partner,
                                       external_ref=external_ref), True
        except IntegrityError:
            session.rollback()  # the same push arrived twice at once: the other one created it
            if not retry:
                raise
            return upsert_appointment(session, person, external_ref, pushed, partner, ip, retry=False)
    if existing.person_id != person.id:
        raise Conflict("external_ref_used_for_another_person")
    if pushed.version is not None and pushed.version != existing.version:
        raise StaleEdit("stale_edit", current_version=existing.version)
    changes = {key: value for key, value in fields.items() if getattr(existing, key) != value}
    if changes:
        _save_with_audit(session, existing, changes, "update:appointment", person.id, ip,
                         f"{external_ref}: {', '.join(sorted(changes))} via {partner}")
    return existing, False


def delete_appointment(session: Session, person: Person, external_ref: str, partner: str, ip: str) -> None:
    appointment = _partner_appointment(session, partner, external_ref)
    if appointment is None or appointment.person_id != person.id:
        raise NotFound("not_found")
    # Reminders already sent for it go too: they point at the appointment and would only mislead.
    session.execute(delete(Reminder).where(Reminder.appointment_id == appointment.id))
    session.delete(appointment)
    audit.record(session, "delete:appointment", actor_id=None, subject_id=person.id, ip=ip,
                 detail=f"{external_ref} ({appointment.kind.value}) via {partner}", commit=False)
    session.commit()


def appointments_for(session: Session, person: Person, partner: str, ip: str) -> list[Appointment]:
    rows = release_plans.appointments_of(session, person.id)
    audit.record(session, "read:appointments", actor_id=None, subject_id=person.id, ip=ip, detail=f"via {partner}")
    return rows
