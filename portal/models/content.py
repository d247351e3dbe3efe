"""Readers' feedback on guidance pages, and mutual-aid meetings imported from feeds."""
from datetime import datetime, time

from sqlalchemy import JSON, Column, UniqueConstraint
from sqlmodel import Field, SQLModel

from .types import UTCDateTime, utcnow


class GuidanceFeedback(SQLModel, table=True):
    """"Was this helpful?": anonymous on purpose, so people answer honestly."""

    __tablename__ = "guidance_feedback"

    id: int | None = Field(default=None, primary_key=True)
    topic_id: str = Field(max_length=60, index=True)
    language: str = Field(max_length=5)
    helpful: bool
    comment: str = Field(default="", max_length=500)
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class MutualAidMeeting(SQLModel, table=True):
    """A meeting imported from a Meeting Guide feed. Contact people are never stored."""

    __tablename__ = "mutual_aid_meetings"
    __table_args__ = (UniqueConstraint("source", "slug"),)

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=60, index=True)
    slug: str = Field(max_length=120)
    name: str = Field(max_length=200)
    weekday: int  # 0 = Monday, as Python counts (the feed counts 0 = Sunday)
    start_time: time
    end_time: time | None = None
    timezone: str = Field(default="Europe/London", max_length=40)
    area_id: str = Field(max_length=40, index=True)
    address: str = Field(default="", max_length=300)
    types: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    conference_url: str = Field(default="", max_length=300)
    attendance: str = Field(default="in_person", max_length=20)
