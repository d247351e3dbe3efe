"""Mutual-aid meetings from Meeting Guide feeds (the code4recovery JSON spec that NA/AA sites publish).

Only what a person needs to find a meeting is kept: name, day, time, place, types, online link.
Contact fields (names, e-mails, phones of members) are dropped on import: no last names are stored.
"""
from dataclasses import dataclass, field
from datetime import time

from sqlmodel import Session, select

from portal.models import MutualAidMeeting

# Meeting Guide counts days from Sunday = 0; Python from Monday = 0.
_FEED_DAY_TO_WEEKDAY = {0: 6, 1: 0, 2: 1, 3: 2, 4: 3, 5: 4, 6: 5}
ATTENDANCE = {"in_person", "hybrid", "online", "inactive"}


class FeedError(ValueError):
    pass


@dataclass
class ImportReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    skipped: list[str] = field(default_factory=list)


def _time(value, slug: str) -> time | None:
    if value in (None, ""):
        return None
    try:
        return time.fromisoformat(str(value)[:5])
    except ValueError as error:
        raise FeedError(f"{slug}: bad time {value!r}") from error


def _rows(entry: dict, area_id: str, source: str) -> list[MutualAidMeeting]:
    slug = str(entry.get("slug") or "").strip()
    name = str(entry.get("name") or "").strip()
    if not slug or not name:
        raise FeedError("a meeting needs a slug and a name")
    days = entry.get("day")
    days = days if isinstance(days, list) else [days]
    try:
        weekdays = [_FEED_DAY_TO_WEEKDAY[int(day)] for day in days]
    except (TypeError, ValueError, KeyError) as error:
        raise FeedError(f"{slug}: bad day {entry.get('day')!r}") from error
    start = _time(entry.get("time"), slug)
    if start is None:
        raise FeedError(f"{slug}: no start time")
    attendance = str(entry.get("attendance_option") or ("online" if entry.get("conference_url") and not entry.get("address") else "in_person"))
    address = entry.get("formatted_address") or ", ".join(
        str(entry[key]) for key in ("location", "address", "city", "postal_code") if entry.get(key))
    conference_url = str(entry.get("conference_url") or "")
    if conference_url and not conference_url.startswith("https://"):
        conference_url = ""
    rows = []
    for index, weekday in enumerate(weekdays):
        rows.append(MutualAidMeeting(
            source=source, slug=slug if len(weekdays) == 1 else f"{slug}-{index}", name=name[:200],
            weekday=weekday, start_time=start, end_time=_time(entry.get("end_time"), slug),
            timezone=str(entry.get("timezone") or "Europe/London"), area_id=area_id, address=str(address)[:300],
            types=[str(t) for t in entry.get("types") or []], conference_url=conference_url[:300],
            attendance=attendance if attendance in ATTENDANCE else "in_person",
        ))
    return rows


def import_feed(session: Session, feed: list, area_id: str, source: str) -> ImportReport:
    """Replace the source's meetings with the feed's, all at once: a bad feed changes nothing."""
    if not isinstance(feed, list):
        raise FeedError("a Meeting Guide feed is a JSON list of meetings")
    report = ImportReport()
    incoming: dict[str, MutualAidMeeting] = {}
    for entry in feed:
        if not isinstance(entry, dict):
            report.skipped.append(repr(entry)[:60])
            continue
        try:
            for row in _rows(entry, area_id, source):
                incoming[row.slug] = row
        except FeedError as error:
            report.skipped.append(str(error))
    existing = {m.slug: m for m in session.exec(select(MutualAidMeeting).where(MutualAidMeeting.source == source))}
    for slug, row in incoming.items():
        if slug in existing:
            current = existing[slug]
            for name in ("name", "weekday", "start_time", "end_time", "timezone", "area_id", "address", "types",
                         "conference_url", "attendance"):
                setattr(current, name, getattr(row, name))
            session.add(current)
            report.updated += 1
        else:
            session.add(row)
            report.added += 1
    for slug, meeting in existing.items():
        if slug not in incoming:
            session.delete(meeting)
            report.removed += 1
    session.commit()
    return report


def meetings_in(session: Session, area_id: str) -> list[MutualAidMeeting]:
    return list(session.exec(select(MutualAidMeeting).where(MutualAidMeeting.area_id == area_id,
                                                             MutualAidMeeting.attendance != "inactive")
                             .order_by(MutualAidMeeting.weekday, MutualAidMeeting.start_time)))
