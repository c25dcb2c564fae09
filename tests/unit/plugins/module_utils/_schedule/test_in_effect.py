"""_schedule/occurrence.py: when a schedule event is in effect, at a wall-clock time of its location, in both the
options form and the API form, for every recurrence webex_schedule models."""

import datetime

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import occurrence
from tests.builders import API_WEEKDAYS, CHRISTMAS, EVENINGS, FOUNDERS_DAY, THANKSGIVING, WEEKDAYS, WEEKDAYS_9_TO_5


def at(text):
    return datetime.datetime.fromisoformat(text)


def covered(event, moment):
    return occurrence.occurrence_at(event, at(moment)) is not None


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2026-01-10T08:59", False),
        ("2026-01-10T09:00", True),  # the start is in
        ("2026-01-10T11:59", True),
        ("2026-01-10T12:00", False),  # the end is out
        ("2026-01-17T10:00", False),  # no recurrence: once
    ],
)
def test_a_one_day_timed_event(moment, expected):
    saturday = {
        "name": "Saturday",
        "start_date": "2026-01-10",
        "end_date": "2026-01-10",
        "start_time": "09:00",
        "end_time": "12:00",
    }
    assert covered(saturday, moment) is expected


def test_an_all_day_event_runs_to_the_end_of_its_end_date():
    two_days = {"name": "Christmas", "startDate": "2025-12-25", "endDate": "2025-12-26", "allDayEnabled": True}
    assert covered(two_days, "2025-12-25T00:00")
    assert covered(two_days, "2025-12-26T23:59")
    assert not covered(two_days, "2025-12-27T00:00")
    assert not covered(two_days, "2025-12-24T23:59")


def test_a_one_day_holiday_is_that_day_only():
    assert covered(FOUNDERS_DAY, "2026-07-06T10:00")
    assert not covered(FOUNDERS_DAY, "2027-07-06T10:00")


@pytest.mark.parametrize(
    "moment, expected",
    [
        ("2026-03-09T09:30", True),  # Monday
        ("2026-03-13T16:59", True),  # Friday
        ("2026-03-14T10:00", False),  # Saturday
        ("2026-03-09T17:00", False),
        ("2025-12-29T10:00", False),  # a Monday before the start date
    ],
)
def test_weekly_on_the_days_marked(moment, expected):
    assert covered(WEEKDAYS_9_TO_5, moment) is expected


def test_the_options_form_and_the_api_form_mean_the_same():
    for moment in ("2026-01-05T10:00", "2026-01-06T10:00", "2026-01-09T10:00", "2026-01-09T18:00"):
        assert covered(WEEKDAYS, moment) is covered(API_WEEKDAYS, moment), moment


def test_weekly_every_other_week_counts_weeks_from_the_sunday_of_the_start():
    # Starts on Saturday 2026-01-10: its week began Sunday 2026-01-04, so Sunday 2026-01-11 is the next week.
    fortnightly = {
        "name": "Fortnight",
        "start_date": "2026-01-10",
        "end_date": "2026-01-10",
        "all_day_enabled": True,
        "recurrence": {"recur_weekly": {"recur_interval": 2, "sunday": True, "saturday": True}},
    }
    assert covered(fortnightly, "2026-01-10T10:00")
    assert not covered(fortnightly, "2026-01-11T10:00")
    assert not covered(fortnightly, "2026-01-17T10:00")
    assert covered(fortnightly, "2026-01-18T10:00")
    assert covered(fortnightly, "2026-01-24T10:00")
    assert occurrence.assumptions_for([fortnightly]) == ["week_start"]


def test_daily_with_an_interval():
    every_other_day = dict(EVENINGS, recurrence={"recur_daily": {"recur_interval": 2}})
    assert covered(every_other_day, "2026-01-05T18:00")
    assert not covered(every_other_day, "2026-01-06T18:00")
    assert covered(every_other_day, "2026-01-07T21:59")
    assert not covered(every_other_day, "2026-01-07T22:00")


def test_yearly_by_date_every_year_from_the_start():
    assert covered(CHRISTMAS, "2026-12-25T10:00")
    assert covered(CHRISTMAS, "2031-12-25T23:00")
    assert not covered(CHRISTMAS, "2025-12-25T10:00")  # before the start date
    assert not covered(CHRISTMAS, "2026-12-26T00:00")


def test_a_yearly_29_february_occurs_in_leap_years_only():
    leap = {
        "name": "Leap",
        "start_date": "2028-02-29",
        "end_date": "2028-02-29",
        "all_day_enabled": True,
        "recurrence": {"recur_yearly_by_date": {"day_of_month": 29, "month": "FEBRUARY"}},
    }
    assert covered(leap, "2028-02-29T12:00")
    assert not covered(leap, "2029-03-01T12:00")
    assert covered(leap, "2032-02-29T12:00")
    assert occurrence.assumptions_for([leap]) == ["leap_day"]


@pytest.mark.parametrize(
    "moment, expected",
    [("2026-11-26T10:00", True), ("2027-11-25T10:00", True), ("2027-11-26T10:00", False), ("2028-11-23T10:00", True)],
)
def test_yearly_by_day_the_fourth_thursday(moment, expected):
    assert covered(THANKSGIVING, moment) is expected


def test_yearly_by_day_the_last_weekday_of_the_month():
    memorial = {
        "name": "Memorial",
        "startDate": "2026-05-25",
        "endDate": "2026-05-25",
        "allDayEnabled": True,
        "recurrence": {"recurYearlyByDay": {"day": "MONDAY", "week": "LAST", "month": "MAY"}},
    }
    assert covered(memorial, "2026-05-25T08:00")
    assert covered(memorial, "2027-05-31T08:00")
    assert not covered(memorial, "2027-05-24T08:00")
    december = dict(
        memorial,
        recurrence={"recurYearlyByDay": {"day": "WEDNESDAY", "week": "LAST", "month": "DECEMBER"}},
        startDate="2026-12-30",
        endDate="2026-12-30",
    )
    assert covered(december, "2026-12-30T08:00")


def test_recurrence_ends_at_its_end_date_or_after_its_occurrences():
    until = dict(EVENINGS, recurrence={"recur_daily": {"recur_interval": 1}, "recur_end_date": "2026-01-07"})
    assert covered(until, "2026-01-07T18:00")
    assert not covered(until, "2026-01-08T18:00")
    three = dict(WEEKDAYS_9_TO_5, recurrence=dict(WEEKDAYS_9_TO_5["recurrence"], recur_end_occurrence=3))
    assert covered(three, "2026-01-07T10:00")  # Mon, Tue, Wed
    assert not covered(three, "2026-01-08T10:00")


def test_a_timed_event_over_several_days_is_one_span_repeated():
    weekend = {
        "name": "Weekend",
        "start_date": "2026-01-09",
        "end_date": "2026-01-12",
        "start_time": "18:00",
        "end_time": "06:00",
        "recurrence": {"recur_weekly": {"friday": True}},
    }
    assert covered(weekend, "2026-01-17T12:00")  # the Saturday of the next occurrence
    assert covered(weekend, "2026-01-19T05:59")
    assert not covered(weekend, "2026-01-19T06:00")
    assert not covered(weekend, "2026-01-16T17:59")
    assert occurrence.assumptions_for([weekend]) == ["event_span"]


def test_event_at_names_the_first_event_in_effect_and_its_span():
    found = occurrence.event_at([FOUNDERS_DAY, WEEKDAYS_9_TO_5], at("2026-03-09T10:00"))
    assert found == ("Weekdays", at("2026-03-09T09:00"), at("2026-03-09T17:00"))
    assert occurrence.event_at([FOUNDERS_DAY], at("2026-03-09T10:00")) is None
    assert occurrence.event_at([], at("2026-03-09T10:00")) is None


def test_what_is_not_an_event_is_never_in_effect():
    assert occurrence.occurrence_at("Weekdays", at("2026-03-09T10:00")) is None
    assert occurrence.occurrence_at({"name": "No dates"}, at("2026-03-09T10:00")) is None
    assert occurrence.assumptions_for([WEEKDAYS_9_TO_5, CHRISTMAS]) == []
