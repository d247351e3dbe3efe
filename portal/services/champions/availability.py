"""A champion's free time: weekly Europe/London slots plus dated changes, as real UTC intervals.

Slots and changes are wall-clock times, as champions think of them. A wall-clock time on a date
means the first moment the London clock shows it. On the Sunday the clocks go forward, a slot
01:00–03:00 therefore starts when the clocks jump to 02:00 and lasts one real hour; on the Sunday
they go back it starts at the first 01:00 and lasts three real hours. Every other day is plain.

Dated changes: "away" (all day, or between two times) removes time; "extra" adds a one-off time.
When both fall on the same time, away wins: a missed slot costs less than a meeting nobody comes to.

Functions take any objects with the attributes of WeeklySlot (weekday, start, end) and
AvailabilityException (on_date, available, start, end), so they work on table rows and on the
small `Slot` and `Change` tuples below alike.
"""
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple

from portal.services.clock import LONDON

Interval = tuple[datetime, datetime]  # aware UTC start and end, end excluded

MEETING_LENGTH = timedelta(hours=1)
BOOKING_STEP = timedelta(minutes=30)
DAY = 24 * 3600  # wall-clock seconds in a day; DAY itself means the next midnight


class Slot(NamedTuple):
    weekday: int  # 0 = Monday
    start: time
    end: time


class Change(NamedTuple):
    on_date: date
    available: bool  # False: away; True: extra time
    start: time | None = None  # None with end None: the whole day (away only)
    end: time | None = None


class Pattern:
    """A champion's weekly slots and dated changes, indexed once: matching asks the same champion
    about many windows, and rebuilding this each time was most of the cost."""

    __slots__ = ("by_date", "by_weekday")

    def __init__(self, weekly: Iterable, exceptions: Iterable):
        by_weekday: dict[int, list[tuple[int, int]]] = {}
        for slot in weekly:
            by_weekday.setdefault(slot.weekday, []).append((_seconds(slot.start), _seconds(slot.end)))
        self.by_weekday = {weekday: _union(spans) for weekday, spans in by_weekday.items()}
        self.by_date: dict[date, list] = {}
        for change in exceptions:
            self.by_date.setdefault(change.on_date, []).append(change)

    def wall_free(self, day: date) -> list[tuple[int, int]]:
        """One London day's free time in wall-clock seconds."""
        slots = self.by_weekday.get(day.weekday(), ())
        changes = self.by_date.get(day)
        return _wall_free(slots, changes) if changes else slots

    def free_intervals(self, start: datetime, end: datetime) -> list[Interval]:
        return list(self._iter_free(start, end))

    def first_bookable(self, start: datetime, end: datetime, length: timedelta = MEETING_LENGTH,
                       step: timedelta = BOOKING_STEP, taken: Iterable[datetime] = ()) -> datetime | None:
        return next(_iter_bookable(self._iter_free(start, end), length, step, taken), None)

    def _iter_free(self, start: datetime, end: datetime) -> Iterator[Interval]:
        start, end = start.astimezone(UTC), end.astimezone(UTC)
        if end <= start:
            return
        held: Interval | None = None
        day, last_day = start.astimezone(LONDON).date(), end.astimezone(LONDON).date()
        while day <= last_day:
            for wall_start, wall_end in self.wall_free(day):
                a, b = max(_instant(day, wall_start), start), min(_instant(day, wall_end), end)
                if a >= b:
                    continue
                if held and a <= held[1]:
                    held = (held[0], max(held[1], b))
                else:
                    if held:
                        yield held
                    held = (a, b)
            day += timedelta(days=1)
        if held:
            yield held


def free_intervals(weekly: Iterable, exceptions: Iterable, start: datetime, end: datetime) -> list[Interval]:
    """The champion's free time between two instants, as sorted, non-overlapping UTC intervals."""
    return Pattern(weekly, exceptions).free_intervals(start, end)


def bookable_starts(intervals: Iterable[Interval], length: timedelta = MEETING_LENGTH,
                    step: timedelta = BOOKING_STEP, taken: Iterable[datetime] = ()) -> list[datetime]:
    """Meeting starts on the London :00 and :30 (for the default step) that fit inside a free
    interval and do not overlap a meeting already booked at one of the `taken` starts."""
    return list(_iter_bookable(intervals, length, step, taken))


def first_bookable(weekly: Iterable, exceptions: Iterable, start: datetime, end: datetime,
                   length: timedelta = MEETING_LENGTH, step: timedelta = BOOKING_STEP,
                   taken: Iterable[datetime] = ()) -> datetime | None:
    """The earliest meeting start in the window, or None. Stops at the first one found."""
    return Pattern(weekly, exceptions).first_bookable(start, end, length, step, taken)


def has_availability(weekly: Iterable, exceptions: Iterable, start: datetime, end: datetime,
                     length: timedelta = MEETING_LENGTH, taken: Iterable[datetime] = ()) -> bool:
    """Whether at least one meeting of `length` can be booked in the window (the matching filter)."""
    return first_bookable(weekly, exceptions, start, end, length, taken=taken) is not None


def by_london_day(intervals: Iterable[Interval], first_day: date, days: int = 7) -> list[tuple[date, list[Interval]]]:
    """Intervals cut at London midnights and grouped by London day, for a week view."""
    intervals = list(intervals)
    grouped = []
    for offset in range(days):
        day = first_day + timedelta(days=offset)
        day_start, day_end = _instant(day, 0), _instant(day, DAY)
        grouped.append((day, [(max(a, day_start), min(b, day_end)) for a, b in intervals
                              if a < day_end and b > day_start]))
    return grouped


def _wall_free(slots: Iterable[tuple[int, int]], changes: Iterable) -> list[tuple[int, int]]:
    """One day's free time in wall-clock seconds: (weekly slots + extra times) − away times."""
    spans, away = list(slots), []
    for change in changes:
        whole_day = change.start is None or change.end is None
        if change.available and not whole_day:
            spans.append((_seconds(change.start), _seconds(change.end)))
        elif not change.available:
            away.append((0, DAY) if whole_day else (_seconds(change.start), _seconds(change.end)))
    free = _union(spans)
    for gone_start, gone_end in _union(away):
        free = [piece for a, b in free
                for piece in ((a, min(b, gone_start)), (max(a, gone_end), b)) if piece[0] < piece[1]]
    return free


def _union(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(s for s in spans if s[0] < s[1]):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _iter_bookable(intervals: Iterable[Interval], length: timedelta, step: timedelta,
                   taken: Iterable[datetime]) -> Iterator[datetime]:
    step_seconds = int(step.total_seconds())
    if step_seconds <= 0 or 3600 % step_seconds:
        raise ValueError("step must divide an hour")
    booked = sorted(moment.astimezone(UTC) for moment in taken)
    for a, b in intervals:
        moment = _align_up(a, step_seconds)
        # London is a whole number of hours from UTC, so walking in real time keeps every start
        # on a London :00/:30, across the clock changes too.
        while moment + length <= b:
            if not booked or not _overlaps_booked(moment, length, booked):
                yield moment
            moment += step


def _align_up(moment: datetime, step_seconds: int) -> datetime:
    local = moment.astimezone(LONDON)
    into_hour = local.minute * 60 + local.second + local.microsecond / 1e6
    late = into_hour % step_seconds
    return moment + timedelta(seconds=step_seconds - late) if late else moment


def _overlaps_booked(moment: datetime, length: timedelta, booked: list[datetime]) -> bool:
    # Booked meetings are `length` long too: a start overlaps one less than `length` either side.
    i = bisect_left(booked, moment - length + timedelta(microseconds=1))
    return i < len(booked) and booked[i] < moment + length


def _seconds(moment: time) -> int:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _instant(day: date, seconds: int) -> datetime:
    """The first moment the London clock shows `seconds` past midnight on `day`, in UTC."""
    if seconds >= DAY:
        day, seconds = day + timedelta(days=seconds // DAY), seconds % DAY
    wall = datetime.combine(day, time(0)) + timedelta(seconds=seconds)
    offset = _steady_offset(day)
    if offset is not None:
        return (wall - offset).replace(tzinfo=UTC)
    return _instant_on_change_day(wall)


@lru_cache(maxsize=8192)
def _steady_offset(day: date) -> timedelta | None:
    """The day's UTC offset, or None on a day the clocks change."""
    here = datetime.combine(day, time(0), tzinfo=LONDON).utcoffset()
    there = datetime.combine(day + timedelta(days=1), time(0), tzinfo=LONDON).utcoffset()
    return here if here == there else None


@lru_cache(maxsize=1024)
def _instant_on_change_day(wall: datetime) -> datetime:
    # fold=0 is the first of a repeated time (autumn), which is what we want.
    first = wall.replace(tzinfo=LONDON, fold=0).astimezone(UTC)
    if _wall_of(first) == wall:
        return first
    # A time skipped in spring: the clock first shows it (or a later time) at the jump, which lies
    # between the two readings of the skipped time. Find it to the second.
    low = int(wall.replace(tzinfo=LONDON, fold=1).timestamp())
    high = int(first.timestamp())
    low, high = min(low, high), max(low, high)
    while high - low > 1:
        middle = (low + high) // 2
        if _wall_of(datetime.fromtimestamp(middle, UTC)) >= wall:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def _wall_of(moment: datetime) -> datetime:
    return moment.astimezone(LONDON).replace(tzinfo=None)
