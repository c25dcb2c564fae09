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
    events not listed are removed (see O(purge_events)). Leave O(events) unset to leave the events alone.
  - A holiday schedule can maintain itself. O(holidays) generates its events from a holiday calendar (the Python
    package C(holidays), with countries, subdivisions, observed days and languages), for the years you list or for the next
    years counted from today in the location's time zone. Run it once a year (an AWX schedule) and the floating
    holidays of the new year are added.
  - Schedule ids change when a schedule is renamed; the module always uses the id the service returns after a rename.
  - A schedule that an auto attendant of the location still uses is not deleted; the task fails and names the auto
    attendants, before any change.
author:
  - wxc.calling maintainers (@wxc-calling)
requirements:
  - The Python package C(holidays) (0.109 or later, before 1.0) on the host that runs the module, only when
    O(holidays) is used. It is in the collection's C(requirements.txt) and its execution environment.
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
      - The events of the schedule, all of them. Events of the schedule that are not listed are removed, unless
        O(purge_events=false) (or O(holidays) is set; see there).
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
  holidays:
    description:
      - Generate the events of a holiday schedule from a holiday calendar, the Python package C(holidays) (PyPI),
        which knows the public holidays of most countries and their subdivisions, floating holidays (Thanksgiving,
        Easter) and observed days, in several languages. Only with O(type=holidays).
      - Each holiday becomes an all-day event of one day, named by O(holidays.name_format); an observed day (a
        holiday on a weekend observed on a weekday) is an event of its own. Two holidays on one day make one event
        whose name joins theirs with V(; ).
      - The generated events are merged with O(events); an event of O(events) with the name of a generated one
        replaces it. Events of the schedule that are neither generated nor listed are kept, unless
        O(purge_events=true), which removes those of the years in O(holidays.years) only. Events of other years are
        never touched; an event belongs to the year of its start date.
      - The option is checked before any request (the package is asked then); a missing package fails the task
        naming it. Without this option the package is not needed.
    type: dict
    version_added: 0.2.0
    suboptions:
      country:
        description:
          - The country, as an ISO 3166-1 code the package knows (V(US), V(CA), V(GB), V(DE)).
        type: str
        required: true
      subdivision:
        description:
          - A subdivision of O(holidays.country) (a US state, a Canadian province) by its code or one of the
            package's names for it (V(CA) or V(QC), V(Quebec)). Its holidays are added to the country's.
        type: str
      years:
        description:
          - "The years to generate, as a list (V([2026, 2027])), or V({next: N}) for N years (1 to 10) from the
            current year, counted from today in the location's time zone (read from the location; a time zone the
            host does not know counts in UTC, with a warning)."
          - Years from 2000 to 2099. RV(holiday_years) returns the years covered.
        type: raw
        required: true
      include:
        description:
          - Only these holidays, by name as the calendar names them (case-insensitive). A name also matches the
            observed day of that holiday (V(Christmas Day) also takes V(Christmas Day (observed))).
          - A name that neither the country nor any of its subdivisions has in those years fails the task, listing
            the holidays. A name of another subdivision's calendar is accepted (and takes nothing), so that one
            holiday set serves locations in many states.
        type: list
        elements: str
      exclude:
        description:
          - Leave out these holidays, by name as for O(holidays.include), observed days included. To leave out only
            the observed day, name it (V(Christmas Day (observed))).
        type: list
        elements: str
      observed:
        description:
          - Whether to include the observed days of holidays that fall on a weekend. Not set, the package's default
            for the country (V(true) for the US).
        type: bool
      language:
        description:
          - The language of the holiday names, one the package has for the country (V(fr) for Canada, V(en_US)).
            Not set, the country's default language.
        type: str
      name_format:
        description:
          - The name of each event, with the fields V({name}) (the holiday's name), V({year}) and V({date})
            (V(YYYY-MM-DD)). It needs V({year}) or V({date}), since event names are unique in a schedule and holidays
            come back every year.
          - An event name has at most 80 characters; a longer holiday name is cut and ends with V(...).
          - Changing it renames every generated event (the old names are removed with O(purge_events=true)).
        type: str
        default: "{name} {date}"
  purge_events:
    description:
      - Whether events of the schedule that are neither listed in O(events) nor generated by O(holidays) are removed.
      - With O(holidays), only the events of the years in O(holidays.years) are removed; events of other years are
        never touched.
      - Not set, V(true) with O(events) alone (the events listed are all of them), V(false) with O(holidays) (the
        calendar's events are added and updated, the others kept).
      - Only with O(events) or O(holidays).
    type: bool
    version_added: 0.2.0
notes:
  - Dates and times are compared as V(YYYY-MM-DD) and V(HH:MM); times read back as V(HH:MM:SS) compare equal.
  - Deleting a schedule first reads the details of every auto attendant of the location, to refuse the deletion of a
    schedule still in use.
seealso:
  - module: wxc.calling.webex_auto_attendant
  - module: wxc.calling.webex_schedule_info
  - name: The holidays package
    description: The holiday calendar behind O(holidays), its countries and subdivisions.
    link: https://pypi.org/project/holidays/
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

- name: US public holidays and those of California, this year and next, kept up to date on every run
  wxc.calling.webex_schedule:
    location: Headquarters
    type: holidays
    name: Company holidays
    holidays:
      country: US
      subdivision: CA
      years: {next: 2}
      exclude: [Columbus Day]
    purge_events: true
    events:
      - name: Year-end closure
        start_date: "2026-12-28"
        end_date: "2026-12-31"

- name: Texas holidays of two given years, without observed days, named by year
  wxc.calling.webex_schedule:
    location: Branch Office Austin
    type: holidays
    name: Texas holidays
    holidays:
      country: US
      subdivision: TX
      observed: false
      years: [2026, 2027]
      name_format: "{name} {year}"

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
holiday_years:
  description: "The years O(holidays) covered (with V({next: N}), counted from today in the location's time zone)."
  returned: when O(holidays) is set
  type: list
  elements: int
  sample: [2026, 2027]
  version_added: 0.2.0
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
