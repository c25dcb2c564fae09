#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: webex_schedule
short_description: Create, update and delete Webex Calling location schedules (business hours and holidays)
version_added: 0.1.0
description:
  - Converges one schedule of a Webex Calling location, identified by its O(location), its O(type) and its exact
    O(name). Auto attendants refer to these schedules by name (their business and holiday schedules).
  - It looks the schedule up first, then creates it, renames it, adds, changes and removes events, deletes it, or does
    nothing.
  - Events are compared as a set keyed by event name. An event that differs is sent whole (one request per event);
    events not listed are removed. Leave O(events) unset to leave the events alone.
  - Schedule ids change when a schedule is renamed; the module always uses the id the service returns after a rename.
  - A schedule that an auto attendant of the location still uses is not deleted; the task fails and names the auto
    attendants, before any change.
author:
  - wxc.calling maintainers (@wxc-calling)
extends_documentation_fragment:
  - wxc.calling.webex
  - wxc.calling.attributes
  - wxc.calling.attributes.actiongroup_webex
attributes:
  check_mode:
    support: full
    details: Reads only and returns the predicted schedule and diff. Ids that do not exist yet are null.
  diff_mode:
    support: full
    details: The name and events before and after, in snake_case. A creation has an empty before; a deletion an empty after.
  idempotent:
    support: full
    details: Events are compared as a set by name, in the form the service normalises them to.
options:
  location:
    description:
      - The location of the schedule, by id or by exact (case-sensitive) name.
      - Text only. A number or boolean (what YAML makes of an unquoted V(2027) or V(no)) is refused; quote it.
    type: raw
    required: true
  type:
    description:
      - V(business_hours) for the hours an auto attendant plays its business-hours menu, V(holidays) for the days it
        plays its after-hours menu.
    type: str
    required: true
    choices: [business_hours, holidays]
  name:
    description:
      - Name of the schedule, unique in its location for its type. With O(location) and O(type) it identifies the schedule.
      - At most 80 characters, no control characters.
      - Text only. A number or boolean (what YAML makes of an unquoted V(2027) or V(no)) is refused; quote it.
    type: raw
    required: true
  new_name:
    description:
      - Rename the schedule called O(name) to this name. Auto attendants that use the schedule follow the new name.
      - When no schedule is called O(name) but one is called O(new_name), the rename is taken as done. When neither
        exists, the schedule is created as O(new_name).
      - Only with O(state=present).
      - Text only. A number or boolean (what YAML makes of an unquoted V(2027) or V(no)) is refused; quote it.
    type: raw
  state:
    description:
      - V(present) creates or updates the schedule; V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  events:
    description:
      - The events of the schedule, all of them. Events of the schedule that are not listed are removed.
      - Not set, the events are left alone (and a new schedule has none).
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the event, unique in the schedule. Events are matched by name.
          - Text only. A number or boolean (what YAML makes of an unquoted V(2027) or V(no)) is refused; quote it.
        type: raw
        required: true
      start_date:
        description:
          - First day of the event, V(YYYY-MM-DD).
        type: str
        required: true
      end_date:
        description:
          - Last day of the event, V(YYYY-MM-DD), not before O(events[].start_date).
        type: str
        required: true
      start_time:
        description:
          - Start time, V(HH:MM) (24 hours). Set with O(events[].end_time) for an event that is not all day.
        type: str
      end_time:
        description:
          - End time, V(HH:MM) (24 hours); after O(events[].start_time) when the event starts and ends the same day.
        type: str
      all_day_enabled:
        description:
          - Whether the event lasts whole days. V(true) takes no times; V(false) needs both times.
          - Not set, it is V(true) when no time is given and V(false) otherwise.
        type: bool
      recurrence:
        description:
          - How the event repeats; not set, it does not repeat. Exactly one of O(events[].recurrence.recur_daily),
            O(events[].recurrence.recur_weekly), O(events[].recurrence.recur_yearly_by_date) and
            O(events[].recurrence.recur_yearly_by_day).
          - At most one of O(events[].recurrence.recur_for_ever), O(events[].recurrence.recur_end_date) and
            O(events[].recurrence.recur_end_occurrence); with none of them the event repeats for ever.
        type: dict
        suboptions:
          recur_for_ever:
            description: Repeat for ever.
            type: bool
          recur_end_date:
            description: Last day of the repetition, V(YYYY-MM-DD).
            type: str
          recur_end_occurrence:
            description: Number of occurrences after which the repetition ends.
            type: int
          recur_daily:
            description: Repeat every O(events[].recurrence.recur_daily.recur_interval) days.
            type: dict
            suboptions:
              recur_interval:
                description: Days between occurrences.
                type: int
                default: 1
          recur_weekly:
            description: Repeat on the days of the week set to V(true).
            type: dict
            suboptions:
              recur_interval:
                description: Weeks between occurrences; the service's default (1) when not set.
                type: int
              sunday:
                description: On Sundays.
                type: bool
                default: false
              monday:
                description: On Mondays.
                type: bool
                default: false
              tuesday:
                description: On Tuesdays.
                type: bool
                default: false
              wednesday:
                description: On Wednesdays.
                type: bool
                default: false
              thursday:
                description: On Thursdays.
                type: bool
                default: false
              friday:
                description: On Fridays.
                type: bool
                default: false
              saturday:
                description: On Saturdays.
                type: bool
                default: false
          recur_yearly_by_date:
            description: Repeat every year on a date.
            type: dict
            suboptions:
              day_of_month:
                description: Day of the month (1 to 31, and a day that month has).
                type: int
                required: true
              month:
                description: Month.
                type: str
                required: true
                choices: [JANUARY, FEBRUARY, MARCH, APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER]
          recur_yearly_by_day:
            description: Repeat every year on a weekday of a week of a month (the fourth Thursday of November).
            type: dict
            suboptions:
              day:
                description: Day of the week.
                type: str
                required: true
                choices: [SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY]
              week:
                description: Week of the month.
                type: str
                required: true
                choices: [FIRST, SECOND, THIRD, FOURTH, LAST]
              month:
                description: Month.
                type: str
                required: true
                choices: [JANUARY, FEBRUARY, MARCH, APRIL, MAY, JUNE, JULY, AUGUST, SEPTEMBER, OCTOBER, NOVEMBER, DECEMBER]
notes:
  - Dates and times are compared as V(YYYY-MM-DD) and V(HH:MM); times read back as V(HH:MM:SS) compare equal.
  - Deleting a schedule first reads the details of every auto attendant of the location, to refuse the deletion of a
    schedule still in use.
seealso:
  - module: wxc.calling.webex_auto_attendant
"""

EXAMPLES = r"""
- name: Office hours, Monday to Friday 08:30-17:30
  wxc.calling.webex_schedule:
    location: Headquarters
    type: business_hours
    name: Office hours
    events:
      - name: Weekdays
        start_date: "2026-01-05"
        end_date: "2026-01-05"
        start_time: "08:30"
        end_time: "17:30"
        recurrence:
          recur_weekly: {monday: true, tuesday: true, wednesday: true, thursday: true, friday: true}

- name: Holidays of the year
  wxc.calling.webex_schedule:
    location: Headquarters
    type: holidays
    name: Holidays
    events:
      - name: New Year
        start_date: "2026-01-01"
        end_date: "2026-01-01"
        recurrence:
          recur_yearly_by_date: {day_of_month: 1, month: JANUARY}
      - name: Thanksgiving
        start_date: "2026-11-26"
        end_date: "2026-11-27"
        recurrence:
          recur_yearly_by_day: {day: THURSDAY, week: FOURTH, month: NOVEMBER}
      - name: Year-end closure
        start_date: "2026-12-24"
        end_date: "2026-12-31"

- name: Rename a schedule; the auto attendants that use it follow
  wxc.calling.webex_schedule:
    location: Headquarters
    type: business_hours
    name: Office hours
    new_name: Office hours (winter)

- name: Delete a schedule (fails, naming them, while auto attendants use it)
  wxc.calling.webex_schedule:
    location: Headquarters
    type: holidays
    name: Holidays
    state: absent
"""

RETURN = r"""
schedule:
  description:
    - The schedule after the task, in snake_case; null when it is absent.
    - In check mode, the predicted state; ids that do not exist yet (a new schedule, a new event, a renamed schedule)
      are null.
    - After a rename, O(name) and the id are the new ones.
  returned: always
  type: dict
  contains:
    id:
      description: Id of the schedule. It changes when the schedule is renamed.
      type: str
      returned: when the schedule exists
    name:
      description: Name of the schedule.
      type: str
      returned: when the schedule exists
    type:
      description: V(business_hours) or V(holidays).
      type: str
      returned: when the schedule exists
    location_id:
      description: Id of the location.
      type: str
      returned: when the schedule exists
    events:
      description: The events, with C(id), C(name), C(start_date), C(end_date), C(start_time), C(end_time),
        C(all_day_enabled) and C(recurrence) as in O(events).
      type: list
      elements: dict
      returned: when the schedule exists
  sample:
    id: Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFL1QyWm1hV05sSUdodmRYSno
    name: Office hours
    type: business_hours
    location_id: Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzMxMTYx
    events:
      - id: Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFX0VWRU5UL1YyVmxhMlJoZVhN
        name: Weekdays
        start_date: "2026-01-05"
        end_date: "2026-01-05"
        start_time: "08:30"
        end_time: "17:30"
        all_day_enabled: false
        recurrence:
          recur_for_ever: true
          recur_weekly: {recur_interval: 1, sunday: false, monday: true, tuesday: true, wednesday: true,
                         thursday: true, friday: true, saturday: false}
diff:
  description: The name and events before and after the task, in snake_case, when diff mode is on.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description: Name and events before the task; empty on creation.
      type: dict
      returned: when diff mode is on
    after:
      description: Name and events after the task; empty on deletion.
      type: dict
      returned: when diff mode is on
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

from ansible_collections.wxc.calling.plugins.module_utils._schedule.converge import run
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import argument_spec, validate_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import run_module


def main():
    run_module(argument_spec(), run, validate=validate_options)


if __name__ == "__main__":
    main()
