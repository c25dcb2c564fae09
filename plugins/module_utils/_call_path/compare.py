# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Expected against traced (pure but for the catalog): each call traced and compared with its expect, and the message
of a mismatch. The module and the filter both run trace_calls()."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils._call_path.trace import trace
from ansible_collections.wxc.calling.plugins.module_utils.resource import without_none

# Destination types whose value is a number or an extension (compared as numbers.py compares numbers).
NUMBER_TYPES = ("extension", "number", "voicemail", "operator")


def _text(value):
    return None if value is None else str(value)


def destination_text(destination):
    """'voicemail 2100', 'disconnect', 'unresolved (why)'."""
    if not destination:
        return "nothing"
    text = destination["type"]
    if destination.get("value") is not None:
        text += " %s" % destination["value"]
    if destination["type"] in ("unresolved", "loop") and destination.get("reason"):
        text += " (%s)" % destination["reason"]
    return text


def path_text(result):
    """The traced path on one line: attendants, menus, keys and the destination."""
    parts = []
    for step in result["steps"]:
        kind = step["step"]
        if kind in ("auto_attendant", "forwarding", "operating_mode", "key", "no_input", "loop"):
            parts.append(step["text"])
        elif kind == "schedule":
            parts.append(step["text"].split(": ", 1)[-1])
    parts.append("destination: %s" % destination_text(result["destination"]))
    return " -> ".join(parts)


def _same_value(kind, want, have):
    if want is None:
        return True
    if have is None:
        return False
    if kind in NUMBER_TYPES:
        return numbers.same_number(want, have)
    return str(want) == str(have)


def mismatches(expect, result):
    """What RESULT (a trace) does not show of EXPECT (the call's expect option); [] when it shows all of it."""
    if not expect:
        return []
    found = []
    want = expect.get("destination")
    have = result.get("destination") or {}
    if want and (
        want["type"] != have.get("type")
        or not _same_value(want["type"], _text(want.get("value")), _text(have.get("value")))
    ):
        wanted = dict(want, value=_text(want.get("value")))
        found.append("destination: expected %s, traced %s" % (destination_text(wanted), destination_text(have)))
    attendant = expect.get("auto_attendant")
    names = [visited["name"] for visited in result.get("auto_attendants") or []]
    if attendant is not None and attendant not in names:
        found.append(
            "auto_attendant: expected the call to reach %r, it reached %s"
            % (attendant, ", ".join(repr(name) for name in names) or "no auto attendant")
        )
    menu = expect.get("menu")
    if menu is not None:
        played = [
            entry["menu"] for entry in result.get("menus") or [] if attendant is None or entry["name"] == attendant
        ]
        if menu not in played:
            found.append(
                "menu: expected the %s menu%s, traced %s"
                % (menu, " of %r" % attendant if attendant else "", ", ".join(played) or "no menu")
            )
    return found


def failure_message(name, index, problems, result):
    """The message of one failed call: which call, what differs, the traced path."""
    label = "call %d" % (index + 1) if name is None else "test %r" % name
    return "%s: %s; traced: %s" % (label, "; ".join(problems), path_text(result))


def trace_calls(catalog, calls, fail_fast=True, now=None):
    """Trace each of CALLS (dicts with name, the call's fields and expect) through CATALOG and compare it with its
    expect: (results, failures). With FAIL_FAST the calls after the first that differs are not traced."""
    results, failures = [], []
    for index, call in enumerate(calls):
        traced = trace(catalog, {field: value for field, value in call.items() if field not in ("name", "expect")}, now)
        problems = mismatches(call.get("expect"), traced)
        message = failure_message(call.get("name"), index, problems, traced) if problems else None
        result = dict(name=call.get("name"), **traced)
        result.update(
            expect=without_none(call.get("expect")), passed=not problems, mismatches=problems, message=message
        )
        results.append(result)
        if message:
            failures.append(message)
            if fail_fast:
                break
    return results, failures
