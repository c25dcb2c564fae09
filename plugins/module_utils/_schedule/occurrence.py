# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""When an event of a schedule happens (pure): its occurrences as (first day, last day), the recurrence included, and
the occurrence in effect at a wall-clock time of its location. The one home of recurrence: the holiday merge, the
stale holiday check and the call-path trace all ask here.

An event is read in the one form the schedule module compares events in (compare.canonical_event), so options
(snake_case) and the API's answer (camelCase) mean the same here. What the service documents: an event lasts from
its start date (and time) to its end date (and time); it repeats daily, weekly on chosen days, yearly on a date or
yearly on a weekday of a week of a month, for ever, until an end date or for a number of occurrences. What it does
not document and is assumed here (the ones the call-path trace reports are in ASSUMPTIONS): occurrences are the days
of the pattern on or after the start date (a start date off the pattern is not an occurrence of its own); a timed
event over several days is one span, repeated from each occurrence's date; a week starts on Sunday (the service's
order of the days) and "every N weeks" counts from the week of the start date; an end date bounds the first day of
an occurrence; a yearly date the year does not have (29 February) is skipped that year; times are wall-clock times
of the location's time zone (09:00 is 09:00 on either side of a daylight-saving change).
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

ONE_DAY = datetime.timedelta(days=1)


def day(value):
    """A date of the service (V(YYYY-MM-DD), possibly with a time after it) as a date."""
    return datetime.date.fromisoformat(str(value)[:10])


def _python_weekday(name):
    """SUNDAY..SATURDAY (the service's order) -> Python's weekday number (Monday 0)."""
    return (DAYS.index(name) - 1) % 7


def nth_weekday(year, month, weekday, week):
    """The WEEK (FIRST..FOURTH, LAST) WEEKDAY (SUNDAY..SATURDAY) of MONTH (JANUARY..DECEMBER) in YEAR."""
    month_number = MONTHS.index(month) + 1
    target = _python_weekday(weekday)
    if week == "LAST":
        following = datetime.date(year + (month_number == 12), month_number % 12 + 1, 1)
        last = following - ONE_DAY
        return last - datetime.timedelta(days=(last.weekday() - target) % 7)
    first = datetime.date(year, month_number, 1)
    return first + datetime.timedelta(days=(target - first.weekday()) % 7 + 7 * WEEKS.index(week))


def _daily(start, lower, interval):
    steps = max(0, -(-(lower - start).days // interval))  # the first step on or after LOWER
    while True:
        yield start + datetime.timedelta(days=steps * interval)
        steps += 1


def _weekly(start, lower, weekly):
    offsets = [index for index, name in enumerate(WEEKDAYS) if weekly.get(name)]
    if not offsets:
        return
    interval = 7 * weekly["recurInterval"]
    first_week = start - datetime.timedelta(days=(start.weekday() + 1) % 7)  # the Sunday of the start's week
    weeks = max(0, (lower - first_week).days // interval)
    while True:
        week = first_week + datetime.timedelta(days=weeks * interval)
        for offset in offsets:
            when = week + datetime.timedelta(days=offset)
            if when >= lower:
                yield when
        weeks += 1


def _yearly(lower, on_year):
    for year in range(lower.year, datetime.MAXYEAR):
        when = on_year(year)
        if when is not None and when >= lower:
            yield when


def _by_date(year, by_date):
    try:
        return datetime.date(year, MONTHS.index(by_date["month"]) + 1, by_date["dayOfMonth"])
    except ValueError:  # 29 February of a common year (a day no month has is refused by the options)
        return None


def _firsts(start, recurrence, lower):
    """The first days of the occurrences on or after LOWER (itself on or after START), in order; possibly endless."""
    try:
        if "recurDaily" in recurrence:
            yield from _daily(start, lower, recurrence["recurDaily"]["recurInterval"])
        elif "recurWeekly" in recurrence:
            yield from _weekly(start, lower, recurrence["recurWeekly"])
        elif "recurYearlyByDate" in recurrence:
            by_date = recurrence["recurYearlyByDate"]
            if by_date["dayOfMonth"] in range(1, 32) and _by_date(2000, by_date):  # 2000: a leap year
                yield from _yearly(lower, lambda year: _by_date(year, by_date))
        elif "recurYearlyByDay" in recurrence:
            by_day = recurrence["recurYearlyByDay"]
            yield from _yearly(lower, lambda year: nth_weekday(year, by_day["month"], by_day["day"], by_day["week"]))
    except OverflowError:  # past the last date Python has
        return


def occurrences(event, since=None):
    """(first day, last day) of each occurrence of EVENT (API shape) that ends on or after SINCE, oldest first.

    Without SINCE, every occurrence. An event that repeats for ever has endless occurrences: take what you need.
    """
    event = canonical_event(event)
    start, end = day(event["startDate"]), day(event["endDate"])
    length = end - start
    recurrence = event.get("recurrence")
    if not recurrence:
        if since is None or end >= since:
            yield start, end
        return
    end_date = day(recurrence["recurEndDate"]) if recurrence.get("recurEndDate") else None
    count = recurrence.get("recurEndOccurrence")
    # Occurrences are counted from the start: only an uncounted recurrence may skip ahead to SINCE.
    lower = max(start, since - length) if since is not None and not count else start
    for number, first in enumerate(_firsts(start, recurrence, lower), 1):
        if (count and number > count) or (end_date and first > end_date):
            return
        if since is None or first + length >= since:
            yield first, first + length


def api_event(event):
    """EVENT (webex_schedule options, or the API's answer) in the canonical API form; None when it has no dates."""
    if not isinstance(event, dict):
        return None
    if any(field in event for field in ("start_date", "end_date", "start_time", "end_time", "all_day_enabled")):
        event = snake_dict_to_camel_dict(without_none(event))
    if not event.get("startDate"):
        return None
    event = dict(event, name=event.get("name") or "", endDate=event.get("endDate") or event["startDate"])
    return canonical_event(event)


def _clock(value):
    hours, minutes = str(value).split(":")[:2]
    return datetime.time(int(hours), int(minutes))


def span(event):
    """(start, end) of the canonical EVENT's first occurrence as naive wall-clock datetimes; end is exclusive."""
    start_date, end_date = day(event["startDate"]), day(event["endDate"])
    if event.get("allDayEnabled"):
        return (
            datetime.datetime.combine(start_date, datetime.time()),
            datetime.datetime.combine(end_date + ONE_DAY, datetime.time()),
        )
    return (
        datetime.datetime.combine(start_date, _clock(event["startTime"])),
        datetime.datetime.combine(end_date, _clock(event["endTime"])),
    )


def occurrence_at(event, moment):
    """(start, end) of the occurrence of EVENT (any form) in effect at MOMENT (naive wall-clock time), or None."""
    event = api_event(event)
    if event is None:
        return None
    first_start, first_end = span(event)
    length = first_end - first_start
    if length <= datetime.timedelta(0):
        return None
    # An occurrence in effect at MOMENT started at most length.days + 1 days before it.
    since = moment.date() - datetime.timedelta(days=length.days + 1)
    for first, _last in occurrences(event, since):
        if first > moment.date():
            return None
        start = datetime.datetime.combine(first, first_start.time())
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
