"""Release plans: when and where a person is released."""
from datetime import date, datetime, time

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from .types import UTCDateTime, utcnow


class ReleasePlan(SQLModel, table=True):
    __tablename__ = "release_plans"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", unique=True)
    release_date: date
    release_time: time | None = None
    release_area: str = Field(max_length=80)
    version: int = 1
    updated_at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))
