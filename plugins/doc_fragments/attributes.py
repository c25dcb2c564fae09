# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

from __future__ import annotations


class ModuleDocFragment:
    """Attribute descriptions shared by the modules; each module states its own level of support."""

    DOCUMENTATION = r"""
options: {}
attributes:
  check_mode:
    description: Can run in check mode and return the changed status prediction without modifying the target.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check mode), when in diff mode.
  idempotent:
    description:
      - When run twice in a row outside check mode with the same arguments, the second run indicates no change.
      - This assumes that the system controlled or queried by the module has not changed in a relevant way.
"""

    ACTIONGROUP_WEBEX = r"""
options: {}
attributes:
  action_group:
    description: Use C(group/wxc.calling.webex) in C(module_defaults) to set defaults for this module.
    support: full
    membership:
      - wxc.calling.webex
"""
