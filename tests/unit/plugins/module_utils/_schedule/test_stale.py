"""_schedule/stale.py: a holiday schedule is stale with no events, no event in the next 90 days (or the horizon given),
or only events that are over; recurring events count on the days they repeat; an event on today or still on counts."""

import datetime

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule.stale import STALE_HORIZON_DAYS, stale_reason

TODAY = datetime.date(2026, 12, 7)


def day(name, start, end=None, **recurrence):
    body = {"name": name, "startDate": start, "endDate": end or start, "allDayEnabled": True}
    if recurrence:
        body["recurrence"] = recurrence
    return body


CHRISTMAS = day("Christmas Day 2026-12-25", "2026-12-25")
NEW_YEAR = day("New Year's Day 2026-01-01", "2026-01-01")
SPRING = day("Spring closure 2027-05-31", "2027-05-31")


def test_the_horizon_is_90_days():
    assert STALE_HORIZON_DAYS == 90


def test_no_events_is_stale():
    assert stale_reason([], TODAY) == "it has no events"


def test_an_event_within_the_horizon_is_not_stale():
    assert stale_reason([NEW_YEAR, CHRISTMAS], TODAY) is None
    assert stale_reason([day("Last day", "2027-03-07")], TODAY) is None  # day 90
    assert stale_reason([day("Today", "2026-12-07")], TODAY) is None
    assert stale_reason([day("Still on", "2026-12-01", "2026-12-07")], TODAY) is None


def test_no_event_in_the_next_90_days_names_the_next_one():
    assert stale_reason([NEW_YEAR, SPRING], TODAY) == "no event in the next 90 days (the next one starts on 2027-05-31)"
    assert stale_reason([day("Day 91", "2027-03-08")], TODAY) == (
        "no event in the next 90 days (the next one starts on 2027-03-08)"
    )
    assert stale_reason([SPRING], TODAY, horizon_days=200) is None


def test_only_past_events_names_the_last_day():
    assert stale_reason([NEW_YEAR, CHRISTMAS], datetime.date(2026, 12, 26)) == "its last event ended on 2026-12-25"
    assert stale_reason([day("Closure", "2026-12-01", "2026-12-06")], TODAY) == "its last event ended on 2026-12-06"


def test_recurring_events_count_on_the_days_they_repeat():
    yearly = day("New Year", "2020-01-01", recurYearlyByDate={"dayOfMonth": 1, "month": "JANUARY"})
    assert stale_reason([yearly], TODAY) is None  # 1 January 2027 is 25 days away
    assert stale_reason([yearly], datetime.date(2027, 6, 1)) == (
        "no event in the next 90 days (the next one starts on 2028-01-01)"
    )
    ended = dict(yearly, recurrence=dict(yearly["recurrence"], recurEndOccurrence=3))
    assert stale_reason([ended], TODAY) == "its last event ended on 2022-01-01"


@pytest.mark.parametrize("today", [datetime.date(2026, 1, 1), datetime.date(2030, 7, 1)])
def test_a_weekly_event_for_ever_is_never_stale(today):
    weekly = day("Fridays", "2026-01-02", recurWeekly={"friday": True})
    assert stale_reason([weekly], today) is None


def test_events_that_never_occur():
    never = day("31 April", "2026-01-01", recurYearlyByDate={"dayOfMonth": 31, "month": "APRIL"})
    assert stale_reason([never], TODAY) == "none of its events ever occurs"
