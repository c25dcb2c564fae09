# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Turn short standard-menu descriptions into wxc.calling.webex_auto_attendant module arguments."""

from __future__ import annotations

DOCUMENTATION = r"""
name: auto_attendant_module_args
short_description: Build webex_auto_attendant module arguments from standard-menu descriptions
version_added: 0.1.0
author:
  - wxc.calling contributors
description:
  - Takes the list of auto attendants of the P(wxc.calling.auto_attendant#role) role and the dictionary of
    defaults, merges the defaults under every item (item values win; dictionaries are merged recursively,
    lists are replaced) and returns, for every item, the exact dictionary of arguments for the
    M(wxc.calling.webex_auto_attendant) module.
  - Each item describes its two menus, O(_input[].business_hours) and O(_input[].after_hours), with a few
    variables (operator, departments, dial by name, voicemail, repeat key) instead of raw key configurations.
  - "Keys are assigned as follows: key V(0) goes to the operator, departments with a C(departments[].key)
    keep it, departments without a key take the next free keys from V(1) upward in list order, then the voicemail key
    (when C(voicemail_key) is not set) takes the next free key. The dial-by-name key defaults to V(#),
    the repeat key to V(*). Raw C(keys) are added, or replace the generated key with the same key."
  - The operator key is sent as action C(TRANSFER_WITHOUT_PROMPT) with the operator destination as value and the description
    C(Operator), because the service rejects a value on C(TRANSFER_TO_OPERATOR) (error 4806).
  - Every problem is reported with an AnsibleFilterError that names the attendant and the offending variable, for example a key
    used twice, more departments than free keys, a department without a destination or an unknown after-hours shape.
    Because all items are built at once, such an error stops the role before any API call.
positional: _input, defaults
options:
  _input:
    description:
      - The list of auto attendants (the role variable C(auto_attendant_list)).
      - Each item holds the attendant's own fields, named like the options of M(wxc.calling.webex_auto_attendant)
        (O(_input[].name), O(_input[].location), C(extension), C(phone_number), C(business_schedule), ...),
        and the two standard-menu descriptions O(_input[].business_hours) and O(_input[].after_hours).
      - See the role documentation (C(ansible-doc -t role wxc.calling.auto_attendant)) for every field.
    type: list
    elements: dict
    required: true
    suboptions:
      name:
        description: Name of the auto attendant.
        type: str
        required: true
      location:
        description: Location id or exact location name. May come from O(defaults).
        type: str
        required: true
      state:
        description: V(present) or V(absent). Defaults to O(state).
        type: str
        choices: [present, absent]
      business_hours:
        description:
          - Standard-menu description of the business-hours menu.
          - "Fields: C(greeting) (V(default), an announcement file name, or a dict with C(id), or C(name) and C(level) (an
            announcement of the repository by name, level V(organization) or V(location), resolved by the module), or
            C(file_name), C(media_file_type), C(level)), C(greeting_file) (a local WAV or WMA file, uploaded first by the role; wins over C(greeting)),
            C(operator), C(departments) (list of C(name), C(destination) or C(auto_attendant) (another attendant by
            name, resolved by the module), optional C(key) and C(prompt)), C(dial_by_name)
            (default V(true)), C(dial_by_name_key) (default V(#)), C(dial_by_extension) (default V(true)), C(dial_by_extension_key),
            C(voicemail), C(voicemail_key), C(repeat_key) (default V(*)), C(exit_key), C(keys) (raw key configurations) and
            C(call_treatment) (passed through)."
        type: dict
      after_hours:
        description:
          - Standard-menu description of the after-hours menu. Same fields as O(_input[].business_hours), plus C(shape).
          - "C(shape): V(closed) (default: the greeting, V(*) repeats, V(#) ends the call), V(voicemail) (like V(closed), and the next
            free key, normally V(1), transfers to the voicemail destination), V(operator) (like V(closed), and V(0) transfers to the
            operator), V(business_hours) (the same menu as business hours) or V(custom) (built from the after-hours fields alone,
            with the same defaults as business hours). Fields set in O(_input[].after_hours) override the shape; the V(voicemail)
            and V(operator) shapes take their destination from the business-hours menu when the after-hours menu has none.
          - An item whose C(after_hours.shape) differs from the shape in O(defaults) (V(closed) when not set there) does not
            inherit the C(after_hours) fields of O(defaults): they belong to the other shape."
        type: dict
      forwarding:
        description:
          - Call forwarding of the attendant, the options C(always), C(selective), C(rules) and C(purge_rules) of
            M(wxc.calling.webex_auto_attendant_forwarding). Checked by that module's own rules and returned in
            C(forwarding) of the item, for the role's forwarding task. Ignored for an item with C(state=absent).
        type: dict
        version_added: 0.2.0
  defaults:
    description:
      - Dictionary merged under every item (the role variable C(auto_attendant_defaults)). Item values win.
    type: dict
    default: {}
  state:
    description: State for items that do not set O(_input[].state).
    type: str
    default: present
    choices: [present, absent]
"""

EXAMPLES = r"""
- name: Build the module arguments of every auto attendant before any API call
  ansible.builtin.set_fact:
    aa_args: "{{ auto_attendant_list | wxc.calling.auto_attendant_module_args(auto_attendant_defaults, state='present') }}"
  vars:
    auto_attendant_defaults:
      business_schedule: AUTOATTENDANT-BUSINESS-HOURS
      business_hours:
        operator: "1000"
        departments:
          - name: Sales
            destination: "1100"
          - name: Support
            destination: "1200"
    auto_attendant_list:
      - name: HQ Main
        location: Headquarters
        extension: "2000"
        after_hours:
          shape: voicemail
          voicemail: "1000"

# aa_args[0].business_hours_menu.key_configurations is then:
#   - {key: "0", action: TRANSFER_WITHOUT_PROMPT, value: "1000", description: Operator}
#   - {key: "1", action: TRANSFER_WITHOUT_PROMPT, value: "1100", description: Sales}
#   - {key: "2", action: TRANSFER_WITHOUT_PROMPT, value: "1200", description: Support}
#   - {key: "*", action: REPEAT_MENU, description: Repeat menu}
#   - {key: "#", action: NAME_DIALING, description: Dial by name}
"""

RETURN = r"""
_value:
  description:
    - One dictionary of M(wxc.calling.webex_auto_attendant) arguments per input item, in input order.
    - Always has C(name), C(location) and C(state). Items with C(state=present) also have C(business_hours_menu) and
      C(after_hours_menu), each complete (C(greeting), C(extension_enabled), C(key_configurations), and
      C(audio_announcement_file) or C(call_treatment) when set). Other attendant fields appear only when they are set.
    - C(forwarding), when the item (or O(defaults)) sets it, holds options of
      M(wxc.calling.webex_auto_attendant_forwarding), not of M(wxc.calling.webex_auto_attendant).
  type: list
  elements: dict
"""

from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args


class FilterModule:
    """wxc.calling auto attendant filters."""

    def filters(self):
        return {"auto_attendant_module_args": auto_attendant_module_args}
