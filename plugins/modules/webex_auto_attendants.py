#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: webex_auto_attendants
short_description: Converge many Webex Calling auto attendants at once, with purge and a drift report
version_added: 0.2.0
description:
  - Converges a list of Webex Calling auto attendants in one task. Each item is what one task of
    M(wxc.calling.webex_auto_attendant) takes. The task is M(wxc.calling.webex_site) restricted to auto attendants;
    the same engine plans, orders and writes it, and each item is compared and written by the attendant's own code.
  - Every item is validated before the first request, and all problems are reported at once, each naming the item
    (its index and name) and the option. Two items with the same location and name are an error.
  - Each distinct location is resolved once, and listed once (one list without a name filter, every page). Details
    are read only for the declared attendants that exist (and, in diff mode, for those O(purge) deletes).
  - Writes and details run up to O(concurrency) at a time over one pool of keep-alive connections. A rate-limited
    request (HTTP 429) pauses every worker for its C(Retry-After) (capped at 60 seconds) and is sent again. A create
    is never sent twice blindly; after an ambiguous failure the name is looked up first.
  - Deletions (items with C(state=absent), and O(purge)) are made after the creates and updates that rewrite their
    referrers; a deletion that frees an extension or number a write takes comes before that write. A deletion that an
    attendant the task leaves alone still refers to is refused before any write, naming both.
  - Keys (and call treatments) may name another auto attendant with C(auto_attendant), as in
    M(wxc.calling.webex_auto_attendant). An attendant the list declares and that does not exist yet is written before
    the attendants that name it; a cycle of such attendants (A names B, B names A) is written in two passes, the first
    without the keys that name what does not exist yet. A target neither declared nor found in the organisation
    fails the item that names it before its write (in check mode too); the other items converge. Targets are matched
    by location (name or id, one location either way) and name.
  - An audio file may be given by its announcement name and level (C(audio_announcement_file) with C(name) and
    C(level)), as in M(wxc.calling.webex_auto_attendant). Each distinct announcement (level, location for C(LOCATION),
    name) is looked up once for the whole task, before the first item that uses it is compared. An announcement that
    does not exist fails the items that use it before their write, naming the option and the name (in check mode
    too).
  - When an item fails, the others still converge; the task then fails and lists each failed item with its error.
    A re-run does only what is left.
  - In check mode the task reads only and returns the exact plan, which is the drift report (see
    C(playbooks/drift_report.yml) in the collection).
author:
  - wxc.calling maintainers (@wxc-calling)
extends_documentation_fragment:
  - wxc.calling.webex
  - wxc.calling.attributes
  - wxc.calling.attributes.actiongroup_webex
attributes:
  check_mode:
    support: full
    details: Reads only and returns the exact plan per attendant, the summary and the undeclared attendants.
  diff_mode:
    support: full
    details: RV(diff) is a list with one before/after per changed attendant, in snake_case, as the default callback shows it.
  idempotent:
    support: full
    details: Each attendant is compared as M(wxc.calling.webex_auto_attendant) compares it; a second run reports no change.
options:
  auto_attendants:
    description:
      - The auto attendants to converge.
      - Each item takes every option of M(wxc.calling.webex_auto_attendant) except the connection options, with the
        same meaning, checks and defaults, including C(name), C(location) (a name or an id) and C(state)
        (C(present) or C(absent), default C(present)).
      - An item may also set C(org_id), which overrides O(org_id) for that item.
    type: list
    elements: dict
    required: true
  purge:
    description:
      - Delete the auto attendants that the list does not declare, in every location that appears in the list.
        Locations the list does not name are not touched.
      - Whether on or off, RV(undeclared) lists those attendants.
    type: bool
    default: false
  purge_limit:
    description:
      - Refuse, before any write, to run when O(purge) would delete more attendants than this. V(0) means no limit.
      - In check mode the plan is still returned, with a warning that the real run refuses.
    type: int
    default: 10
  concurrency:
    description:
      - How many requests (details, writes) run at once, at most; V(1) is one after the other. From 1 to 50.
    type: int
    default: 10
seealso:
  - module: wxc.calling.webex_auto_attendant
  - module: wxc.calling.webex_auto_attendant_info
"""

EXAMPLES = r"""
- name: Converge the attendants of two sites, and remove the ones the list does not declare
  wxc.calling.webex_auto_attendants:
    purge: true
    auto_attendants:
      - name: Main Line
        location: Headquarters
        extension: "2001"
        business_schedule: AUTOATTENDANT-BUSINESS-HOURS
        business_hours_menu:
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - {key: "0", action: TRANSFER_TO_OPERATOR}
        after_hours_menu:
          greeting: DEFAULT
          extension_enabled: true
          key_configurations:
            - {key: "0", action: EXIT}
      - name: Old Line
        location: Branch Office Denver
        state: absent

- name: What would change (the drift report), without changing anything
  wxc.calling.webex_auto_attendants:
    auto_attendants: "{{ auto_attendants }}"
  check_mode: true
  register: drift

- name: Show one line per attendant
  ansible.builtin.debug:
    msg: "{{ drift.results | map(attribute='name') | zip(drift.results | map(attribute='action')) | map('join', ': ') }}"
"""

RETURN = r"""
results:
  description: One entry per declared item, in input order, then one per attendant deleted by O(purge).
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: Name of the auto attendant.
      type: str
      returned: always
    location:
      description: The location as the item gives it.
      type: str
      returned: always
    location_id:
      description: Id of the location; null when the location could not be resolved.
      type: str
      returned: always
    action:
      description:
        - What was done, or in check mode what would be done. C(nothing) for an item that failed before it could be
          planned (its location or a reference could not be resolved).
      type: str
      returned: always
      choices: [create, update, delete, nothing]
    changed:
      description: Whether this attendant was (or in check mode would be) changed.
      type: bool
      returned: always
    differing_fields:
      description:
        - What differs from the service's values, whatever the diff mode, as option paths in snake_case, as
          M(wxc.calling.webex_auto_attendant) compares them (a menu down to its keys).
        - For a creation, the options it sets; for a deletion or no change, none.
      type: list
      elements: str
      returned: always
      sample: [extension, "business_hours_menu.key_configurations (key 1, 2)"]
    auto_attendant:
      description: The auto attendant as M(wxc.calling.webex_auto_attendant) returns it; null when deleted or absent.
      type: dict
      returned: always
    purged:
      description: True for an attendant deleted because O(purge) is on and the list does not declare it.
      type: bool
      returned: for purged attendants
    failed:
      description: True when this item failed.
      type: bool
      returned: for failed items
    msg:
      description: Why this item failed.
      type: str
      returned: for failed items
    api_error:
      description: The failed API call (method, path, status, message, error_code, tracking_id), when an API call failed.
      type: dict
      returned: for items that failed on an API call
    not_applied:
      description: The fields a write was answered 2xx for, but that the read-back does not show.
      type: list
      elements: str
      returned: for items whose write was not applied
summary:
  description: How many attendants each action concerns (failed items only under C(failed)).
  returned: always
  type: dict
  sample: {create: 2, update: 1, delete: 0, nothing: 37, failed: 0}
undeclared:
  description:
    - The attendants that exist in the locations of the list but that the list does not declare, whether or not
      O(purge) is on.
    - Each has C(name), C(location), C(location_id), C(id), and C(extension), C(phone_number), C(esn) when set.
  returned: always
  type: list
  elements: dict
diff:
  description: One before/after per changed attendant (snake_case), with a header naming it.
  returned: when diff mode is on
  type: list
  elements: dict
"""

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.bulk import (
    argument_spec,
    run,
    validate_options,
)
from ansible_collections.wxc.calling.plugins.module_utils.resource import run_module


def main():
    run_module(argument_spec(), run, validate=validate_options)


if __name__ == "__main__":
    main()
