"""The audit trail: who read or changed whose personal data, when and from where."""
from datetime import datetime

from sqlalchemy import Column
from sqlmodel import Field, SQLModel

from .types import UTCDateTime, utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_events"

    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False, index=True))
    actor_id: int | None = Field(default=None, foreign_key="people.id", index=True)
    subject_id: int | None = Field(default=None, foreign_key="people.id", index=True)
    action: str = Field(max_length=60)
    detail: str = Field(default="", max_length=500)
    ip: str = Field(default="", max_length=45)
