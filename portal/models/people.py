"""People: one row per person, whatever their role; the role changes at release."""
from datetime import datetime
from enum import Enum

from sqlalchemy import Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from .types import UTCDateTime, enum_column, utcnow


class Role(str, Enum):
    PRISONER = "prisoner"
    RELEASED = "released"
    FAMILY = "family"
    CHAMPION = "champion"
    STAFF = "staff"
    ADMIN = "admin"


class Prison(SQLModel, table=True):
    __tablename__ = "prisons"

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=8, unique=True)
    name: str = Field(max_length=120)


class Person(SQLModel, table=True):
    __tablename__ = "people"

    id: int | None = Field(default=None, primary_key=True)
    role: Role = Field(sa_column=enum_column(Role, index=True))
    first_name: str = Field(max_length=80)
    last_name: str | None = Field(default=None, max_length=80)
    prison_id: int | None = Field(default=None, foreign_key="prisons.id")
    prison_number: str | None = Field(default=None, max_length=16, unique=True)
    pin_hash: str | None = Field(default=None, max_length=255)
    email: str | None = Field(default=None, max_length=254, unique=True)
    mobile: str | None = Field(default=None, max_length=20, unique=True)
    password_hash: str | None = Field(default=None, max_length=255)
    locale: str = Field(default="en", max_length=5)
    contact_opt_in: bool = False  # agreed to check-ins by SMS or e-mail, not only in the portal
    failed_logins: int = 0
    locked_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    is_active: bool = True
    version: int = 1
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))

    # Flask-Login's user protocol, kept here so the session knows who is signed in.
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        return str(self.id)

    @property
    def display_name(self) -> str:
        return self.first_name


class FamilyLink(SQLModel, table=True):
    """A family member or carer linked to a person, and what that person agreed to share."""

    __tablename__ = "family_links"
    __table_args__ = (UniqueConstraint("person_id", "relative_id"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    relative_id: int = Field(foreign_key="people.id", index=True)
    relationship_label: str = Field(max_length=40)
    shares_release_date: bool = False
    shares_appointments: bool = False
    consent_changed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
