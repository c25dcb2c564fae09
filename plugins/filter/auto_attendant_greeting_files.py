# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The local greeting files (greeting_file) the auto_attendant role uploads before the attendants that play them."""

from __future__ import annotations

DOCUMENTATION = r"""
name: auto_attendant_greeting_files
short_description: The local greeting files the auto_attendant role uploads before the attendants
version_added: 0.2.0
author:
  - wxc.calling contributors
description:
  - Takes the list of auto attendants of the P(wxc.calling.auto_attendant#role) role and its defaults, as
    M(wxc.calling.webex_auto_attendant) arguments are built by P(wxc.calling.auto_attendant_module_args#filter), and
    returns the local files that their menus name with C(greeting_file), one per location and file name, for
    M(wxc.calling.webex_announcement) to upload at the level of the attendant's location.
  - Every file is checked first (it exists, its name ends in C(.wav) or C(.wma), its content is what the name says, a
    WAV file is mono, 8 or 16 kHz, 8 or 16 bit and at most 5 minutes, any file at most 5 MB), so that a bad file stops
    the role before any API call, with an error naming the attendant and the variable.
  - Two different files with the same file name for one location are refused (a location's announcements are found
    by name).
  - Attendants with C(state=absent), and menus given in the module's raw form, upload nothing.
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
  base_dir:
    description:
      - Directory that a relative C(greeting_file) is taken from. The role passes the playbook directory.
      - Default the current working directory.
    type: path
"""

EXAMPLES = r"""
- name: The greeting files of every attendant, relative to the playbook
  ansible.builtin.set_fact:
    greeting_files: >-
      {{ auto_attendant_list | wxc.calling.auto_attendant_greeting_files(auto_attendant_defaults, base_dir=playbook_dir) }}
  vars:
    auto_attendant_defaults:
      business_schedule: Office hours
    auto_attendant_list:
      - name: HQ Main
        location: Headquarters
        extension: "2000"
        business_hours:
          greeting_file: files/hq-welcome.wav

# greeting_files is then:
#   - {name: hq-welcome.wav, path: /path/to/playbooks/files/hq-welcome.wav, location: Headquarters}
"""

RETURN = r"""
_value:
  description:
    - One dictionary per file to upload, in the order the attendants name them, with C(name) (the file name, which
      becomes the announcement's name and file name), C(path) (absolute), C(location) and, when the attendant sets
      it, C(org_id).
  type: list
  elements: dict
"""

from ansible_collections.wxc.calling.plugins.plugin_utils.site_declaration import greeting_uploads
from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args


def auto_attendant_greeting_files(auto_attendants, defaults=None, state="present", base_dir=None):
    """The local greeting files the menus of AUTO_ATTENDANTS play, checked, one per location and file name."""
    built = auto_attendant_module_args(auto_attendants, defaults, state)  # every other check first
    return greeting_uploads(auto_attendants, defaults, built, base_dir)


class FilterModule:
    """wxc.calling greeting file filter."""

    def filters(self):
        return {"auto_attendant_greeting_files": auto_attendant_greeting_files}
