# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Call-path options: one call (number or attendant, at, caller, presses, expect), many calls (tests), validated
before any request. The filter call_path checks the calls it is given with the same rules (check_call)."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers, resource
from ansible_collections.wxc.calling.plugins.module_utils._call_path.moment import parse_at
from ansible_collections.wxc.calling.plugins.module_utils._call_path.vocabulary import DESTINATION_TYPES
from ansible_collections.wxc.calling.plugins.module_utils.resource import text_problem

CALL_FIELDS = ("number", "location", "auto_attendant", "at", "caller", "presses", "expect")
# Options of a call that tests[] items inherit from the task when they leave them out.
INHERITED = ("location", "at", "caller")
CALLERS = ("private", "unavailable")
MENU_CHOICES = ("business_hours", "after_hours")
ORIGINATOR_TYPES = ("PEOPLE", "TRUNK")


def expect_spec():
    return dict(
        type="dict",
        options=dict(
            destination=dict(
                type="dict",
                options=dict(
                    type=dict(type="str", required=True, choices=list(DESTINATION_TYPES)),
                    value=dict(type="raw"),
                ),
            ),
            auto_attendant=dict(type="raw"),
            menu=dict(type="str", choices=list(MENU_CHOICES)),
        ),
    )


def call_spec():
    """The options of one call (the module's top level, and each tests[] item with its name)."""
    return dict(
        number=dict(type="raw"),
        location=dict(type="raw"),
        auto_attendant=dict(type="raw"),
        at=dict(type="str"),
        caller=dict(type="raw"),
        presses=dict(type="list", elements="raw"),
        expect=expect_spec(),
    )


def argument_spec():
    """The options of webex_call_path (the connection options come from webex_argument_spec())."""
    spec = call_spec()
    spec.update(
        tests=dict(
            type="list", elements="dict", options=dict(dict(name=dict(type="raw", required=True)), **call_spec())
        ),
        fail_fast=dict(type="bool", default=True),
        originator=dict(
            type="dict",
            options=dict(
                id=dict(type="str", required=True),
                type=dict(type="str", default="PEOPLE", choices=list(ORIGINATOR_TYPES)),
                number=dict(type="raw"),
            ),
        ),
    )
    return spec


def _press_problem(where, press):
    """Why PRESS is not a key or digits; a single-digit number (YAML's unquoted 1) is taken as that key."""
    if isinstance(press, int) and not isinstance(press, bool) and 0 <= press <= 9:
        return None
    problem = text_problem(where, press)
    if problem:
        return problem
    if press in menus.MENU_KEYS or numbers.is_extension(press):
        return None
    return "%s: %r is not a key (0-9, * or #) nor the digits of an extension" % (where, press)


def check_call(call, where):
    """The problems of one call (a dict with the CALL_FIELDS), each naming WHERE ("tests[2].number")."""
    prefix = where + "." if where else ""
    errors = [
        problem
        for problem in (
            text_problem(prefix + field, call.get(field))
            for field in ("number", "location", "auto_attendant", "caller")
        )
        if problem
    ]
    if errors:
        return errors
    number, attendant = call.get("number"), call.get("auto_attendant")
    if (number is None) == (attendant is None):
        errors.append(
            "%s: give number (the number dialled) or auto_attendant (with location), one of them"
            % (where or "the call")
        )
    if number is not None and numbers.destination_problem(number):
        errors.append("%snumber: %s" % (prefix, numbers.destination_problem(number)))
    if attendant is not None and not (call.get("location") or "").strip():
        errors.append("%sauto_attendant: needs location (the attendant's location, a name or an id)" % prefix)
    for field in ("location", "auto_attendant"):
        if call.get(field) is not None and not call[field].strip():
            errors.append("%s%s: must not be empty" % (prefix, field))
    caller = call.get("caller")
    if caller is not None and caller not in CALLERS and numbers.destination_problem(caller):
        errors.append("%scaller: %r is not a number, an extension, private or unavailable" % (prefix, caller))
    if call.get("at") is not None:
        try:
            parse_at(call["at"])
        except ValueError as error:
            errors.append("%sat: %s" % (prefix, error))
    presses = call.get("presses")
    if presses is not None and not isinstance(presses, list):
        errors.append("%spresses: must be a list of keys" % prefix)
    for index, press in enumerate(presses or []):
        problem = _press_problem("%spresses[%d]" % (prefix, index), press)
        if problem:
            errors.append(problem)
    errors.extend(_expect_problems(prefix, call.get("expect")))
    return errors


def _expect_problems(prefix, expect):
    if expect is None:
        return []
    if not isinstance(expect, dict):
        return ["%sexpect: must be a dictionary" % prefix]
    errors = []
    unknown = sorted(set(expect) - {"destination", "auto_attendant", "menu"})
    if unknown:
        errors.append(
            "%sexpect: unknown field(s) %s (destination, auto_attendant, menu)" % (prefix, ", ".join(unknown))
        )
    destination = expect.get("destination")
    if destination is not None:
        if not isinstance(destination, dict) or destination.get("type") not in DESTINATION_TYPES:
            errors.append("%sexpect.destination.type: one of %s" % (prefix, ", ".join(DESTINATION_TYPES)))
        else:
            problem = text_problem(prefix + "expect.destination.value", destination.get("value"))
            if problem:
                errors.append(problem)
    attendant = expect.get("auto_attendant")
    if attendant is not None and (not isinstance(attendant, str) or not attendant.strip()):
        errors.append("%sexpect.auto_attendant: must be the name of an auto attendant" % prefix)
    if expect.get("menu") is not None and expect["menu"] not in MENU_CHOICES:
        errors.append("%sexpect.menu: one of %s" % (prefix, ", ".join(MENU_CHOICES)))
    if not any(expect.get(field) is not None for field in ("destination", "auto_attendant", "menu")):
        errors.append("%sexpect: give destination, auto_attendant or menu" % prefix)
    return errors


def calls_from_params(params):
    """The calls PARAMS describe, each {"name", CALL_FIELDS...}: the tests (with the task's defaults), or the one call."""
    if params.get("tests") is None:
        call = {field: params.get(field) for field in CALL_FIELDS}
        return [dict(call, name=None)]
    calls = []
    for test in params["tests"]:
        call = {field: test.get(field) for field in CALL_FIELDS}
        for field in INHERITED:
            if call[field] is None:
                call[field] = params.get(field)
        calls.append(dict(call, name=test["name"]))
    return calls


def validate_options(params):
    """Return the problems argument_spec cannot see, each naming its option (an empty list when there are none)."""
    errors = []
    originator = params.get("originator") or {}
    if originator.get("number") is not None:
        problem = text_problem("originator.number", originator["number"])
        if problem:
            errors.append(problem)
    tests = params.get("tests")
    if tests is None:
        return errors + check_call(params, "")
    errors += [
        "%s: give it per test (in tests[]), not for the task" % field
        for field in ("number", "auto_attendant", "presses", "expect")
        if params.get(field) is not None
    ]
    if not tests:
        errors.append("tests: must list at least one call")
    names = set()
    for index, call in enumerate(calls_from_params(params)):
        where = "tests[%d]" % index
        problem = text_problem(where + ".name", call["name"])
        if problem or not str(call["name"]).strip():
            errors.append(problem or "%s.name: must not be empty" % where)
        elif call["name"] in names:
            errors.append("%s.name: test %r is listed more than once" % (where, call["name"]))
        names.add(call["name"])
        errors.extend(check_call(call, where))
    return errors


def check_options(options):
    """Why webex_call_path would refuse OPTIONS; [] when it accepts them."""
    return resource.check_options(argument_spec(), validate_options, options)
