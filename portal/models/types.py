"""Column types shared by the tables."""
from datetime import UTC, datetime

from sqlalchemy import Column, DateTime
from sqlalchemy import Enum as SAEnum
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator):
    """Aware datetimes in, aware UTC datetimes out, on SQLite and PostgreSQL alike.

    SQLite has no time zones, so values are normalised to UTC before they are stored.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; store aware UTC datetimes only")
        return value.astimezone(UTC)

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


def enum_column(enum_type, *, index: bool = False, nullable: bool = False) -> Column:
    """Enums stored as their lower-case values in a plain string column (no PostgreSQL ENUM
    types, so a new value needs no ALTER TYPE migration)."""
    return Column(
        SAEnum(enum_type, native_enum=False, length=20, validate_strings=True,
               values_callable=lambda members: [member.value for member in members]),
        nullable=nullable,
        index=index,
    )
