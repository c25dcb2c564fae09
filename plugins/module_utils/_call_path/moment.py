# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""When a call happens: its moment, the location's time zone, and which operating mode's hours cover a local time
(pure)."""

from __future__ import annotations

import datetime

from ansible_collections.wxc.calling.plugins.module_utils._call_path.vocabulary import Unresolved
from ansible_collections.wxc.calling.plugins.module_utils._schedule import occurrence


def parse_at(value):
    """VALUE (ISO 8601 text, a datetime, or None) as a datetime, naive when no offset was given; ValueError if bad."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    text = str(value).strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            "%r is not an ISO 8601 date and time (like 2026-03-09T09:30, or 2026-03-09T16:30:00Z)" % (value,)
        ) from None


def zone(name):
    """The ZoneInfo of NAME; Unresolved when this Python does not know it."""
    try:
        import zoneinfo  # pylint: disable=import-outside-toplevel
    except ImportError:  # pragma: no cover - Python older than 3.9
        raise Unresolved("time zones need Python 3.9 or later (the zoneinfo module)") from None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise Unresolved(
            "time zone %r is not known to this Python (no time zone database: install the tzdata package)" % name
        ) from None


def describe_moment(moment, tz_name):
    """'Mon 2026-03-09 09:30 (America/Denver, UTC-06:00)' for an aware MOMENT in TZ_NAME."""
    local = moment.astimezone(zone(tz_name))
    offset = local.strftime("%z")
    return "%s (%s, UTC%s:%s)" % (local.strftime("%a %Y-%m-%d %H:%M"), tz_name, offset[:3], offset[3:])


DAY_FIELDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # date.weekday() order


def window_covers(window, local):
    """Whether a day window of an operating mode ({enabled, all_day_enabled, start_time, end_time}) covers LOCAL."""
    if not isinstance(window, dict) or not window.get("enabled"):
        return False
    if window.get("all_day_enabled"):
        return True
    start, end = window.get("start_time"), window.get("end_time")
    if not start or not end:
        return False
    clock = local.strftime("%H:%M")
    return str(start)[:5] <= clock < str(end)[:5]


def mode_at(modes, local):
    """(mode, why) of the operating mode in effect at LOCAL (naive wall-clock time), or None."""
    for mode in modes:
        if mode.get("type") == "HOLIDAY":
            found = occurrence.event_at(mode.get("holidays") or [], local)
            if found:
                return mode, "holiday %r" % found[0]
    day = DAY_FIELDS[local.weekday()]
    for mode in modes:
        if mode.get("type") == "SAME_HOURS_DAILY":
            same = mode.get("same_hours_daily") or {}
            window = same.get("monday_to_friday") if local.weekday() < 5 else same.get("saturday_to_sunday")
            if window_covers(window, local):
                return mode, "its hours on %s" % day.capitalize()
        if mode.get("type") == "DIFFERENT_HOURS_DAILY":
            if window_covers((mode.get("different_hours_daily") or {}).get(day), local):
                return mode, "its hours on %s" % day.capitalize()
    for mode in modes:
        if mode.get("type") == "NONE":
            return mode, "no_schedule"
    return None
