"""A champion's free time in real instants: weekly London slots, dated changes, the clock changes,
and the meeting starts a person can pick."""
from datetime import UTC, date, datetime, time, timedelta

import pytest

from portal.models import AvailabilityException, WeeklySlot
from portal.services.champions.availability import (
    Change,
    Slot,
    bookable_starts,
    by_london_day,
    first_bookable,
    free_intervals,
    has_availability,
)
from portal.services.clock import LONDON

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def london(*args) -> datetime:
    return datetime(*args, tzinfo=LONDON)


def london_times(starts) -> list[str]:
    return [s.astimezone(LONDON).strftime("%a %H:%M %Z") for s in starts]


def test_a_weekly_slot_is_the_same_london_time_in_winter_and_summer():
    monday_9_to_12 = [Slot(MON, time(9), time(12))]
    winter = free_intervals(monday_9_to_12, [], utc(2026, 1, 5), utc(2026, 1, 6))
    summer = free_intervals(monday_9_to_12, [], utc(2026, 6, 1), utc(2026, 6, 2))
    assert winter == [(utc(2026, 1, 5, 9), utc(2026, 1, 5, 12))]
    assert summer == [(utc(2026, 6, 1, 8), utc(2026, 6, 1, 11))]
    assert all(a.tzinfo == UTC and b.tzinfo == UTC for a, b in winter + summer)


def test_sunday_slot_on_the_morning_clocks_go_forward_lasts_one_real_hour():
    # 29 March 2026: at 01:00 GMT the clocks jump to 02:00 BST, so 01:00–02:00 never happens.
    slot = [Slot(SUN, time(1), time(3))]
    free = free_intervals(slot, [], utc(2026, 3, 28), utc(2026, 3, 30))
    assert free == [(utc(2026, 3, 29, 1), utc(2026, 3, 29, 2))]
    assert london_times(bookable_starts(free)) == ["Sun 02:00 BST"]


def test_a_slot_inside_the_skipped_hour_starts_when_the_clocks_jump():
    free = free_intervals([Slot(SUN, time(1, 30), time(2, 30))], [], utc(2026, 3, 28), utc(2026, 3, 30))
    assert free == [(utc(2026, 3, 29, 1), utc(2026, 3, 29, 1, 30))]  # 02:00–02:30 BST
    assert bookable_starts(free) == []  # no room for an hour


def test_a_nine_oclock_slot_stays_nine_oclock_the_week_after_the_clocks_go_forward():
    free = free_intervals([Slot(MON, time(9), time(10))], [], utc(2026, 3, 22), utc(2026, 4, 1))
    assert free == [(utc(2026, 3, 23, 9), utc(2026, 3, 23, 10)),   # GMT
                    (utc(2026, 3, 30, 8), utc(2026, 3, 30, 9))]    # BST
    assert london_times(bookable_starts(free)) == ["Mon 09:00 GMT", "Mon 09:00 BST"]


def test_sunday_slot_on_the_morning_clocks_go_back_covers_the_repeated_hour():
    # 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT, so 01:00–02:00 happens twice.
    free = free_intervals([Slot(SUN, time(1), time(3))], [], utc(2026, 10, 24), utc(2026, 10, 26))
    assert free == [(utc(2026, 10, 25, 0), utc(2026, 10, 25, 3))]  # three real hours
    assert london_times(bookable_starts(free)) == ["Sun 01:00 BST", "Sun 01:30 BST", "Sun 01:00 GMT",
                                                   "Sun 01:30 GMT", "Sun 02:00 GMT"]


def test_a_nine_oclock_slot_stays_nine_oclock_the_week_after_the_clocks_go_back():
    free = free_intervals([Slot(MON, time(9), time(10))], [], utc(2026, 10, 18), utc(2026, 10, 28))
    assert free == [(utc(2026, 10, 19, 8), utc(2026, 10, 19, 9)), (utc(2026, 10, 26, 9), utc(2026, 10, 26, 10))]


def test_away_on_the_day_the_clocks_change_removes_the_whole_day():
    weekly = [Slot(SUN, time(0, 30), time(23))]
    for day in (date(2026, 3, 29), date(2026, 10, 25)):
        start = datetime.combine(day, time(0), tzinfo=LONDON)
        assert free_intervals(weekly, [Change(day, False)], start - timedelta(days=1), start + timedelta(days=2)) == []


def test_away_all_day_removes_that_day_only():
    weekly = [Slot(TUE, time(10), time(12)), Slot(WED, time(10), time(12))]
    free = free_intervals(weekly, [Change(date(2026, 2, 3), False)], utc(2026, 2, 2), utc(2026, 2, 5))
    assert free == [(utc(2026, 2, 4, 10), utc(2026, 2, 4, 12))]


def test_away_between_times_cuts_a_hole_in_a_slot():
    weekly = [Slot(TUE, time(9), time(17))]
    free = free_intervals(weekly, [Change(date(2026, 6, 2), False, time(12), time(13, 30))],
                          utc(2026, 6, 1), utc(2026, 6, 3))
    assert free == [(london(2026, 6, 2, 9), london(2026, 6, 2, 12)), (london(2026, 6, 2, 13, 30), london(2026, 6, 2, 17))]


def test_extra_time_adds_a_one_off_interval_and_joins_a_slot_it_touches():
    weekly = [Slot(THU, time(10), time(12))]
    changes = [Change(date(2026, 6, 4), True, time(12), time(14)),   # Thursday: joins the slot
               Change(date(2026, 6, 6), True, time(18), time(19))]   # Saturday: a one-off
    free = free_intervals(weekly, changes, utc(2026, 6, 1), utc(2026, 6, 8))
    assert free == [(london(2026, 6, 4, 10), london(2026, 6, 4, 14)), (london(2026, 6, 6, 18), london(2026, 6, 6, 19))]


def test_away_wins_over_extra_time_at_the_same_time():
    changes = [Change(date(2026, 6, 6), True, time(10), time(14)), Change(date(2026, 6, 6), False, time(11), time(13))]
    free = free_intervals([], changes, utc(2026, 6, 5), utc(2026, 6, 7))
    assert free == [(london(2026, 6, 6, 10), london(2026, 6, 6, 11)), (london(2026, 6, 6, 13), london(2026, 6, 6, 14))]


def test_free_time_is_cut_to_the_window_asked_for():
    weekly = [Slot(day, time(9), time(17)) for day in range(7)]
    free = free_intervals(weekly, [], london(2026, 6, 3, 15), london(2026, 6, 4, 10))
    assert free == [(london(2026, 6, 3, 15), london(2026, 6, 3, 17)), (london(2026, 6, 4, 9), london(2026, 6, 4, 10))]
    assert free_intervals(weekly, [], london(2026, 6, 4), london(2026, 6, 3)) == []


def test_table_rows_work_as_well_as_plain_tuples():
    rows = [WeeklySlot(champion_id=1, weekday=FRI, start=time(14), end=time(16))]
    changes = [AvailabilityException(champion_id=1, on_date=date(2026, 6, 5), available=False,
                                     start=time(14), end=time(15))]
    assert free_intervals(rows, changes, utc(2026, 6, 1), utc(2026, 6, 8)) == [(london(2026, 6, 5, 15),
                                                                                london(2026, 6, 5, 16))]


def test_bookable_starts_are_on_the_hour_and_half_hour_and_fit_the_interval():
    free = [(london(2026, 6, 2, 9, 10), london(2026, 6, 2, 11, 5))]
    assert bookable_starts(free) == [london(2026, 6, 2, 9, 30), london(2026, 6, 2, 10)]
    assert bookable_starts(free, length=timedelta(minutes=30), step=timedelta(minutes=15)) == [
        london(2026, 6, 2, 9, 15), london(2026, 6, 2, 9, 30), london(2026, 6, 2, 9, 45), london(2026, 6, 2, 10),
        london(2026, 6, 2, 10, 15), london(2026, 6, 2, 10, 30)]


def test_bookable_starts_leave_out_taken_times_and_any_that_would_overlap_them():
    free = [(london(2026, 6, 2, 9), london(2026, 6, 2, 13))]
    starts = bookable_starts(free, taken={london(2026, 6, 2, 10).astimezone(UTC)})
    assert [s.astimezone(LONDON).strftime("%H:%M") for s in starts] == ["09:00", "11:00", "11:30", "12:00"]
    # a meeting at the gate at 10:15 blocks 09:30 to 11:00
    starts = bookable_starts(free, taken={london(2026, 6, 2, 10, 15)})
    assert [s.astimezone(LONDON).strftime("%H:%M") for s in starts] == ["09:00", "11:30", "12:00"]


def test_a_step_that_does_not_divide_the_hour_is_refused():
    with pytest.raises(ValueError):
        bookable_starts([(utc(2026, 6, 2, 9), utc(2026, 6, 2, 12))], step=timedelta(minutes=25))


def test_has_availability_needs_a_whole_meeting_in_the_window():
    weekly = [Slot(WED, time(9), time(9, 45))]  # too short for an hour
    assert not has_availability(weekly, [], utc(2026, 6, 1), utc(2026, 6, 15))
    weekly.append(Slot(FRI, time(16), time(18)))
    assert has_availability(weekly, [], utc(2026, 6, 1), utc(2026, 6, 15))
    away_both_fridays = [Change(date(2026, 6, 5), False), Change(date(2026, 6, 12), False)]
    assert not has_availability(weekly, away_both_fridays, utc(2026, 6, 1), utc(2026, 6, 15))
    # the hour must end inside the window
    assert not has_availability(weekly, [], utc(2026, 6, 5, 15), london(2026, 6, 5, 16, 59))


def test_first_bookable_is_the_earliest_start_not_taken():
    weekly = [Slot(MON, time(10), time(12)), Slot(THU, time(18), time(20))]
    now = london(2026, 6, 1, 10, 40)  # Monday, part-way through the slot
    assert first_bookable(weekly, [], now, now + timedelta(days=14)) == london(2026, 6, 1, 11)
    assert first_bookable(weekly, [], now, now + timedelta(days=14), taken=[london(2026, 6, 1, 11)]) == \
        london(2026, 6, 4, 18)
    assert first_bookable(weekly, [], now, now + timedelta(hours=2), taken=[london(2026, 6, 1, 11)]) is None


def test_a_week_view_groups_free_time_by_london_day():
    weekly = [Slot(SAT, time(22), time(23, 59)), Slot(SUN, time(0), time(1, 30))]
    free = free_intervals(weekly, [], london(2026, 3, 27), london(2026, 3, 30))
    week = by_london_day(free, date(2026, 3, 27), days=3)
    assert [day for day, _ in week] == [date(2026, 3, 27), date(2026, 3, 28), date(2026, 3, 29)]
    assert week[0][1] == []
    assert week[1][1] == [(london(2026, 3, 28, 22), london(2026, 3, 28, 23, 59))]
    assert week[2][1] == [(london(2026, 3, 29, 0), utc(2026, 3, 29, 1))]  # ends at the jump to BST
