#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: webex_call_path
short_description: Trace what a caller hears through Webex Calling auto attendants, and test call flows
version_added: 0.2.0
description:
  - Traces one call, or each call of O(tests), through the live organisation and returns, step by step, what the
    caller meets and where the call ends, without placing a call and without changing anything.
  - "A call is a dialled O(number) (or an O(auto_attendant) of a O(location)), a time O(at), an optional O(caller) and
    the keys the caller O(presses). The trace follows the order of evaluation of the guide \"Testing call flows\":
    selective call forwarding (the rule that matches, and why: its schedule in effect, the caller, the number called),
    call forwarding always, the operating mode in effect, then the menu: the after hours menu when an event of the
    holiday schedule is in effect (an attendant has no holiday menu), the business hours menu when an event of the
    business schedule is, else the after hours menu. Then the greeting, each key and its action, transfers into other
    attendants (followed), and what happens when the caller presses nothing (the call treatment)."
  - Schedules are read in the time zone of the attendant's location, daylight saving included. Where the service's
    order of evaluation or its reading of a setting is not documented, the trace says what it assumed in
    RV(calls[].assumptions).
  - With O(expect), a call whose trace differs fails the task with a message that shows what was expected and the
    traced path. O(tests) runs many calls in one task; the same tests run against declared data with the filter
    P(wxc.calling.call_path#filter), which gives the same results on the same data.
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
  number:
    description:
      - The number the caller dials, an E.164 number, an extension or an ESN (routing prefix and extension).
      - Without O(originator), the number is looked up among the auto attendants' numbers, extensions and ESNs; an
        extension needs O(location) when attendants of several locations have it.
      - With O(originator), the service's Test Call Routing says where the number lands; a number that does not reach
        an auto attendant ends the trace there (a person, a call queue, the PSTN), and a rejected or unknown number is
        RV(calls[].destination.type=unresolved).
      - Give O(number) or O(auto_attendant); not with O(tests) (give it per test).
    type: raw
  location:
    description:
      - The location, by id or by exact (case-sensitive) name, of O(auto_attendant), or where an extension in
        O(number) is dialled.
      - With O(tests), the location of every test that does not give its own.
    type: raw
  auto_attendant:
    description:
      - The exact name of the auto attendant of O(location) where the call starts (instead of a O(number)).
      - Selective rules that name called numbers are then checked against the attendant's own number and extension.
    type: raw
  at:
    description:
      - When the call is made, an ISO 8601 date and time, for example V(2026-03-09T09:30) or V(2026-03-09T16:30:00Z).
      - Without an offset, it is the local time of the location of the first auto attendant the call reaches.
      - Not set, now.
      - With O(tests), the time of every test that does not give its own.
    type: str
  caller:
    description:
      - The calling number (an E.164 number or an extension), V(private) or V(unavailable), for the selective
        forwarding rules that name callers.
      - Not set, rules that name callers do not match.
      - With O(tests), the caller of every test that does not give its own.
    type: raw
  presses:
    description:
      - The keys the caller presses, in order, each V(0) to V(9), V(*) or V(#), or the digits of an extension (after a
        dial-by-extension key, or straight from a menu that allows extension dialling).
      - Not set, or an empty list, the caller presses nothing and the menu's call treatment decides.
      - Keys left when the call has reached its destination are returned in RV(calls[].presses_left).
    type: list
    elements: raw
  expect:
    description:
      - What the call must meet. Any difference fails the task (see O(fail_fast)).
    type: dict
    suboptions:
      destination:
        description: Where the call must end.
        type: dict
        suboptions:
          type:
            description: The kind of destination, as RV(calls[].destination.type).
            type: str
            required: true
            choices: [extension, number, voicemail, operator, dial_by_name, dial_by_extension, disconnect, loop, unresolved]
          value:
            description:
              - The number, extension or mailbox (compared as numbers, so V(+19705550006) and V(+1-970-555-0006) are
                the same), or for V(loop) the name of the attendant. Not set, any value.
            type: raw
      auto_attendant:
        description: The name of an auto attendant the call must reach on its way.
        type: raw
      menu:
        description:
          - The menu that must play, of O(expect.auto_attendant) when it is set, else of any attendant on the way.
        type: str
        choices: [business_hours, after_hours]
  tests:
    description:
      - Many calls in one task, each with a O(tests[].name) and the options of one call. O(location), O(at) and
        O(caller) of the task apply to each test that does not give its own.
      - Each test is reported in RV(calls), in order.
    type: list
    elements: dict
    suboptions:
      name:
        description: The name of the test, unique in O(tests); messages name the test by it.
        type: raw
        required: true
      number:
        description: As O(number).
        type: raw
      location:
        description: As O(location).
        type: raw
      auto_attendant:
        description: As O(auto_attendant).
        type: raw
      at:
        description: As O(at).
        type: str
      caller:
        description: As O(caller).
        type: raw
      presses:
        description: As O(presses).
        type: list
        elements: raw
      expect:
        description: As O(expect).
        type: dict
        suboptions:
          destination:
            description: As O(expect.destination).
            type: dict
            suboptions:
              type:
                description: As O(expect.destination.type).
                type: str
                required: true
                choices: [extension, number, voicemail, operator, dial_by_name, dial_by_extension, disconnect, loop,
                          unresolved]
              value:
                description: As O(expect.destination.value).
                type: raw
          auto_attendant:
            description: As O(expect.auto_attendant).
            type: raw
          menu:
            description: As O(expect.menu).
            type: str
            choices: [business_hours, after_hours]
  fail_fast:
    description:
      - With V(true), the first call whose trace differs from its O(expect) ends the task; the calls after it are not
        traced.
      - With V(false), every call is traced and the task fails at the end, naming every call that differs.
    type: bool
    default: true
  originator:
    description:
      - Who dials O(number) for the service's Test Call Routing. Not set, Test Call Routing is not asked.
      - Test Call Routing needs a token with the scope C(spark-admin:telephony_config_write), although it changes
        nothing; an extension is resolved in the originator's location.
    type: dict
    suboptions:
      id:
        description: The id of the person or trunk who dials.
        type: str
        required: true
      type:
        description: What O(originator.id) is.
        type: str
        choices: [PEOPLE, TRUNK]
        default: PEOPLE
      number:
        description: For a V(TRUNK), the calling number or URI it presents.
        type: raw
notes:
  - Reads the organisation's auto attendant list once, then for each auto attendant the call reaches its details, its
    call forwarding (and each selective rule), its operating modes, the schedules named, the location's time zone and
    the announcements of the greetings played, each once per task.
  - A transfer is followed into another auto attendant when its number is that attendant's number, alternate number,
    extension (in the same location) or ESN. A call that comes back to an attendant without the caller pressing a key
    since it was last there is a loop, which ends the trace (RV(calls[].destination.type=loop)).
  - Call queues, hunt groups, people and voicemail behind a destination are not followed; the trace ends at their
    number.
  - An operating mode switched by hand is not traced; the modes' schedules are.
seealso:
  - plugin: wxc.calling.call_path
    plugin_type: filter
  - module: wxc.calling.webex_auto_attendant
  - module: wxc.calling.webex_auto_attendant_forwarding
  - module: wxc.calling.webex_schedule
  - name: Test Call Routing
    description: The Webex Calling API reference of the call routing test.
    link: https://developer.webex.com/docs/api/v1/call-routing/test-call-routing
"""

EXAMPLES = r"""
- name: What does a caller hear at 7 pm on a Saturday?
  wxc.calling.webex_call_path:
    number: "+19705550100"
    at: "2026-03-14T19:00"
  register: saturday_evening

- name: Call-flow tests of the Denver office (the whole file runs; every difference is reported)
  wxc.calling.webex_call_path:
    location: Branch Office Denver
    fail_fast: false
    tests:
      - name: Weekday morning, sales
        number: "+17205550100"
        at: "2026-03-09T09:30"
        presses: ["1"]
        expect:
          destination: {type: extension, value: "2200"}
          menu: business_hours
      - name: Christmas goes to voicemail
        number: "+17205550100"
        at: "2026-12-25T10:00"
        expect:
          destination: {type: voicemail, value: "2100"}
          menu: after_hours
      - name: The VIP line rings the duty manager
        auto_attendant: Main Line
        caller: "+13035550199"
        at: "2026-03-09T21:00"
        expect:
          destination: {type: number, value: "+13035550123"}

- name: Where does the service route the main number (Test Call Routing, as if Alice dialled it)?
  wxc.calling.webex_call_path:
    number: "+17205550100"
    originator:
      id: "{{ alice_person_id }}"
"""

RETURN = r"""
calls:
  description:
    - One trace per call, in the order of O(tests) (or the one call). With O(fail_fast), the calls after the first that
      differs from its O(expect) are not traced.
  returned: always
  type: list
  elements: dict
  contains:
    name:
      description: The name of the test; null for a call without O(tests).
      type: str
    call:
      description:
        - The call as traced, C(number) or C(location) and C(auto_attendant), C(at) (with the offset of the entry
          location, once known), C(caller), C(presses).
      type: dict
    steps:
      description:
        - What the call meets, in order. Each step has C(step) (V(entry), V(auto_attendant), V(forwarding),
          V(operating_mode), V(schedule), V(menu), V(greeting), V(key), V(no_input), V(loop), V(end)), C(text) (what
          happens, in words), C(auto_attendant) (C(name) and C(location) of the attendant it happens at), and the
          fields of its kind, for example C(rule), C(forward_to), C(schedule), C(event), C(menu), C(greeting) and
          C(audio) (C(name), C(file_name), C(level), C(text) of a text-to-speech announcement), C(key), C(action),
          C(value), C(retries), C(no_input_timer), C(routing) (what Test Call Routing answered).
      type: list
      elements: dict
    destination:
      description: Where the call ends.
      type: dict
      sample: {"type": "voicemail", "value": "2100", "auto_attendant": {"name": "Main Line", "location": "Denver"}}
      contains:
        type:
          description: The kind of destination.
          type: str
          choices: [extension, number, voicemail, operator, dial_by_name, dial_by_extension, disconnect, loop, unresolved]
        value:
          description: The number, extension or mailbox, or for a loop the attendant's name; absent when there is none.
          type: str
        auto_attendant:
          description: C(name) and C(location) of the attendant the call ends at.
          type: dict
        reason:
          description:
            - Why the call ends there; always for V(unresolved) (a schedule or an attendant the data does not hold, a
              number two attendants have, a call Test Call Routing rejects).
          type: str
    auto_attendants:
      description: The auto attendants the call reaches, in order, each with C(name) and C(location).
      type: list
      elements: dict
    menus:
      description: The menus played, in order, each with C(name), C(location) and C(menu) (V(business_hours) or V(after_hours)).
      type: list
      elements: dict
    presses_left:
      description: The keys of O(presses) the caller had no use for (the call had ended).
      type: list
      elements: str
    assumptions:
      description:
        - What the trace assumed where the service's behaviour is not documented (the order of selective and always
          forwarding, the order of rules, how an unconfigured key is handled, ...); only those the trace relied on.
      type: list
      elements: str
    expect:
      description: The call's O(expect), as given.
      type: dict
    passed:
      description: Whether the trace shows everything O(expect) says (true without O(expect)).
      type: bool
    mismatches:
      description: What differs from O(expect), one sentence each; empty when RV(calls[].passed).
      type: list
      elements: str
failures:
  description: One message per call that differs from its O(expect), naming the call and showing the traced path.
  returned: always
  type: list
  elements: str
"""

from ansible_collections.wxc.calling.plugins.module_utils._call_path.converge import run
from ansible_collections.wxc.calling.plugins.module_utils._call_path.options import argument_spec, validate_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import run_module


def main():
    run_module(argument_spec(), run, validate=validate_options)


if __name__ == "__main__":
    main()
