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
  - The characters ampersand, less-than and greater-than become HTML entities, so that raw HTML such as an image tag
    with an onerror attribute is shown, not run.
  - The ASCII punctuation Markdown gives a meaning (brackets, parentheses, the vertical bar, asterisk, underscore,
    backtick, number sign, exclamation mark, tilde and others) is backslash-escaped, so that a name holding a link's
    syntax is no link and a vertical bar does not end a table cell.
  - Newlines and other control characters become spaces.
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
