#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: webex_schedule_info
short_description: Read Webex Calling location schedules, and find the holiday schedules nobody maintains
version_added: 0.2.0
description:
  - Lists the schedules (business hours and holidays) of one O(location) or of every location of the organisation,
    optionally only those of one O(type) or called exactly O(name), and reads the events of each.
  - Checks every holiday schedule for staleness, at today in its location's time zone. A holiday schedule is stale
    when it has no events, no event in the next O(stale_horizon_days) days (today included, recurring events
    counted on the days they repeat), or only events that are over. A stale holiday schedule is how "calls are not
    routed properly on holidays" begins; M(wxc.calling.webex_schedule) with O(wxc.calling.webex_schedule#module:holidays)
    keeps one up to date.
  - Only reads; it never changes anything.
author:
  - wxc.calling maintainers (@wxc-calling)
extends_documentation_fragment:
  - wxc.calling.webex
  - wxc.calling.attributes
  - wxc.calling.attributes.actiongroup_webex
attributes:
  check_mode:
    support: full
    details: The module only reads, so it does the same in check mode.
  diff_mode:
    support: N/A
    details: The module changes nothing.
  idempotent:
    support: full
options:
  location:
    description:
      - Only the schedules of this location, by id or by exact (case-sensitive) name.
      - Not set, the schedules of every location of the organisation.
      - Text only. A number or boolean (what YAML makes of an unquoted V(2027) or V(no)) is refused; quote it.
    type: raw
  type:
    description:
      - Only the schedules of this type.
    type: str
    choices: [business_hours, holidays]
  name:
    description:
      - Only the schedules called exactly (case-sensitively) this name.
      - Text only, as O(location).
    type: raw
  stale_horizon_days:
    description:
      - A holiday schedule with no event in this many days from today (today included) is stale (1 to 3660).
    type: int
    default: 90
notes:
  - One request lists the locations (without O(location)) or reads the location (with it, for its time zone); then one
    list request per location and one details request per schedule.
  - Occurrences of recurring events are counted on the days of their pattern on or after their start date, weeks
    starting on Sunday; the service does not document these details.
  - A location whose time zone this host does not know is checked at today in UTC, with a warning.
seealso:
  - module: wxc.calling.webex_schedule
  - name: Read the List of Schedules
    description: The Webex API request behind the listing.
    link: https://developer.webex.com/docs/api/v1/location-call-settings-schedules
"""

EXAMPLES = r"""
- name: Holiday schedules that need attention, in every location
  wxc.calling.webex_schedule_info:
    type: holidays
  register: holiday_schedules

- name: Fail when a holiday schedule is stale, naming it and why
  ansible.builtin.assert:
    that: holiday_schedules.stale_schedules | length == 0
    fail_msg: >-
      {% for item in holiday_schedules.stale_schedules %}{{ item.location_name }} / {{ item.name }}: {{ item.stale_reason }}.
      {% endfor %}

- name: The schedules of one location
  wxc.calling.webex_schedule_info:
    location: Headquarters
  register: headquarters_schedules
"""

RETURN = r"""
schedules:
  description:
    - The schedules found, by location name, then type, then name; an empty list when there are none.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the schedule.
      type: str
      returned: always
    name:
      description: Name of the schedule.
      type: str
      returned: always
    type:
      description: V(business_hours) or V(holidays).
      type: str
      returned: always
    location_id:
      description: Id of its location.
      type: str
      returned: always
    location_name:
      description: Name of its location.
      type: str
      returned: always
    events:
      description: The events, with C(id), C(name), C(start_date), C(end_date), C(start_time), C(end_time),
        C(all_day_enabled) and C(recurrence) as the options of M(wxc.calling.webex_schedule) name them.
      type: list
      elements: dict
      returned: always
    stale:
      description: Whether the holiday schedule is stale (see the description).
      type: bool
      returned: for holiday schedules
    stale_reason:
      description: Why it is stale (V(no event in the next 90 days (the next one starts on 2027-05-31)),
        V(its last event ended on 2026-12-25), V(it has no events)); null when it is not.
      type: str
      returned: for holiday schedules
  sample:
    - id: Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFL1NHOXNhV1JoZVhNPQ
      name: Holidays
      type: holidays
      location_id: Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzMxMTYx
      location_name: Headquarters
      events:
        - id: Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFX0VWRU5UL1EyaHlhWE4wYldGeklFUmhlU0F5TURJMg
          name: Christmas Day 2026-12-25
          start_date: "2026-12-25"
          end_date: "2026-12-25"
          all_day_enabled: true
      stale: true
      stale_reason: its last event ended on 2026-12-25
stale_schedules:
  description: The stale holiday schedules, in the order of RV(schedules), each with its location; empty when none is.
  returned: always
  type: list
  elements: dict
  contains:
    location_id:
      description: Id of its location.
      type: str
      returned: always
    location_name:
      description: Name of its location.
      type: str
      returned: always
    id:
      description: Id of the schedule.
      type: str
      returned: always
    name:
      description: Name of the schedule.
      type: str
      returned: always
    stale_reason:
      description: Why it is stale.
      type: str
      returned: always
api_error:
  description: The failed API call, when the task failed on one. The token is never included.
  returned: on an API failure
  type: dict
  contains:
    method:
      description: HTTP method.
      type: str
      returned: on an API failure
    path:
      description: Path of the request, below O(api_url).
      type: str
      returned: on an API failure
    status:
      description: HTTP status code; null when no response came.
      type: int
      returned: on an API failure
    message:
      description: The Webex error message.
      type: str
      returned: on an API failure
    error_code:
      description: The Webex error code, when the service gave one.
      type: int
      returned: on an API failure
    tracking_id:
      description: The Webex tracking id, to quote to Webex support.
      type: str
      returned: on an API failure
"""

from ansible_collections.wxc.calling.plugins.module_utils._schedule.info import (
    info_argument_spec,
    run_info,
    validate_info_options,
)
from ansible_collections.wxc.calling.plugins.module_utils.resource import run_module


def main():
    run_module(info_argument_spec(), run_info, validate=validate_info_options)


if __name__ == "__main__":
    main()
