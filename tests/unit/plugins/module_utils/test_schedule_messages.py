"""validate_options(): the exact list of messages a user reads for each problem, in order (make mutation found the
texts unheld where the other tests only look for a part of a message)."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options

NUMBER = "is the number %s, not text (YAML reads unquoted digits as a number: 0100 becomes 64, 1_000 becomes 1000)"
BOOLEAN = "is the boolean %s, not text (YAML reads an unquoted yes, no, on, off, true or false as a boolean)"


def event(**fields):
    result = {
        "name": "Weekdays",
        "start_date": "2026-01-05",
        "end_date": "2026-01-05",
        "start_time": "08:30",
        "end_time": "17:30",
        "all_day_enabled": None,
        "recurrence": None,
    }
    result.update(fields)
    return result


def options(**fields):
    result = {
        "location": "Headquarters",
        "type": "business_hours",
        "name": "Office hours",
        "new_name": None,
        "state": "present",
        "events": [event()],
    }
    result.update(fields)
    return result


@pytest.mark.parametrize(
    "fields, errors",
    [
        ({"location": 12}, ["location: " + NUMBER % 12 + '; quote it, for example location: "0100"']),
        ({"name": False}, ["name: " + BOOLEAN % "false" + '; quote it, for example name: "no"']),
        ({"new_name": 2027}, ["new_name: " + NUMBER % 2027 + '; quote it, for example new_name: "0100"']),
        (
            {"events": [event(), event(name=True)]},
            ["events[1].name: " + BOOLEAN % "true" + '; quote it, for example name: "no"'],
        ),
        # Values that are not text stop the checks there: no message about the rest.
        (
            {"location": 1, "name": 2, "new_name": 3, "state": "absent", "events": [event(name=4, end_date="x")]},
            [
                "location: " + NUMBER % 1 + '; quote it, for example location: "0100"',
                "name: " + NUMBER % 2 + '; quote it, for example name: "0100"',
                "new_name: " + NUMBER % 3 + '; quote it, for example new_name: "0100"',
                "events[0].name: " + NUMBER % 4 + '; quote it, for example name: "0100"',
            ],
        ),
        ({"name": "a\x01"}, ["name: must not contain control characters"]),
        ({"name": "x" * 81}, ["name: 81 characters, the maximum is 80"]),
        ({"new_name": " "}, ["new_name: must not be empty"]),
        (
            {"new_name": "x" * 81, "state": "absent"},
            ["new_name: 81 characters, the maximum is 80", "new_name: only with state=present"],
        ),
        ({"name": "x" * 80, "new_name": "y" * 80}, []),
        (
            {"events": [event(), event(name="Other"), event()]},
            ["events[2].name: event 'Weekdays' is listed more than once"],
        ),
        ({"events": [event(name="")]}, ["events[0].name: must not be empty"]),
        ({"events": [event(name="E\n")]}, ["events[0].name: must not contain control characters"]),
    ],
)
def test_option_messages_are_exactly_these(fields, errors):
    assert sc_options.validate_options(options(**fields)) == errors


@pytest.mark.parametrize(
    "fields, errors",
    [
        ({"start_date": "2026-02-30"}, ["events[0].start_date: '2026-02-30' is not a date in YYYY-MM-DD format"]),
        ({"start_date": "2026-1-05"}, ["events[0].start_date: '2026-1-05' is not a date in YYYY-MM-DD format"]),
        ({"end_date": "5/1/2026"}, ["events[0].end_date: '5/1/2026' is not a date in YYYY-MM-DD format"]),
        ({"end_date": "2026-01-04"}, ["events[0].end_date: 2026-01-04 is before start_date 2026-01-05"]),
        ({"end_date": "2026-01-06", "end_time": "08:00"}, []),
        ({"start_time": "8:30"}, ["events[0].start_time: '8:30' is not a time in HH:MM format (00:00 to 23:59)"]),
        ({"end_time": "24:00"}, ["events[0].end_time: '24:00' is not a time in HH:MM format (00:00 to 23:59)"]),
        ({"start_time": "00:00", "end_time": "23:59"}, []),
        ({"end_time": "08:30"}, ["events[0].end_time: 08:30 is not after start_time 08:30"]),
        ({"end_time": "08:29"}, ["events[0].end_time: 08:29 is not after start_time 08:30"]),
        ({"end_time": "08:31"}, []),
        ({"end_time": None}, ["events[0]: start_time and end_time must be set together (only start_time is set)"]),
        ({"start_time": None}, ["events[0]: start_time and end_time must be set together (only end_time is set)"]),
        (
            {"all_day_enabled": True},
            ["events[0]: all_day_enabled is true, so start_time and end_time must not be set"],
        ),
        (
            {"all_day_enabled": True, "start_time": None},
            ["events[0]: all_day_enabled is true, so end_time must not be set"],
        ),
        ({"all_day_enabled": True, "start_time": None, "end_time": None}, []),
        ({"all_day_enabled": None, "start_time": None, "end_time": None}, []),
        ({"all_day_enabled": False}, []),
        (
            {"all_day_enabled": False, "start_time": None, "end_time": None},
            ["events[0]: all_day_enabled is false, so start_time and end_time are needed"],
        ),
        # A malformed time is not compared: one message, not two.
        (
            {"start_time": "9", "end_time": "08:00"},
            ["events[0].start_time: '9' is not a time in HH:MM format (00:00 to 23:59)"],
        ),
        (
            {"start_time": "25:00", "end_time": "99:00"},
            [
                "events[0].start_time: '25:00' is not a time in HH:MM format (00:00 to 23:59)",
                "events[0].end_time: '99:00' is not a time in HH:MM format (00:00 to 23:59)",
            ],
        ),
        # Dates that are not dates are not compared either.
        (
            {"start_date": "x", "end_date": "2026-01-01", "end_time": "08:00"},
            ["events[0].start_date: 'x' is not a date in YYYY-MM-DD format"],
        ),
        (
            {
                "name": "",
                "start_date": "2026-01-05",
                "end_date": "2026-01-04",
                "all_day_enabled": False,
                "start_time": None,
            },
            [
                "events[0].name: must not be empty",
                "events[0].end_date: 2026-01-04 is before start_date 2026-01-05",
                "events[0]: start_time and end_time must be set together (only end_time is set)",
            ],
        ),
    ],
)
def test_event_messages_are_exactly_these(fields, errors):
    assert sc_options.validate_options(options(events=[event(**fields)])) == errors


def recurrence(**fields):
    result = dict.fromkeys(
        (
            "recur_for_ever",
            "recur_end_date",
            "recur_end_occurrence",
            "recur_daily",
            "recur_weekly",
            "recur_yearly_by_date",
            "recur_yearly_by_day",
        )
    )
    result.update(fields)
    return result


@pytest.mark.parametrize(
    "fields, errors",
    [
        (
            {"recur_weekly": {"recur_interval": 1, "sunday": False}},
            ["events[0].recurrence.recur_weekly: at least one day of the week must be true"],
        ),
        (
            {"recur_weekly": {"recur_interval": -1, "monday": False}},
            [
                "events[0].recurrence.recur_weekly.recur_interval: must be at least 1",
                "events[0].recurrence.recur_weekly: at least one day of the week must be true",
            ],
        ),
        (
            {"recur_daily": {"recur_interval": 1}, "recur_for_ever": False, "recur_end_occurrence": 0},
            [
                "events[0].recurrence: recur_for_ever false needs recur_end_date or recur_end_occurrence",
                "events[0].recurrence.recur_end_occurrence: must be at least 1",
            ],
        ),
        (
            {"recur_daily": {"recur_interval": 1}, "recur_end_date": "2026-02-29"},
            ["events[0].recurrence.recur_end_date: '2026-02-29' is not a date in YYYY-MM-DD format"],
        ),
        ({"recur_yearly_by_date": {"day_of_month": 30, "month": "APRIL"}}, []),
        ({"recur_yearly_by_date": {"day_of_month": 1, "month": "JANUARY"}}, []),
        (
            {"recur_yearly_by_date": {"day_of_month": 32, "month": "JANUARY"}},
            ["events[0].recurrence.recur_yearly_by_date.day_of_month: 32 is not a day of JANUARY"],
        ),
        ({"recur_yearly_by_day": {"day": "MONDAY", "week": "LAST", "month": "MAY"}}, []),
    ],
)
def test_recurrence_messages_are_exactly_these(fields, errors):
    assert sc_options.validate_options(options(events=[event(recurrence=recurrence(**fields))])) == errors


def test_an_end_date_of_a_recurrence_is_only_compared_with_a_valid_start():
    bad_start = event(
        start_date="soon", recurrence=recurrence(recur_daily={"recur_interval": 1}, recur_end_date="2020-01-01")
    )
    assert sc_options.validate_options(options(events=[bad_start])) == [
        "events[0].start_date: 'soon' is not a date in YYYY-MM-DD format"
    ]
