# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""When a schedule event is in effect (pure): the events of webex_schedule, at a wall-clock time of their location.

An event is read in the one form the schedule module compares events in (compare.canonical_event), so options
(snake_case) and the API's answer (camelCase) mean the same here. What the API reference says, and what is our reading
where it is silent (each one is listed in ASSUMPTIONS, and the call-path trace reports the ones it relied on):

- an event runs from startDate startTime to endDate endTime as one span (all-day: from the start of startDate to the
  end of endDate); each occurrence of a recurring event is that span moved to the occurrence's date;
- recurDaily: every recurInterval days from startDate; recurWeekly: the days marked true, in every recurInterval-th
  week counted from the week of startDate (weeks start on Sunday, the first day the API lists); recurYearlyByDate:
  that day of that month every year (29 February only in leap years); recurYearlyByDay: the FIRST to FOURTH or LAST
  given weekday of the month every year; none before startDate;
- recurEndDate is the last date an occurrence may start on; recurEndOccurrence counts occurrences from startDate;
- times are wall-clock times of the location's time zone: 09:00 is 09:00 on either side of a daylight-saving change.
"""

from __future__ import annotations

import datetime

from ansible.module_utils.common.dict_transformations import snake_dict_to_camel_dict

from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import canonical_event
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import DAYS, MONTHS, WEEKDAYS, WEEKS
from ansible_collections.wxc.calling.plugins.module_utils.resource import without_none

ASSUMPTIONS = {
    "event_span": "an event runs from its start date and time to its end date and time as one span; a recurring "
    "event repeats that span from each occurrence's date",
    "week_start": "weekly recurrence counts its interval in weeks that start on Sunday, from the week of the start date",
    "leap_day": "a yearly event on 29 February occurs only in leap years",
}

# Bound on the walk that counts occurrences (recurEndOccurrence): about 300 years of a daily event.
MAX_OCCURRENCES_WALKED = 110000


def api_event(event):
    """EVENT (webex_schedule options, or the API's answer) in the canonical API form; None when it has no name/dates."""
    if not isinstance(event, dict):
        return None
    if any(field in event for field in ("start_date", "end_date", "start_time", "end_time", "all_day_enabled")):
        event = snake_dict_to_camel_dict(without_none(event))
    if not event.get("startDate"):
        return None
    return canonical_event(dict(event, name=event.get("name") or ""))


def _date(value):
    return datetime.date.fromisoformat(str(value))


def _time(value):
    hours, minutes = str(value).split(":")[:2]
    return datetime.time(int(hours), int(minutes))


def span(event):
    """(start, end) of the event's first occurrence as naive wall-clock datetimes; end is exclusive."""
    start_date, end_date = _date(event["startDate"]), _date(event["endDate"] or event["startDate"])
    if event.get("allDayEnabled"):
        return (
            datetime.datetime.combine(start_date, datetime.time()),
            datetime.datetime.combine(end_date + datetime.timedelta(days=1), datetime.time()),
        )
    return (
        datetime.datetime.combine(start_date, _time(event["startTime"])),
        datetime.datetime.combine(end_date, _time(event["endTime"])),
    )


def _sunday_week(day):
    """The Sunday that starts DAY's week."""
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)


def _nth_weekday(year, month, day_name, week):
    """The date of the FIRST..FOURTH or LAST DAY_NAME of MONTH in YEAR."""
    weekday = (DAYS.index(day_name) - 1) % 7  # DAYS starts on Sunday, date.weekday() on Monday
    if week == "LAST":
        following = datetime.date(year + (month == 12), month % 12 + 1, 1)
        day = following - datetime.timedelta(days=1)
        return day - datetime.timedelta(days=(day.weekday() - weekday) % 7)
    first = datetime.date(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * WEEKS.index(week))


def _pattern_matches(recurrence, start, day):
    """Whether the recurrence pattern puts an occurrence on DAY (not before START, the event's start date)."""
    if day < start:
        return False
    daily = recurrence.get("recurDaily")
    if daily is not None:
        return (day - start).days % daily["recurInterval"] == 0
    weekly = recurrence.get("recurWeekly")
    if weekly is not None:
        if not weekly.get(WEEKDAYS[(day.weekday() + 1) % 7]):
            return False
        return ((_sunday_week(day) - _sunday_week(start)).days // 7) % weekly["recurInterval"] == 0
    by_date = recurrence.get("recurYearlyByDate")
    if by_date is not None:
        return day.month == MONTHS.index(by_date["month"]) + 1 and day.day == by_date["dayOfMonth"]
    by_day = recurrence.get("recurYearlyByDay")
    if by_day is not None:
        month = MONTHS.index(by_day["month"]) + 1
        return day.month == month and day == _nth_weekday(day.year, month, by_day["day"], by_day["week"])
    return day == start


def _occurrence_number(recurrence, start, day):
    """How many occurrences there are from START up to DAY (DAY included; DAY itself is one)."""
    count, current = 0, start
    while current <= day and count < MAX_OCCURRENCES_WALKED:
        if _pattern_matches(recurrence, start, current):
            count += 1
        current += datetime.timedelta(days=1)
    return count


def occurs_on(event, day):
    """Whether the canonical EVENT has an occurrence that starts on DAY (a date)."""
    start = _date(event["startDate"])
    recurrence = event.get("recurrence")
    if not recurrence:
        return day == start
    if not _pattern_matches(recurrence, start, day):
        return False
    if recurrence.get("recurEndDate") and day > _date(recurrence["recurEndDate"]):
        return False
    limit = recurrence.get("recurEndOccurrence")
    return not limit or _occurrence_number(recurrence, start, day) <= limit


def occurrence_at(event, moment):
    """(start, end) of the occurrence of EVENT (any form) in effect at MOMENT (naive wall-clock time), or None."""
    event = api_event(event)
    if event is None:
        return None
    first_start, first_end = span(event)
    length = first_end - first_start
    if length <= datetime.timedelta(0):
        return None
    day = moment.date()
    for back in range(length.days + 2):
        candidate = day - datetime.timedelta(days=back)
        if not occurs_on(event, candidate):
            continue
        start = datetime.datetime.combine(candidate, first_start.time())
        if start <= moment < start + length:
            return start, start + length
    return None


def event_at(events, moment):
    """(event name, start, end) of the first of EVENTS in effect at MOMENT (naive wall-clock time), or None."""
    for event in events or []:
        found = occurrence_at(event, moment)
        if found:
            return (event.get("name"),) + found
    return None


def assumptions_for(events):
    """The ASSUMPTIONS keys the reading of EVENTS relies on: timed events over several days, week starts, leap days."""
    used = []
    for event in events or []:
        event = api_event(event) or {}
        several_days = event.get("endDate") not in (None, event.get("startDate"))
        if several_days and not event.get("allDayEnabled") and "event_span" not in used:
            used.append("event_span")
        recurrence = event.get("recurrence") or {}
        weekly = recurrence.get("recurWeekly")
        if weekly and weekly.get("recurInterval", 1) > 1 and "week_start" not in used:
            used.append("week_start")
        by_date = recurrence.get("recurYearlyByDate")
        if by_date and (by_date["month"], by_date["dayOfMonth"]) == ("FEBRUARY", 29) and "leap_day" not in used:
            used.append("leap_day")
    return used
