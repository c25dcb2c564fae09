#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations

DOCUMENTATION = r"""
module: webex_auto_attendant_info
short_description: Read Webex Calling auto attendants, and export them as webex_auto_attendant options
version_added: 0.1.0
description:
  - Lists the auto attendants of the organisation, or of one O(location), optionally only those called exactly O(name),
    and reads the details of each (menus, keys, alternate numbers, schedules, audio files).
  - Returns them in snake_case in RV(auto_attendants), and in exactly the form M(wxc.calling.webex_auto_attendant)
    accepts in RV(export) (and as YAML text in RV(export_yaml)), so that existing attendants built in Control Hub can be
    turned into code and re-applied with no change.
  - The playbook C(wxc.calling.export_auto_attendants) shipped with the collection writes that export to a vars file,
    and C(wxc.calling.apply_auto_attendants) applies such a file.
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
      - Only the auto attendants of this location, by id or by exact (case-sensitive) name.
      - Not set, the auto attendants of the whole organisation.
      - An unknown location, or a name that several locations have, fails the task.
    type: str
  name:
    description:
      - Only the auto attendants called exactly (case-sensitively) this name.
      - Without O(location), several locations may each have one.
    type: str
  export_location:
    description:
      - How RV(export) gives the location of each auto attendant.
      - V(name) gives the location's name when exactly one location of the organisation has that name (so that the
        name resolves to that location and no other), and the location id otherwise, with a warning.
        Names are readable and survive in another organisation with the same location names.
      - V(id) always gives the location id; it never depends on location names, and saves a lookup per location when
        the export is applied.
    type: str
    choices: [name, id]
    default: name
  forwarding:
    description:
      - Also read the call forwarding of each auto attendant (one more request per attendant, and one per selective
        rule), return it in RV(auto_attendants[].forwarding), and export it in RV(export_forwarding).
      - V(false) reads and exports the auto attendants only.
    type: bool
    default: true
    version_added: 0.2.0
notes:
  - The list filters of Webex match any name that contains the given text, in any case; the module matches names
    exactly itself, and reads every page of results.
  - One details request is made per auto attendant found (and, with O(forwarding), one forwarding request per auto
    attendant and one per selective rule).
  - RV(export) holds only what M(wxc.calling.webex_auto_attendant) can set. Not exported are the read-only fields (id,
    enabled, esn, routing prefix, toll-free flags, language name, audio file size and text-to-speech flag), fields the
    module has no option for (reported as warnings), announcement files themselves (audio files are
    exported as references by id and file name), and the schedules (exported by name; they must exist in the location).
  - A location given by id is not looked up; when no location has that id the task fails with a clear message (the
    service answers 404).
seealso:
  - module: wxc.calling.webex_auto_attendant
  - name: Read the List of Auto Attendants
    description: The Webex API request behind the listing.
    link: https://developer.webex.com/docs/api/v1/features-auto-attendant/read-the-list-of-auto-attendants
"""

EXAMPLES = r"""
- name: Every auto attendant of the organisation
  wxc.calling.webex_auto_attendant_info:
  register: everything

- name: The auto attendants of one location, by exact name
  wxc.calling.webex_auto_attendant_info:
    location: Headquarters
  register: headquarters

- name: One auto attendant, with its menus
  wxc.calling.webex_auto_attendant_info:
    location: Headquarters
    name: Main Line AA - Test
  register: main_line

- name: Show its business hours keys
  ansible.builtin.debug:
    var: main_line.auto_attendants[0].business_hours_menu.key_configurations

- name: Export every auto attendant as webex_auto_attendant options, locations by id
  wxc.calling.webex_auto_attendant_info:
    export_location: id
  register: exported

- name: Write the export to a vars file (the playbook wxc.calling.export_auto_attendants does this)
  ansible.builtin.copy:
    content: "{{ 'webex_auto_attendants:\n' ~ (exported.export_yaml | indent(2, first=true)) }}"
    dest: "{{ playbook_dir }}/auto_attendants.yml"
    mode: "0644"

- name: Apply the export (no change while nobody edits the attendants in Control Hub)
  wxc.calling.webex_auto_attendant:
    location: "{{ item.location }}"
    name: "{{ item.name }}"
    phone_number: "{{ item.phone_number | default(omit) }}"
    extension: "{{ item.extension | default(omit) }}"
    first_name: "{{ item.first_name | default(omit) }}"
    last_name: "{{ item.last_name | default(omit) }}"
    alternate_numbers: "{{ item.alternate_numbers | default(omit) }}"
    language_code: "{{ item.language_code | default(omit) }}"
    business_schedule: "{{ item.business_schedule | default(omit) }}"
    holiday_schedule: "{{ item.holiday_schedule | default(omit) }}"
    extension_dialing: "{{ item.extension_dialing | default(omit) }}"
    name_dialing: "{{ item.name_dialing | default(omit) }}"
    time_zone: "{{ item.time_zone | default(omit) }}"
    dial_by_name: "{{ item.dial_by_name | default(omit) }}"
    direct_line_caller_id_name: "{{ item.direct_line_caller_id_name | default(omit) }}"
    business_hours_menu: "{{ item.business_hours_menu | default(omit) }}"
    after_hours_menu: "{{ item.after_hours_menu | default(omit) }}"
  loop: "{{ exported.export }}"
  loop_control:
    label: "{{ item.name }}"

- name: Then their call forwarding (no change either)
  wxc.calling.webex_auto_attendant_forwarding:
    location: "{{ item.location }}"
    auto_attendant: "{{ item.auto_attendant }}"
    always: "{{ item.always | default(omit) }}"
    selective: "{{ item.selective | default(omit) }}"
    rules: "{{ item.rules | default(omit) }}"
  loop: "{{ exported.export_forwarding }}"
  loop_control:
    label: "{{ item.auto_attendant }}"
"""

RETURN = r"""
auto_attendants:
  description:
    - The auto attendants found, sorted by location name, then name; an empty list when there are none.
    - Each is the details as the service returns them, in snake_case, read-only fields included, plus the location.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Id of the auto attendant.
      type: str
      returned: always
    name:
      description: Name of the auto attendant.
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
    enabled:
      description: Whether the auto attendant is enabled (read-only).
      type: bool
      returned: always
    phone_number:
      description: Its phone number, in E.164 format.
      type: str
      returned: when it has one
    extension:
      description: Its extension; leading zeros kept.
      type: str
      returned: when it has one
    alternate_numbers:
      description: Its alternate numbers, each with C(phone_number), C(ring_pattern) and C(toll_free_number).
      type: list
      elements: dict
      returned: when the service returns them
    business_schedule:
      description: Name of its business hours schedule.
      type: str
      returned: always
    holiday_schedule:
      description: Name of its holiday schedule.
      type: str
      returned: when it has one
    business_hours_menu:
      description:
        - The business hours menu, C(greeting), C(extension_enabled), C(audio_announcement_file),
          C(key_configurations) (as the service orders them) and C(call_treatment), as in the options of
          M(wxc.calling.webex_auto_attendant).
      type: dict
      returned: always
    after_hours_menu:
      description: The after hours menu, like RV(auto_attendants[].business_hours_menu).
      type: dict
      returned: always
    forwarding:
      description:
        - Its call forwarding, C(always) and C(selective) (C(enabled), C(destination), C(ring_reminder_enabled),
          C(send_to_voicemail_enabled)) and C(rules), the details of every selective rule (C(id), C(name),
          C(enabled), C(business_schedule), C(holiday_schedule), C(forward_to), C(calls_from), C(calls_to)), and
          C(operating_modes) (C(enabled), the current mode and its exception type, the modes), as the service returns
          them.
      type: dict
      returned: when O(forwarding) is true
      version_added: 0.2.0
  sample:
    - id: Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2QyRXdhV2R5TVRCamIwQTJORGswTVRJNU55NXBiblF4TUM1aVkyeGtMbmRsWW1WNExtTnZiUQ
      name: Main Line AA - Test
      location_id: Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OLzMxMTYx
      location_name: Headquarters
      enabled: true
      phone_number: "+19705550026"
      extension: "200"
      routing_prefix: "8001"
      esn: "8001200"
      toll_free_number: false
      alternate_numbers:
        - {phone_number: "+19705550027", ring_pattern: NORMAL, toll_free_number: false}
      language: English
      language_code: en_us
      business_schedule: AUTOATTENDANT-BUSINESS-HOURS
      holiday_schedule: AUTOATTENDANT-HOLIDAY
      extension_dialing: ENTERPRISE
      name_dialing: ENTERPRISE
      time_zone: America/Los_Angeles
      business_hours_menu:
        greeting: DEFAULT
        extension_enabled: true
        key_configurations:
          - {key: "0", action: TRANSFER_TO_OPERATOR}
          - {key: "1", action: TRANSFER_WITHOUT_PROMPT, value: "+19175551092", description: Sales}
          - {key: "*", action: REPEAT_MENU}
      after_hours_menu:
        greeting: DEFAULT
        extension_enabled: true
        key_configurations:
          - {key: "0", action: EXIT}
      direct_line_caller_id_name:
        selection: DISPLAY_NAME
export:
  description:
    - The same auto attendants, in the same order, each in exactly the form M(wxc.calling.webex_auto_attendant) accepts
      as options. Looping that module over this list changes nothing.
    - Each has C(location) (see O(export_location)), C(name), and every writable option the auto attendant has, in the
      order of the Webex Create body; nothing read-only, nothing null; menu keys in key order.
    - A transfer to another auto attendant of the list is written as a reference by name (C(auto_attendant) instead of
      C(value) or C(transfer_call_to)) when resolving that reference gives back exactly the same number.
  returned: always
  type: list
  elements: dict
  sample:
    - location: Headquarters
      name: Main Line AA - Test
      phone_number: "+19705550026"
      extension: "200"
      alternate_numbers:
        - {phone_number: "+19705550027", ring_pattern: NORMAL}
      language_code: en_us
      business_schedule: AUTOATTENDANT-BUSINESS-HOURS
      holiday_schedule: AUTOATTENDANT-HOLIDAY
      extension_dialing: ENTERPRISE
      name_dialing: ENTERPRISE
      time_zone: America/Los_Angeles
      direct_line_caller_id_name:
        selection: DISPLAY_NAME
      business_hours_menu:
        greeting: DEFAULT
        extension_enabled: true
        key_configurations:
          - {key: "0", action: TRANSFER_TO_OPERATOR}
          - {key: "1", action: TRANSFER_WITHOUT_PROMPT, description: Sales, value: "+19175551092"}
          - {key: "*", action: REPEAT_MENU}
      after_hours_menu:
        greeting: DEFAULT
        extension_enabled: true
        key_configurations:
          - {key: "0", action: EXIT}
export_forwarding:
  description:
    - The call forwarding of the same auto attendants, each in exactly the form
      M(wxc.calling.webex_auto_attendant_forwarding) accepts as options (C(location), C(auto_attendant), C(always),
      C(selective), C(rules), and C(operating_modes) when the attendant has modes or forwards by them, with C(enabled) and
      each mode by name). Looping that module over this list changes nothing; applied to an attendant made again from
      the export, it turns forwarding by operating mode back on.
    - Auto attendants whose forwarding nobody configured (both off, no destination, no rules, no operating modes) are
      left out.
      C(purge_rules) is not set, so rules added later are left alone.
    - Numbers are as the service returns them (NANP numbers of rules without their C(+)); the module compares them as
      the same numbers.
  returned: when O(forwarding) is true
  type: list
  elements: dict
  version_added: 0.2.0
  sample:
    - location: Headquarters
      auto_attendant: Reception
      always: {enabled: true, destination: "+19705550006", ring_reminder_enabled: false, send_to_voicemail_enabled: false}
      selective: {enabled: false, destination: "", ring_reminder_enabled: false, send_to_voicemail_enabled: false}
      rules: []
export_forwarding_yaml:
  description:
    - RV(export_forwarding) as YAML text, written like RV(export_yaml).
  returned: when O(forwarding) is true
  type: str
  version_added: 0.2.0
  sample: "- location: Headquarters\n  auto_attendant: Reception\n  always:\n    enabled: true\n"
export_yaml:
  description:
    - RV(export) as YAML text, a block sequence, ready to be indented under a variable of a vars file.
    - Every string that a YAML reader could take for something else is double-quoted, so keys (V("0"), V("*"),
      V("#")), phone numbers and extensions (V("0028")) stay strings. Characters other readers fold (U+0085, U+2028,
      U+2029, the C1 controls) are written as escapes, so names round-trip exactly.
    - Every string that could hold a template (anything beyond letters, digits, spaces and C(-+.:_~)) is tagged
      C(!unsafe). The text comes from the service, where anyone who can edit an attendant could plant C({{ }}) or
      C({% %}); Ansible never templates an C(!unsafe) value, so applying the export cannot run it.
  returned: always
  type: str
  sample: "- location: Headquarters\n  name: Reception\n  extension: \"2100\"\n"
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

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import info_argument_spec, run_info
from ansible_collections.wxc.calling.plugins.module_utils.resource import run_module


def main():
    run_module(info_argument_spec(), run_info)


if __name__ == "__main__":
    main()
