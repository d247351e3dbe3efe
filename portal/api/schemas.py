"""The API's request and response shapes: checked in full before a service sees them, and the schemas of
the OpenAPI document (openapi.py), so the two cannot drift."""
import re
from datetime import date, datetime
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from portal.models import Appointment, AppointmentKind, Person, ReleasePlan
from portal.services.errors import DomainError


class InvalidPayload(DomainError):
    status = 422

    def __init__(self, fields: dict[str, str]):
        super().__init__("invalid")
        self.fields = fields


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


def plan_view(person: Person, plan: ReleasePlan) -> PlanOut:
    return PlanOut(prison_number=person.prison_number, release_date=plan.release_date,
                   release_time=plan.release_time.strftime("%H:%M") if plan.release_time else None,
                   release_area=plan.release_area, version=plan.version)


def appointment_view(appointment: Appointment, partner: str) -> AppointmentOut:
    """Another source's reference and notes are its own business: a partner sees only its own."""
    own = appointment.source == partner
    return AppointmentOut(external_ref=appointment.external_ref if own else None, source=appointment.source,
                          kind=appointment.kind, provider=appointment.provider, starts_at=appointment.starts_at,
                          address=appointment.address, what_to_bring=appointment.what_to_bring,
                          phone=appointment.phone, notes=appointment.notes if own else None,
                          version=appointment.version)


def appointment_list(person: Person, appointments: list[Appointment], partner: str) -> AppointmentListOut:
    return AppointmentListOut(prison_number=person.prison_number,
                              appointments=[appointment_view(row, partner) for row in appointments])
