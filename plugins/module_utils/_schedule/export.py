# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""A schedule as the service has it -> the webex_schedule options that re-apply it with no change (export form).

Pure: the events in the comparison's canonical form (canonical_event), in snake_case, with only what the module's
argument_spec knows; purge_events on, so that applying the options leaves exactly these events.
"""

from __future__ import annotations

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import canonical_event
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import TYPE_OPTIONS, argument_spec


def _pruned(value, spec):
    """VALUE with only the options SPEC knows, in the order of SPEC, no None and no false recur_for_ever (it is
    mutually exclusive with an end, which says the same)."""
    result = {}
    for key, option in spec.items():
        item = value.get(key)
        if item is None or (key == "recur_for_ever" and item is False):
            continue
        if option.get("options") and isinstance(item, dict):
            item = _pruned(item, option["options"])
        result[key] = item
    return result


def event_options(event):
    """One event as the service has it (API shape) -> its entry of the events option."""
    spec = argument_spec()["events"]["options"]
    return _pruned(camel_dict_to_snake_dict(canonical_event(event)), spec)


def options_from_details(details, location, schedule_type=None):
    """The webex_schedule options that describe DETAILS (a schedule's details as read) in LOCATION (id or name);
    SCHEDULE_TYPE (business_hours or holidays) when the details do not say it.

    Applying them to the same schedule changes nothing; to the schedule after other changes, they put back its name
    (give new_name to rename back) and exactly its events.
    """
    events = sorted(details.get("events") or [], key=lambda event: event.get("name") or "")
    return {
        "location": location,
        "type": TYPE_OPTIONS.get(details.get("type")) or schedule_type,
        "name": details["name"],
        "events": [event_options(event) for event in events],
        "purge_events": True,
    }
