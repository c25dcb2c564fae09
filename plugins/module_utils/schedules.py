# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Location schedules (business hours, holidays): options, validation, mapping, normalisation, comparison and plan.

Everything above the ScheduleService class is pure (no HTTP) and unit-tested on its own.
The data path: options -> validate_options() -> desired_events() -> (lookup, details) -> plan() -> execute.
Events are compared as a set keyed by name; a changed event is sent whole with one event PUT, a new one with one event
POST, a removed one with one event DELETE. A rename is one schedule PUT whose answer carries the new id. After a
write the schedule is read back (resource.read_back). The HTTP patterns are the shared ones of resource.py.
"""

from __future__ import annotations

import copy
import datetime
import re

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict, snake_dict_to_camel_dict

from ansible_collections.wxc.calling.plugins.module_utils.auto_attendant import AutoAttendantService, text_problem
from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    Plan,
    ResourceError,
    api_path,
    create_once,
    delete,
    find_exact,
    name_problem,
    read_back,
    without_none,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

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
EVENT_FIELDS = ("name", "startDate", "endDate", "startTime", "endTime", "allDayEnabled", "recurrence")


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
    )


# -- validation (before any API call) -----------------------------------------------------------------------------


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
    return errors


# -- mapping and normalisation ------------------------------------------------------------------------------------


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
    """The schedule PARAMS describe: type (API value), the name it must end with, events (None: left alone)."""
    return {
        "type": TYPES[params["type"]],
        "name": params.get("new_name") or params["name"],
        "events": desired_events(params),
    }


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


# -- comparison and plan ------------------------------------------------------------------------------------------


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


def _view(name, events):
    return {"name": name, "events": [canonical_event(event) for event in events]}


def event_changes(desired, current):
    """Compare the events as a set keyed by name: return (creates, updates, deletes), no call for an equal event."""
    have = {event["name"]: event for event in current}
    want = {event["name"] for event in desired}
    creates = [event for event in desired if event["name"] not in have]
    updates = [
        event
        for event in desired
        if event["name"] in have and canonical_event(event) != canonical_event(have[event["name"]])
    ]
    deletes = [event for event in current if event["name"] not in want]
    return creates, updates, deletes


def differences(desired, current):
    """What CURRENT (schedule details) does not have of DESIRED: "name", and "events (NAME)" per differing event."""
    paths = [] if current.get("name") == desired["name"] else ["name"]
    if desired["events"] is not None:
        creates, updates, deletes = event_changes(desired["events"], current.get("events") or [])
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
    creates, updates, deletes = ([], [], []) if events is None else event_changes(events, current_events)
    after = _view(target_name, current_events if events is None else events)
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


# -- the service (HTTP) --------------------------------------------------------------------------------------------


class ScheduleError(ResourceError):
    """A problem found while converging that is not an HTTP error (duplicates, a schedule still in use)."""


def schedules_path(location_id):
    return api_path("/telephony/config/locations/%s/schedules", location_id)


def schedule_path(location_id, schedule_type, schedule_id):
    return api_path("/telephony/config/locations/%s/schedules/%s/%s", location_id, schedule_type, schedule_id)


def event_path(location_id, schedule_type, schedule_id, event_id=None):
    path = schedule_path(location_id, schedule_type, schedule_id) + "/events"
    return path + api_path("/%s", event_id) if event_id else path


SCHEDULE_FIELDS = {"businessHours": "businessSchedule", "holidays": "holidaySchedule"}


class ScheduleService:
    """The schedule endpoints, with identity = (location, type, exact name)."""

    def __init__(self, client):
        self.client = client

    def find(self, location_id, schedule_type, name):
        """The list item of the schedule of that type called exactly NAME, or None (the name filter only "contains")."""
        matches = find_exact(
            self.client,
            schedules_path(location_id),
            "schedules",
            {"type": schedule_type, "name": name},
            lambda item: item.get("name") == name and item.get("type", schedule_type) == schedule_type,
        )
        if len(matches) > 1:
            raise ScheduleError("%d %s schedules are called %r in this location" % (len(matches), schedule_type, name))
        return matches[0] if matches else None

    def details(self, location_id, schedule_type, schedule_id):
        return self.client.get(schedule_path(location_id, schedule_type, schedule_id))

    def create(self, location_id, body):
        """POST the schedule and return its id (never twice: see resource.create_once)."""
        return create_once(
            self.client, schedules_path(location_id), body, lambda: self.find(location_id, body["type"], body["name"])
        )

    def rename(self, location_id, schedule_type, schedule_id, new_name):
        """PUT the new name (events left out: left alone) and return the schedule's NEW id from the answer."""
        try:
            answer = self.client.put(schedule_path(location_id, schedule_type, schedule_id), json={"name": new_name})
        except WebexApiError as error:
            # The client replays a PUT whose answer was lost; a rename changes the id, so a replay that went to the
            # old id answers 404 although the first PUT was applied: the new name decides.
            if error.status != 404:
                raise
            answer = {}
        if answer.get("id"):
            return answer["id"]
        # No id in the answer: the old one is stale after a rename, so find the schedule by its new name.
        found = self.find(location_id, schedule_type, new_name)
        if not found:
            raise ScheduleError("schedule renamed to %r but not found under that name" % new_name, changed=True)
        return found["id"]

    def delete(self, location_id, schedule_type, schedule_id):
        delete(self.client, schedule_path(location_id, schedule_type, schedule_id))

    def create_event(self, location_id, schedule_type, schedule_id, body):
        """POST the event and return its id (never twice: after an ambiguous failure the event is looked up by name)."""

        def lookup():
            events = self.details(location_id, schedule_type, schedule_id).get("events") or []
            return next((event for event in events if event.get("name") == body["name"]), None)

        return create_once(self.client, event_path(location_id, schedule_type, schedule_id), body, lookup)

    def update_event(self, location_id, schedule_type, schedule_id, event_id, body):
        answer = self.client.put(event_path(location_id, schedule_type, schedule_id, event_id), json=body)
        return answer.get("id") or event_id

    def delete_event(self, location_id, schedule_type, schedule_id, event_id):
        delete(self.client, event_path(location_id, schedule_type, schedule_id, event_id))

    def read_back(self, location_id, schedule_type, schedule_id, desired):
        """The details after a write, raising WriteNotApplied when they do not show DESIRED."""
        return read_back(
            self.client,
            "%s schedule %r" % (TYPE_OPTIONS[schedule_type], desired["name"]),
            lambda: self.details(location_id, schedule_type, schedule_id),
            lambda stored: differences(desired, stored),
        )

    def users(self, location_id, schedule_type, name):
        """Names of the location's auto attendants whose business (or holiday) schedule is NAME.

        The list has no schedule fields, so each auto attendant's details are read.
        """
        field = SCHEDULE_FIELDS[schedule_type]
        attendants = AutoAttendantService(self.client)
        names = []
        for item in attendants.list(location_id):
            try:
                details = attendants.details(location_id, item["id"])
            except WebexApiError as error:
                if error.status != 404:
                    raise
                continue  # deleted meanwhile: it uses nothing
            if details.get(field) == name:
                names.append(details.get("name", item.get("name")))
        return names


def _lookup(service, location_id, schedule_type, name, new_name):
    """The schedule to converge: NAME, or (when renaming and NAME is gone) NEW_NAME, as a rename already done."""
    found = service.find(location_id, schedule_type, name)
    if new_name and new_name != name:
        target = service.find(location_id, schedule_type, new_name)
        if found and target:
            raise ScheduleError(
                "cannot rename %s schedule %r to %r: a schedule called %r already exists in this location"
                % (TYPE_OPTIONS[schedule_type], name, new_name, new_name)
            )
        found = found or target
    return found


def converge(service, location_id, params, check_mode=False, diff=False):
    """Bring the schedule to the state PARAMS describe; return (plan, schedule API object or None).

    DIFF is accepted for the shared converge() signature: the schedule's details are read in every case.
    """
    desired = desired_from_options(params)
    schedule_type = desired["type"]
    state = params["state"]
    found = _lookup(service, location_id, schedule_type, params["name"], params.get("new_name"))
    current = None
    if found:
        try:
            current = service.details(location_id, schedule_type, found["id"])
        except WebexApiError as error:
            if error.status != 404:
                raise
            found = None  # deleted between the list and the details read: absent
    the_plan = plan(state, desired, current)

    if the_plan.action == "delete":
        users = service.users(location_id, schedule_type, current["name"])
        if users:
            raise ScheduleError(
                "%s schedule %r is used by auto attendant(s) %s; point them at another schedule first"
                % (params["type"], current["name"], ", ".join(repr(user) for user in sorted(users)))
            )
        if not check_mode:
            service.delete(location_id, schedule_type, found["id"])
        return the_plan, None
    if the_plan.action == "nothing":
        return the_plan, None if current is None else dict(current, locationId=location_id)
    if the_plan.action == "create":
        result = dict(
            the_plan.body, id=None, events=[dict(event, id=None) for event in the_plan.body.get("events", [])]
        )
        if not check_mode:
            new_id = service.create(location_id, the_plan.body)
            result = service.read_back(location_id, schedule_type, new_id, desired)
        return the_plan, dict(result, locationId=location_id)

    schedule_id = found["id"]
    if check_mode:
        event_ids = {event["name"]: event.get("id") for event in current.get("events") or []}
        event_ids.update({event["name"]: None for event in the_plan.event_creates})
        events = [dict(event, id=event_ids.get(event["name"])) for event in the_plan.after["events"]]
        result = {
            "id": None if the_plan.rename else schedule_id,
            "name": the_plan.after["name"],
            "type": schedule_type,
            "events": events,
        }
        return the_plan, dict(result, locationId=location_id)
    if the_plan.rename:
        # The id changes with the name: from here on only the id from the PUT answer is used.
        schedule_id = service.rename(location_id, schedule_type, found["id"], the_plan.rename)
    event_ids = {event["name"]: event.get("id") for event in current.get("events") or []}
    for event in the_plan.event_deletes:
        service.delete_event(location_id, schedule_type, schedule_id, event["id"])
    for event in the_plan.event_updates:
        service.update_event(location_id, schedule_type, schedule_id, event_ids[event["name"]], event)
    for event in the_plan.event_creates:
        service.create_event(location_id, schedule_type, schedule_id, event)
    result = service.read_back(location_id, schedule_type, schedule_id, desired)
    return the_plan, dict(result, locationId=location_id)
