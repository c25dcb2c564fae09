# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Converge one schedule, and the module's run(): lookup (a rename may be done already), details, plan, then the
writes (rename first: the id changes with the name; then event deletes, updates, creates) and one read-back.

A delete is refused while an auto attendant of the location uses the schedule (asked of the attendant service).
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._location.service import location_time_zone, resolve_location
from ansible_collections.wxc.calling.plugins.module_utils._schedule import holiday
from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import desired_from_options, plan, to_snake
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import TYPE_OPTIONS, TYPES
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleError, ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError


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


class Current:
    """What was read of one schedule: its list item (FOUND, None when absent) and its DETAILS (None when absent), and
    TODAY in the location's time zone when the holidays option counts years from it (read only then)."""

    def __init__(self, found=None, details=None, today=None):
        self.found = found
        self.details = details
        self.today = today

    @property
    def id(self):
        return self.found["id"] if self.found else None


def _holidays(params):
    """The holidays option when it applies (state present), else None."""
    return params.get("holidays") if params.get("state") == "present" else None


def read(service, location_id, params, warn=None):
    """The lookup (a rename may be done already: then the schedule has the new name) and the details; for holidays
    {next: N}, today in the location's time zone (one GET of the location; WARN: a time zone this host does not know
    counts in UTC)."""
    today = None
    option = _holidays(params)
    if option and holiday.counts_from_today(option["years"]):
        time_zone = location_time_zone(service.client, location_id)
        today, problem = holiday.location_today(time_zone, holiday.utc_now())
        if problem and warn:
            warn("holidays.years: {next: N} counts from today; the location's %s" % problem)
    desired = desired_from_options(params)
    found = _lookup(service, location_id, desired["type"], params["name"], params.get("new_name"))
    details = None
    if found:
        try:
            details = service.details(location_id, desired["type"], found["id"])
        except WebexApiError as error:
            if error.status != 404:
                raise
            found = None  # deleted between the list and the details read: absent
    return Current(found, details, today)


def desired_for(params, current):
    """desired_from_options(PARAMS) with the events of the holidays option merged in, for the years it covers (from
    CURRENT.today for {next: N}); pure but for the holiday calendar. The years are in its holiday_years."""
    desired = desired_from_options(params)
    option = _holidays(params)
    if not option:
        return desired
    years = holiday.covered_years(option["years"], current.today)
    try:
        generated = holiday.calendar_events(option, years)
    except holiday.HolidayProblem as error:
        raise ScheduleError(str(error)) from None
    return dict(holiday.with_calendar(desired, generated, years, params.get("purge_events")), holiday_years=years)


def plan_for(params, current):
    """The plan for PARAMS against CURRENT (a Current); pure (the holiday calendar aside)."""
    desired = desired_for(params, current)
    the_plan = plan(params["state"], desired, current.details)
    the_plan.holiday_years = desired.get("holiday_years")
    return the_plan


def check_in_use(service, location_id, params, the_plan, current):
    """Refuse the delete of a schedule an auto attendant of the location uses (asked of the attendant service)."""
    if the_plan.action != "delete":
        return
    schedule_type = TYPES[params["type"]]
    users = AutoAttendantService(service.client).using_schedule(location_id, schedule_type, current.details["name"])
    if users:
        raise ScheduleError(
            "%s schedule %r is used by auto attendant(s) %s; point them at another schedule first"
            % (params["type"], current.details["name"], ", ".join(repr(user) for user in sorted(users)))
        )


def predicted(the_plan, current, location_id, schedule_type):
    """What a check-mode run returns: ids that do not exist yet (a new schedule or event, a renamed schedule) None."""
    if the_plan.action == "delete":
        return None
    if the_plan.action == "nothing":
        return None if current.details is None else dict(current.details, locationId=location_id)
    if the_plan.action == "create":
        result = dict(
            the_plan.body, id=None, events=[dict(event, id=None) for event in the_plan.body.get("events", [])]
        )
        return dict(result, locationId=location_id)
    event_ids = {event["name"]: event.get("id") for event in current.details.get("events") or []}
    event_ids.update({event["name"]: None for event in the_plan.event_creates})
    events = [dict(event, id=event_ids.get(event["name"])) for event in the_plan.after["events"]]
    result = {
        "id": None if the_plan.rename else current.id,
        "name": the_plan.after["name"],
        "type": schedule_type,
        "events": events,
    }
    return dict(result, locationId=location_id)


def apply(service, location_id, params, the_plan, current):
    """Make the plan's writes and read the schedule back; return (plan, the schedule as stored, or None)."""
    desired = desired_for(params, current)
    schedule_type = desired["type"]
    if the_plan.action == "delete":
        service.delete(location_id, schedule_type, current.id, current.details["name"])
        return the_plan, None
    if the_plan.action == "nothing":
        return the_plan, None if current.details is None else dict(current.details, locationId=location_id)
    if the_plan.action == "create":
        new_id = service.create(location_id, the_plan.body)
        result = service.read_back(location_id, schedule_type, new_id, desired)
        return the_plan, dict(result, locationId=location_id)
    schedule_id = current.id
    if the_plan.rename:
        # The id changes with the name: from here on only the id from the PUT answer is used.
        schedule_id = service.rename(location_id, schedule_type, current.id, the_plan.rename)
    event_ids = {event["name"]: event.get("id") for event in current.details.get("events") or []}
    for event in the_plan.event_deletes:
        service.delete_event(location_id, schedule_type, schedule_id, event["id"])
    for event in the_plan.event_updates:
        service.update_event(location_id, schedule_type, schedule_id, event_ids[event["name"]], event)
    for event in the_plan.event_creates:
        service.create_event(location_id, schedule_type, schedule_id, event)
    result = service.read_back(location_id, schedule_type, schedule_id, desired)
    return the_plan, dict(result, locationId=location_id)


def converge(service, location_id, params, check_mode=False, diff=False, warn=None):  # pylint: disable=unused-argument
    """Bring the schedule to the state PARAMS describe; return (plan, schedule API object or None).

    read() -> plan_for() -> check_in_use() -> predicted() in check mode, else apply(). DIFF is accepted for the shared
    converge() signature: the schedule's details are read in every case. WARN gets the one warning here: a location
    time zone this host does not know (holidays {next: N} then counts in UTC).
    """
    current = read(service, location_id, params, warn)
    the_plan = plan_for(params, current)
    check_in_use(service, location_id, params, the_plan, current)
    if check_mode:
        return the_plan, predicted(the_plan, current, location_id, TYPES[params["type"]])
    return apply(service, location_id, params, the_plan, current)


def run(module, client):
    """The module's work (run_module calls it): resolve the location, converge, the result in snake_case."""
    location_id = resolve_location(client, module.params["location"])[0]
    the_plan, schedule = converge(
        ScheduleService(client),
        location_id,
        module.params,
        check_mode=module.check_mode,
        diff=module._diff,  # pylint: disable=protected-access
        warn=module.warn,
    )
    result = dict(changed=the_plan.changed, schedule=to_snake(schedule))
    if the_plan.holiday_years is not None:
        result["holiday_years"] = the_plan.holiday_years
    if module._diff:  # pylint: disable=protected-access
        result["diff"] = the_plan.diff()
    return result
