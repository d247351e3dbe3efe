"""Recovery Champions: peer mentors, their vetting and availability, requests, matches and meetings."""
from datetime import date, datetime, time
from enum import Enum

from sqlalchemy import JSON, Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .types import UTCDateTime, enum_column, utcnow


class ChampionStatus(str, Enum):
    APPLIED = "applied"      # signed up, waiting for vetting
    APPROVED = "approved"    # vetted and approved: can be matched
    PAUSED = "paused"        # taking a break: keeps mentees, gets no new ones
    WITHDRAWN = "withdrawn"  # left: mentees are re-matched


class SupportKind(str, Enum):
    PEER = "peer"      # a Recovery Champion for the person leaving prison
    FAMILY = "family"  # a family-support volunteer for relatives and carers


class ChampionProfile(SQLModel, table=True):
    __tablename__ = "champion_profiles"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", unique=True)
    status: ChampionStatus = Field(default=ChampionStatus.APPLIED, sa_column=enum_column(ChampionStatus))
    kind: SupportKind = Field(default=SupportKind.PEER, sa_column=enum_column(SupportKind, index=True))
    gender: str = Field(max_length=20)
    age_group: str = Field(default="", max_length=20)  # "18-25", "26-40", "41-60", "60+"
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    areas: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    experience: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # lived experience
    specialisms: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    max_mentees: int = 3
    training_completed_on: date | None = None
    vetting_checked_on: date | None = None  # e.g. the DBS check
    supervisor: str = Field(default="", max_length=80)
    approved_by_id: int | None = Field(default=None, foreign_key="people.id")
    approved_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    version: int = 1


class WeeklySlot(SQLModel, table=True):
    """A recurring weekly time a champion is free, in Europe/London wall-clock time."""

    __tablename__ = "champion_weekly_slots"

    id: int | None = Field(default=None, primary_key=True)
    champion_id: int = Field(foreign_key="champion_profiles.id", index=True)
    weekday: int  # 0 = Monday
    start: time
    end: time


class AvailabilityException(SQLModel, table=True):
    """A dated change: away (a holiday, a day off) or an extra one-off time."""

    __tablename__ = "champion_availability_exceptions"

    id: int | None = Field(default=None, primary_key=True)
    champion_id: int = Field(foreign_key="champion_profiles.id", index=True)
    on_date: date
    available: bool  # False: away on this date (between start and end, or all day); True: extra time
    start: time | None = None
    end: time | None = None


class RequestStatus(str, Enum):
    OPEN = "open"
    MATCHED = "matched"
    CLOSED = "closed"


class ChampionRequest(SQLModel, table=True):
    __tablename__ = "champion_requests"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    requested_by_id: int = Field(foreign_key="people.id")
    kind: SupportKind = Field(default=SupportKind.PEER, sa_column=enum_column(SupportKind))
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    area: str = Field(max_length=80)
    gender_preference: str = Field(default="", max_length=20)
    experience: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    needs: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # specialisms wanted
    notes: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    status: RequestStatus = Field(default=RequestStatus.OPEN, sa_column=enum_column(RequestStatus, index=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class MatchStatus(str, Enum):
    OFFERED = "offered"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    ACTIVE = "active"
    COMPLETED = "completed"
    ENDED = "ended"


class Match(SQLModel, table=True):
    __tablename__ = "champion_matches"

    id: int | None = Field(default=None, primary_key=True)
    request_id: int = Field(foreign_key="champion_requests.id", index=True)
    champion_id: int = Field(foreign_key="champion_profiles.id", index=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    status: MatchStatus = Field(default=MatchStatus.OFFERED, sa_column=enum_column(MatchStatus, index=True))
    score: float = 0.0
    reasons: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))  # reason codes
    offered_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    respond_by: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    decided_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    ended_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    version: int = 1


class Meeting(SQLModel, table=True):
    """A booked meeting. One champion, one start time: the database refuses a double booking."""

    __tablename__ = "champion_meetings"
    __table_args__ = (UniqueConstraint("champion_id", "starts_at", name="uq_champion_meeting_start"),)

    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(foreign_key="champion_matches.id", index=True)
    champion_id: int = Field(foreign_key="champion_profiles.id")
    starts_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    ends_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    at_the_gate: bool = False
    place: str = Field(default="", max_length=200)
    booked_by_id: int = Field(foreign_key="people.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class MatchMessage(SQLModel, table=True):
    """Messages between a matched pair; staff can read them for safeguarding."""

    __tablename__ = "champion_messages"

    id: int | None = Field(default=None, primary_key=True)
    match_id: int = Field(foreign_key="champion_matches.id", index=True)
    sender_id: int = Field(foreign_key="people.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
