"""_schedule/options.py: validate_options() (every message, in order, at every boundary) and argument_spec() (what the
recurrence suboptions allow together, and the defaults; the documentation test holds types, choices and defaults to
DOCUMENTATION)."""

import pytest
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options
from tests.unit.plugins.module_utils._schedule.shared import event, options, recurrence, weekly


def plain_options(**fields):
    """The options with one event that does not recur."""
    return options(**dict({"events": [event()]}, **fields))


def test_valid_options_have_no_errors():
    assert sc_options.validate_options(options()) == []
    assert sc_options.validate_options(options(events=None)) == []


@pytest.mark.parametrize(
    "changed, message",
    [
        ({"start_date": "2026-02-30"}, "events[0].start_date: '2026-02-30' is not a date in YYYY-MM-DD format"),
        ({"end_date": "5/1/2026"}, "events[0].end_date: '5/1/2026' is not a date in YYYY-MM-DD format"),
        ({"end_date": "2026-01-04"}, "events[0].end_date: 2026-01-04 is before start_date 2026-01-05"),
        ({"start_time": "8:30"}, "events[0].start_time: '8:30' is not a time in HH:MM format"),
        ({"end_time": "24:00"}, "events[0].end_time: '24:00' is not a time in HH:MM format"),
        ({"end_time": "08:00"}, "events[0].end_time: 08:00 is not after start_time 08:30"),
        ({"end_time": None}, "events[0]: start_time and end_time must be set together (only start_time is set)"),
        ({"all_day_enabled": True}, "events[0]: all_day_enabled is true, so start_time and end_time must not be set"),
        (
            {"all_day_enabled": False, "start_time": None, "end_time": None},
            "events[0]: all_day_enabled is false, so start_time and end_time are needed",
        ),
        ({"name": " "}, "events[0].name: must not be empty"),
        (
            {"recurrence": recurrence(recur_weekly=weekly())},
            "events[0].recurrence.recur_weekly: at least one day of the week must be true",
        ),
        (
            {"recurrence": recurrence(recur_yearly_by_date={"day_of_month": 31, "month": "APRIL"})},
            "events[0].recurrence.recur_yearly_by_date.day_of_month: 31 is not a day of APRIL",
        ),
        (
            {"recurrence": recurrence(recur_daily={"recur_interval": 0})},
            "events[0].recurrence.recur_daily.recur_interval: must be at least 1",
        ),
        (
            {"recurrence": recurrence(recur_daily={"recur_interval": 1}, recur_end_date="2025-12-31")},
            "events[0].recurrence.recur_end_date: 2025-12-31 is before start_date",
        ),
        (
            {"recurrence": recurrence(recur_daily={"recur_interval": 1}, recur_for_ever=False)},
            "events[0].recurrence: recur_for_ever false needs recur_end_date or recur_end_occurrence",
        ),
    ],
)
def test_bad_events_are_named(changed, message):
    params = options(events=[dict(options()["events"][0], **changed)])
    errors = sc_options.validate_options(params)
    assert any(message in error for error in errors), errors


def test_duplicate_event_names_and_names():
    errors = sc_options.validate_options(options(events=[event(), event()], name="x" * 81, new_name="", state="absent"))
    assert "events[1].name: event 'Weekdays' is listed more than once" in errors
    assert "name: 81 characters, the maximum is 80" in errors
    assert "new_name: must not be empty" in errors
    assert "new_name: only with state=present" in errors


def test_29_february_is_a_day_of_february():
    params = options(
        events=[event(recurrence=recurrence(recur_yearly_by_date={"day_of_month": 29, "month": "FEBRUARY"}))]
    )
    assert sc_options.validate_options(params) == []


# -- the exact list of messages a user reads for each problem, in order ---------------------------------------------


NUMBER = "is the number %s, not text (YAML reads unquoted digits as a number: 0100 becomes 64, 1_000 becomes 1000)"


BOOLEAN = "is the boolean %s, not text (YAML reads an unquoted yes, no, on, off, true or false as a boolean)"


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
    assert sc_options.validate_options(plain_options(**fields)) == errors


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
    assert sc_options.validate_options(plain_options(events=[event(**fields)])) == errors


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
    assert sc_options.validate_options(plain_options(events=[event(recurrence=recurrence(**fields))])) == errors


def test_an_end_date_of_a_recurrence_is_only_compared_with_a_valid_start():
    bad_start = event(
        start_date="soon", recurrence=recurrence(recur_daily={"recur_interval": 1}, recur_end_date="2020-01-01")
    )
    assert sc_options.validate_options(plain_options(events=[bad_start])) == [
        "events[0].start_date: 'soon' is not a date in YYYY-MM-DD format"
    ]


# -- recurrence at its boundaries -----------------------------------------------------------------------------------


RECURRENCE_PATTERNS = ("recur_daily", "recur_weekly", "recur_yearly_by_date", "recur_yearly_by_day")


def params_with(**recurrence):
    full = {"recur_for_ever": None, "recur_end_date": None, "recur_end_occurrence": None}
    full.update({pattern: None for pattern in RECURRENCE_PATTERNS})
    full.update(recurrence)
    event = {
        "name": "E",
        "start_date": "2026-01-05",
        "end_date": "2026-01-05",
        "start_time": "08:30",
        "end_time": "17:30",
        "all_day_enabled": None,
        "recurrence": full,
    }
    return {"name": "Office", "new_name": None, "state": "present", "events": [event]}


DAILY = {"recur_daily": {"recur_interval": 1}}


@pytest.mark.parametrize(
    "recurrence, errors",
    [
        (dict(DAILY), []),
        (dict(DAILY, recur_end_occurrence=1), []),
        (dict(DAILY, recur_end_occurrence=0), ["events[0].recurrence.recur_end_occurrence: must be at least 1"]),
        (dict(DAILY, recur_for_ever=False, recur_end_occurrence=3), []),
        (dict(DAILY, recur_for_ever=False, recur_end_date="2026-02-01"), []),
        (
            dict(DAILY, recur_for_ever=False),
            ["events[0].recurrence: recur_for_ever false needs recur_end_date or recur_end_occurrence"],
        ),
        (dict(DAILY, recur_for_ever=True), []),
        (dict(DAILY, recur_end_date="2026-01-05"), []),
        (
            dict(DAILY, recur_end_date="2026-01-04"),
            ["events[0].recurrence.recur_end_date: 2026-01-04 is before start_date"],
        ),
        (
            dict(DAILY, recur_end_date="2026-13-01"),
            ["events[0].recurrence.recur_end_date: '2026-13-01' is not a date in YYYY-MM-DD format"],
        ),
        (
            {"recur_daily": {"recur_interval": 0}},
            ["events[0].recurrence.recur_daily.recur_interval: must be at least 1"],
        ),
        (
            {"recur_weekly": {"recur_interval": 0, "monday": True}},
            ["events[0].recurrence.recur_weekly.recur_interval: must be at least 1"],
        ),
        ({"recur_weekly": {"recur_interval": None, "sunday": True}}, []),
        ({"recur_weekly": {"recur_interval": 1, "saturday": True}}, []),
        ({"recur_yearly_by_date": {"day_of_month": 29, "month": "FEBRUARY"}}, []),
        (
            {"recur_yearly_by_date": {"day_of_month": 30, "month": "FEBRUARY"}},
            ["events[0].recurrence.recur_yearly_by_date.day_of_month: 30 is not a day of FEBRUARY"],
        ),
        (
            {"recur_yearly_by_date": {"day_of_month": 0, "month": "JANUARY"}},
            ["events[0].recurrence.recur_yearly_by_date.day_of_month: 0 is not a day of JANUARY"],
        ),
        ({"recur_yearly_by_date": {"day_of_month": 31, "month": "DECEMBER"}}, []),
    ],
)
def test_recurrence_errors_are_exactly_these(recurrence, errors):
    assert sc_options.validate_options(params_with(**recurrence)) == errors


def test_new_name_with_state_absent_is_refused_and_alone_is_fine():
    params = dict(params_with(**DAILY), events=None)
    assert sc_options.validate_options(dict(params, new_name="Other")) == []
    assert sc_options.validate_options(dict(params, state="absent")) == []
    assert sc_options.validate_options(dict(params, new_name="Other", state="absent")) == [
        "new_name: only with state=present"
    ]


# -- argument_spec(): what the recurrence suboptions allow together, and the defaults a user gets ------------------


EVENT = {"name": "E", "start_date": "2026-01-01", "end_date": "2026-01-01"}


PATTERNS = "recur_daily|recur_weekly|recur_yearly_by_date|recur_yearly_by_day"


ENDS = "recur_for_ever|recur_end_date|recur_end_occurrence"


BY_DAY = {"day": "MONDAY", "week": "LAST", "month": "MAY"}


def validate(recurrence):
    options = {"location": "HQ", "type": "business_hours", "name": "x", "events": [dict(EVENT, recurrence=recurrence)]}
    result = ArgumentSpecValidator(sc_options.argument_spec()).validate(options)
    return result.error_messages, result.validated_parameters


@pytest.mark.parametrize(
    "recurrence, error",
    [
        ({"recur_daily": {}, "recur_weekly": {"monday": True}}, "parameters are mutually exclusive: " + PATTERNS),
        (
            {"recur_weekly": {"monday": True}, "recur_yearly_by_day": BY_DAY},
            "parameters are mutually exclusive: " + PATTERNS,
        ),
        (
            {"recur_yearly_by_date": {"day_of_month": 2, "month": "MAY"}, "recur_yearly_by_day": BY_DAY},
            "parameters are mutually exclusive: " + PATTERNS,
        ),
        ({"recur_for_ever": True}, "one of the following is required: " + PATTERNS.replace("|", ", ")),
        (
            {"recur_daily": {}, "recur_for_ever": True, "recur_end_date": "2026-02-01"},
            "parameters are mutually exclusive: " + ENDS,
        ),
        (
            {"recur_daily": {}, "recur_end_occurrence": 2, "recur_end_date": "2026-02-01"},
            "parameters are mutually exclusive: " + ENDS,
        ),
        (
            {"recur_daily": {}, "recur_for_ever": False, "recur_end_occurrence": 2},
            "parameters are mutually exclusive: " + ENDS,
        ),
    ],
)
def test_recurrence_rules(recurrence, error):
    assert validate(recurrence)[0] == [error + " found in events -> recurrence"]


def test_recurrence_defaults():
    errors, params = validate({"recur_daily": {}, "recur_end_occurrence": 3})
    assert errors == []
    assert params["events"][0]["recurrence"] == {
        "recur_for_ever": None,
        "recur_end_date": None,
        "recur_end_occurrence": 3,
        "recur_daily": {"recur_interval": 1},
        "recur_weekly": None,
        "recur_yearly_by_date": None,
        "recur_yearly_by_day": None,
    }
    errors, params = validate({"recur_weekly": {"friday": True}})
    assert errors == [] and params["events"][0]["recurrence"]["recur_weekly"] == {
        "recur_interval": None,
        "sunday": False,
        "monday": False,
        "tuesday": False,
        "wednesday": False,
        "thursday": False,
        "friday": True,
        "saturday": False,
    }
    assert params["state"] == "present" and params["new_name"] is None


# -- holidays and purge_events ---------------------------------------------------------------------------------------


def holidays_option(**fields):
    """The holidays option as AnsibleModule hands it over: every suboption present, unset ones None."""
    return dict(
        {
            "country": "US",
            "subdivision": None,
            "years": [2026],
            "include": None,
            "exclude": None,
            "observed": None,
            "language": None,
            "name_format": "{name} {date}",
        },
        **fields,
    )


def holiday_params(**fields):
    return options(**dict({"type": "holidays", "events": None, "holidays": holidays_option()}, **fields))


def test_holidays_and_purge_events_that_are_fine():
    assert sc_options.validate_options(holiday_params()) == []
    assert sc_options.validate_options(holiday_params(purge_events=True, events=[event()])) == []
    assert sc_options.validate_options(plain_options(purge_events=False)) == []
    assert sc_options.validate_options(holiday_params(holidays=holidays_option(years={"next": 2}))) == []


@pytest.mark.parametrize(
    "fields, errors",
    [
        ({"type": "business_hours"}, ["holidays: only with type=holidays"]),
        ({"state": "absent"}, ["holidays: only with state=present"]),
        (
            {"type": "business_hours", "state": "absent"},
            ["holidays: only with type=holidays", "holidays: only with state=present"],
        ),
        ({"holidays": None, "purge_events": True}, ["purge_events: only with events or holidays"]),
        ({"holidays": None, "purge_events": False}, ["purge_events: only with events or holidays"]),
        (
            {"holidays": holidays_option(country="XX")},
            [
                "holidays.country: 'XX' is not a country the holidays package knows (an ISO 3166-1 code such as US, "
                "CA or GB)"
            ],
        ),
        ({"holidays": holidays_option(years=[1999])}, ["holidays.years: 1999 is not a year from 2000 to 2099"]),
    ],
)
def test_holidays_messages_are_exactly_these(fields, errors):
    assert sc_options.validate_options(holiday_params(**fields)) == errors


def test_the_calendar_is_not_asked_when_the_option_is_refused_already(monkeypatch):
    asked = []
    monkeypatch.setattr(sc_options.holiday, "option_problems", lambda option, now: asked.append(option) or [])
    sc_options.validate_options(holiday_params(type="business_hours"))
    assert asked == []
    sc_options.validate_options(holiday_params())
    assert len(asked) == 1


def test_without_holidays_the_package_is_never_imported(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "holidays", None)  # importing it would fail
    assert sc_options.validate_options(options()) == []
    errors = sc_options.validate_options(holiday_params())
    assert len(errors) == 1 and errors[0].startswith("holidays: needs the Python package 'holidays' on the host")


def test_the_holidays_option_spec_and_its_defaults():
    spec = sc_options.argument_spec()
    assert spec["purge_events"] == {"type": "bool"}
    holidays = spec["holidays"]["options"]
    assert holidays["country"]["required"] and holidays["years"] == {"type": "raw", "required": True}
    assert holidays["name_format"]["default"] == "{name} {date}"
    result = ArgumentSpecValidator(spec).validate(
        {"location": "L", "type": "holidays", "name": "H", "holidays": {"country": "US", "years": {"next": 2}}}
    )
    assert not result.error_messages
    assert result.validated_parameters["holidays"] == holidays_option(years={"next": 2})
    assert result.validated_parameters["purge_events"] is None
