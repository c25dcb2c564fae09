# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Schedule comparison (pure): options to the API shape, events in one canonical form, compared as a set by name,
and the plan (create, rename and event calls, delete or nothing) with its before/after for diff."""

from __future__ import annotations

import copy

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict, snake_dict_to_camel_dict

from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import TYPE_OPTIONS, TYPES, WEEKDAYS
from ansible_collections.wxc.calling.plugins.module_utils.resource import Plan, without_none

EVENT_FIELDS = ("name", "startDate", "endDate", "startTime", "endTime", "allDayEnabled", "recurrence")


def event_body(event):
    """One event option -> the API body of that event (what a POST/PUT of the event sends)."""
    body = snake_dict_to_camel_dict(without_none(event))
    if "allDayEnabled" not in body:
        body["allDayEnabled"] = "startTime" not in body and "endTime" not in body
    if not body.get("recurrence"):
        body.pop("recurrence", None)
    return {field: body[field] for field in EVENT_FIELDS if field in body}


def desired_events(params):
    """The events option as API bodies, or None when the option is not set (events are then left alone)."""
    if params.get("events") is None:
        return None
    return [event_body(event) for event in params["events"]]


def desired_from_options(params):
    """The schedule PARAMS describe: type (API value), the name it must end with, events (None: left alone), and
    which of the events not listed are removed (purge: True all, False none; holiday.with_calendar() gives a list of
    years: those of these years). The holidays option's events are merged in by holiday.with_calendar()."""
    purge = params.get("purge_events")
    return {
        "type": TYPES[params["type"]],
        "name": params.get("new_name") or params["name"],
        "events": desired_events(params),
        "purge": True if purge is None else purge,
    }


def purged(event, purge):
    """Whether an event not listed is removed under PURGE (True, False, or the years whose events are removed)."""
    if purge is True or purge is False:
        return purge
    return str(event.get("startDate") or "")[:4] in {str(year) for year in purge}


def _clock(value):
    """A time as HH:MM: accepts HH:MM, HH:MM:SS and minutes after midnight (an int, as one spec example has)."""
    if value is None:
        return None
    if isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
        minutes = int(value)
        return "%02d:%02d" % (minutes // 60, minutes % 60)
    return str(value)[:5]


def _canonical_recurrence(recurrence):
    if not recurrence:
        return None
    result = {}
    end_date, end_occurrence = recurrence.get("recurEndDate"), recurrence.get("recurEndOccurrence")
    for_ever = recurrence.get("recurForEver")
    result["recurForEver"] = bool(for_ever) if for_ever is not None else (not end_date and not end_occurrence)
    if end_date:
        result["recurEndDate"] = end_date
    if end_occurrence:
        result["recurEndOccurrence"] = int(end_occurrence)
    if recurrence.get("recurDaily") is not None:
        result["recurDaily"] = {"recurInterval": int(recurrence["recurDaily"].get("recurInterval") or 1)}
    if recurrence.get("recurWeekly") is not None:
        weekly = recurrence["recurWeekly"]
        result["recurWeekly"] = dict(
            {"recurInterval": int(weekly.get("recurInterval") or 1)}, **{day: bool(weekly.get(day)) for day in WEEKDAYS}
        )
    if recurrence.get("recurYearlyByDate") is not None:
        by_date = recurrence["recurYearlyByDate"]
        result["recurYearlyByDate"] = {"dayOfMonth": int(by_date["dayOfMonth"]), "month": str(by_date["month"]).upper()}
    if recurrence.get("recurYearlyByDay") is not None:
        by_day = recurrence["recurYearlyByDay"]
        result["recurYearlyByDay"] = {key: str(by_day[key]).upper() for key in ("day", "week", "month")}
    return result


def canonical_event(event):
    """An event (API shape, from the options or from GET) in the one form both sides are compared in.

    Times as HH:MM and only on timed events; allDayEnabled always set; recurrence with its defaults filled in
    (recurForEver when no end is given, intervals 1, unset weekdays false), absent when there is none; no id.
    """
    all_day = event.get("allDayEnabled")
    if all_day is None:
        all_day = event.get("startTime") in (None, "") and event.get("endTime") in (None, "")
    result = {"name": event["name"], "startDate": event.get("startDate"), "endDate": event.get("endDate")}
    if not all_day:
        result["startTime"] = _clock(event.get("startTime"))
        result["endTime"] = _clock(event.get("endTime"))
    result["allDayEnabled"] = bool(all_day)
    recurrence = _canonical_recurrence(event.get("recurrence"))
    if recurrence:
        result["recurrence"] = recurrence
    return result


def to_snake(api_object):
    """An API object (schedule or event) in snake_case, the type as the module's choice."""
    if api_object is None:
        return None
    result = camel_dict_to_snake_dict(copy.deepcopy(api_object))
    if result.get("type") in TYPE_OPTIONS:
        result["type"] = TYPE_OPTIONS[result["type"]]
    return result


class SchedulePlan(Plan):
    """The shared plan, plus for an update the rename (the new name or None) and the event calls.

    event_deletes: current events; event_updates and event_creates: desired event bodies.
    """

    def __init__(
        self,
        action,
        body=None,
        before=None,
        after=None,
        rename=None,
        event_creates=(),
        event_updates=(),
        event_deletes=(),
    ):
        super().__init__(action, body=body, before=before, after=after, to_snake=to_snake)
        self.rename = rename
        self.event_creates = list(event_creates)
        self.event_updates = list(event_updates)
        self.event_deletes = list(event_deletes)
        # The years the holidays option covered (converge sets them), None without that option.
        self.holiday_years = None


def _view(name, events):
    return {"name": name, "events": [canonical_event(event) for event in events]}


def event_changes(desired, current, purge=True):
    """Compare the events as a set keyed by name: return (creates, updates, deletes), no call for an equal event.

    Of the CURRENT events that DESIRED does not list, those PURGE says (see purged()) are deleted; the others kept.
    """
    have = {event["name"]: event for event in current}
    want = {event["name"] for event in desired}
    creates = [event for event in desired if event["name"] not in have]
    updates = [
        event
        for event in desired
        if event["name"] in have and canonical_event(event) != canonical_event(have[event["name"]])
    ]
    deletes = [event for event in current if event["name"] not in want and purged(event, purge)]
    return creates, updates, deletes


def differences(desired, current):
    """What CURRENT (schedule details) does not have of DESIRED: "name", and "events (NAME)" per differing event."""
    paths = [] if current.get("name") == desired["name"] else ["name"]
    if desired["events"] is not None:
        creates, updates, deletes = event_changes(
            desired["events"], current.get("events") or [], desired.get("purge", True)
        )
        names = sorted({event["name"] for event in creates + updates + deletes})
        paths.extend("events (%s)" % name for name in names)
    return paths


def plan(state, desired, current):
    """Decide what to do. DESIRED: desired_from_options(); CURRENT: the schedule details, or None when absent."""
    target_name, events = desired["name"], desired["events"]
    if state == "absent":
        if current is None:
            return SchedulePlan("nothing")
        return SchedulePlan("delete", before=_view(current["name"], current.get("events") or []))
    if current is None:
        body = {"type": desired["type"], "name": target_name}
        if events is not None:
            body["events"] = copy.deepcopy(events)
        return SchedulePlan("create", body=body, after=_view(target_name, events or []))
    current_events = current.get("events") or []
    before = _view(current["name"], current_events)
    rename = target_name if target_name != current["name"] else None
    purge = desired.get("purge", True)
    creates, updates, deletes = ([], [], []) if events is None else event_changes(events, current_events, purge)
    if events is None:
        after = _view(target_name, current_events)
    else:  # the events listed, then those of the schedule that stay (not listed, not purged)
        listed = {event["name"] for event in events}
        kept = [event for event in current_events if event["name"] not in listed and not purged(event, purge)]
        after = _view(target_name, list(events) + kept)
    if not (rename or creates or updates or deletes):
        return SchedulePlan("nothing", before=before, after=before)
    return SchedulePlan(
        "update",
        before=before,
        after=after,
        rename=rename,
        event_creates=creates,
        event_updates=updates,
        event_deletes=deletes,
    )
