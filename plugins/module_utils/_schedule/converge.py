# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Converge one schedule, and the module's run(): lookup (a rename may be done already), details, plan, then the
writes (rename first: the id changes with the name; then event deletes, updates, creates) and one read-back.

A delete is refused while an auto attendant of the location uses the schedule (asked of the attendant service).
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._location.service import resolve_location
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
    """What was read of one schedule: its list item (FOUND, None when absent) and its DETAILS (None when absent)."""

    def __init__(self, found=None, details=None):
        self.found = found
        self.details = details

    @property
    def id(self):
        return self.found["id"] if self.found else None


def read(service, location_id, params):
    """The lookup (a rename may be done already: then the schedule has the new name) and the details."""
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
    return Current(found, details)


def plan_for(params, current):
    """The plan for PARAMS against CURRENT (a Current); pure."""
    return plan(params["state"], desired_from_options(params), current.details)


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
    desired = desired_from_options(params)
    schedule_type = desired["type"]
    if the_plan.action == "delete":
        service.delete(location_id, schedule_type, current.id)
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

    read() -> plan_for() -> check_in_use() -> predicted() in check mode, else apply(). DIFF and WARN are accepted for
    the shared converge() signature: the schedule's details are read in every case, and nothing here warns.
    """
    current = read(service, location_id, params)
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
    if module._diff:  # pylint: disable=protected-access
        result["diff"] = the_plan.diff()
    return result
