"""What partner systems (prisons, probation, treatment services) may push and read through the API.

Payloads are checked in full before anything is written, and each write is one transaction with its
audit row, so a bad or conflicting push leaves nothing half-done. The request and response shapes
below are also the schemas of the OpenAPI document (portal/api/openapi.py), so the two cannot drift.
"""
import hashlib
import re
import secrets
from datetime import date, datetime, time, timezone
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from portal.models import Appointment, AppointmentKind, PartnerToken, Person, ReleasePlan, Reminder, Role

from . import appointments, audit, plans
from .concurrency import save_versioned
from .errors import DomainError, NotFound, StaleEdit

SCOPES = {
    "plans:write": "set release dates (creates the release plan with the standard checklist when missing)",
    "appointments:write": "create, change and remove the partner's own appointments, and list a person's",
    "people:read": "list a person's appointments",
}
# A partner's name is also the `source` of the appointments it pushes (40 characters in that table).
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
RESERVED_NAMES = {"staff", "assistant"}  # "staff" marks appointments made in the portal; "assistant" is the bot


class InvalidPayload(DomainError):
    status = 422

    def __init__(self, fields: dict[str, str]):
        super().__init__("invalid")
        self.fields = fields


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


# --- Shapes ---------------------------------------------------------------------------------------

_STRICT = ConfigDict(extra="forbid", strict=True, str_strip_whitespace=True)
_TEXT = r"^[^\x00-\x1f]*$"  # one line: no control characters
_YEARS = range(2000, 2101)


def _plausible(value: date) -> date:
    # Far-off years are typing slips, and year 1 or 9999 would overflow when turned into UTC.
    if value.year not in _YEARS:
        raise ValueError(f"the year must be between {_YEARS.start} and {_YEARS.stop - 1}")
    return value


PlausibleDate = Annotated[date, AfterValidator(_plausible)]
PlausibleMoment = Annotated[AwareDatetime, AfterValidator(_plausible)]


class ReleaseIn(BaseModel):
    """A person's release date, as the prison's system knows it."""

    model_config = _STRICT
    release_date: PlausibleDate = Field(description="YYYY-MM-DD")
    release_time: Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] | None = Field(
        default=None, description="HH:MM, 24-hour clock, Europe/London time")
    release_area: Annotated[str, Field(min_length=1, max_length=80, pattern=_TEXT)] = Field(
        description="where the person will live, e.g. Leeds")
    version: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="the plan version you last saw: the change is refused (409) if the plan "
                                  "has changed since; leave out to overwrite")


class AppointmentIn(BaseModel):
    """One appointment, the whole of it (PUT replaces every field)."""

    model_config = _STRICT
    kind: AppointmentKind
    provider: Annotated[str, Field(min_length=1, max_length=120, pattern=_TEXT)]
    starts_at: PlausibleMoment = Field(description="ISO 8601 with a UTC offset, e.g. 2026-12-01T09:30:00+00:00")
    address: Annotated[str, Field(max_length=300, pattern=_TEXT)] = ""
    what_to_bring: Annotated[str, Field(max_length=300, pattern=_TEXT)] = ""
    phone: Annotated[str, Field(max_length=30, pattern=r"^[0-9 +()-]*$")] = ""
    notes: Annotated[str, Field(max_length=2000, pattern=r"^[^\x00]*$")] = ""  # several lines allowed
    version: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="the version you last saw: refused (409) if it has changed since")


class PlanOut(BaseModel):
    prison_number: str
    release_date: date
    release_time: str | None = Field(description="HH:MM, Europe/London")
    release_area: str
    version: int


class AppointmentOut(BaseModel):
    external_ref: str | None = Field(description="your reference; only on your own appointments")
    source: str = Field(description="who made it: `staff`, or a partner's name")
    kind: AppointmentKind
    provider: str
    starts_at: datetime = Field(description="UTC, ISO 8601 with offset")
    address: str
    what_to_bring: str
    phone: str
    notes: str | None = Field(description="only on your own appointments")
    version: int


class AppointmentListOut(BaseModel):
    prison_number: str
    appointments: list[AppointmentOut]


# Field errors a partner's developer can act on without reading a regular expression.
_HINTS = {
    "release_time": "use HH:MM (24-hour clock, Europe/London)",
    "phone": "digits, spaces and + ( ) - only",
    "notes": "must not contain NUL characters",
}
_MESSAGES = {
    "missing": "required",
    "extra_forbidden": "unknown field",
    "timezone_aware": "needs a UTC offset, e.g. 2026-12-01T09:30:00+00:00 or 2026-12-01T09:30:00Z",
}


def parse(model: type[BaseModel], raw: bytes) -> BaseModel:
    """The whole payload checked against `model`; every problem reported per field, nothing half-read."""
    try:
        return model.model_validate_json(raw or b"")
    except ValidationError as error:
        fields: dict[str, str] = {}
        for problem in error.errors():
            name = ".".join(str(part) for part in problem["loc"]) or "body"
            if name == "body":
                message = "a JSON object is required"
            elif problem["type"] == "string_pattern_mismatch":
                message = _HINTS.get(name, "contains characters that are not allowed (e.g. line breaks)")
            elif problem["type"] == "value_error":
                message = str(problem["ctx"]["error"])
            else:
                message = _MESSAGES.get(problem["type"], problem["msg"])
            fields.setdefault(name, message)
        raise InvalidPayload(fields) from None


def parse_appointment(external_ref: str, raw: bytes) -> AppointmentIn:
    """The pushed appointment and the partner's reference from the path, every problem reported at once."""
    fields = {}
    if not 1 <= len(external_ref) <= 80 or not re.match(_TEXT, external_ref):
        fields["external_ref"] = "1 to 80 characters, no control characters"
    try:
        pushed = parse(AppointmentIn, raw)
    except InvalidPayload as error:
        fields.update(error.fields)
    if fields:
        raise InvalidPayload(fields)
    return pushed


# --- People, plans and appointments ---------------------------------------------------------------

def person_by_prison_number(session: Session, prison_number: str) -> Person:
    if not re.fullmatch(r"[A-Za-z0-9]{1,16}", prison_number):
        raise NotFound("no_such_person")
    person = session.exec(select(Person).where(Person.prison_number == prison_number.upper())).first()
    if person is None or person.role not in (Role.PRISONER, Role.RELEASED):
        raise NotFound("no_such_person")
    return person


def plan_view(person: Person, plan: ReleasePlan) -> PlanOut:
    return PlanOut(prison_number=person.prison_number, release_date=plan.release_date,
                   release_time=plan.release_time.strftime("%H:%M") if plan.release_time else None,
                   release_area=plan.release_area, version=plan.version)


def set_release(session: Session, person: Person, release: ReleaseIn, partner: str, ip: str,
                retry: bool = True) -> tuple[ReleasePlan, bool]:
    """Create the plan with the standard checklist, or change its release date; True when created."""
    release_time = time.fromisoformat(release.release_time) if release.release_time else None
    plan = plans.plan_for(session, person.id)
    if plan is None:
        if release.version is not None:
            raise StaleEdit("stale_edit", current_version=None)
        try:
            plan = plans.create_plan(session, person, release.release_date, release.release_area, None, ip,
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


def upsert_appointment(session: Session, person: Person, external_ref: str, pushed: AppointmentIn, partner: str,
                       ip: str, retry: bool = True) -> tuple[Appointment, bool]:
    """The partner's appointment `external_ref`, created or brought up to date; True when created."""
    fields = {"kind": pushed.kind.value, "provider": pushed.provider,
              "starts_at": pushed.starts_at.astimezone(timezone.utc), "address": pushed.address,
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


def appointment_view(appointment: Appointment, partner: str) -> AppointmentOut:
    """Another source's reference and notes are its own business: a partner sees only its own."""
    own = appointment.source == partner
    return AppointmentOut(external_ref=appointment.external_ref if own else None, source=appointment.source,
                          kind=appointment.kind, provider=appointment.provider, starts_at=appointment.starts_at,
                          address=appointment.address, what_to_bring=appointment.what_to_bring,
                          phone=appointment.phone, notes=appointment.notes if own else None,
                          version=appointment.version)


def appointments_for(session: Session, person: Person, partner: str, ip: str) -> AppointmentListOut:
    rows = plans.appointments_of(session, person.id)
    audit.record(session, "read:appointments", actor_id=None, subject_id=person.id, ip=ip, detail=f"via {partner}")
    return AppointmentListOut(prison_number=person.prison_number,
                              appointments=[appointment_view(row, partner) for row in rows])
