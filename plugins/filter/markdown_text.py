# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Text from the service as Markdown text: never markup (the reports and diagrams of the collection use it)."""

from __future__ import annotations

DOCUMENTATION = r"""
name: markdown_text
short_description: Text as Markdown shows it literally, for names read from the service
version_added: 0.2.0
author:
  - wxc.calling contributors
description:
  - Returns the input as Markdown text that a CommonMark renderer shows exactly as given, on one line, so that a name
    read from the service (a location, attendant, key or schedule name) can never be taken for markup.
  - C(&), C(<) and C(>) become HTML entities (so raw HTML such as C(<img onerror=...>) is shown, not run); the ASCII
    punctuation Markdown gives a meaning (C([ ] ( ) | * _ ` # ! ~) and others) is backslash-escaped, so C(](...)) is no
    link and C(|) does not end a table cell; newlines and other control characters become spaces.
  - The reports of the collection (C(drift.md) of the drift report, C(call-flows.md) of the diagram playbook) write
    every name through it.
positional: _input
options:
  _input:
    description: The text (any scalar; null gives an empty string).
    type: raw
    required: true
"""

EXAMPLES = r"""
- name: A table row of a Markdown report
  ansible.builtin.debug:
    msg: "| {{ attendant.name | wxc.calling.markdown_text }} | {{ attendant.location | wxc.calling.markdown_text }} |"
"""

RETURN = r"""
_value:
  description: The escaped text.
  type: str
"""

from ansible_collections.wxc.calling.plugins.plugin_utils.markdown import markdown_text


class FilterModule:
    """wxc.calling Markdown filter."""

    def filters(self):
        return {"markdown_text": markdown_text}
