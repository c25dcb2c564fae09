#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: webex_site
short_description: Converge a whole Webex Calling site - schedules, greetings, auto attendants and forwarding - as one plan
version_added: 0.2.0
description:
  - Takes a declaration of one or more locations (schedules, greetings, auto attendants and their call forwarding),
    plans it as one ordered graph and converges it in one run. Each item of each list is what one task of the
    resource's own module takes, and each object is read, compared, planned and written by that module's own code.
  - "B(One identity per object): its organisation as the service reports it for the location, the location's id, its
    kind and its exact name. An item that inherits O(org_id) and one that spells the same organisation out are one;
    a location by name and by id are one. An object declared twice, under any spelling, is refused before any
    request."
  - "B(One order): what others refer to is written first. Schedules and greetings before the attendants that name or
    play them; an attendant before the attendants whose keys transfer to it (when it is new or the number that reaches
    it changes: the referrers get the new number in the same run); an attendant before its forwarding. Every delete
    comes after every create and update, so that referrers are rewritten first; except a delete that frees an
    extension or number a new attendant takes (a rename through purge), which comes before that write. Two new
    attendants that name each other are written in two passes; a second run is a no-op."
  - "B(Refusals before any write): deleting an object (C(state=absent) or O(purge)) that an object the run leaves alone
    still refers to (an attendant's key, a menu playing the greeting, an attendant using the schedule) is refused,
    naming both. O(purge) never deletes what a declared object refers to after the run (it is kept, with a warning).
    A purge beyond O(purge_limit) is refused."
  - "B(Check mode is the plan): it reads only, and returns per object the action, the fields that differ and its place
    in the order (RV(objects)). Each object is planned against the state the run leaves its targets in: a new
    attendant's extension, a renamed schedule, a greeting uploaded first."
  - "B(Failures): an object that fails does not stop the others; the objects that need it (an attendant playing a
    greeting that failed, the forwarding of an attendant that failed) are not attempted and say so. The task then
    fails and lists them; a re-run does only what is left."
  - "B(Reads are shared): each location's attendants, schedules and greetings are listed once, and details are read
    only for the declared objects (and for what a purge or a delete check needs). Reads and writes run up to
    O(concurrency) at a time over one pool of connections; a rate-limited request (HTTP 429) pauses every worker."
author:
  - wxc.calling maintainers (@wxc-calling)
extends_documentation_fragment:
  - wxc.calling.webex
  - wxc.calling.attributes
  - wxc.calling.attributes.actiongroup_webex
attributes:
  check_mode:
    support: full
    details: Reads only and returns the plan - per object the action, the differing fields and the order - the summary
      and the undeclared objects.
  diff_mode:
    support: full
    details: RV(diff) is a list with one before/after per changed object, as its own module shows it.
  idempotent:
    support: full
    details: Each object is compared as its own module compares it; a second run reports no change.
options:
  schedules:
    description:
      - Location schedules, each item the options of M(wxc.calling.webex_schedule) (with C(org_id) to override O(org_id)).
    type: list
    elements: dict
    default: []
  announcements:
    description:
      - Greetings of the announcement repository, each item the options of M(wxc.calling.webex_announcement) (with
        C(org_id)). A relative C(path) is taken from O(base_dir).
    type: list
    elements: dict
    default: []
  auto_attendants:
    description:
      - Auto attendants, each item the options of M(wxc.calling.webex_auto_attendant) (with C(org_id)). Keys may name
        another attendant (C(auto_attendant)) and menus a greeting by its announcement name, as in that module.
    type: list
    elements: dict
    default: []
  forwarding:
    description:
      - Call forwarding of auto attendants, each item the options of M(wxc.calling.webex_auto_attendant_forwarding)
        (with C(org_id)). The attendant may be one the same declaration creates; one it deletes is refused.
    type: list
    elements: dict
    default: []
  purge:
    description:
      - Per kind, delete the objects the declaration does not declare, in every place where it declares one of that
        kind (a location, or the organisation level for greetings). Places the declaration does not name are not
        touched. Whether on or off, RV(undeclared) lists those objects.
    type: dict
    default: {}
    suboptions:
      schedules:
        description: Delete undeclared schedules.
        type: bool
        default: false
      announcements:
        description: Delete undeclared greetings.
        type: bool
        default: false
      auto_attendants:
        description: Delete undeclared auto attendants.
        type: bool
        default: false
  purge_limit:
    description:
      - Refuse, before any write, to run when O(purge) would delete more objects of one kind than this. V(0) means no
        limit. In check mode the plan is still returned, with a warning that the real run refuses.
    type: int
    default: 10
  concurrency:
    description:
      - How many reads and writes run at once (1 to 50). Objects of one wave of the order run concurrently; the waves
        run one after the other.
    type: int
    default: 10
  base_dir:
    description:
      - The directory a relative C(path) of a greeting is taken from. Not set, the module's working directory.
    type: path
  plan:
    description:
      - "A saved plan (RV(plan) of a check-mode run of the same declaration, or its JSON text read from a file): the run
        carries out exactly that plan or nothing."
      - Before the first write the run reads every object again and plans again; it refuses, naming what moved, when
        the declaration changed (its hash, greeting files by content), an object the plan touches changed, the run now
        needs an action the plan does not hold (or no longer needs one it holds), or the plan is older than
        O(plan_max_age). Refused means nothing was written.
      - In check mode the same checks run, so that a saved plan can be verified without applying it.
    type: raw
  plan_max_age:
    description:
      - Refuse a saved plan made more than this many hours ago. V(0) means no limit.
    type: float
    default: 24
notes:
  - An attendant that transfers to an object in a location the declaration does not manage is resolved by a look-up
    in the organisation, as M(wxc.calling.webex_auto_attendant) does.
  - Who refers to a deleted attendant is checked among the attendants of the locations the declaration manages; a
    transfer from another location by ESN or number is not found.
seealso:
  - module: wxc.calling.webex_auto_attendant
  - module: wxc.calling.webex_schedule
  - module: wxc.calling.webex_announcement
  - module: wxc.calling.webex_auto_attendant_forwarding
"""

EXAMPLES = r"""
- name: The Denver office, converged as one plan
  wxc.calling.webex_site:
    schedules:
      - location: Denver
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
    announcements:
      - name: Denver welcome
        location: Denver
        text: Thank you for calling the Denver office.
        voice: ashley
    auto_attendants:
      - location: Denver
        name: Reception
        extension: "2100"
        business_schedule: Office hours
        business_hours_menu:
          greeting: CUSTOM
          audio_announcement_file: {name: Denver welcome, level: LOCATION}
          extension_enabled: true
          key_configurations:
            - {key: "0", action: TRANSFER_WITHOUT_PROMPT, value: "1000"}
            - {key: "1", action: TRANSFER_WITHOUT_PROMPT, auto_attendant: Sales menu}
        after_hours_menu:
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - {key: "0", action: EXIT}
      - location: Denver
        name: Sales menu
        extension: "2101"
        business_schedule: Office hours
        business_hours_menu:
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - {key: "0", action: TRANSFER_WITHOUT_PROMPT, value: "1000"}
        after_hours_menu:
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - {key: "0", action: EXIT}
    forwarding:
      - location: Denver
        auto_attendant: Reception
        always: {enabled: false}
    purge:
      auto_attendants: true

- name: Plan only (the drift report is this in check mode)
  wxc.calling.webex_site:
    auto_attendants: "{{ site.auto_attendants }}"
    schedules: "{{ site.schedules }}"
  check_mode: true
  register: plan

- name: Show what would change
  ansible.builtin.debug:
    msg: "{{ plan.summary.total }}"

- name: Later, after review, apply exactly that plan (refused if anything moved meanwhile)
  wxc.calling.webex_site:
    auto_attendants: "{{ site.auto_attendants }}"
    schedules: "{{ site.schedules }}"
    plan: "{{ plan.plan }}"
"""

RETURN = r"""
objects:
  description:
    - One entry per object, declared ones in declaration order (kinds in the order schedules, announcements,
      auto_attendants, forwarding), then the ones O(purge) deletes.
  returned: always
  type: list
  elements: dict
  contains:
    kind:
      description: V(schedules), V(announcements), V(auto_attendants) or V(forwarding).
      type: str
      returned: always
    name:
      description: The object's name (for forwarding, the auto attendant's).
      type: str
      returned: always
    location:
      description: The location as the item gives it (null for an organisation-level greeting).
      type: str
      returned: always
    location_id:
      description: The location's id (null when it could not be resolved, or for an organisation-level greeting).
      type: str
      returned: always
    type:
      description: For a schedule, V(business_hours) or V(holidays).
      type: str
      returned: for schedules
    holiday_years:
      description: For a schedule with the C(holidays) option, the years its calendar covers, as
        M(wxc.calling.webex_schedule) returns them.
      type: list
      elements: int
      returned: for schedules with the holidays option
    action:
      description: V(create), V(update), V(delete) or V(nothing); null when the object could not be planned.
      type: str
      returned: always
    order:
      description: The object's place in the order of the writes (1 is first); null when it writes nothing.
      type: int
      returned: always
    differing_fields:
      description: What differs, as option paths (C(business_hours_menu.key_configurations (key 1)), C(events (Saturday)),
        C(always.enabled), C(rules (VIP))); for a creation the options it sets.
      type: list
      elements: str
      returned: always
    changed:
      description: Whether the object was written (in check mode, whether it would be).
      type: bool
      returned: always
    purged:
      description: True for an object O(purge) deletes.
      type: bool
      returned: for purged objects
    failed:
      description: True when the object failed; RV(objects[].msg) says why.
      type: bool
      returned: for failed objects
    skipped:
      description: True when the object was not attempted because an object it needs failed; RV(objects[].msg) names it.
      type: bool
      returned: for objects not attempted
    msg:
      description: Why the object failed or was not attempted.
      type: str
      returned: for failed objects and objects not attempted
    api_error:
      description: The failed API call (method, path, status, message, error_code, tracking_id), never the token.
      type: dict
      returned: when an object failed on an API call
    not_applied:
      description: The fields the service answered 2xx for but did not store.
      type: list
      elements: str
      returned: when a write did not take
    schedule:
      description: The schedule after the run (in check mode, as planned), as M(wxc.calling.webex_schedule) returns it.
      type: dict
      returned: for schedules
    announcement:
      description: The greeting after the run, as M(wxc.calling.webex_announcement) returns it.
      type: dict
      returned: for announcements
    auto_attendant:
      description: The auto attendant after the run, as M(wxc.calling.webex_auto_attendant) returns it.
      type: dict
      returned: for auto attendants
    forwarding:
      description: The call forwarding after the run (always, selective, rules), in snake_case.
      type: dict
      returned: for forwarding
summary:
  description:
    - Per kind and in C(total), how many objects are C(created), C(updated), C(deleted), C(unchanged), C(failed) and
      C(skipped) (not attempted). The keys are safe in Jinja (no dictionary method's name).
  returned: always
  type: dict
  sample:
    total: {created: 1, updated: 2, deleted: 0, unchanged: 40, failed: 0, skipped: 0}
    auto_attendants: {created: 1, updated: 1, deleted: 0, unchanged: 38, failed: 0, skipped: 0}
undeclared:
  description:
    - The objects that exist where the declaration manages their kind but that it does not declare, whether or not
      O(purge) is on; each with C(kind), C(name), C(location), C(location_id), C(id), and per kind C(type),
      C(extension), C(phone_number), C(esn), C(level), C(file_name).
  returned: always
  type: list
  elements: dict
steps:
  description: How many writes the plan holds (a cycle's second pass counts once more).
  returned: always
  type: int
plan:
  description:
    - The plan as data, to review and to give back to O(plan) (check mode only). It holds no secret and no local path.
    - C(format) (1), C(created) (UTC, C(YYYY-MM-DDTHH:MM:SSZ)), C(declaration) (the hash of the declaration),
      C(risk) (the plan's class, the highest of its actions'), C(unchanged) (objects with nothing to do), C(failed)
      (objects that could not be planned, with why), and C(actions) in the order of the writes.
    - Each action has C(order), C(kind), C(name), C(type) (schedules), C(location), C(location_id), C(action),
      C(purged), C(fields) (what differs), C(changes) (per field its C(old) and C(new) value), C(fingerprint) (of
      what was read of the object) and C(risk).
    - "Risk classes: V(destructive) (a delete, purge included) beats V(routing) (what a caller reaches or hears: keys,
      destinations, schedules' events, forwarding, greetings, a new object) beats V(cosmetic) (key descriptions,
      names nothing dials: first and last name, caller id name, a schedule's rename, which its attendants follow)."
  returned: in check mode
  type: dict
  sample:
    format: 1
    created: "2026-12-07T21:40:00Z"
    declaration: "sha256:5f1c..."
    risk: routing
    unchanged: 38
    failed: []
    actions:
      - order: 1
        kind: auto_attendants
        name: Reception
        type: null
        location: Denver
        location_id: Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzMxMTYx
        action: update
        purged: false
        fields: ["business_hours_menu.key_configurations (key 1)"]
        risk: routing
        changes:
          - field: business_hours_menu.key_configurations (key 1)
            old: [{key: "1", action: TRANSFER_WITHOUT_PROMPT, value: "2100"}]
            new: [{key: "1", action: TRANSFER_WITHOUT_PROMPT, value: "2101"}]
        fingerprint: "sha256:9ab0..."
diff:
  description: One before/after per changed object, with a header naming it.
  returned: when diff mode is on
  type: list
  elements: dict
"""

from ansible_collections.wxc.calling.plugins.module_utils._site.converge import run
from ansible_collections.wxc.calling.plugins.module_utils._site.options import argument_spec, validate_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import run_module


def main():
    run_module(argument_spec(), run, validate=validate_options)


if __name__ == "__main__":
    main()
