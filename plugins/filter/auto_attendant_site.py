# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The auto_attendant role's variables as one wxc.calling.webex_site declaration."""

from __future__ import annotations

DOCUMENTATION = r"""
name: auto_attendant_site
short_description: The auto_attendant role's variables as one webex_site declaration
version_added: 0.2.0
author:
  - wxc.calling contributors
description:
  - "Takes the list of auto attendants of the P(wxc.calling.auto_attendant#role) role, its defaults and its schedules,
    and returns the options of M(wxc.calling.webex_site) they declare, built once: C(auto_attendants) (each item as
    P(wxc.calling.auto_attendant_module_args#filter) builds it, judged by the module's own rulebook), C(forwarding)
    (the C(forwarding) of each item, for M(wxc.calling.webex_auto_attendant_forwarding)), C(announcements) (the local
    files the menus play with C(greeting_file), checked as P(wxc.calling.auto_attendant_greeting_files#filter) checks
    them, one per location and file name, at the level of the attendant's location) and C(schedules)."
  - A bad value stops the play here, before any API call, with an error naming the attendant and the variable.
positional: _input, defaults
options:
  _input:
    description: The list of auto attendants (the role variable C(auto_attendant_list)).
    type: list
    elements: dict
    required: true
  defaults:
    description: Dictionary merged under every item (the role variable C(auto_attendant_defaults)).
    type: dict
    default: {}
  state:
    description: State for items that do not set one.
    type: str
    default: present
    choices: [present, absent]
  schedules:
    description: The schedules, as the options of M(wxc.calling.webex_schedule) (the role variable C(auto_attendant_schedules)).
    type: list
    elements: dict
    default: []
  base_dir:
    description:
      - Directory that a relative C(greeting_file) is taken from. The role passes C(auto_attendant_base_dir), by
        default the playbook directory. Default the current working directory.
    type: path
"""

EXAMPLES = r"""
- name: The site the role's variables declare
  ansible.builtin.set_fact:
    site: >-
      {{ auto_attendant_list | wxc.calling.auto_attendant_site(auto_attendant_defaults,
         schedules=auto_attendant_schedules, base_dir=playbook_dir) }}
  vars:
    auto_attendant_defaults:
      business_schedule: Office hours
    auto_attendant_schedules:
      - {location: Headquarters, type: business_hours, name: Office hours}
    auto_attendant_list:
      - name: HQ Main
        location: Headquarters
        extension: "2000"
        business_hours:
          operator: "1000"
          greeting_file: files/hq-welcome.wav

- name: Converge it in one task
  wxc.calling.webex_site:
    schedules: "{{ site.schedules }}"
    announcements: "{{ site.announcements }}"
    auto_attendants: "{{ site.auto_attendants }}"
    forwarding: "{{ site.forwarding }}"
"""

RETURN = r"""
_value:
  description:
    - The options of M(wxc.calling.webex_site) C(schedules), C(announcements), C(auto_attendants) and C(forwarding),
      each a list.
  type: dict
"""

from ansible_collections.wxc.calling.plugins.plugin_utils.site_declaration import site_declaration


def auto_attendant_site(auto_attendants, defaults=None, state="present", schedules=None, base_dir=None):
    return site_declaration(auto_attendants, defaults, state, schedules, base_dir)


class FilterModule:
    """wxc.calling site declaration filter."""

    def filters(self):
        return {"auto_attendant_site": auto_attendant_site}
