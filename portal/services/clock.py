"""Time as people in England and Wales read it: stored in UTC, shown in Europe/London."""
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


def now_utc() -> datetime:
    return datetime.now(UTC)


def today_in_london(at: datetime | None = None) -> date:
    return (at or now_utc()).astimezone(LONDON).date()


def to_london(moment: datetime) -> datetime:
    return moment.astimezone(LONDON)
