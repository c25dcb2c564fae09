"""_schedule/occurrence.py: the days an event happens, every recurrence pattern, its ends (date, count, for ever),
skipping ahead to a date, and the patterns that have no day at all."""

import datetime
import itertools

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule.occurrence import nth_weekday, occurrences

D = datetime.date


def event(start="2026-01-05", end=None, **recurrence):
    """An all-day event (API shape) from START to END, repeating as RECURRENCE says (none: it does not repeat)."""
    body = {"name": "E", "startDate": start, "endDate": end or start, "allDayEnabled": True}
    if recurrence:
        body["recurrence"] = recurrence
    return body


def first(count, the_event, since=None):
    return list(itertools.islice(occurrences(the_event, since), count))


def test_an_event_that_does_not_repeat_happens_once():
    assert first(5, event("2026-12-24", "2026-12-26")) == [(D(2026, 12, 24), D(2026, 12, 26))]
    assert first(5, event("2026-12-24", "2026-12-26"), since=D(2026, 12, 26)) == [(D(2026, 12, 24), D(2026, 12, 26))]
    assert first(5, event("2026-12-24", "2026-12-26"), since=D(2026, 12, 27)) == []


def test_a_time_after_the_date_is_ignored():
    assert first(1, event("2026-12-24T00:00:00", "2026-12-24T23:59:00")) == [(D(2026, 12, 24), D(2026, 12, 24))]


def test_daily_every_n_days_and_skipping_ahead():
    every_third = event("2026-01-01", recurDaily={"recurInterval": 3})
    assert [start for start, _end in first(3, every_third)] == [D(2026, 1, 1), D(2026, 1, 4), D(2026, 1, 7)]
    assert first(1, every_third, since=D(2026, 1, 5)) == [(D(2026, 1, 7), D(2026, 1, 7))]
    assert first(1, every_third, since=D(2026, 1, 4)) == [(D(2026, 1, 4), D(2026, 1, 4))]
    two_days = event("2026-01-01", "2026-01-02", recurDaily={"recurInterval": 3})
    assert first(1, two_days, since=D(2026, 1, 5)) == [(D(2026, 1, 4), D(2026, 1, 5))]  # still on


def test_weekly_on_the_days_chosen_every_n_weeks_counted_from_the_week_of_the_start():
    # 2026-01-07 is a Wednesday; its week starts on Sunday 2026-01-04.
    weekly = event("2026-01-07", recurWeekly={"recurInterval": 2, "monday": True, "friday": True})
    assert [start for start, _end in first(4, weekly)] == [D(2026, 1, 9), D(2026, 1, 19), D(2026, 1, 23), D(2026, 2, 2)]
    assert [start for start, _end in first(2, weekly, since=D(2026, 1, 20))] == [D(2026, 1, 23), D(2026, 2, 2)]
    assert first(1, event("2026-01-07", recurWeekly={"recurInterval": 1})) == []  # no day chosen: no occurrence


def test_yearly_by_date_and_29_february():
    new_year = event("2026-01-01", recurYearlyByDate={"dayOfMonth": 1, "month": "JANUARY"})
    assert [start for start, _end in first(3, new_year)] == [D(2026, 1, 1), D(2027, 1, 1), D(2028, 1, 1)]
    assert first(1, new_year, since=D(2030, 1, 2)) == [(D(2031, 1, 1), D(2031, 1, 1))]
    leap = event("2024-02-29", recurYearlyByDate={"dayOfMonth": 29, "month": "FEBRUARY"})
    assert [start for start, _end in first(3, leap)] == [D(2024, 2, 29), D(2028, 2, 29), D(2032, 2, 29)]
    # A start after this year's date: the first occurrence is next year's.
    assert first(1, event("2026-06-01", recurYearlyByDate={"dayOfMonth": 1, "month": "JANUARY"}))[0][0] == D(2027, 1, 1)


def test_yearly_by_day_including_the_last_week():
    thanksgiving = event(
        "2026-11-26", "2026-11-27", recurYearlyByDay={"day": "THURSDAY", "week": "FOURTH", "month": "NOVEMBER"}
    )
    assert first(2, thanksgiving) == [(D(2026, 11, 26), D(2026, 11, 27)), (D(2027, 11, 25), D(2027, 11, 26))]
    assert nth_weekday(2026, "MAY", "MONDAY", "LAST") == D(2026, 5, 25)
    assert nth_weekday(2026, "DECEMBER", "THURSDAY", "LAST") == D(2026, 12, 31)
    assert nth_weekday(2026, "JANUARY", "MONDAY", "THIRD") == D(2026, 1, 19)
    assert nth_weekday(2026, "MARCH", "SUNDAY", "FIRST") == D(2026, 3, 1)


def test_an_end_date_bounds_the_first_day_of_an_occurrence():
    until = event("2026-01-01", recurDaily={"recurInterval": 1}, recurEndDate="2026-01-03")
    assert [start for start, _end in occurrences(until)] == [D(2026, 1, 1), D(2026, 1, 2), D(2026, 1, 3)]
    assert list(occurrences(until, since=D(2026, 1, 4))) == []


def test_an_occurrence_count_counts_from_the_start_even_when_skipping_ahead():
    three = event("2026-01-01", recurYearlyByDate={"dayOfMonth": 1, "month": "JANUARY"}, recurEndOccurrence=3)
    assert [start for start, _end in occurrences(three)] == [D(2026, 1, 1), D(2027, 1, 1), D(2028, 1, 1)]
    assert [start for start, _end in occurrences(three, since=D(2027, 6, 1))] == [D(2028, 1, 1)]
    assert list(occurrences(three, since=D(2028, 1, 2))) == []


@pytest.mark.parametrize(
    "recurrence",
    [
        {"recurDaily": {"recurInterval": 1}},
        {"recurWeekly": {"sunday": True}},
        {"recurYearlyByDate": {"dayOfMonth": 25, "month": "DECEMBER"}},
        {"recurYearlyByDay": {"day": "MONDAY", "week": "FIRST", "month": "SEPTEMBER"}},
    ],
)
def test_for_ever_has_an_occurrence_far_ahead(recurrence):
    far = D(2400, 1, 1)
    got = first(1, event("2026-01-01", **recurrence), since=far)
    assert got and got[0][0] >= far and got[0][0] < D(2401, 1, 1)


def test_a_date_no_year_has_never_occurs():
    assert list(occurrences(event("2026-01-01", recurYearlyByDate={"dayOfMonth": 31, "month": "APRIL"}))) == []
