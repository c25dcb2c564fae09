# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Text from the service (a location, attendant, key or schedule name) as Markdown shows it, and nothing else.

Names are data: a renderer must not take them for markup. CommonMark passes raw HTML through (an ``<img onerror>`` in
a location name ran when a report was rendered), turns ``[x](y)`` into a link, ``|`` ends a table cell and a newline
ends a line. So: HTML's three characters become entities, every ASCII punctuation character Markdown gives a meaning
is backslash-escaped, and control characters (newlines included) become spaces.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPED = set("\\`*_{}[]()#+-.!|~\"'=:")


def markdown_text(value):
    """VALUE (any scalar; None is "") as Markdown text that renders as exactly VALUE, on one line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        value = "true" if value else "false"
    text = _CONTROL.sub(" ", str(value))
    out = []
    for character in text:
        if character in _ENTITIES:
            out.append(_ENTITIES[character])
        elif character in _ESCAPED:
            out.append("\\" + character)
        else:
            out.append(character)
    return "".join(out)
