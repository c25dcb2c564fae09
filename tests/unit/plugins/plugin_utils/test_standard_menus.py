# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The role's vocabulary (plugin_utils/standard_menus.py): auto_attendant_module_args(), which the
auto_attendant_module_args filter runs: pure data in, module arguments out."""

from __future__ import absolute_import, division, print_function

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.options import text_problem
from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args

__metaclass__ = type

import copy
import re

import pytest
from ansible.errors import AnsibleFilterError

OPERATOR = {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": "Operator"}
REPEAT = {"key": "*", "action": "REPEAT_MENU", "description": "Repeat menu"}
DIAL_BY_NAME = {"key": "#", "action": "NAME_DIALING", "description": "Dial by name"}
EXIT = {"key": "#", "action": "EXIT", "description": "Exit"}

DEFAULTS = {
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "holiday_schedule": "AUTOATTENDANT-HOLIDAY",
    "language_code": "en_us",
    "business_hours": {
        "operator": "1000",
        "departments": [
            {"name": "Sales", "destination": "1100"},
            {"name": "Support", "destination": "1200", "prompt": True},
        ],
    },
}


def site(**fields):
    item = {"name": "Main", "location": "Headquarters", "extension": "2000"}
    item.update(fields)
    return item


def build(items, defaults=None, state="present"):
    return auto_attendant_module_args(items, DEFAULTS if defaults is None else defaults, state=state)


def one(defaults=None, **fields):
    return build([site(**fields)], defaults)[0]


def keys(menu):
    return [entry["key"] for entry in menu["key_configurations"]]


def by_key(menu):
    return dict((entry["key"], entry) for entry in menu["key_configurations"])


def error(items, defaults=None, state="present"):
    with pytest.raises(AnsibleFilterError) as info:
        build(items, defaults, state)
    return str(info.value)


STANDARD_KEYS = [
    OPERATOR,
    {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100", "description": "Sales"},
    {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "1200", "description": "Support"},
    REPEAT,
    DIAL_BY_NAME,
]


def org_file(name, media_file_type):
    return {"file_name": name, "media_file_type": media_file_type, "level": "ORGANIZATION"}


@pytest.mark.parametrize(
    "business_hours, audio",
    [
        ({"greeting": " Welcome.WAV "}, org_file("Welcome.WAV", "WAV")),
        ({"greeting": "a.b.3GP"}, org_file("a.b.3GP", "3GP")),
        ({"greeting": "closed.wma"}, org_file("closed.wma", "WMA")),
        ({"greeting": {"file_name": "x.Wma"}}, org_file("x.Wma", "WMA")),
        ({"greeting": {"file_name": "hq.welcome.wav"}}, org_file("hq.welcome.wav", "WAV")),
        (
            {"greeting": {"file_name": "x.wav", "media_file_type": "WMA", "level": "LOCATION"}},
            {"file_name": "x.wav", "media_file_type": "WMA", "level": "LOCATION"},
        ),
        ({"greeting": {"id": 123}}, {"id": "123"}),
        ({"greeting": {"id": "abc", "file_name": None}}, {"id": "abc"}),
        ({"greeting": ""}, None),
        ({"greeting": None}, None),
        ({"greeting": " DEFAULT "}, None),
        (
            {"greeting_file": "files/hello.WMA", "greeting": "x.wav"},
            {"file_name": "hello.WMA", "media_file_type": "WMA", "level": "LOCATION"},
        ),
        (
            {"greeting_file": "files/hq.welcome.wav"},
            {"file_name": "hq.welcome.wav", "media_file_type": "WAV", "level": "LOCATION"},
        ),
        ({"greeting_file": "", "greeting": "x.wav"}, org_file("x.wav", "WAV")),
        ({"greeting_file": "  ", "greeting": "x.wav"}, org_file("x.wav", "WAV")),
    ],
    ids=str,
)
def test_greetings(business_hours, audio):
    """A file name gets its media type from the suffix and level ORGANIZATION; a greeting_file plays at LOCATION."""
    expected = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": STANDARD_KEYS}
    if audio is not None:
        expected.update(greeting="CUSTOM", audio_announcement_file=audio)
    assert one(business_hours=business_hours)["business_hours_menu"] == expected


@pytest.mark.parametrize("file_name", ["x.mp3", "greeting"])
def test_a_file_name_of_unknown_type_without_media_type_is_left_to_the_module(file_name):
    assert error([site(business_hours={"greeting": {"file_name": file_name}})]) == (
        "auto_attendant_list[0] (Main): business_hours_menu.audio_announcement_file: "
        "give the announcement id, or name and level, or all of file_name, media_file_type and level"
    )


@pytest.mark.parametrize(
    "keys, expected",
    [
        (
            [{"key": " 5 ", "action": " exit ", "value": "", "description": "Bye"}],
            {"key": "5", "action": "EXIT", "description": "Bye"},
        ),
        (
            [{"key": 5, "action": "transfer_with_prompt", "value": "2001"}],
            {"key": "5", "action": "TRANSFER_WITH_PROMPT", "value": "2001"},
        ),
        (
            [{"key": "5", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": {"id": "f1"}}],
            {"key": "5", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": {"id": "f1"}},
        ),
        (None, None),
    ],
)
def test_raw_keys_are_normalised(keys, expected):
    menu = one(business_hours={"keys": keys, "operator": None, "departments": []})["business_hours_menu"]
    assert menu["key_configurations"] == ([expected] if expected else []) + [REPEAT, DIAL_BY_NAME]


@pytest.mark.parametrize(
    "value, enabled",
    [
        ("yes", True),
        (" On ", True),
        ("1", True),
        ("TRUE", True),
        (True, True),
        ("no", False),
        (" Off ", False),
        ("0", False),
        ("False", False),
        (False, False),
    ],
)
def test_booleans_may_be_words(value, enabled):
    menu = one(business_hours={"dial_by_extension": value, "dial_by_name": value})["business_hours_menu"]
    assert menu["extension_enabled"] is enabled
    assert menu["key_configurations"] == STANDARD_KEYS[:4] + ([DIAL_BY_NAME] if enabled else [])


def test_standard_business_hours_menu():
    args = one()
    assert args["business_hours_menu"] == {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [
            OPERATOR,
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100", "description": "Sales"},
            {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "1200", "description": "Support"},
            REPEAT,
            DIAL_BY_NAME,
        ],
    }


def test_attendant_fields_pass_through_and_unset_ones_are_absent():
    args = one(time_zone="America/Denver", phone_number="+19705550020", extension_dialing="GROUP")
    assert args["name"] == "Main"
    assert args["location"] == "Headquarters"
    assert args["state"] == "present"
    assert args["business_schedule"] == "AUTOATTENDANT-BUSINESS-HOURS"
    assert args["holiday_schedule"] == "AUTOATTENDANT-HOLIDAY"
    assert args["language_code"] == "en_us"
    assert args["time_zone"] == "America/Denver"
    assert args["phone_number"] == "+19705550020"
    assert args["extension_dialing"] == "GROUP"
    for unset in ("first_name", "last_name", "name_dialing", "dial_by_name", "alternate_numbers", "org_id"):
        assert unset not in args


@pytest.mark.parametrize(
    "item, path, shown",
    [
        ({"extension": 64}, "extension", "the number 64"),
        ({"business_hours": {"operator": 64}}, "business_hours.operator", "the number 64"),
        (
            {"business_hours": {"departments": [{"name": "Sales", "destination": 72, "key": 3}]}},
            "business_hours.departments[0].destination",
            "the number 72",
        ),
        (
            {"business_hours": {"departments": [{"name": False, "destination": "1100"}]}},
            "business_hours.departments[0].name",
            "the boolean false",
        ),
        ({"business_hours": {"voicemail": 1000}}, "business_hours.voicemail", "the number 1000"),
        (
            {"business_hours": {"keys": [{"key": 5, "action": "TRANSFER_WITH_PROMPT", "value": 2001}]}},
            "business_hours.keys[0].value",
            "the number 2001",
        ),
        (
            {"business_hours": {"keys": [{"key": 5, "action": "EXIT", "description": True}]}},
            "business_hours.keys[0].description",
            "the boolean true",
        ),
        ({"name": False}, "name", "the boolean false"),
        ({"first_name": True}, "first_name", "the boolean true"),
        ({"phone_number": 15551234567}, "phone_number", "the number 15551234567"),
    ],
)
def test_yaml_numbers_and_booleans_are_refused_saying_to_quote_them(item, path, shown):
    """YAML read 0100 as 64 and no as False: converting back would send the wrong digits or name."""
    with pytest.raises(AnsibleFilterError) as caught:
        one(**item)
    where = "auto_attendant_list[0]" if path == "name" else "auto_attendant_list[0] (Main)"
    value = {"64": 64, "72": 72, "1000": 1000, "2001": 2001, "15551234567": 15551234567, "false": False, "true": True}
    problem = text_problem(path, value[shown.rsplit(" ", 1)[1]])
    assert problem.startswith("%s: is %s, not text" % (path, shown)) and "quote it" in problem
    assert str(caught.value) == "%s: %s" % (where, problem)


def test_menu_keys_may_stay_numbers_and_names_keep_their_spaces():
    args = one(name=" Main ", business_hours={"departments": [{"name": " Sales ", "destination": "1100", "key": 3}]})
    assert args["name"] == " Main " and by_key(args["business_hours_menu"])["3"]["description"] == " Sales "


def test_default_after_hours_is_closed():
    assert one()["after_hours_menu"] == {
        "greeting": "DEFAULT",
        "extension_enabled": False,
        "key_configurations": [REPEAT, EXIT],
    }


def test_empty_descriptions_give_the_small_business_default():
    args = one(defaults={"business_schedule": "B"})
    assert args["business_hours_menu"] == {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [REPEAT, DIAL_BY_NAME],
    }
    assert args["after_hours_menu"]["key_configurations"] == [REPEAT, EXIT]


def test_after_hours_voicemail_shape_uses_next_free_key():
    menu = one(after_hours={"shape": "voicemail", "voicemail": "1099"})["after_hours_menu"]
    assert menu["key_configurations"] == [
        {"key": "1", "action": "TRANSFER_TO_MAILBOX", "value": "1099", "description": "Voicemail"},
        REPEAT,
        EXIT,
    ]


def test_after_hours_voicemail_shape_takes_business_hours_destination():
    defaults = copy.deepcopy(DEFAULTS)
    defaults["business_hours"]["voicemail"] = "1098"
    args = one(defaults=defaults, after_hours={"shape": "voicemail"})
    assert by_key(args["after_hours_menu"])["1"]["value"] == "1098"
    # business hours: the voicemail key comes after the departments
    assert by_key(args["business_hours_menu"])["3"] == {
        "key": "3",
        "action": "TRANSFER_TO_MAILBOX",
        "value": "1098",
        "description": "Voicemail",
    }


def test_after_hours_operator_shape():
    menu = one(after_hours={"shape": "operator"})["after_hours_menu"]
    assert menu["key_configurations"] == [OPERATOR, REPEAT, EXIT]


def test_after_hours_same_as_business_hours_with_override():
    args = one(after_hours={"shape": "business_hours", "greeting": "closed.wma"})
    assert args["after_hours_menu"]["key_configurations"] == args["business_hours_menu"]["key_configurations"]
    assert args["after_hours_menu"]["greeting"] == "CUSTOM"
    assert args["after_hours_menu"]["audio_announcement_file"] == {
        "file_name": "closed.wma",
        "media_file_type": "WMA",
        "level": "ORGANIZATION",
    }
    assert args["business_hours_menu"]["greeting"] == "DEFAULT"


def test_after_hours_custom_shape_uses_menu_defaults():
    menu = one(after_hours={"shape": "custom", "operator": "1000"})["after_hours_menu"]
    assert menu["key_configurations"] == [OPERATOR, REPEAT, DIAL_BY_NAME]
    assert menu["extension_enabled"] is True


def test_greeting_as_dictionary_with_id():
    menu = one(business_hours={"greeting": {"id": "abc"}})["business_hours_menu"]
    assert menu["greeting"] == "CUSTOM"
    assert menu["audio_announcement_file"] == {"id": "abc"}


def test_greeting_by_announcement_name_passes_through_with_the_level_upper_case():
    args = one(
        business_hours={
            "greeting": {"name": "Welcome", "level": "location"},
            "keys": [
                {
                    "key": "9",
                    "action": "PLAY_ANNOUNCEMENT",
                    "audio_announcement_file": {"name": "Opening hours", "level": "organization"},
                }
            ],
        }
    )
    menu = args["business_hours_menu"]
    assert menu["greeting"] == "CUSTOM"
    assert menu["audio_announcement_file"] == {"name": "Welcome", "level": "LOCATION"}
    [play] = [entry for entry in menu["key_configurations"] if entry["key"] == "9"]
    assert play["audio_announcement_file"] == {
        "name": "Opening hours",
        "level": "ORGANIZATION",
    }


@pytest.mark.parametrize(
    "greeting, message",
    [
        ({"name": "Welcome"}, "business_hours_menu.audio_announcement_file.level: required with name"),
        ({"name": "Welcome", "level": "entity"}, "business_hours_menu.audio_announcement_file.level: ENTITY cannot"),
        (
            {"name": "Welcome", "level": "location", "id": "abc"},
            "business_hours_menu.audio_announcement_file: name cannot be combined with id",
        ),
        ({"name": 2024, "level": "location"}, "business_hours_menu.audio_announcement_file.name: "),
    ],
)
def test_greeting_by_announcement_name_is_judged_by_the_module_rules(greeting, message):
    with pytest.raises(AnsibleFilterError, match=r"auto_attendant_list\[0\] \(Main\): .*" + re.escape(message)):
        one(business_hours={"greeting": greeting})


def test_greeting_default_is_case_insensitive():
    assert one(business_hours={"greeting": "Default"})["business_hours_menu"]["greeting"] == "DEFAULT"


def test_explicit_department_keys_and_free_keys_in_list_order():
    menu = one(
        business_hours={
            "departments": [
                {"name": "A", "destination": "11"},
                {"name": "B", "destination": "12", "key": "1"},
                {"name": "C", "destination": "13"},
            ]
        }
    )["business_hours_menu"]
    assert [(entry["key"], entry.get("description")) for entry in menu["key_configurations"]] == [
        ("0", "Operator"),
        ("1", "B"),
        ("2", "A"),
        ("3", "C"),
        ("*", "Repeat menu"),
        ("#", "Dial by name"),
    ]


def test_raw_keys_are_added_reserved_and_override_generated_keys():
    menu = one(
        business_hours={
            "keys": [
                {
                    "key": 1,
                    "action": "play_announcement",
                    "audio_announcement_file": "AUDIO_FILE.wav",
                    "description": "Hours",
                },
                {"key": "#", "action": "EXTENSION_DIALING"},
                {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
            ]
        }
    )["business_hours_menu"]
    found = by_key(menu)
    assert found["1"] == {
        "key": "1",
        "action": "PLAY_ANNOUNCEMENT",
        "description": "Hours",
        "audio_announcement_file": {"file_name": "AUDIO_FILE.wav", "media_file_type": "WAV", "level": "ORGANIZATION"},
    }
    assert found["#"] == {"key": "#", "action": "EXTENSION_DIALING"}
    assert found["0"] == {"key": "0", "action": "TRANSFER_TO_OPERATOR"}
    # departments skipped the reserved key 1
    assert found["2"]["description"] == "Sales"
    assert found["3"]["description"] == "Support"
    assert keys(menu) == ["0", "1", "2", "3", "*", "#"]


def test_optional_keys_switch_on_and_off():
    menu = one(
        business_hours={
            "dial_by_name": False,
            "repeat_key": None,
            "dial_by_extension": False,
            "dial_by_extension_key": "8",
            "exit_key": "9",
            "operator": None,
            "departments": [],
        }
    )["business_hours_menu"]
    assert menu["extension_enabled"] is False
    assert menu["key_configurations"] == [
        {"key": "8", "action": "EXTENSION_DIALING", "description": "Dial by extension"},
        {"key": "9", "action": "EXIT", "description": "Exit"},
    ]


def test_defaults_merge_recursively_item_wins_lists_replaced():
    args = one(business_hours={"departments": [{"name": "Parts", "destination": "1300"}]}, language_code="es_es")
    menu = args["business_hours_menu"]
    assert args["language_code"] == "es_es"
    assert by_key(menu)["0"] == OPERATOR  # operator kept from the defaults
    assert [entry.get("description") for entry in menu["key_configurations"]] == [
        "Operator",
        "Parts",
        "Repeat menu",
        "Dial by name",
    ]


def test_item_null_removes_a_default():
    menu = one(business_hours={"operator": None})["business_hours_menu"]
    assert "0" not in keys(menu)


def test_defaults_are_not_modified():
    defaults = copy.deepcopy(DEFAULTS)
    build([site(business_hours={"operator": "1001"}), site(name="Other")], defaults)
    assert defaults == DEFAULTS


def test_state_default_item_override_and_absent_sends_no_menus():
    results = build([site(), site(name="Gone", state="absent")], state="present")
    assert results[0]["state"] == "present"
    assert results[1] == {"name": "Gone", "location": "Headquarters", "state": "absent"}
    assert build([site()], state="absent")[0]["state"] == "absent"


def test_absent_items_need_no_schedule_or_number():
    assert build([{"name": "Gone", "location": "HQ", "state": "absent"}], defaults={}) == [
        {"name": "Gone", "location": "HQ", "state": "absent"}
    ]


def test_location_from_defaults_and_org_id():
    defaults = dict(DEFAULTS, location="Headquarters", org_id="org-1")
    args = build([{"name": "X", "extension": "2000"}], defaults)[0]
    assert args["location"] == "Headquarters"
    assert args["org_id"] == "org-1"


def test_empty_and_none_lists():
    assert build([]) == []
    assert auto_attendant_module_args(None, None) == []


@pytest.mark.parametrize(
    "items, expected",
    [
        (
            [site(business_hours={"departments": [{"name": "Sales"}]})],
            "auto_attendant_list[0] (Main): business_hours.departments[0].destination: is missing for department 'Sales': "
            "give a phone number or an extension to transfer to",
        ),
        (
            [
                site(
                    business_hours={
                        "departments": [
                            {"name": "A", "destination": "11", "key": "1"},
                            {"name": "B", "destination": "12", "key": 1},
                        ]
                    }
                )
            ],
            "auto_attendant_list[0] (Main): business_hours.departments[1].key: key '1' is used twice (also by business_hours.departments[0].key)",
        ),
        (
            [site(business_hours={"dial_by_name_key": "*"})],
            "auto_attendant_list[0] (Main): business_hours.repeat_key: key '*' is used twice (also by business_hours.dial_by_name_key)",
        ),
        (
            [site(business_hours={"keys": [{"key": "5", "action": "EXIT"}, {"key": 5, "action": "REPEAT_MENU"}]})],
            "auto_attendant_list[0] (Main): business_hours.keys[1].key: key '5' is used twice (also by business_hours.keys[0].key)",
        ),
        (
            [site(business_hours={"departments": [{"name": str(n), "destination": "1%d" % n} for n in range(10)]})],
            "auto_attendant_list[0] (Main): business_hours.departments: more departments than free keys: 10 entries (0, 1, "
            "2, 3, 4, 5, 6, 7, 8, 9) need a key but only 9 of the keys 1-9 are free (1 2 3 4 5 6 7 8 9)",
        ),
        (
            [
                site(
                    business_hours={
                        "voicemail": "1099",
                        "departments": [{"name": str(n), "destination": "1%d" % n} for n in range(9)],
                    }
                )
            ],
            "auto_attendant_list[0] (Main): business_hours.departments: more departments than free keys: 10 entries (0, 1, "
            "2, 3, 4, 5, 6, 7, 8, Voicemail) need a key but only 9 of the keys 1-9 are free (1 2 3 4 5 6 7 8 9)",
        ),
        (
            [site(after_hours={"shape": "weekend"})],
            "auto_attendant_list[0] (Main): after_hours.shape: unknown shape 'weekend'; expected one of business_hours, closed, custom, operator, voicemail",
        ),
        (
            [site(after_hours={"shape": "voicemail"})],
            "auto_attendant_list[0] (Main): after_hours.voicemail: after_hours.shape is voicemail but neither "
            "after_hours.voicemail nor business_hours.voicemail is set",
        ),
        (
            [site(business_hours={"keys": [{"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "1000"}]})],
            "auto_attendant_list[0] (Main): business_hours_menu.key_configurations (key 0): action TRANSFER_TO_OPERATOR "
            "takes no value, got '1000' (the service rejects it with error 4806; to send callers to a given operator, use "
            "TRANSFER_WITHOUT_PROMPT with that number as value)",
        ),
        (
            [site(business_hours={"keys": [{"key": "5", "action": "TRANSFER_WITHOUT_PROMPT"}]})],
            "auto_attendant_list[0] (Main): business_hours_menu.key_configurations (key 5): action TRANSFER_WITHOUT_PROMPT "
            "needs a value (the number or extension to transfer to)",
        ),
        (
            [site(business_hours={"keys": [{"key": "5", "action": "PLAY_ANNOUNCEMENT"}]})],
            "auto_attendant_list[0] (Main): business_hours_menu.key_configurations (key 5): action PLAY_ANNOUNCEMENT needs an audio_announcement_file",
        ),
        (
            [site(business_hours={"keys": [{"key": "5", "action": "EXIT", "audio_announcement_file": "a.wav"}]})],
            "auto_attendant_list[0] (Main): business_hours_menu.key_configurations (key 5): audio_announcement_file is "
            "only used with action PLAY_ANNOUNCEMENT, not EXIT",
        ),
        (
            [site(business_hours={"keys": [{"key": "5", "action": "JUMP"}]})],
            "auto_attendant_list[0] (Main): business_hours.keys[0].action: is 'JUMP', expected one of PLAY_ANNOUNCEMENT, "
            "TRANSFER_WITH_PROMPT, TRANSFER_WITHOUT_PROMPT, TRANSFER_TO_OPERATOR, TRANSFER_TO_MAILBOX, NAME_DIALING, "
            "EXTENSION_DIALING, REPEAT_MENU, EXIT, RETURN_TO_PREVIOUS_MENU",
        ),
        (
            [site(business_hours={"keys": [{"key": "A", "action": "EXIT"}]})],
            "auto_attendant_list[0] (Main): business_hours.keys[0].key: is 'A', expected one of 0 1 2 3 4 5 6 7 8 9 * #",
        ),
        (
            [site(business_hours={"operator": "front desk"})],
            "auto_attendant_list[0] (Main): business_hours.operator: 'front desk' is neither an E.164 number (+15551234567) nor an extension (digits)",
        ),
        (
            [site(business_hours={"greeting": "hello.mp3"})],
            "auto_attendant_list[0] (Main): business_hours.greeting: file name 'hello.mp3' must end in .wav, .wma or .3gp (or give a dictionary with id)",
        ),
        (
            [site(business_hours={"colour": "red"})],
            "auto_attendant_list[0] (Main): business_hours: unknown field(s) colour; known fields are call_treatment, "
            "departments, dial_by_extension, dial_by_extension_key, dial_by_name, dial_by_name_key, exit_key, greeting, "
            "greeting_file, keys, operator, repeat_key, voicemail, voicemail_key",
        ),
        (
            [site(colour="red")],
            "auto_attendant_list[0] (Main): item: unknown field(s) colour; known fields are after_hours, after_hours_menu, "
            "alternate_numbers, business_hours, business_hours_menu, business_schedule, dial_by_name, "
            "direct_line_caller_id_name, extension, extension_dialing, first_name, forwarding, holiday_schedule, "
            "language_code, last_name, location, name, name_dialing, org_id, phone_number, state, time_zone",
        ),
        (
            [site(business_hours={"voicemail_key": "7"})],
            "auto_attendant_list[0] (Main): business_hours.voicemail_key: is set but voicemail (the mailbox destination) is not",
        ),
        (
            [site(business_hours={"dial_by_name": "maybe"})],
            "auto_attendant_list[0] (Main): business_hours.dial_by_name: must be a boolean, got 'maybe'",
        ),
        (
            [site(business_hours={"departments": "Sales"})],
            "auto_attendant_list[0] (Main): business_hours.departments: must be a list",
        ),
        (
            [site(extension=None)],
            "auto_attendant_list[0] (Main): extension: an auto attendant needs an extension or a phone_number (or both)",
        ),
        ([site(extension="12a")], "auto_attendant_list[0] (Main): extension: '12a' must be 2 to 10 digits"),
        (
            [site(phone_number="9705550020")],
            "auto_attendant_list[0] (Main): phone_number: '9705550020' is not an E.164 number (like +15551234567)",
        ),
        (
            [site(location=None)],
            "auto_attendant_list[0] (Main): location: is required (set it in the item or in auto_attendant_defaults)",
        ),
        ([site(name="x" * 81)], "auto_attendant_list[0] (%s): name: 81 characters, the maximum is 80" % ("x" * 81)),
        ([site(state="gone")], "auto_attendant_list[0] (Main): state: is 'gone', expected present or absent"),
        (
            [site(), site()],
            "auto_attendant_list[1] (Main): name: the auto attendant 'Main' in location 'Headquarters' is also auto_attendant_list[0]",
        ),
        (["Main"], "auto_attendant_list[0]: must be a dictionary, got str"),
        (
            [site(after_hours={"shape": 5})],
            "auto_attendant_list[0] (Main): after_hours.shape: unknown shape '5'; "
            "expected one of business_hours, closed, custom, operator, voicemail",
        ),
        (
            [site(business_hours={"operator": None}, after_hours={"shape": "operator"})],
            "auto_attendant_list[0] (Main): after_hours.operator: after_hours.shape is operator but neither "
            "after_hours.operator nor business_hours.operator is set",
        ),
        ([site(after_hours="closed")], "auto_attendant_list[0] (Main): after_hours: must be a dictionary, got str"),
        ([site(business_hours=["x"])], "auto_attendant_list[0] (Main): business_hours: must be a dictionary, got list"),
        ([site(state=" Gone ")], "auto_attendant_list[0] (Main): state: is ' Gone ', expected present or absent"),
        (
            [site(name="")],
            "auto_attendant_list[0]: name: is required (set it in the item or in auto_attendant_defaults)",
        ),
        (
            [site(extension="12a", phone_number="9705550020")],
            "auto_attendant_list[0] (Main): phone_number: '9705550020' is not an E.164 number (like +15551234567); "
            "extension: '12a' must be 2 to 10 digits",
        ),
    ],
)
def test_errors_name_the_attendant_and_the_variable(items, expected):
    assert error(items) == expected


@pytest.mark.parametrize(
    "business_hours, expected",
    [
        (
            {"greeting": "hello"},
            "business_hours.greeting: file name 'hello' must end in .wav, .wma or .3gp (or give a dictionary with id)",
        ),
        (
            {"greeting": 5},
            "business_hours.greeting: must be an announcement file name or a dictionary (id, name, file_name, media_file_type, level)",
        ),
        (
            {"greeting": {"colour": "red"}},
            "business_hours.greeting: unknown field(s) colour; known fields are file_name, id, level, media_file_type, name",
        ),
        ({"greeting": {"level": "LOCATION"}}, "business_hours.greeting: needs id, name (with level) or file_name"),
        (
            {"greeting": {"id": "", "file_name": ""}},
            "business_hours.greeting: needs id, name (with level) or file_name",
        ),
        (
            {"greeting_file": "dir/"},
            "business_hours.greeting_file: must be the path of a local .wav or .wma file, got 'dir/'",
        ),
        ({"greeting_file": 5}, "business_hours.greeting_file: must be the path of a local .wav or .wma file, got 5"),
        ({"greeting_file": "a.3gp"}, "business_hours.greeting_file: 'a.3gp' must end in .wav or .wma"),
        ({"keys": "x"}, "business_hours.keys: must be a list of key configurations"),
        ({"keys": ["x"]}, "business_hours.keys[0]: must be a dictionary, got str"),
        ({"keys": [{"action": "EXIT"}]}, "business_hours.keys[0].key: is missing"),
        (
            {"keys": [{"key": True, "action": "EXIT"}]},
            "business_hours.keys[0].key: is True, expected one of 0 1 2 3 4 5 6 7 8 9 * #",
        ),
        (
            {"keys": [{"key": 5.0, "action": "EXIT"}]},
            "business_hours.keys[0].key: is 5.0, expected one of 0 1 2 3 4 5 6 7 8 9 * #",
        ),
        (
            {"keys": [{"key": "5"}]},
            "business_hours.keys[0].action: is None, expected one of PLAY_ANNOUNCEMENT, TRANSFER_WITH_PROMPT, "
            "TRANSFER_WITHOUT_PROMPT, TRANSFER_TO_OPERATOR, TRANSFER_TO_MAILBOX, NAME_DIALING, EXTENSION_DIALING, "
            "REPEAT_MENU, EXIT, RETURN_TO_PREVIOUS_MENU",
        ),
        (
            {"keys": [{"key": "5", "action": 5}]},
            "business_hours.keys[0].action: is 5, expected one of PLAY_ANNOUNCEMENT, TRANSFER_WITH_PROMPT, "
            "TRANSFER_WITHOUT_PROMPT, TRANSFER_TO_OPERATOR, TRANSFER_TO_MAILBOX, NAME_DIALING, EXTENSION_DIALING, "
            "REPEAT_MENU, EXIT, RETURN_TO_PREVIOUS_MENU",
        ),
        (
            {"keys": [{"key": "5", "action": "EXIT", "colour": 1}]},
            "business_hours.keys[0]: unknown field(s) colour; known fields are action, audio_announcement_file, auto_attendant, description, key, value",
        ),
        (
            {"keys": [{"key": "5", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": ["x"]}]},
            "business_hours.keys[0].audio_announcement_file: must be an announcement file name or a dictionary (id, name, file_name, media_file_type, level)",
        ),
        ({"dial_by_name_key": None}, "business_hours.dial_by_name_key: is empty while dial_by_name is true"),
        ({"dial_by_name_key": " "}, "business_hours.dial_by_name_key: is empty while dial_by_name is true"),
        ({"dial_by_name": 2}, "business_hours.dial_by_name: must be a boolean, got 2"),
        ({"dial_by_name": None}, "business_hours.dial_by_name: must be a boolean, got None"),
        ({"dial_by_extension": "perhaps"}, "business_hours.dial_by_extension: must be a boolean, got 'perhaps'"),
        (
            {"departments": [{"name": " ", "destination": "1100"}]},
            "business_hours.departments[0].name: is missing (the department name is also the key description)",
        ),
        (
            {"departments": [{"destination": "1100"}]},
            "business_hours.departments[0].name: is missing (the department name is also the key description)",
        ),
        ({"departments": ["Sales"]}, "business_hours.departments[0]: must be a dictionary, got str"),
        (
            {"departments": [{"name": "S", "destination": "1100", "prompt": "sometimes"}]},
            "business_hours.departments[0].prompt: must be a boolean, got 'sometimes'",
        ),
        (
            {"departments": [{"name": "S", "destination": "1100", "key": True}]},
            "business_hours.departments[0].key: is True, expected one of 0 1 2 3 4 5 6 7 8 9 * #",
        ),
        (
            {"operator": None, "dial_by_name": False, "repeat_key": None, "departments": []},
            "business_hours: has no keys at all; the service needs at least one key configuration",
        ),
        ({"call_treatment": "x"}, "business_hours.call_treatment: must be a dictionary"),
        (
            {"keys": [{"key": str(n), "action": "EXIT"} for n in range(1, 10)]},
            "business_hours.departments: more departments than free keys: 2 entries (Sales, Support) need a key but only 0 of the keys 1-9 are free (none)",
        ),
        (
            {"departments": [{"name": "S", "destination": "+1 555"}]},
            "business_hours.departments[0].destination: '+1 555' for department 'S' is neither an E.164 number (+15551234567) nor an extension (digits)",
        ),
        (
            {"greeting": "wav"},
            "business_hours.greeting: file name 'wav' must end in .wav, .wma or .3gp (or give a dictionary with id)",
        ),
        (
            {"greeting_file": "dir\\"},
            "business_hours.greeting_file: must be the path of a local .wav or .wma file, got 'dir\\\\'",
        ),
        (
            {"greeting_file": "messages/INBOX"},
            "business_hours.greeting_file: 'messages/INBOX' must end in .wav or .wma",
        ),
        ({"repeat_key": "A"}, "business_hours.repeat_key: is 'A', expected one of 0 1 2 3 4 5 6 7 8 9 * #"),
        ({"dial_by_name_key": "A"}, "business_hours.dial_by_name_key: is 'A', expected one of 0 1 2 3 4 5 6 7 8 9 * #"),
        (
            {"dial_by_extension_key": "A"},
            "business_hours.dial_by_extension_key: is 'A', expected one of 0 1 2 3 4 5 6 7 8 9 * #",
        ),
        ({"exit_key": "A"}, "business_hours.exit_key: is 'A', expected one of 0 1 2 3 4 5 6 7 8 9 * #"),
        (
            {"dial_by_extension_key": "0"},
            "business_hours.dial_by_extension_key: key '0' is used twice (also by business_hours.operator)",
        ),
        (
            {"exit_key": "#"},
            "business_hours.exit_key: key '#' is used twice (also by business_hours.dial_by_name_key)",
        ),
        (
            {"dial_by_extension_key": "8", "repeat_key": "9", "exit_key": "8"},
            "business_hours.exit_key: key '8' is used twice (also by business_hours.dial_by_extension_key)",
        ),
        (
            {"exit_key": "9", "departments": [{"name": "Sales", "destination": "1100", "key": 9}]},
            "business_hours.departments[0].key: key '9' is used twice (also by business_hours.exit_key)",
        ),
    ],
)
def test_menu_errors_name_the_option_exactly(business_hours, expected):
    assert error([site(business_hours=business_hours)]) == "auto_attendant_list[0] (Main): " + expected


def test_business_schedule_is_required_for_present():
    assert error([site()], defaults={}) == (
        "auto_attendant_list[0] (Main): business_schedule: is required: the name of a business-hours schedule of the location"
    )


def test_error_in_a_later_item_fails_the_whole_list():
    message = error([site(), site(name="Second", after_hours={"shape": "nope"})])
    assert message.startswith("auto_attendant_list[1] (Second): after_hours.shape")


@pytest.mark.parametrize(
    "items, defaults, state, expected",
    [
        ({"name": "x"}, {}, "present", "auto_attendant_list must be a list of auto attendants, got dict"),
        ([], [], "present", "auto_attendant_defaults must be a dictionary, got list"),
        (
            [],
            {"colour": "red"},
            "present",
            "auto_attendant_defaults: unknown field(s) colour; known fields are after_hours, after_hours_menu, "
            "alternate_numbers, business_hours, business_hours_menu, business_schedule, dial_by_name, "
            "direct_line_caller_id_name, extension, extension_dialing, first_name, forwarding, holiday_schedule, "
            "language_code, last_name, location, name, name_dialing, org_id, phone_number, state, time_zone",
        ),
        ([], {}, "gone", "auto_attendant_state is 'gone', expected present or absent"),
        ([], {}, " Gone ", "auto_attendant_state is 'gone', expected present or absent"),
    ],
)
def test_bad_top_level_variables(items, defaults, state, expected):
    with pytest.raises(AnsibleFilterError) as caught:
        auto_attendant_module_args(items, defaults, state=state)
    assert str(caught.value) == expected


def test_item_with_another_shape_does_not_inherit_the_defaults_after_hours():
    defaults = copy.deepcopy(DEFAULTS)
    defaults["after_hours"] = {"shape": "voicemail", "voicemail": "1099", "greeting": "closed.wma"}
    args = build(
        [
            site(),
            site(name="Op", after_hours={"shape": "operator"}),
            site(name="Same", after_hours={"shape": "business_hours"}),
            site(name="Override", after_hours={"voicemail": "2099"}),
            site(name="Also", after_hours={"shape": "Voicemail"}),
        ],
        defaults,
    )
    voicemail = {"key": "1", "action": "TRANSFER_TO_MAILBOX", "value": "1099", "description": "Voicemail"}
    assert args[0]["after_hours_menu"]["key_configurations"] == [voicemail, REPEAT, EXIT]
    assert args[0]["after_hours_menu"]["greeting"] == "CUSTOM"
    assert args[1]["after_hours_menu"] == {
        "greeting": "DEFAULT",
        "extension_enabled": False,
        "key_configurations": [OPERATOR, REPEAT, EXIT],
    }
    assert args[2]["after_hours_menu"] == args[2]["business_hours_menu"]
    assert args[3]["after_hours_menu"]["key_configurations"] == [dict(voicemail, value="2099"), REPEAT, EXIT]
    assert args[4]["after_hours_menu"] == args[0]["after_hours_menu"]


def test_default_shape_is_closed_when_comparing_shapes():
    defaults = dict(DEFAULTS, after_hours={"greeting": "closed.wma"})
    args = build([site(after_hours={"shape": "closed"}), site(name="Op", after_hours={"shape": "operator"})], defaults)
    assert args[0]["after_hours_menu"]["greeting"] == "CUSTOM"
    assert args[1]["after_hours_menu"]["greeting"] == "DEFAULT"


def test_closed_shape_other_fields_still_override():
    menu = one(
        after_hours={"shape": "closed", "dial_by_name": True, "dial_by_name_key": "9", "greeting": {"id": "closed-id"}}
    )["after_hours_menu"]
    assert menu["greeting"] == "CUSTOM"
    assert menu["key_configurations"] == [
        {"key": "9", "action": "NAME_DIALING", "description": "Dial by name"},
        REPEAT,
        EXIT,
    ]


def test_custom_shape_starts_from_the_menu_defaults():
    # custom starts from the menu defaults, not from business hours: no operator unless after_hours sets one
    menu = one(after_hours={"shape": "custom", "voicemail": "1099", "dial_by_name": False})["after_hours_menu"]
    assert menu["key_configurations"] == [
        {"key": "1", "action": "TRANSFER_TO_MAILBOX", "value": "1099", "description": "Voicemail"},
        REPEAT,
    ]
    menu = one(after_hours={"shape": "custom", "operator": "1000", "voicemail": "1099", "dial_by_name": False})[
        "after_hours_menu"
    ]
    assert menu["key_configurations"] == [
        OPERATOR,
        {"key": "1", "action": "TRANSFER_TO_MAILBOX", "value": "1099", "description": "Voicemail"},
        REPEAT,
    ]


def test_raw_menus_in_the_module_form_are_passed_unchanged():
    raw = {
        "greeting": "DEFAULT",
        "extension_enabled": False,
        "key_configurations": [{"key": "0", "action": "TRANSFER_TO_OPERATOR", "description": "Operator"}],
    }
    built = auto_attendant_module_args([site(business_hours_menu=raw)], DEFAULTS)[0]
    assert built["business_hours_menu"] == raw
    assert built["after_hours_menu"]["key_configurations"]  # still built from the description


def test_a_raw_menu_that_is_not_a_dict_is_named():
    with pytest.raises(AnsibleFilterError) as caught:
        auto_attendant_module_args([site(business_hours_menu="closed")], DEFAULTS)
    assert str(caught.value) == (
        "auto_attendant_list[0] (Main): business_hours_menu: must be a menu in the form of webex_auto_attendant, got str"
    )


def test_departments_and_raw_keys_may_name_another_attendant():
    item = site(
        business_hours={
            "operator": None,
            "departments": [
                {"name": "Support", "auto_attendant": "Support Menu"},
                {
                    "name": "Denver",
                    "auto_attendant": {"location": "Branch Office Denver", "name": "Reception"},
                    "prompt": True,
                },
                {"name": "Sales", "destination": "1100"},
            ],
            "keys": [
                {"key": "9", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Main", "description": "Main"}
            ],
        }
    )
    keys = auto_attendant_module_args([item], DEFAULTS)[0]["business_hours_menu"]["key_configurations"]
    assert keys[:3] == [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "description": "Support", "auto_attendant": "Support Menu"},
        {
            "key": "2",
            "action": "TRANSFER_WITH_PROMPT",
            "description": "Denver",
            "auto_attendant": {"location": "Branch Office Denver", "name": "Reception"},
        },
        {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100", "description": "Sales"},
    ]
    assert {"key": "9", "action": "TRANSFER_WITHOUT_PROMPT", "description": "Main", "auto_attendant": "Main"} in keys
    both = site(
        business_hours={"departments": [{"name": "x", "destination": "1100", "auto_attendant": "Support Menu"}]}
    )
    with pytest.raises(AnsibleFilterError) as caught:
        auto_attendant_module_args([both], DEFAULTS)
    assert str(caught.value) == (
        "auto_attendant_list[0] (Main): business_hours.departments[0].auto_attendant: "
        "give destination or auto_attendant, not both"
    )
    # The module's rulebook judges the reference: a reference on a key that does not transfer is refused.
    bad = site(business_hours={"keys": [{"key": "9", "action": "EXIT", "auto_attendant": "Main"}]})
    with pytest.raises(AnsibleFilterError, match="does not transfer"):
        auto_attendant_module_args([bad], DEFAULTS)


def test_department_prompts_references_and_the_voicemail_key():
    menu = one(
        business_hours={
            "departments": [
                {"name": "S", "destination": "1100", "prompt": False},
                {"name": "T", "destination": "1200", "prompt": "yes"},
                {"name": "U", "destination": " ", "auto_attendant": "Other"},
            ],
            "voicemail": "1099",
            "voicemail_key": 7,
        }
    )["business_hours_menu"]
    assert menu["key_configurations"] == [
        OPERATOR,
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100", "description": "S"},
        {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "1200", "description": "T"},
        {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "description": "U", "auto_attendant": "Other"},
        {"key": "7", "action": "TRANSFER_TO_MAILBOX", "value": "1099", "description": "Voicemail"},
        REPEAT,
        DIAL_BY_NAME,
    ]


def test_null_lists_and_dial_by_name_off_need_no_key():
    menu = one(business_hours={"departments": None, "keys": None, "dial_by_name": False, "dial_by_name_key": None})
    assert menu["business_hours_menu"]["key_configurations"] == [OPERATOR, REPEAT]


def test_call_treatment_is_passed_on_as_given():
    treatment = {
        "retry_attempt_for_no_input": "ONE_TIME",
        "no_input_timer": 10,
        "action_to_be_performed": {"action": "DISCONNECT"},
    }
    menu = one(business_hours={"call_treatment": treatment})["business_hours_menu"]
    assert menu == {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": STANDARD_KEYS,
        "call_treatment": treatment,
    }
    assert menu["call_treatment"] is not treatment


@pytest.mark.parametrize("shape", [" Closed ", "", None])
def test_after_hours_shape_is_read_loosely(shape):
    assert one(after_hours={"shape": shape})["after_hours_menu"] == {
        "greeting": "DEFAULT",
        "extension_enabled": False,
        "key_configurations": [REPEAT, EXIT],
    }


def test_state_and_org_id_are_normalised():
    assert build([site(state=" Absent ", org_id=5)]) == [
        {"name": "Main", "location": "Headquarters", "state": "absent", "org_id": "5"}
    ]
    assert build([site()], state=" ABSENT ") == [{"name": "Main", "location": "Headquarters", "state": "absent"}]
    assert build([site()], state=None)[0]["state"] == "present"


def test_a_phone_number_alone_is_enough():
    args = build([site(extension=None, phone_number="+15551230000")])[0]
    assert dict((key, value) for key, value in args.items() if not key.endswith("_menu")) == {
        "name": "Main",
        "location": "Headquarters",
        "state": "present",
        "phone_number": "+15551230000",
        "language_code": "en_us",
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "holiday_schedule": "AUTOATTENDANT-HOLIDAY",
    }


def test_without_defaults():
    assert auto_attendant_module_args([site(business_schedule="B")]) == [
        {
            "name": "Main",
            "location": "Headquarters",
            "state": "present",
            "extension": "2000",
            "business_schedule": "B",
            "business_hours_menu": {
                "greeting": "DEFAULT",
                "extension_enabled": True,
                "key_configurations": [REPEAT, DIAL_BY_NAME],
            },
            "after_hours_menu": {
                "greeting": "DEFAULT",
                "extension_enabled": False,
                "key_configurations": [REPEAT, EXIT],
            },
        }
    ]


def test_an_item_with_its_own_shape_ignores_a_bad_after_hours_in_the_defaults():
    defaults = dict(DEFAULTS, after_hours="closed")
    assert build([site(after_hours={"shape": "operator"})], defaults)[0]["after_hours_menu"] == {
        "greeting": "DEFAULT",
        "extension_enabled": False,
        "key_configurations": [OPERATOR, REPEAT, EXIT],
    }
    assert error([site()], defaults) == "auto_attendant_list[0] (Main): after_hours: must be a dictionary, got str"


# -- the voicemail key, full key ranges, blank values, several fields in one message, results that share nothing -----


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


# -- a YAML boolean, number or list where the filter expects text ---------------------------------------------------


BASE = {"name": "Main", "location": "HQ", "extension": "2000"}


SCHEDULE_DEFAULTS = {"business_schedule": "Office Hours"}


BOOLEAN = (
    "%s: is the boolean true, not text (YAML reads an unquoted yes, no, on, off, true or false as a boolean); "
    'quote it, for example %s: "no"'
)


def refusal(items, **kwargs):
    with pytest.raises(AnsibleFilterError) as raised:
        auto_attendant_module_args(items, SCHEDULE_DEFAULTS, **kwargs)
    return str(raised.value)


def test_an_item_state_given_as_a_boolean_names_the_state():
    """state: yes (a boolean to YAML) names the item and its state."""
    assert refusal([dict(BASE, state=True)]) == "auto_attendant_list[0] (Main): " + BOOLEAN % ("state", "state")


def test_the_role_state_given_as_a_boolean_names_auto_attendant_state():
    """auto_attendant_state: yes is refused naming the role variable."""
    assert refusal([BASE], state=True) == BOOLEAN % ("auto_attendant_state", "auto_attendant_state")


def test_an_after_hours_shape_given_as_a_boolean_names_the_shape():
    """after_hours.shape: yes is refused instead of failing inside the filter."""
    assert refusal([dict(BASE, after_hours={"shape": True})]) == "auto_attendant_list[0] (Main): " + BOOLEAN % (
        "after_hours.shape",
        "shape",
    )


def test_a_greeting_file_name_given_as_a_boolean_names_the_field():
    """A greeting dictionary whose file_name YAML made a boolean is refused naming greeting.file_name."""
    items = [dict(BASE, business_hours={"greeting": {"file_name": True}})]
    assert refusal(items) == "auto_attendant_list[0] (Main): " + BOOLEAN % (
        "business_hours.greeting.file_name",
        "file_name",
    )


def test_a_greeting_id_given_as_a_list_is_refused():
    """An announcement id must be text: a list is refused rather than sent as its Python spelling."""
    items = [dict(BASE, business_hours={"greeting": {"id": ["x"]}})]
    assert refusal(items) == "auto_attendant_list[0] (Main): business_hours.greeting.id: must be text, got list"


def test_text_choices_are_still_read_without_case_or_spaces():
    """The quoted spellings keep working: " Absent " is absent, and a numeric greeting id is still text."""
    [absent] = auto_attendant_module_args([dict(BASE, state=" Absent ")], SCHEDULE_DEFAULTS)
    assert absent == {"name": "Main", "location": "HQ", "state": "absent"}
    [present] = auto_attendant_module_args([dict(BASE, business_hours={"greeting": {"id": 42}})], SCHEDULE_DEFAULTS)
    assert present["business_hours_menu"]["audio_announcement_file"] == {"id": "42"}


# -- the forwarding field: merged with the defaults, judged by the forwarding module's rules -------------------------


RECEPTION = {
    "name": "Reception",
    "location": "Headquarters",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
}


CLOSED = {"always": {"enabled": True, "destination": "+19705550006"}}


RULE = {"name": "VIP", "forward_to": {"selection": "DO_NOT_FORWARD"}, "calls_from": {"selection": "ANY"}}


def test_forwarding_is_merged_with_the_defaults_and_passed_on():
    defaults = {"forwarding": {"always": {"destination": "+19705550006", "ring_reminder_enabled": True}}}
    item = dict(RECEPTION, forwarding={"always": {"enabled": True}, "rules": [RULE]})
    (args,) = auto_attendant_module_args([item], defaults)
    assert args["forwarding"] == {
        "always": {"destination": "+19705550006", "ring_reminder_enabled": True, "enabled": True},
        "rules": [RULE],
    }


def test_no_forwarding_means_no_key_and_absent_items_drop_it():
    assert "forwarding" not in auto_attendant_module_args([RECEPTION])[0]
    (absent,) = auto_attendant_module_args([dict(RECEPTION, state="absent", forwarding=CLOSED)])
    assert "forwarding" not in absent


@pytest.mark.parametrize(
    "forwarding, message",
    [
        ("closed", "forwarding: must be a dictionary of webex_auto_attendant_forwarding options, got str"),
        (
            {"always": CLOSED["always"], "sometimes": {}},
            "forwarding: unknown field(s) sometimes; known fields are always, purge_rules, rules, selective",
        ),
        (
            {"always": {"destination": "the mobile"}},
            "forwarding: always.destination: 'the mobile' is not an E.164 number (like +19705550006), an extension "
            "or an ESN",
        ),
        ({"rules": [{"enabled": True}]}, "forwarding: missing required arguments: name found in rules"),
        (
            {"purge_rules": True},
            "forwarding: purge_rules: needs rules (the rules to keep; rules: [] deletes every rule)",
        ),
    ],
)
def test_bad_forwarding_stops_the_role_naming_the_attendant(forwarding, message):
    with pytest.raises(AnsibleFilterError) as error:
        auto_attendant_module_args([RECEPTION, dict(RECEPTION, name="Second", extension="2101", forwarding=forwarding)])
    assert str(error.value) == "auto_attendant_list[1] (Second): " + message


def test_unset_forwarding_options_are_left_out_and_the_input_is_copied():
    rules = [RULE]
    (args,) = auto_attendant_module_args([dict(RECEPTION, forwarding={"selective": None, "rules": rules})])
    assert args["forwarding"] == {"rules": [RULE]}
    assert args["forwarding"]["rules"] is not rules and args["forwarding"]["rules"][0] is not RULE


# -- the greeting_file: the menu plays the uploaded file -------------------------------------------------------------


def test_the_menu_plays_the_file_at_the_location_level(tmp_path):
    args = auto_attendant_module_args(
        [
            site(
                name="HQ Main",
                business_schedule="Office hours",
                business_hours={"greeting_file": "files/hq-welcome.wav", "greeting": "x.wav"},
            )
        ]
    )[0]
    assert args["business_hours_menu"]["greeting"] == "CUSTOM"
    assert args["business_hours_menu"]["audio_announcement_file"] == {
        "file_name": "hq-welcome.wav",
        "media_file_type": "WAV",
        "level": "LOCATION",
    }
    assert args["after_hours_menu"]["greeting"] == "DEFAULT"
