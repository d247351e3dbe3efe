"""Chat messages and the staff tasks they raise."""
from datetime import datetime
from enum import Enum

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from .types import UTCDateTime, enum_column, utcnow


class Sender(str, Enum):
    USER = "user"
    BOT = "bot"
    STAFF = "staff"
    SYSTEM = "system"  # the portal itself: safety net, "assistant unavailable"


class ChatMessage(SQLModel, table=True):
    __tablename__ = "chat_messages"

    id: int | None = Field(default=None, primary_key=True)
    conversation_id: str = Field(max_length=64, index=True)
    person_id: int | None = Field(default=None, foreign_key="people.id", index=True)
    sender: Sender = Field(sa_column=enum_column(Sender))
    text: str = Field(sa_column=Column(Text, nullable=False))
    language: str = Field(max_length=5)
    safety: str | None = Field(default=None, max_length=16)
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class TaskKind(str, Enum):
    EMERGENCY = "emergency"
    CRISIS = "crisis"
    HANDOFF = "handoff"
    QUESTION = "question"
    CONCERN = "concern"  # "report a concern" about a champion conversation
    CHECKIN = "checkin"  # a check-in after release needs a person to follow up


class StaffTask(SQLModel, table=True):
    __tablename__ = "staff_tasks"

    id: int | None = Field(default=None, primary_key=True)
    kind: TaskKind = Field(sa_column=enum_column(TaskKind, index=True))
    urgent: bool = False
    person_id: int | None = Field(default=None, foreign_key="people.id", index=True)
    conversation_id: str | None = Field(default=None, max_length=64)
    language: str = Field(default="en", max_length=5)
    summary: str = Field(sa_column=Column(Text, nullable=False))
    subject_ref: str | None = Field(default=None, max_length=60)  # what a question is about: "item:gp", "appointment:12"
    answer: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    answered_by_id: int | None = Field(default=None, foreign_key="people.id")
    answered_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    closed_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class CheckinAnswer(str, Enum):
    GOOD = "good"
    OK = "ok"
    NOT_GOOD = "not_good"


class Checkin(SQLModel, table=True):
    """'How are you doing?' on days 1, 3, 7, 14 and 28 after release: the most dangerous weeks."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("person_id", "day_number"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", index=True)
    day_number: int
    sent_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
    answer: CheckinAnswer | None = Field(default=None, sa_column=enum_column(CheckinAnswer, nullable=True))
    comment: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    answered_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
    escalated_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime(), nullable=True))
