#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: webex_auto_attendant_forwarding
short_description: Call forwarding of a Webex Calling auto attendant (always, selective, rules and operating modes)
version_added: 0.2.0
description:
  - Converges the call forwarding of one auto attendant, found by its O(location) and its exact O(auto_attendant) name.
  - O(always) forwards every call (an outage, an office closed); O(selective) forwards the calls that one of the
    selective O(rules) matches (by schedule, caller and called number).
  - Only what is set is managed. A setting of O(always) or O(selective) that is not given, a field of a rule that is not
    given, and rules that are not listed (unless O(purge_rules)) are left as they are.
  - Rules are identified by name and compared as a set. A rule that differs is sent whole with its own request (the
    service requires the name in every rule update); a rule that does not exist is created.
  - The service gives a selective rule a new id when it is renamed (O(rules[].new_name)); the module uses the id the
    service answers and reads the rule again under it.
  - Numbers are compared in one form. The service returns the NANP numbers of a rule without their C(+) and
    C(always.destination) as it was sent (V(+1-9705550006) stays so); V(+19705550006), V(+1-970-555-0006) and
    V(9705550006) are the same number, so a read-back form is never reported as a change.
  - The settings update is sent wrapped in C(callForwarding), the only form the service applies (unwrapped, it answers
    success and changes nothing). Every write is read back; a write the service accepted but did not apply fails the
    task, naming the fields.
  - Schedules named by the rules are checked before the first write; a missing one fails the task before any change. In
    check mode it is a warning, since the same run may create the schedule first.
  - O(operating_modes) forwards by operating mode (schedule based routing) - modes made in Control Hub, at the level of
    the organisation or of the location, named here by their exact name. O(switch_mode) switches a mode someone switched
    to by hand back to normal operation.
author:
  - wxc.calling maintainers (@wxc-calling)
extends_documentation_fragment:
  - wxc.calling.webex
  - wxc.calling.attributes
  - wxc.calling.attributes.actiongroup_webex
attributes:
  check_mode:
    support: full
    details: Reads only and returns the predicted forwarding and diff. Ids that do not exist yet (a new or renamed rule)
      are null. A missing auto attendant or schedule is a warning in check mode, not a failure.
  diff_mode:
    support: full
    details: The O(always) and O(selective) settings and the declared (and purged) rules before and after, in snake_case.
  idempotent:
    support: full
    details: Rules are compared as a set by name; numbers in one canonical form, so read-back shapes are not changes.
seealso:
  - module: wxc.calling.webex_auto_attendant
  - module: wxc.calling.webex_schedule
options:
  location:
    description:
      - The location of the auto attendant, by id or by exact (case-sensitive) name.
    type: str
    required: true
  auto_attendant:
    description:
      - The exact (case-sensitive) name of the auto attendant.
    type: str
    required: true
  always:
    description:
      - Forward every call. Only the settings given are managed.
    type: dict
    suboptions:
      enabled:
        description:
          - Turn this forwarding on or off.
          - Turning O(always) on needs a destination, given here or already set.
        type: bool
      destination:
        description:
          - Where calls go, an E.164 number (V(+19705550006)), an extension or an ESN. Spaces and dashes are allowed and
            dropped.
          - V("") clears it.
          - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
        type: raw
      ring_reminder_enabled:
        description:
          - Play a brief tone on the destination's phone when a call was forwarded.
        type: bool
      send_to_voicemail_enabled:
        description:
          - Send forwarded calls to the voicemail of the destination, when it is an internal number with voicemail.
        type: bool
  selective:
    description:
      - Forward the calls that a selective rule (O(rules)) matches. The service needs at least one enabled rule for it
        to act. Only the settings given are managed.
    type: dict
    suboptions:
      enabled:
        description:
          - Turn this forwarding on or off.
        type: bool
      destination:
        description:
          - Where the rules with C(FORWARD_TO_DEFAULT_NUMBER) send calls, an E.164 number (V(+19705550006)), an
            extension or an ESN. Spaces and dashes are allowed and dropped.
          - V("") clears it.
          - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
        type: raw
      ring_reminder_enabled:
        description:
          - Play a brief tone on the destination's phone when a call was forwarded.
        type: bool
      send_to_voicemail_enabled:
        description:
          - Send forwarded calls to the voicemail of the destination, when it is an internal number with voicemail.
        type: bool
  rules:
    description:
      - The selective forwarding rules, identified by name. Rules not listed are left alone, unless O(purge_rules).
      - A rule that does not exist yet is created and needs O(rules[].forward_to) and O(rules[].calls_from).
      - Not set, no rule is read or changed.
    type: list
    elements: dict
    suboptions:
      name:
        description:
          - Name of the rule, unique in the auto attendant. At most 80 characters, no control characters.
          - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
        type: raw
        required: true
      new_name:
        description:
          - Rename the rule called O(rules[].name) to this name. Its id changes; the module re-reads it under the new id.
          - When no rule is called O(rules[].name) but one is called O(rules[].new_name), the rename is taken as done.
          - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
        type: raw
      enabled:
        description:
          - Whether the rule is in effect. A rule created without it is disabled (the service's default).
        type: bool
      business_schedule:
        description:
          - Name of a business hours schedule of the location; the rule applies during it. V("") clears it.
        type: str
      holiday_schedule:
        description:
          - Name of a holidays schedule of the location; the rule applies on its days. V("") clears it.
        type: str
      forward_to:
        description:
          - What happens to the calls the rule matches.
        type: dict
        suboptions:
          selection:
            description:
              - V(FORWARD_TO_DEFAULT_NUMBER) sends them to O(selective.destination); V(FORWARD_TO_SPECIFIED_NUMBER) to
                O(rules[].forward_to.phone_number); V(DO_NOT_FORWARD) lets them through.
            type: str
            required: true
            choices: [FORWARD_TO_DEFAULT_NUMBER, FORWARD_TO_SPECIFIED_NUMBER, DO_NOT_FORWARD]
          phone_number:
            description:
              - The number (or extension, or ESN) for V(FORWARD_TO_SPECIFIED_NUMBER), which needs it.
              - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
            type: raw
      calls_from:
        description:
          - Which callers the rule matches.
        type: dict
        suboptions:
          selection:
            description:
              - V(ANY) caller, or the V(CUSTOM) numbers of O(rules[].calls_from.custom_numbers), which it then needs.
            type: str
            required: true
            choices: [ANY, CUSTOM]
          custom_numbers:
            description:
              - The callers a V(CUSTOM) rule matches. Only the fields given are managed.
            type: dict
            suboptions:
              private_number_enabled:
                description: Match calls from private numbers.
                type: bool
              unavailable_number_enabled:
                description: Match calls whose number is unavailable.
                type: bool
              numbers:
                description:
                  - Caller numbers (E.164) or extensions, compared as a set.
                  - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
                type: list
                elements: raw
      calls_to:
        description:
          - Which numbers of the auto attendant the call must have been made to.
        type: dict
        suboptions:
          numbers:
            description:
              - The called numbers, compared as a set. V([]) matches a call to any number (the service reads a rule
                set to any number back as an empty list).
            type: list
            elements: dict
            required: true
            suboptions:
              type:
                description: V(PRIMARY) or V(ALTERNATE) number of the auto attendant.
                type: str
                required: true
                choices: [PRIMARY, ALTERNATE]
              phone_number:
                description:
                  - The number (E.164). Give this or O(rules[].calls_to.numbers[].extension).
                  - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
                type: raw
              extension:
                description:
                  - The extension. Give this or O(rules[].calls_to.numbers[].phone_number).
                  - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
                type: raw
  purge_rules:
    description:
      - Delete the rules of the auto attendant that O(rules) does not list. Needs O(rules); V(rules=[]) with it deletes
        every rule.
    type: bool
    default: false
  operating_modes:
    description:
      - Forwarding by operating mode. Only what is given is managed.
      - The modes are made in Control Hub (the organisation's, or the location's); this option names them and sets how
        the auto attendant forwards in each.
    type: dict
    suboptions:
      enabled:
        description:
          - Turn forwarding by operating mode on or off. Not given, it is left as it is. Turning it off keeps the modes.
        type: bool
      modes:
        description:
          - The modes to set, by name, compared one by one. Modes of the auto attendant that are not listed are left as
            they are (the update sends them again unchanged).
          - A mode the auto attendant does not have yet is added; it must be one the location offers (the
            organisation's or the location's own), and needs O(operating_modes.modes[].normal_operation_enabled) and
            O(operating_modes.modes[].forward_to).
          - A name no mode of the location has, or that two modes have (one of the organisation and one of the
            location), fails the task before any write, listing the names or the ids.
        type: list
        elements: dict
        suboptions:
          name:
            description:
              - The exact (case-sensitive) name of the operating mode.
              - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
            type: raw
            required: true
          normal_operation_enabled:
            description:
              - Whether the mode takes part in normal operation (the schedule-based choice of the current mode).
            type: bool
          forward_to:
            description:
              - What happens to calls while the mode is current. Only the fields given are managed.
            type: dict
            suboptions:
              selection:
                description:
                  - V(FORWARD_TO_DEFAULT_NUMBER) applies the mode's own forwarding (set in Control Hub);
                    V(FORWARD_TO_SPECIFIED_NUMBER) sends calls to O(operating_modes.modes[].forward_to.destination),
                    which it then needs; V(DO_NOT_FORWARD) lets them through.
                type: str
                required: true
                choices: [FORWARD_TO_DEFAULT_NUMBER, FORWARD_TO_SPECIFIED_NUMBER, DO_NOT_FORWARD]
              destination:
                description:
                  - Where calls go, an E.164 number, an extension or an ESN. Spaces and dashes are allowed and dropped.
                  - Text only. A number or boolean (what YAML makes of an unquoted V(0100) or V(no)) is refused; quote it.
                type: raw
              destination_voicemail_enabled:
                description:
                  - Send the calls to the voicemail of the destination, when it is an internal number with voicemail.
                type: bool
  switch_mode:
    description:
      - Switch the auto attendant back to normal operation when its current operating mode runs as an exception
        (switched to, or extended, by hand - any exception type but C(AUTOMATIC_SWITCH_BACK_STANDARD)). In normal
        operation already, nothing is done and the task is not changed.
      - The switch comes after every other write; it is read back like them.
    type: bool
    default: false
notes:
  - Which operating mode the service picks in normal operation depends on the modes' schedules (Control Hub's); after
    O(switch_mode) the module reports the mode the service answers as current, and in check mode none.
  - "Number comparison: ten digits whose first is 2-9 are read as a NANP number (V(9705550006) is V(+19705550006)),
    since that is how the service returns NANP numbers in rules."
"""

EXAMPLES = r"""
- name: Office closed - forward every call to the on-call mobile
  wxc.calling.webex_auto_attendant_forwarding:
    location: Headquarters
    auto_attendant: Main Line AA - Test
    always:
      enabled: true
      destination: "+19705550006"
      ring_reminder_enabled: true

- name: Office open again - stop forwarding (the destination is kept for next time)
  wxc.calling.webex_auto_attendant_forwarding:
    location: Headquarters
    auto_attendant: Main Line AA - Test
    always:
      enabled: false

- name: On holidays, calls to the main number go to the answering service
  wxc.calling.webex_auto_attendant_forwarding:
    location: Headquarters
    auto_attendant: Main Line AA - Test
    selective:
      enabled: true
      destination: "+19705550007"
    rules:
      - name: Holidays
        enabled: true
        holiday_schedule: AUTOATTENDANT-HOLIDAY
        forward_to:
          selection: FORWARD_TO_DEFAULT_NUMBER
        calls_from:
          selection: ANY
        calls_to:
          numbers: []
      - name: VIP callers
        enabled: true
        forward_to:
          selection: FORWARD_TO_SPECIFIED_NUMBER
          phone_number: "+19705550008"
        calls_from:
          selection: CUSTOM
          custom_numbers:
            numbers: ["+14155550123", "+14155550124"]

- name: Forward by operating mode - business as usual by day, the answering service during an outage
  wxc.calling.webex_auto_attendant_forwarding:
    location: Headquarters
    auto_attendant: Main Line AA - Test
    operating_modes:
      enabled: true
      modes:
        - name: Day
          normal_operation_enabled: true
          forward_to:
            selection: DO_NOT_FORWARD
        - name: Outage
          normal_operation_enabled: false
          forward_to:
            selection: FORWARD_TO_SPECIFIED_NUMBER
            destination: "+19705550007"

- name: The outage is over - back to normal operation (nothing happens if it already is)
  wxc.calling.webex_auto_attendant_forwarding:
    location: Headquarters
    auto_attendant: Main Line AA - Test
    switch_mode: true

- name: Rename a rule (its id changes) and delete every rule not listed
  wxc.calling.webex_auto_attendant_forwarding:
    location: Headquarters
    auto_attendant: Main Line AA - Test
    rules:
      - name: Holidays
        new_name: Public holidays
    purge_rules: true
"""

RETURN = r"""
auto_attendant_id:
  description: Id of the auto attendant; null in check mode when it does not exist yet.
  returned: success
  type: str
  sample: Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2J6QjJlRGd6Ym1GeU5rQm1iR1Y0TWk1amFYTmpieTVqYjIw
location_id:
  description: Id of the location.
  returned: success
  type: str
  sample: Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzMxMTYx
forwarding:
  description:
    - The call forwarding after the task as the service returns it, in snake_case (in check mode, the prediction).
  returned: success
  type: dict
  contains:
    always:
      description: C(enabled), C(destination), C(ring_reminder_enabled), C(send_to_voicemail_enabled).
      type: dict
      returned: success
    selective:
      description: As RV(forwarding.always).
      type: dict
      returned: success
    rules:
      description:
        - Every selective rule as the service summarises it, C(id), C(name), C(enabled) and the texts C(calls_from),
          C(forward_to), C(calls_to). RV(rules) has the details of the declared ones.
      type: list
      elements: dict
      returned: success
    operating_modes:
      description:
        - C(enabled), C(current_operating_mode_id) and C(exception_type) (when the auto attendant has modes), and
          C(modes) - each with C(id), C(name), C(type), C(level), C(normal_operation_enabled) and C(forward_to) (what
          is set, and the mode's own C(default_forward_to_selection), C(default_destination),
          C(default_destination_voicemail_enabled)).
        - In check mode, the prediction; after a switch back to normal operation, the current mode is unknown (absent).
      type: dict
      returned: when the service returns them
  sample:
    always: {enabled: true, destination: "+19705550006", ring_reminder_enabled: true, send_to_voicemail_enabled: false}
    selective: {enabled: false, destination: "", ring_reminder_enabled: false, send_to_voicemail_enabled: false}
    rules:
      - {id: Y2lzY29zcGFyazovL3VzL0NBTExfRk9SV0FSRElOR19TRUxFQ1RJVkVfUlVMRS9VMjlzYVdSaGVYTQ, name: Holidays,
         enabled: true, calls_from: All Numbers, forward_to: Default number, calls_to: All Numbers}
rules:
  description:
    - The declared rules after the task, in the order of O(rules), with C(id), C(name), C(enabled),
      C(business_schedule), C(holiday_schedule), C(forward_to), C(calls_from), C(calls_to) as the service returns them
      (NANP numbers without their C(+)).
    - In check mode, the predicted rules; the id of a rule to be created or renamed is null.
  returned: success
  type: list
  elements: dict
  sample:
    - id: Y2lzY29zcGFyazovL3VzL0NBTExfRk9SV0FSRElOR19TRUxFQ1RJVkVfUlVMRS9VMjlzYVdSaGVYTQ
      name: Holidays
      enabled: true
      holiday_schedule: AUTOATTENDANT-HOLIDAY
      forward_to: {selection: FORWARD_TO_DEFAULT_NUMBER}
      calls_from: {selection: ANY}
      calls_to: {numbers: []}
diff:
  description: The settings and rules before and after the task, in snake_case, when diff mode is on.
  returned: when diff mode is on
  type: dict
  contains:
    before:
      description:
        - C(always), C(selective), the declared and purged C(rules), and C(operating_modes) (C(enabled) and the modes by
          name, when O(operating_modes) is given; C(exception_type), when O(switch_mode) switches) before the task.
      type: dict
      returned: when diff mode is on
    after:
      description: The same after the task; purged rules are absent.
      type: dict
      returned: when diff mode is on
not_applied:
  description: The fields a write sent that the read-back does not show (the service answered 2xx without applying them).
  returned: when a write was not applied
  type: list
  elements: str
  sample: [always.enabled, always.destination, "operating_modes.modes[0].forward_to.selection", switch_mode]
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

from ansible_collections.wxc.calling.plugins.module_utils._forwarding.converge import run
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.options import argument_spec, validate_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import run_module


def main():
    run_module(argument_spec(), run, validate=validate_options)


if __name__ == "__main__":
    main()
