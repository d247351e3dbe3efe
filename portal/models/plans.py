"""Release plans, their checklists, appointments, and what carries a person from kiosk to phone."""
from datetime import date, datetime, time
from enum import Enum

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .types import UTCDateTime, enum_column, utcnow


class ReleasePlan(SQLModel, table=True):
    __tablename__ = "release_plans"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", unique=True)
    release_date: date
    release_time: time | None = None
    release_area: str = Field(max_length=80)
    unplanned: bool = False  # released at short notice (e.g. from court): the short emergency plan applies
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class ItemStatus(str, Enum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_NEEDED = "not_needed"


class ChecklistItem(SQLModel, table=True):
    __tablename__ = "checklist_items"
    __table_args__ = (UniqueConstraint("plan_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="release_plans.id", index=True)
    key: str = Field(max_length=40)  # from the standard template in services/plans/release_plans.py
    status: ItemStatus = Field(default=ItemStatus.NOT_STARTED, sa_column=enum_column(ItemStatus))
    owner: str = Field(default="", max_length=80)
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    due_on: date | None = None
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class AppointmentKind(str, Enum):
    TREATMENT = "treatment"
    PRESCRIPTION = "prescription"
    PROBATION = "probation"
    GP = "gp"
    HOUSING = "housing"
    JOBCENTRE = "jobcentre"
    CHAMPION = "champion"
    OTHER = "other"


class Appointment(SQLModel, table=True):
    __tablename__ = "appointments"
    __table_args__ = (UniqueConstraint("source", "external_ref"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    kind: AppointmentKind = Field(sa_column=enum_column(AppointmentKind))
    provider: str = Field(max_length=120)
    starts_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))
    address: str = Field(default="", max_length=300)
    what_to_bring: str = Field(default="", max_length=300)
    phone: str = Field(default="", max_length=30)
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    outcome: str | None = Field(default=None, max_length=10)  # "attended" or "missed", once known
    source: str = Field(default="staff", max_length=40)  # "staff" or a partner's name
    external_ref: str | None = Field(default=None, max_length=80)  # the partner's id, for idempotent pushes
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class Reminder(SQLModel, table=True):
    """One reminder sent for one appointment through one channel: the unique key stops repeats."""

    __tablename__ = "reminders"
    __table_args__ = (UniqueConstraint("appointment_id", "lead", "channel"),)

    id: int | None = Field(default=None, primary_key=True)
    appointment_id: int = Field(foreign_key="appointments.id", index=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    lead: str = Field(max_length=8)  # "24h" or "2h"
    channel: str = Field(max_length=10)  # "portal", "email", "sms"
    text: str = Field(sa_column=Column(Text, nullable=False))
    sent_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    read_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class ActivationCode(SQLModel, table=True):
    """The one-time code on a release card that opens the person's phone account."""

    __tablename__ = "activation_codes"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    code_hash: str = Field(max_length=128, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="people.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    used_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))


class PartnerToken(SQLModel, table=True):
    """A partner system's API token (stored hashed) and the scopes it may use."""

    __tablename__ = "partner_tokens"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=60, unique=True)
    token_hash: str = Field(max_length=128, unique=True)
    scopes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    active: bool = True
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
