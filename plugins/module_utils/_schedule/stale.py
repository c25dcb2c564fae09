# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The stale check of a holiday schedule (pure): a holiday schedule nobody maintains routes callers to the business
hours menu on the next holiday. Called by webex_schedule_info (info.py) for every holiday schedule it reads; today is
the day in the location's time zone (holiday.location_today)."""

from __future__ import annotations

import datetime

from ansible_collections.wxc.calling.plugins.module_utils._schedule.occurrence import occurrences

STALE_HORIZON_DAYS = 90


def stale_reason(events, today, horizon_days=STALE_HORIZON_DAYS):
    """Why a holiday schedule with EVENTS (API shape) is stale at TODAY (in its location's time zone), or None.

    Stale: it has no event, no event in the next HORIZON_DAYS days (today included), or its last event is over.
    """
    if not events:
        return "it has no events"
    window_end = today + datetime.timedelta(days=horizon_days)
    upcoming = None
    for event in events:
        for first, _last in occurrences(event, since=today):
            if first <= window_end:
                return None
            upcoming = first if upcoming is None else min(upcoming, first)
            break
    if upcoming is not None:
        return "no event in the next %d days (the next one starts on %s)" % (horizon_days, upcoming.isoformat())
    # Every event here ends before today, so each has an end: its last occurrence.
    last = max((last for event in events for _first, last in occurrences(event)), default=None)
    if last is None:
        return "none of its events ever occurs"
    return "its last event ended on %s" % last.isoformat()
