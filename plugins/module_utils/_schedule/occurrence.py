# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""When an event of a schedule happens (pure): its occurrences as (first day, last day), the recurrence included, in
the form the schedule module models events (compare.canonical_event).

What the service documents: an event lasts from its start date to its end date; it repeats daily, weekly on chosen
days, yearly on a date or yearly on a weekday of a week of a month, for ever, until an end date or for a number of
occurrences. What it does not document and is assumed here: occurrences are the days of the pattern on or after the
start date (a start date off the pattern is not an occurrence of its own); a week starts on Sunday (the service's
order of the days) and "every N weeks" counts from the week of the start date; an end date bounds the first day of
an occurrence; a yearly date the year does not have (29 February) is skipped that year.
"""

from __future__ import annotations

import datetime

from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import canonical_event
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import DAYS, MONTHS, WEEKDAYS, WEEKS

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
