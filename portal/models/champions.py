"""Recovery Champions: peer mentors and what they offer."""
from enum import Enum

from sqlalchemy import JSON, Column
from sqlmodel import Field, SQLModel

from .types import enum_column


class ChampionStatus(str, Enum):
    APPLIED = "applied"
    APPROVED = "approved"
    PAUSED = "paused"
    WITHDRAWN = "withdrawn"


class ChampionProfile(SQLModel, table=True):
    __tablename__ = "champion_profiles"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="people.id", unique=True)
    status: ChampionStatus = Field(default=ChampionStatus.APPLIED, sa_column=enum_column(ChampionStatus))
    gender: str = Field(max_length=20)
    languages: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    areas: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    max_mentees: int = 3
