# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""More tests of the auto_attendant_module_args filter: the voicemail key, full key ranges, blank values, messages
that list several fields, and results that share nothing with the role variables."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

import pytest

from tests.unit.plugins.filter.test_auto_attendant import (
    DIAL_BY_NAME,
    OPERATOR,
    REPEAT,
    STANDARD_KEYS,
    build,
    error,
    one,
    site,
)

KNOWN_ITEM_FIELDS = (
    "after_hours, after_hours_menu, alternate_numbers, business_hours, business_hours_menu, business_schedule, "
    "dial_by_name, direct_line_caller_id_name, extension, extension_dialing, first_name, forwarding, "
    "holiday_schedule, language_code, last_name, location, name, name_dialing, org_id, phone_number, state, time_zone"
)
VALID_KEYS = "0 1 2 3 4 5 6 7 8 9 * #"


@pytest.mark.parametrize(
    "menu, message",
    [
        (
            {"voicemail": "1099", "voicemail_key": "A"},
            "business_hours.voicemail_key: is 'A', expected one of " + VALID_KEYS,
        ),
        (
            {"voicemail": "1099", "voicemail_key": True},
            "business_hours.voicemail_key: is True, expected one of " + VALID_KEYS,
        ),
        (
            {"voicemail": "1099", "voicemail_key": "#"},
            "business_hours.voicemail_key: key '#' is used twice (also by business_hours.dial_by_name_key)",
        ),
        (
            {"voicemail": "1099", "voicemail_key": "0"},
            "business_hours.voicemail_key: key '0' is used twice (also by business_hours.operator)",
        ),
    ],
)
def test_a_bad_voicemail_key_is_named(menu, message):
    """A voicemail key that is no menu key (a YAML boolean included) or that another entry already uses fails with a
    message naming business_hours.voicemail_key."""
    assert error([site(business_hours=menu)]) == "auto_attendant_list[0] (Main): " + message


def test_a_bad_after_hours_voicemail_key_names_the_after_hours_menu():
    """An error in the after-hours menu names after_hours.*, not the business-hours menu."""
    item = site(after_hours={"shape": "custom", "voicemail": "1099", "voicemail_key": "A"})
    assert error([item]) == (
        "auto_attendant_list[0] (Main): after_hours.voicemail_key: is 'A', expected one of " + VALID_KEYS
    )


def test_departments_and_voicemail_may_take_every_free_key():
    """Eight departments and the voicemail without keys take exactly the nine keys 1-9: no 'more departments than
    free keys' error when they just fit."""
    departments = [{"name": "D%d" % n, "destination": "11%d0" % n} for n in range(1, 9)]
    menu = one(business_hours={"departments": departments, "voicemail": "1099"})["business_hours_menu"]
    assert menu["key_configurations"] == (
        [OPERATOR]
        + [
            {"key": str(n), "action": "TRANSFER_WITHOUT_PROMPT", "value": "11%d0" % n, "description": "D%d" % n}
            for n in range(1, 9)
        ]
        + [{"key": "9", "action": "TRANSFER_TO_MAILBOX", "value": "1099", "description": "Voicemail"}, REPEAT]
        + [DIAL_BY_NAME]
    )


def test_raw_keys_may_fill_every_department_key_when_no_department_needs_one():
    """Raw keys on 1-9 and no department or voicemail left to place: the menu is built, not refused."""
    raw = [{"key": str(n), "action": "EXIT"} for n in range(1, 10)]
    menu = one(business_hours={"departments": [], "keys": raw})["business_hours_menu"]
    assert menu["key_configurations"] == [OPERATOR] + raw + [REPEAT, DIAL_BY_NAME]


def test_a_false_greeting_is_the_default_greeting_and_a_true_one_is_refused():
    """greeting: false (or no) means the default greeting; greeting: true is no announcement and is refused."""
    menu = one(business_hours={"greeting": False})["business_hours_menu"]
    assert menu == {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": STANDARD_KEYS}
    assert error([site(business_hours={"greeting": True})]) == (
        "auto_attendant_list[0] (Main): business_hours.greeting: must be an announcement file name or a dictionary "
        "(id, name, file_name, media_file_type, level)"
    )


def test_a_boolean_announcement_level_is_refused_by_its_role_path():
    """level: yes in a greeting is refused by the filter, naming the role variable's path and saying to quote it."""
    assert error([site(business_hours={"greeting": {"id": "abc", "level": True}})]) == (
        "auto_attendant_list[0] (Main): business_hours.greeting.level: is the boolean true, not text (YAML reads an "
        'unquoted yes, no, on, off, true or false as a boolean); quote it, for example level: "no"'
    )


def test_several_unknown_item_fields_are_listed_with_commas():
    """Every unknown field of an item is named, sorted and separated by ', '."""
    assert error([site(size=3, colour="red")]) == (
        "auto_attendant_list[0] (Main): item: unknown field(s) colour, size; known fields are " + KNOWN_ITEM_FIELDS
    )


def test_several_unknown_menu_fields_are_listed_with_commas():
    """Every unknown field of a menu description is named, sorted and separated by ', '."""
    assert error([site(business_hours={"size": 3, "colour": "red"})]) == (
        "auto_attendant_list[0] (Main): business_hours: unknown field(s) colour, size; known fields are call_treatment, "
        "departments, dial_by_extension, dial_by_extension_key, dial_by_name, dial_by_name_key, exit_key, greeting, "
        "greeting_file, keys, operator, repeat_key, voicemail, voicemail_key"
    )


def test_several_unknown_default_fields_are_listed_with_commas():
    """Every unknown field of auto_attendant_defaults is named, sorted and separated by ', '."""
    assert error([], {"size": 3, "colour": "red"}) == (
        "auto_attendant_defaults: unknown field(s) colour, size; known fields are " + KNOWN_ITEM_FIELDS
    )


def test_the_arguments_share_nothing_with_the_role_variables():
    """Changing the returned arguments at any depth (call treatment, alternate numbers, a raw menu) leaves the
    auto_attendant_list item as it was."""
    item = site(
        alternate_numbers=[{"phone_number": "+15551230001", "ring_pattern": "NORMAL"}],
        business_hours={
            "call_treatment": {
                "retry_attempt_for_no_input": "ONE_TIME",
                "action_to_be_performed": {"action": "DISCONNECT"},
            }
        },
        after_hours_menu={
            "greeting": "DEFAULT",
            "extension_enabled": False,
            "key_configurations": [{"key": "*", "action": "REPEAT_MENU", "description": "Repeat menu"}],
        },
    )
    given = copy.deepcopy(item)
    (args,) = build([item])
    assert args["alternate_numbers"] == given["alternate_numbers"]
    assert args["business_hours_menu"]["call_treatment"] == given["business_hours"]["call_treatment"]
    assert args["after_hours_menu"] == given["after_hours_menu"]
    args["alternate_numbers"][0]["ring_pattern"] = "LONG_LONG"
    args["business_hours_menu"]["call_treatment"]["action_to_be_performed"]["action"] = "TRANSFER"
    args["after_hours_menu"]["key_configurations"][0]["key"] = "#"
    assert item == given
