# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Trace calls through declared auto attendants, schedules and call forwarding: what a caller hears, and where the
call ends. The tracer is the one webex_call_path runs against the live organisation."""

from __future__ import annotations

DOCUMENTATION = r"""
name: call_path
short_description: Trace what a caller hears through declared auto attendants, and test call flows before they are applied
version_added: 0.2.0
author:
  - wxc.calling contributors
description:
  - Traces each call of the input through declared data (the auto attendants, schedules and call forwarding a team
    keeps next to its site definition), so that a pull request can be tested before anything is applied, without a
    token.
  - The tracer is the one the module M(wxc.calling.webex_call_path) runs against the live organisation; on the same
    data both return the same results (the module's RV(wxc.calling.webex_call_path#module:calls) items).
  - "The order of evaluation: selective call forwarding, call forwarding always, the operating mode in effect, then the
    after hours menu when an event of the attendant's holiday schedule is in effect, the business hours menu when an
    event of its business schedule is, else the after hours menu; then the greeting, each key pressed, transfers into
    other attendants (followed; a call that comes back without a key pressed is a loop) and the call treatment when no
    key is pressed. Where the service's behaviour is not documented, each result lists what the trace assumed."
  - Without an offset, a call's C(at) is the local time of the location of the first attendant it reaches; schedules
    are read in each location's time zone, daylight saving included.
  - The filter does not fail on a call that differs from its C(expect); each result says C(passed), what differs
    (C(mismatches)) and a C(message). Bad input (a call or data that cannot be read) fails, naming what is wrong.
positional: _input, data
options:
  _input:
    description:
      - One call (a dictionary), or a list of calls (for example a file of call-flow tests); a list gives a list of
        results, in order.
      - "Each call has the options of one call of M(wxc.calling.webex_call_path): C(number) or C(location) and
        C(auto_attendant), C(at), C(caller), C(presses), C(expect), and in a list a C(name)."
    type: raw
    required: true
  data:
    description:
      - The declared data the calls are traced through.
      - The options of a M(wxc.calling.webex_site) declaration are these lists; a declaration is taken as it is (its
        other options, such as C(purge), are left aside), with O(data.locations) added.
    type: dict
    required: true
    suboptions:
      auto_attendants:
        description:
          - Options of M(wxc.calling.webex_auto_attendant), one item per attendant (the C(export) of
            M(wxc.calling.webex_auto_attendant_info), or the result of the filter
            P(wxc.calling.auto_attendant_module_args#filter), whose items may hold C(forwarding)). Items with
            C(state=absent) are left out.
          - A key or call treatment may transfer by number or name another attendant with C(auto_attendant).
        type: list
        elements: dict
      schedules:
        description: Options of M(wxc.calling.webex_schedule) (C(location), C(type), C(name), C(events)).
        type: list
        elements: dict
      forwarding:
        description:
          - Options of M(wxc.calling.webex_auto_attendant_forwarding) (C(location), C(auto_attendant), C(always),
            C(selective), C(rules); the C(export_forwarding) of M(wxc.calling.webex_auto_attendant_info)).
          - C(operating_modes) adds the operating modes of the attendant as the service gives them, in snake_case
            (C(enabled), C(modes) with C(name), C(type), C(forward_to), C(same_hours_daily), C(different_hours_daily),
            C(holidays)).
        type: list
        elements: dict
      locations:
        description:
          - The locations, each with C(name) (as the other items name it), C(time_zone) (an IANA name such as
            V(America/Denver)) and optionally C(routing_prefix) (so that an ESN reaches its attendant).
          - A location without a time zone takes the attendants' C(time_zone) option.
        type: list
        elements: dict
      announcements:
        description:
          - Greetings, each the options of M(wxc.calling.webex_announcement) (C(name), and C(path) or C(text)), or a
            C(name) and a C(file_name), so that a greeting given by file name is also shown by name and text, and the
            other way round.
        type: list
        elements: dict
  location:
    description: The location of each call that does not give its own.
    type: str
  at:
    description: The time of each call that does not give its own; not set, now.
    type: str
  caller:
    description: The caller of each call that does not give its own.
    type: str
notes:
  - Data is data. Names and texts are never templated and never interpreted; the results carry them as they are.
seealso:
  - module: wxc.calling.webex_call_path
  - ref: ansible_collections.wxc.calling.docsite.call_flow_tests
    description: The guide to call-flow tests in CI and against the live organisation.
"""

EXAMPLES = r"""
- name: Trace the call-flow tests through the declared site (no token needed)
  ansible.builtin.set_fact:
    call_flow_results: >-
      {{ call_flow_tests | wxc.calling.call_path({
           'auto_attendants': site_auto_attendants,
           'schedules': site_schedules,
           'forwarding': site_forwarding,
           'locations': [{'name': 'Branch Office Denver', 'time_zone': 'America/Denver'}]}) }}

- name: Every call-flow test passes
  ansible.builtin.assert:
    that: call_flow_results | rejectattr('passed') | list | length == 0
    fail_msg: "{{ call_flow_results | rejectattr('passed') | map(attribute='message') | list }}"

- name: What does a caller hear when pressing 1 on Christmas morning?
  ansible.builtin.debug:
    msg: "{{ (call | wxc.calling.call_path(site)).steps | map(attribute='text') | list }}"
  vars:
    call: {number: "+17205550100", at: "2026-12-25T10:00", presses: ["1"]}
"""

RETURN = r"""
_value:
  description:
    - For one call, its result; for a list of calls, one result per call, in order.
    - "Each result is an item of the module's RV(wxc.calling.webex_call_path#module:calls): C(name), C(call),
      C(steps), C(destination) (C(type), C(value), C(auto_attendant), C(reason)), C(auto_attendants), C(menus),
      C(presses_left), C(assumptions), C(expect), C(passed), C(mismatches), and C(message) (null when the call passed)."
  type: raw
"""

from ansible.errors import AnsibleFilterError

from ansible_collections.wxc.calling.plugins.module_utils._call_path.catalog import DataError, DeclaredCatalog
from ansible_collections.wxc.calling.plugins.module_utils._call_path.compare import trace_calls
from ansible_collections.wxc.calling.plugins.module_utils._call_path.options import CALL_FIELDS, INHERITED, check_call


def call_path(calls, data, location=None, at=None, caller=None):
    """Trace CALLS (one call, or a list) through DATA; see DOCUMENTATION."""
    single = isinstance(calls, dict)
    items = [calls] if single else calls
    if not isinstance(items, list):
        raise AnsibleFilterError(
            "call_path: expects a call (a dictionary) or a list of calls, got %s" % type(calls).__name__
        )
    defaults = {"location": location, "at": at, "caller": caller}
    prepared, problems = [], []
    for index, item in enumerate(items):
        where = "" if single else "calls[%d]" % index
        if not isinstance(item, dict):
            problems.append("%s: must be a dictionary, got %s" % (where or "the call", type(item).__name__))
            continue
        unknown = sorted(set(item) - set(CALL_FIELDS) - {"name"})
        if unknown:
            problems.append("%s: unknown field(s) %s" % (where or "the call", ", ".join(map(str, unknown))))
        call = {field: item.get(field) for field in CALL_FIELDS}
        for field in INHERITED:
            if call[field] is None:
                call[field] = defaults[field]
        problems.extend(check_call(call, where))
        prepared.append(dict(call, name=item.get("name")))
    if problems:
        raise AnsibleFilterError("call_path: " + "; ".join(problems))
    try:
        catalog = DeclaredCatalog(data)
    except DataError as error:
        raise AnsibleFilterError("call_path: %s" % error) from None
    results = trace_calls(catalog, prepared, fail_fast=False)[0]
    return results[0] if single else results


class FilterModule:
    """wxc.calling call-path filter."""

    def filters(self):
        return {"call_path": call_path}
