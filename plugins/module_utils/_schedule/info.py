# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Read schedules back for webex_schedule_info: the schedules of a location or of the organisation with their events,
and for every holiday schedule the stale check (stale.py) at today in its location's time zone.

The data path: locations (one, resolved; or every one, one list walk) -> the schedules of each (list, every page,
exact name) -> details per schedule -> snake_case, location id and name, stale and stale_reason for holiday schedules.
Only reads.
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._location.service import (
    list_locations,
    location_details,
    resolve_location,
)
from ansible_collections.wxc.calling.plugins.module_utils._schedule import holiday
from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import to_snake
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import TYPES
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils._schedule.stale import STALE_HORIZON_DAYS, stale_reason
from ansible_collections.wxc.calling.plugins.module_utils.resource import text_problem


def info_argument_spec():
    """The options of webex_schedule_info (the connection options come from webex_argument_spec())."""
    return dict(
        location=dict(type="raw"),
        type=dict(type="str", choices=list(TYPES)),
        name=dict(type="raw"),
        stale_horizon_days=dict(type="int", default=STALE_HORIZON_DAYS),
    )


def validate_info_options(params):
    """The problems argument_spec cannot see, each naming its option."""
    errors = [problem for problem in (text_problem(key, params.get(key)) for key in ("location", "name")) if problem]
    if params.get("stale_horizon_days") is not None and not 1 <= params["stale_horizon_days"] <= 3660:
        errors.append("stale_horizon_days: must be from 1 to 3660 (days); got %d" % params["stale_horizon_days"])
    return errors


def schedule_info(details, location, today, horizon_days):
    """One schedule's DETAILS in snake_case with its LOCATION's id and name; a holiday schedule with stale and
    stale_reason (at TODAY, in the location's time zone)."""
    info = to_snake(details)
    result = {"id": info.pop("id", None), "name": info.pop("name", None), "type": info.pop("type", None)}
    result.update(location_id=location["id"], location_name=location.get("name"))
    result["events"] = info.pop("events", None) or []
    result.update(info)
    if details.get("type") == TYPES["holidays"]:
        reason = stale_reason(details.get("events") or [], today, horizon_days)
        result.update(stale=reason is not None, stale_reason=reason)
    return result


def _locations(client, location):
    """The locations to read: LOCATION (id or exact name) with its details, or every location of the organisation."""
    if location is None:
        return sorted(list_locations(client), key=lambda item: (item.get("name") or "", item["id"]))
    location_id = resolve_location(client, location)[0]
    return [dict(location_details(client, location_id), id=location_id)]


def read_schedules(client, location=None, schedule_type=None, name=None, horizon_days=STALE_HORIZON_DAYS, warn=None):
    """The schedules (of LOCATION, or of the organisation; of SCHEDULE_TYPE, the module's choice, and called exactly
    NAME when given) as schedule_info() gives them, by location, type and name."""
    warn = warn or (lambda message: None)
    service = ScheduleService(client)
    api_type = TYPES[schedule_type] if schedule_type else None
    now = holiday.utc_now()
    schedules = []
    for place in _locations(client, location):
        today, problem = holiday.location_today(place.get("timeZone"), now)
        if problem:
            warn("location %r: the stale check's %s" % (place.get("name") or place["id"], problem))
        items = [item for item in service.list(place["id"], api_type) if name is None or item.get("name") == name]
        items.sort(key=lambda item: (item.get("type") or "", item.get("name") or ""))
        for item in items:
            details = service.details(place["id"], item.get("type") or api_type, item["id"])
            details = dict(details, id=details.get("id") or item["id"], type=details.get("type") or item.get("type"))
            schedules.append(schedule_info(details, place, today, horizon_days))
    return schedules


def run_info(module, client):
    """webex_schedule_info's work (run_module calls it): read, and list the stale holiday schedules."""
    params = module.params
    schedules = read_schedules(
        client, params["location"], params["type"], params["name"], params["stale_horizon_days"], module.warn
    )
    stale = [
        {key: schedule[key] for key in ("location_id", "location_name", "id", "name", "stale_reason")}
        for schedule in schedules
        if schedule.get("stale")
    ]
    return dict(changed=False, schedules=schedules, stale_schedules=stale)
