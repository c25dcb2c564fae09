"""webex_auto_attendant's options as the module and the role's filter check them: the argument spec, the menu and
audio file rules argument_spec cannot express, and what the options become (the body, the options a create needs).

Every message is compared whole: it is what a playbook author reads when the module or the filter refuses an item.
"""

import json

import pytest
from ansible.module_utils.basic import AnsibleModule
from ansible.module_utils.testing import patch_module_args

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options

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


def key(k, action, **fields):
    return dict(key=k, action=action, **fields)


def menu(keys, greeting="DEFAULT", **fields):
    return dict(greeting=greeting, extension_enabled=True, key_configurations=keys, **fields)


def item(**overrides):
    """Options of one attendant as a playbook gives them (unset options left out)."""
    options = dict(
        name="Reception",
        location="Headquarters",
        extension="2100",
        business_schedule="AUTOATTENDANT-BUSINESS-HOURS",
        business_hours_menu=menu([key("0", "EXIT")]),
        after_hours_menu=menu([key("0", "EXIT")]),
    )
    options.update(overrides)
    return options


def problems_with_menu(business_hours_menu):
    return aa_options.check_options(item(business_hours_menu=business_hours_menu))


# -- the argument spec -------------------------------------------------------------------------------------------


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
    options = item(business_hours_menu=menu(keys), after_hours_menu=menu([key("1", "EXIT")]))
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


# -- menus ---------------------------------------------------------------------------------------------------------


def test_a_menu_without_keys_is_refused():
    """An empty key_configurations is named with the menu."""
    assert problems_with_menu(menu([])) == ["business_hours_menu.key_configurations: a menu needs at least one key"]


def test_a_key_given_twice_is_refused():
    """The second use of a key is named with the key."""
    assert problems_with_menu(menu([key("1", "EXIT"), key("1", "REPEAT_MENU")])) == [
        "business_hours_menu.key_configurations (key 1): key 1 is used more than once in the menu"
    ]


def test_a_transfer_to_a_name_is_refused():
    """A transfer destination that is neither an E.164 number nor digits is refused with the value."""
    assert problems_with_menu(menu([key("2", "TRANSFER_WITH_PROMPT", value="sales")])) == [
        "business_hours_menu.key_configurations (key 2): value 'sales' is neither an E.164 number (+15551234567) nor "
        "an extension (digits)"
    ]


def test_a_value_on_an_action_without_one_is_refused_without_a_hint():
    """Only TRANSFER_TO_OPERATOR gets a hint; any other action that takes no value ends the message at the value."""
    assert problems_with_menu(menu([key("0", "EXIT", value="1000")])) == [
        "business_hours_menu.key_configurations (key 0): action EXIT takes no value, got '1000'"
    ]


@pytest.mark.parametrize("timer", [1, 60])
def test_no_input_timer_bounds_are_accepted(timer):
    """1 and 60 seconds are both within the no-input timer's range."""
    assert problems_with_menu(menu([key("0", "EXIT")], call_treatment=dict(no_input_timer=timer))) == []


@pytest.mark.parametrize("timer", [0, 61])
def test_no_input_timer_outside_the_bounds_is_refused(timer):
    """Just outside 1 to 60 seconds, the timer is refused with its value."""
    assert problems_with_menu(menu([key("0", "EXIT")], call_treatment=dict(no_input_timer=timer))) == [
        "business_hours_menu.call_treatment.no_input_timer: %d is out of range (1 to 60 seconds)" % timer
    ]


@pytest.mark.parametrize("action", ["TRANSFER_WITH_PROMPT", "TRANSFER_WITHOUT_PROMPT", "TRANSFER_TO_MAILBOX"])
def test_a_no_input_transfer_without_destination_is_refused(action):
    """The call treatment's transfer actions need transfer_call_to; the message names the action."""
    treatment = dict(action_to_be_performed=dict(action=action))
    assert problems_with_menu(menu([key("0", "EXIT")], call_treatment=treatment)) == [
        "business_hours_menu.call_treatment.action_to_be_performed: action %s needs transfer_call_to" % action
    ]


def test_a_no_input_transfer_with_destination_is_accepted():
    """With transfer_call_to, the no-input transfer is valid."""
    treatment = dict(action_to_be_performed=dict(action="TRANSFER_WITH_PROMPT", transfer_call_to="2200"))
    assert problems_with_menu(menu([key("0", "EXIT")], call_treatment=treatment)) == []


def test_an_announcement_name_at_the_attendants_own_level_is_refused():
    """A file given by announcement name must be at a repository level; ENTITY is refused with the ways to give it."""
    audio = dict(name="Welcome", level="ENTITY")
    assert problems_with_menu(menu([key("0", "EXIT")], greeting="CUSTOM", audio_announcement_file=audio)) == [
        "business_hours_menu.audio_announcement_file.level: ENTITY cannot be used with name; the announcement "
        "repository holds ORGANIZATION and LOCATION announcements (give an attendant's own file by id, or by "
        "file_name, media_file_type and level)"
    ]


# -- what the options become -------------------------------------------------------------------------------------


def test_missing_for_create_accepts_a_phone_number_without_extension():
    """A phone number alone is enough to create: nothing is missing."""
    assert aa_options.check_options(item(extension=None, phone_number="+15551234567")) == []
    assert aa_options.missing_for_create(item(extension=None, phone_number="+15551234567")) == []


def test_missing_for_create_names_the_number_when_neither_is_given():
    """Without phone number and extension, the create names both as one missing option."""
    assert aa_options.missing_for_create(item(extension=None)) == ["phone_number or extension"]


def test_toll_free_number_is_never_sent():
    """An alternate number's toll_free_number is the service's to derive: the body leaves it out, whatever its value."""
    options = item(
        alternate_numbers=[
            dict(phone_number="+15551230001", ring_pattern="NORMAL", toll_free_number=True),
            dict(phone_number="+15551230002", ring_pattern="LONG_LONG", toll_free_number=False),
        ]
    )
    assert aa_compare.desired_from_options(options)["alternateNumbers"] == [
        {"phoneNumber": "+15551230001", "ringPattern": "NORMAL"},
        {"phoneNumber": "+15551230002", "ringPattern": "LONG_LONG"},
    ]
