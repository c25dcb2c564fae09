# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Schedule options: the module's argument_spec and what it cannot express (validate_options), before any request."""

from __future__ import annotations

import datetime
import re

from ansible_collections.wxc.calling.plugins.module_utils import resource
from ansible_collections.wxc.calling.plugins.module_utils._schedule import holiday
from ansible_collections.wxc.calling.plugins.module_utils.resource import name_problem, text_problem

# Module choice -> API value (the API's schedule types are camelCase, unlike its other enums).
TYPES = {"business_hours": "businessHours", "holidays": "holidays"}

TYPE_OPTIONS = {value: key for key, value in TYPES.items()}

MONTHS = (
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "MAY",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
)

DAYS = ("SUNDAY", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY")

WEEKS = ("FIRST", "SECOND", "THIRD", "FOURTH", "LAST")

WEEKDAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")

DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

PATTERNS = ("recur_daily", "recur_weekly", "recur_yearly_by_date", "recur_yearly_by_day")

DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}\Z")

TIME_PATTERN = re.compile(r"^([01]\d|2[0-3]):[0-5]\d\Z")


def _recurrence_spec():
    weekly = dict(recur_interval=dict(type="int"))
    weekly.update({day: dict(type="bool", default=False) for day in WEEKDAYS})
    return dict(
        recur_for_ever=dict(type="bool"),
        recur_end_date=dict(type="str"),
        recur_end_occurrence=dict(type="int"),
        recur_daily=dict(type="dict", options=dict(recur_interval=dict(type="int", default=1))),
        recur_weekly=dict(type="dict", options=weekly),
        recur_yearly_by_date=dict(
            type="dict",
            options=dict(
                day_of_month=dict(type="int", required=True),
                month=dict(type="str", required=True, choices=list(MONTHS)),
            ),
        ),
        recur_yearly_by_day=dict(
            type="dict",
            options=dict(
                day=dict(type="str", required=True, choices=list(DAYS)),
                week=dict(type="str", required=True, choices=list(WEEKS)),
                month=dict(type="str", required=True, choices=list(MONTHS)),
            ),
        ),
    )


def _holidays_spec():
    """The holidays option: a holiday calendar (the Python package holidays) that gives the events."""
    return dict(
        country=dict(type="str", required=True),
        subdivision=dict(type="str"),
        # A list of years, or {next: N}: argument_spec has no "either", validate_options() checks it.
        years=dict(type="raw", required=True),
        include=dict(type="list", elements="str"),
        exclude=dict(type="list", elements="str"),
        observed=dict(type="bool"),
        language=dict(type="str"),
        name_format=dict(type="str", default=holiday.DEFAULT_NAME_FORMAT),
    )


def argument_spec():
    """The module's own options (the connection options come from webex_argument_spec())."""
    return dict(
        # Names are text: `type: raw`, checked by text_problem() (YAML makes an unquoted no False, 2027 a number).
        location=dict(type="raw", required=True),
        type=dict(type="str", required=True, choices=list(TYPES)),
        name=dict(type="raw", required=True),
        new_name=dict(type="raw"),
        state=dict(type="str", default="present", choices=["present", "absent"]),
        events=dict(
            type="list",
            elements="dict",
            options=dict(
                name=dict(type="raw", required=True),
                start_date=dict(type="str", required=True),
                end_date=dict(type="str", required=True),
                start_time=dict(type="str"),
                end_time=dict(type="str"),
                all_day_enabled=dict(type="bool"),
                recurrence=dict(
                    type="dict",
                    options=_recurrence_spec(),
                    mutually_exclusive=[list(PATTERNS), ["recur_for_ever", "recur_end_date", "recur_end_occurrence"]],
                    required_one_of=[list(PATTERNS)],
                ),
            ),
        ),
        holidays=dict(type="dict", options=_holidays_spec()),
        purge_events=dict(type="bool"),
    )


def _date(value, where, errors):
    """The date VALUE (YYYY-MM-DD) or None, with a message in ERRORS when it is not a real date."""
    if DATE_PATTERN.match(value or ""):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    errors.append("%s: %r is not a date in YYYY-MM-DD format" % (where, value))
    return None


def _validate_recurrence(where, recurrence, start, errors):
    if recurrence.get("recur_for_ever") is False and not (
        recurrence.get("recur_end_date") or recurrence.get("recur_end_occurrence")
    ):
        errors.append("%s: recur_for_ever false needs recur_end_date or recur_end_occurrence" % where)
    if recurrence.get("recur_end_date") is not None:
        end = _date(recurrence["recur_end_date"], where + ".recur_end_date", errors)
        if end and start and end < start:
            errors.append("%s.recur_end_date: %s is before start_date" % (where, recurrence["recur_end_date"]))
    if recurrence.get("recur_end_occurrence") is not None and recurrence["recur_end_occurrence"] < 1:
        errors.append("%s.recur_end_occurrence: must be at least 1" % where)
    for pattern in ("recur_daily", "recur_weekly"):
        interval = (recurrence.get(pattern) or {}).get("recur_interval")
        if interval is not None and interval < 1:
            errors.append("%s.%s.recur_interval: must be at least 1" % (where, pattern))
    weekly = recurrence.get("recur_weekly")
    if weekly is not None and not any(weekly.get(day) for day in WEEKDAYS):
        errors.append("%s.recur_weekly: at least one day of the week must be true" % where)
    by_date = recurrence.get("recur_yearly_by_date")
    if by_date is not None:
        month, day = by_date["month"], by_date["day_of_month"]
        if not 1 <= day <= DAYS_IN_MONTH[MONTHS.index(month)]:
            errors.append("%s.recur_yearly_by_date.day_of_month: %d is not a day of %s" % (where, day, month))


def _validate_event(where, event, errors):
    problem = name_problem(event["name"])
    if problem:
        errors.append("%s.name: %s" % (where, problem))
    start = _date(event["start_date"], where + ".start_date", errors)
    end = _date(event["end_date"], where + ".end_date", errors)
    if start and end and end < start:
        errors.append("%s.end_date: %s is before start_date %s" % (where, event["end_date"], event["start_date"]))
    times = {}
    for field in ("start_time", "end_time"):
        value = event.get(field)
        if value is not None and not TIME_PATTERN.match(value):
            errors.append("%s.%s: %r is not a time in HH:MM format (00:00 to 23:59)" % (where, field, value))
        elif value is not None:
            times[field] = value
    given = [field for field in ("start_time", "end_time") if event.get(field) is not None]
    if event.get("all_day_enabled") is True and given:
        errors.append("%s: all_day_enabled is true, so %s must not be set" % (where, " and ".join(given)))
    elif given and len(given) == 1:
        errors.append("%s: start_time and end_time must be set together (only %s is set)" % (where, given[0]))
    elif event.get("all_day_enabled") is False and not given:
        errors.append("%s: all_day_enabled is false, so start_time and end_time are needed" % where)
    elif len(times) == 2 and start and start == end and times["end_time"] <= times["start_time"]:
        errors.append("%s.end_time: %s is not after start_time %s" % (where, times["end_time"], times["start_time"]))
    if event.get("recurrence"):
        _validate_recurrence(where + ".recurrence", event["recurrence"], start, errors)


def validate_options(params):
    """Return the problems argument_spec cannot see, each naming its option (an empty list when there are none)."""
    texts = [("location", params.get("location")), ("name", params.get("name")), ("new_name", params.get("new_name"))]
    texts += [("events[%d].name" % index, event.get("name")) for index, event in enumerate(params.get("events") or [])]
    errors = [problem for problem in (text_problem(option, value) for option, value in texts) if problem]
    if errors:
        return errors
    for option in ("name", "new_name"):
        if params.get(option) is not None:
            problem = name_problem(params[option])
            if problem:
                errors.append("%s: %s" % (option, problem))
    if params.get("new_name") is not None and params.get("state") == "absent":
        errors.append("new_name: only with state=present")
    seen = set()
    for index, event in enumerate(params.get("events") or []):
        where = "events[%d]" % index
        if event["name"] in seen:
            errors.append("%s.name: event %r is listed more than once" % (where, event["name"]))
        seen.add(event["name"])
        _validate_event(where, event, errors)
    _validate_holidays(params, errors)
    return errors


def _validate_holidays(params, errors):
    """The holidays option and purge_events; the calendar is asked (the package imported) only when holidays is set."""
    option = params.get("holidays")
    if params.get("purge_events") is not None and params.get("events") is None and option is None:
        errors.append("purge_events: only with events or holidays")
    if option is None:
        return
    if params.get("type") != "holidays":
        errors.append("holidays: only with type=holidays")
    if params.get("state") == "absent":
        errors.append("holidays: only with state=present")
    if not errors:
        errors.extend(holiday.option_problems(option, holiday.utc_now()))


def check_options(options):
    """Why webex_schedule would refuse OPTIONS (argument_spec, then validate_options); [] when it accepts them."""
    return resource.check_options(argument_spec(), validate_options, options)
