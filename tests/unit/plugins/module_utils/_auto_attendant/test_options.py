"""_auto_attendant/options.py: webex_auto_attendant's options as the module and the role's filter check them: the
argument spec, validate_options() (the rules argument_spec cannot express) through check_options(), and
missing_for_create().

Most messages are compared whole: they are what a playbook author reads when the module or the filter refuses an item.
Options come in two forms here: as a playbook writes them (tests.builders) and as AnsibleModule hands them over
(shared.params()).
"""

import json

import pytest
from ansible.module_utils.basic import AnsibleModule
from ansible.module_utils.testing import patch_module_args

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from tests.builders import aa_options as attendant_options
from tests.builders import key, menu
from tests.unit.plugins.module_utils._auto_attendant.shared import (
    AUDIO_ID,
    module_options,
    params,
    params_key,
    params_menu,
)


def test_valid_options_give_no_errors():
    assert not aa_options.validate_options(params())


@pytest.mark.parametrize(
    "overrides, fragment",
    [
        ({"phone_number": "9705550026"}, "phone_number: '9705550026' is not an E.164 number"),
        ({"extension": "12a4"}, "extension: '12a4' must be 2 to 10 digits"),
        ({"extension": "12345678901"}, "extension: '12345678901' must be 2 to 10 digits"),
        ({"name": "x" * 81}, "name: 81 characters, the maximum is 80"),
        ({"name": "bad\x07name"}, "name: must not contain control characters"),
        ({"dial_by_name": "Sales+"}, "dial_by_name: must not contain"),
        (
            {
                "alternate_numbers": [
                    {"phone_number": "+15550001", "ring_pattern": "NORMAL"},
                    {"phone_number": "+15550001", "ring_pattern": "NORMAL"},
                ]
            },
            "alternate_numbers: +15550001 is listed more than once",
        ),
        (
            {"business_hours_menu": params_menu([params_key("1", "EXIT"), params_key("1", "REPEAT_MENU")])},
            "business_hours_menu.key_configurations (key 1): key 1 is used more than once",
        ),
        (
            {"after_hours_menu": params_menu([params_key("2", "TRANSFER_WITH_PROMPT")])},
            "after_hours_menu.key_configurations (key 2): action TRANSFER_WITH_PROMPT needs a value",
        ),
        (
            {"after_hours_menu": params_menu([params_key("2", "TRANSFER_WITHOUT_PROMPT", value="sales")])},
            "value 'sales' is neither an E.164 number",
        ),
        (
            {"business_hours_menu": params_menu([params_key("0", "TRANSFER_TO_OPERATOR", value="1000")])},
            "action TRANSFER_TO_OPERATOR takes no value, got '1000' (the service rejects it with error 4806",
        ),
        ({"business_hours_menu": params_menu([params_key("0", "EXIT", value="1000")])}, "action EXIT takes no value"),
        (
            {"business_hours_menu": params_menu([params_key("5", "PLAY_ANNOUNCEMENT")])},
            "action PLAY_ANNOUNCEMENT needs an audio_announcement_file",
        ),
        (
            {"business_hours_menu": params_menu([params_key("5", "EXIT", audio={"id": AUDIO_ID})])},
            "audio_announcement_file is only used with action PLAY_ANNOUNCEMENT",
        ),
        (
            {"business_hours_menu": params_menu([params_key("5", "PLAY_ANNOUNCEMENT", audio={"file_name": "a.wav"})])},
            "give the announcement id, or name and level, or all of file_name, media_file_type and level",
        ),
        (
            {"business_hours_menu": params_menu([])},
            "business_hours_menu.key_configurations: a menu needs at least one key",
        ),
        (
            {"business_hours_menu": params_menu([params_key("0", "EXIT")], call_treatment={"no_input_timer": 61})},
            "business_hours_menu.call_treatment.no_input_timer: 61 is out of range",
        ),
        (
            {"direct_line_caller_id_name": {"selection": "CUSTOM_NAME", "custom_name": None}},
            "direct_line_caller_id_name: selection CUSTOM_NAME needs custom_name",
        ),
    ],
)
def test_invalid_options_are_named(overrides, fragment):
    errors = aa_options.validate_options(params(**overrides))
    assert any(fragment in error for error in errors), errors


def test_absent_only_checks_identity():
    assert not aa_options.validate_options(params(state="absent", extension="bad"))


def test_missing_for_create():
    assert aa_options.missing_for_create(params()) == []
    assert aa_options.missing_for_create(params(extension=None, business_schedule=None, after_hours_menu=None)) == [
        "business_schedule",
        "after_hours_menu",
        "phone_number or extension",
    ]


def test_missing_for_create_accepts_a_phone_number_without_extension():
    """A phone number alone is enough to create: nothing is missing."""
    assert aa_options.check_options(attendant_options(extension=None, phone_number="+15551234567")) == []
    assert aa_options.missing_for_create(attendant_options(extension=None, phone_number="+15551234567")) == []


def test_missing_for_create_names_the_number_when_neither_is_given():
    """Without phone number and extension, the create names both as one missing option."""
    assert aa_options.missing_for_create(attendant_options(extension=None)) == ["phone_number or extension"]


# -- the argument spec ----------------------------------------------------------------------------------------------


# The keys AnsibleModule (and ansible-test's validate-modules schema) reads in an option's spec.
SPEC_KEYS = {
    "type",
    "elements",
    "default",
    "required",
    "choices",
    "aliases",
    "no_log",
    "options",
    "apply_defaults",
    "fallback",
    "removed_in_version",
    "removed_at_date",
    "removed_from_collection",
    "deprecated_aliases",
    "mutually_exclusive",
    "required_together",
    "required_one_of",
    "required_if",
    "required_by",
    "context",
}


def unknown_spec_keys(spec, path=""):
    found = []
    for name, option in spec.items():
        found += ["%s%s: %s" % (path, name, field) for field in sorted(set(option) - SPEC_KEYS)]
        found += unknown_spec_keys(option.get("options") or {}, path + name + ".")
    return found


def test_every_option_spec_uses_only_keys_ansible_reads():
    """A misspelt key in an option's spec (requried=True, typ="int") is silently ignored by AnsibleModule, so the
    option would not be checked as documented; ansible-test rejects the spec. None may be there, at any depth."""
    assert unknown_spec_keys(aa_options.argument_spec()) == []


def test_unknown_spec_keys_are_found():
    """The check itself: a misspelt key is reported with the option's path."""
    spec = {"menu": {"type": "dict", "options": {"key": {"typ": "str", "requried": True}}}}
    assert unknown_spec_keys(spec) == ["menu.key: requried", "menu.key: typ"]


def test_the_menu_keys_are_shown_in_the_module_result(capsys):
    """key_configurations is not secret: the module's result shows the keys, actions, values and descriptions as
    they are (a no_log option would have Ansible mask every occurrence of them as ********)."""
    keys = [key("0", "TRANSFER_WITHOUT_PROMPT", value="2200", description="Sales")]
    options = attendant_options(business_hours_menu=menu(*keys), after_hours_menu=menu(key("1", "EXIT")))
    with patch_module_args(options), pytest.raises(SystemExit):
        module = AnsibleModule(argument_spec=aa_options.argument_spec())
        module.exit_json(
            changed=False, auto_attendant=aa_compare.to_snake(aa_compare.desired_from_options(module.params))
        )
    result = json.loads(capsys.readouterr().out)
    assert result["auto_attendant"] == {
        "name": "Reception",
        "extension": "2100",
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [
                {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "description": "Sales", "value": "2200"}
            ],
        },
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [{"key": "1", "action": "EXIT"}],
        },
    }


# -- menus: the rules argument_spec cannot express, every message whole ---------------------------------------------


def problems_with_menu(business_hours_menu):
    return aa_options.check_options(attendant_options(business_hours_menu=business_hours_menu))


def test_a_menu_without_keys_is_refused():
    """An empty key_configurations is named with the menu."""
    assert problems_with_menu(menu(key_configurations=[])) == [
        "business_hours_menu.key_configurations: a menu needs at least one key"
    ]


def test_a_key_given_twice_is_refused():
    """The second use of a key is named with the key."""
    assert problems_with_menu(menu(key("1", "EXIT"), key("1", "REPEAT_MENU"))) == [
        "business_hours_menu.key_configurations (key 1): key 1 is used more than once in the menu"
    ]


def test_a_transfer_to_a_name_is_refused():
    """A transfer destination that is neither an E.164 number nor digits is refused with the value."""
    assert problems_with_menu(menu(key("2", "TRANSFER_WITH_PROMPT", value="sales"))) == [
        "business_hours_menu.key_configurations (key 2): value 'sales' is neither an E.164 number (+15551234567) nor "
        "an extension (digits)"
    ]


def test_a_value_on_an_action_without_one_is_refused_without_a_hint():
    """Only TRANSFER_TO_OPERATOR gets a hint; any other action that takes no value ends the message at the value."""
    assert problems_with_menu(menu(key("0", "EXIT", value="1000"))) == [
        "business_hours_menu.key_configurations (key 0): action EXIT takes no value, got '1000'"
    ]


@pytest.mark.parametrize("timer", [1, 60])
def test_no_input_timer_bounds_are_accepted(timer):
    """1 and 60 seconds are both within the no-input timer's range."""
    assert problems_with_menu(menu(call_treatment=dict(no_input_timer=timer))) == []


@pytest.mark.parametrize("timer", [0, 61])
def test_no_input_timer_outside_the_bounds_is_refused(timer):
    """Just outside 1 to 60 seconds, the timer is refused with its value."""
    assert problems_with_menu(menu(call_treatment=dict(no_input_timer=timer))) == [
        "business_hours_menu.call_treatment.no_input_timer: %d is out of range (1 to 60 seconds)" % timer
    ]


@pytest.mark.parametrize("action", ["TRANSFER_WITH_PROMPT", "TRANSFER_WITHOUT_PROMPT", "TRANSFER_TO_MAILBOX"])
def test_a_no_input_transfer_without_destination_is_refused(action):
    """The call treatment's transfer actions need transfer_call_to; the message names the action."""
    treatment = dict(action_to_be_performed=dict(action=action))
    assert problems_with_menu(menu(call_treatment=treatment)) == [
        "business_hours_menu.call_treatment.action_to_be_performed: action %s needs transfer_call_to" % action
    ]


def test_a_no_input_transfer_with_destination_is_accepted():
    """With transfer_call_to, the no-input transfer is valid."""
    treatment = dict(action_to_be_performed=dict(action="TRANSFER_WITH_PROMPT", transfer_call_to="2200"))
    assert problems_with_menu(menu(call_treatment=treatment)) == []


def test_an_announcement_name_at_the_attendants_own_level_is_refused():
    """A file given by announcement name must be at a repository level; ENTITY is refused with the ways to give it."""
    audio = dict(name="Welcome", level="ENTITY")
    assert problems_with_menu(menu(greeting="CUSTOM", audio_announcement_file=audio)) == [
        "business_hours_menu.audio_announcement_file.level: ENTITY cannot be used with name; the announcement "
        "repository holds ORGANIZATION and LOCATION announcements (give an attendant's own file by id, or by "
        "file_name, media_file_type and level)"
    ]


# -- text options YAML made a number or a boolean of, and the other messages whole ----------------------------------


NUMBER = (
    ": is the number %s, not text (YAML reads unquoted digits as a number: 0100 becomes 64, 1_000 becomes 1000); "
    'quote it, for example %s: "0100"'
)


BOOLEAN = (
    ": is the boolean %s, not text (YAML reads an unquoted yes, no, on, off, true or false as a boolean); "
    'quote it, for example %s: "no"'
)


def test_valid_options_are_accepted():
    """The base options of these tests are valid, so every message below comes from the override alone."""
    assert aa_options.check_options(attendant_options()) == []


def test_alternate_number_given_as_a_number_is_named_by_its_index():
    """An unquoted alternate number is refused as not text, naming the entry by its index (no crash on the int)."""
    alternates = [
        {"phone_number": "+15551230000", "ring_pattern": "NORMAL"},
        {"phone_number": 15551234567, "ring_pattern": "NORMAL"},
    ]
    assert aa_options.check_options(attendant_options(alternate_numbers=alternates)) == [
        "alternate_numbers[1].phone_number" + NUMBER % (15551234567, "phone_number")
    ]


def test_custom_caller_id_name_given_as_a_number_is_refused():
    """An unquoted direct-line custom name (digits) is refused as not text instead of being sent as a number."""
    caller_id = {"selection": "CUSTOM_NAME", "custom_name": 7}
    assert aa_options.check_options(attendant_options(direct_line_caller_id_name=caller_id)) == [
        "direct_line_caller_id_name.custom_name" + NUMBER % (7, "custom_name")
    ]


@pytest.mark.parametrize("menu_option", aa_options.MENUS)
def test_key_value_and_description_not_text_are_named_by_menu_and_key(menu_option):
    """A key's unquoted value (number) and description (boolean) are each refused, named by menu, key and field."""
    keys = [{"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": 2100, "description": True}]
    assert aa_options.check_options(attendant_options(**{menu_option: menu(*keys)})) == [
        "%s.key_configurations (key 3).value" % menu_option + NUMBER % (2100, "value"),
        "%s.key_configurations (key 3).description" % menu_option + BOOLEAN % ("true", "description"),
    ]


@pytest.mark.parametrize("menu_option", aa_options.MENUS)
def test_call_treatment_transfer_number_not_text_is_refused(menu_option):
    """An unquoted transfer_call_to of a menu's no-input action is refused as not text, named by its full path."""
    treatment = {"action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "transfer_call_to": 2200}}
    assert aa_options.check_options(attendant_options(**{menu_option: menu(call_treatment=treatment)})) == [
        "%s.call_treatment.action_to_be_performed.transfer_call_to" % menu_option + NUMBER % (2200, "transfer_call_to")
    ]


@pytest.mark.parametrize("location", [None, "", "   "])
def test_empty_location_is_refused(location):
    """`location:` left empty in YAML (null), an empty string or blanks is refused with one exact message."""
    assert aa_options.check_options(attendant_options(location=location)) == ["location: must not be empty"]


def test_empty_location_is_refused_for_absent_too():
    """A deletion needs the location as much as a create: the message also comes with state absent."""
    assert aa_options.check_options(attendant_options(location="", state="absent")) == ["location: must not be empty"]


def test_bad_and_repeated_alternate_numbers_are_refused_exactly():
    """A non-E.164 alternate number and a number listed twice each get their own full message."""
    alternates = [
        {"phone_number": "5551234567", "ring_pattern": "NORMAL"},
        {"phone_number": "+15550001", "ring_pattern": "NORMAL"},
        {"phone_number": "+15550001", "ring_pattern": "LONG_LONG"},
    ]
    assert aa_options.check_options(attendant_options(alternate_numbers=alternates)) == [
        "alternate_numbers: '5551234567' is not an E.164 number (like +15551234567)",
        "alternate_numbers: +15550001 is listed more than once",
    ]


def test_blank_schedule_names_are_refused_and_an_empty_holiday_schedule_clears_it():
    """The business schedule cannot be cleared; holiday_schedule "" means no holiday schedule, blanks name none."""
    assert aa_options.check_options(attendant_options(business_schedule="  ", holiday_schedule=" ")) == [
        "business_schedule: is empty; give the name of a business hours schedule of the location",
        'holiday_schedule: is blank; give the name of a holiday schedule, or "" for none',
    ]
    assert aa_options.check_options(attendant_options(holiday_schedule="")) == []


@pytest.mark.parametrize("greeting,problems", [("DEFAULT", []), ("CUSTOM", ["needs greeting DEFAULT"])])
def test_an_empty_menu_audio_file_clears_it_with_the_default_greeting_only(greeting, problems):
    menu = {
        "greeting": greeting,
        "extension_enabled": True,
        "audio_announcement_file": {},
        "key_configurations": [{"key": "0", "action": "EXIT"}],
    }
    found = aa_options.check_options(attendant_options(business_hours_menu=menu))
    assert [problem.split(": ", 1)[0] for problem in found] == [
        "business_hours_menu.audio_announcement_file" for _problem in problems
    ]
    assert all(expected in problem for expected, problem in zip(problems, found))
    # Anywhere else an empty audio file still names no file.
    menu["audio_announcement_file"] = None
    menu["key_configurations"] = [{"key": "1", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": {}}]
    assert aa_options.check_options(attendant_options(business_hours_menu=menu)) == [
        "business_hours_menu.key_configurations (key 1).audio_announcement_file: give the announcement id, or name "
        "and level, or all of file_name, media_file_type and level"
    ]


def test_dial_by_name_and_custom_caller_id_messages_are_exact():
    """A forbidden character in dial_by_name and CUSTOM_NAME without custom_name give their full messages."""
    caller_id = {"selection": "CUSTOM_NAME"}
    assert aa_options.check_options(attendant_options(dial_by_name="Sales+", direct_line_caller_id_name=caller_id)) == [
        'dial_by_name: must not contain %, +, \\, " or non-ASCII characters',
        "direct_line_caller_id_name: selection CUSTOM_NAME needs custom_name",
    ]


def test_malformed_reference_is_reported_not_raised():
    """An empty auto_attendant reference is reported as a message (the menu is then checked as written), not raised."""
    keys = [{"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": ""}]
    assert aa_options.check_options(attendant_options(business_hours_menu=menu(*keys))) == [
        "business_hours_menu.key_configurations (key 2).auto_attendant: must be the name of an auto attendant, got "
        "an empty string",
        "business_hours_menu.key_configurations (key 2): action TRANSFER_WITHOUT_PROMPT needs a value (the number or "
        "extension to transfer to)",
    ]


# -- audio files given by announcement name -------------------------------------------------------------------------


GREETING = "business_hours_menu.audio_announcement_file"


KEY = "business_hours_menu.key_configurations (key 5).audio_announcement_file"


TREATMENT = "business_hours_menu.call_treatment.action_to_be_performed.audio_announcement_file"


def placed(where, audio):
    """Options with AUDIO at the option path WHERE (greeting, key, call treatment)."""
    return module_options(
        greeting=audio if where == GREETING else None,
        key_file=audio if where == KEY else None,
        treatment_file=audio if where == TREATMENT else None,
    )


@pytest.mark.parametrize("where", [GREETING, KEY, TREATMENT])
def test_name_and_level_are_accepted_everywhere_a_file_is(where):
    for level in ("ORGANIZATION", "LOCATION"):
        assert aa_options.check_options(placed(where, {"name": "Welcome", "level": level})) == []


@pytest.mark.parametrize("where", [GREETING, KEY, TREATMENT])
@pytest.mark.parametrize(
    "audio, message",
    [
        (
            {"name": "Welcome", "level": "LOCATION", "id": "ANN1"},
            ": name cannot be combined with id; name the file one way: id, or name and level, or file_name, "
            "media_file_type and level",
        ),
        (
            {"name": "Welcome", "level": "LOCATION", "file_name": "welcome.wav"},
            ": name cannot be combined with file_name;",
        ),
        (
            {"name": "Welcome", "level": "LOCATION", "file_name": "welcome.wav", "media_file_type": "WAV"},
            ": name cannot be combined with file_name, media_file_type;",
        ),
        (
            {"name": "Welcome", "level": "LOCATION", "media_file_type": "WAV"},
            ": name cannot be combined with media_file_type;",
        ),
        ({"name": "Welcome", "level": "ENTITY"}, ".level: ENTITY cannot be used with name;"),
        ({"name": "Welcome"}, ".level: required with name (ORGANIZATION or LOCATION"),
        ({"name": "", "level": "LOCATION"}, ".name: must not be empty"),
        ({"name": "x" * 257, "level": "LOCATION"}, ".name: 257 characters, the maximum is 256"),
    ],
)
def test_a_file_named_two_ways_or_at_a_wrong_level_is_refused_naming_the_option(where, audio, message):
    problems = aa_options.check_options(placed(where, audio))
    assert [problem for problem in problems if problem.startswith(where + message)], problems


def test_a_name_yaml_made_a_number_of_is_refused_like_every_text_option():
    problems = aa_options.check_options(placed(GREETING, {"name": 2024, "level": "ORGANIZATION"}))
    assert len(problems) == 1 and problems[0].startswith(GREETING + ".name: "), problems
    assert "quote it" in problems[0]


def test_level_is_upper_case_as_for_the_other_forms():
    problems = aa_options.check_options(placed(GREETING, {"name": "Welcome", "level": "location"}))
    assert problems and "level" in problems[0], problems
