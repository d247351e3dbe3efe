"""Readers' feedback on guidance pages."""
from datetime import datetime

from sqlalchemy import Column
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
