"""validate_options() messages, checked whole through check_options() (the rulebook of the module, role and export).

Pins the path each text option is reported under when YAML made a number or boolean of it, and the exact wording of
the identity, number, schedule, dial-by-name and caller-id messages.
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options

NUMBER = (
    ": is the number %s, not text (YAML reads unquoted digits as a number: 0100 becomes 64, 1_000 becomes 1000); "
    'quote it, for example %s: "0100"'
)
BOOLEAN = (
    ": is the boolean %s, not text (YAML reads an unquoted yes, no, on, off, true or false as a boolean); "
    'quote it, for example %s: "no"'
)


def menu(keys=None, call_treatment=None):
    result = {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": keys or [{"key": "0", "action": "EXIT"}],
    }
    if call_treatment is not None:
        result["call_treatment"] = call_treatment
    return result


def options(**overrides):
    """Options as a playbook writes them: only the ones given."""
    result = {
        "name": "Reception",
        "location": "Headquarters",
        "extension": "2100",
        "business_schedule": "Office Hours",
        "business_hours_menu": menu(),
        "after_hours_menu": menu(),
    }
    result.update(overrides)
    return result


def test_valid_options_are_accepted():
    """The base options of these tests are valid, so every message below comes from the override alone."""
    assert aa_options.check_options(options()) == []


def test_alternate_number_given_as_a_number_is_named_by_its_index():
    """An unquoted alternate number is refused as not text, naming the entry by its index (no crash on the int)."""
    alternates = [
        {"phone_number": "+15551230000", "ring_pattern": "NORMAL"},
        {"phone_number": 15551234567, "ring_pattern": "NORMAL"},
    ]
    assert aa_options.check_options(options(alternate_numbers=alternates)) == [
        "alternate_numbers[1].phone_number" + NUMBER % (15551234567, "phone_number")
    ]


def test_custom_caller_id_name_given_as_a_number_is_refused():
    """An unquoted direct-line custom name (digits) is refused as not text instead of being sent as a number."""
    caller_id = {"selection": "CUSTOM_NAME", "custom_name": 7}
    assert aa_options.check_options(options(direct_line_caller_id_name=caller_id)) == [
        "direct_line_caller_id_name.custom_name" + NUMBER % (7, "custom_name")
    ]


@pytest.mark.parametrize("menu_option", aa_options.MENUS)
def test_key_value_and_description_not_text_are_named_by_menu_and_key(menu_option):
    """A key's unquoted value (number) and description (boolean) are each refused, named by menu, key and field."""
    keys = [{"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": 2100, "description": True}]
    assert aa_options.check_options(options(**{menu_option: menu(keys)})) == [
        "%s.key_configurations (key 3).value" % menu_option + NUMBER % (2100, "value"),
        "%s.key_configurations (key 3).description" % menu_option + BOOLEAN % ("true", "description"),
    ]


@pytest.mark.parametrize("menu_option", aa_options.MENUS)
def test_call_treatment_transfer_number_not_text_is_refused(menu_option):
    """An unquoted transfer_call_to of a menu's no-input action is refused as not text, named by its full path."""
    treatment = {"action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "transfer_call_to": 2200}}
    assert aa_options.check_options(options(**{menu_option: menu(call_treatment=treatment)})) == [
        "%s.call_treatment.action_to_be_performed.transfer_call_to" % menu_option + NUMBER % (2200, "transfer_call_to")
    ]


@pytest.mark.parametrize("location", [None, "", "   "])
def test_empty_location_is_refused(location):
    """`location:` left empty in YAML (null), an empty string or blanks is refused with one exact message."""
    assert aa_options.check_options(options(location=location)) == ["location: must not be empty"]


def test_empty_location_is_refused_for_absent_too():
    """A deletion needs the location as much as a create: the message also comes with state absent."""
    assert aa_options.check_options(options(location="", state="absent")) == ["location: must not be empty"]


def test_bad_and_repeated_alternate_numbers_are_refused_exactly():
    """A non-E.164 alternate number and a number listed twice each get their own full message."""
    alternates = [
        {"phone_number": "5551234567", "ring_pattern": "NORMAL"},
        {"phone_number": "+15550001", "ring_pattern": "NORMAL"},
        {"phone_number": "+15550001", "ring_pattern": "LONG_LONG"},
    ]
    assert aa_options.check_options(options(alternate_numbers=alternates)) == [
        "alternate_numbers: '5551234567' is not an E.164 number (like +15551234567)",
        "alternate_numbers: +15550001 is listed more than once",
    ]


def test_empty_schedule_names_are_refused():
    """A blank business schedule and an empty holiday schedule are each refused, naming the option."""
    assert aa_options.check_options(options(business_schedule="  ", holiday_schedule="")) == [
        "business_schedule: is empty; give the name of a schedule of the location, or leave the option out",
        "holiday_schedule: is empty; give the name of a schedule of the location, or leave the option out",
    ]


def test_dial_by_name_and_custom_caller_id_messages_are_exact():
    """A forbidden character in dial_by_name and CUSTOM_NAME without custom_name give their full messages."""
    caller_id = {"selection": "CUSTOM_NAME"}
    assert aa_options.check_options(options(dial_by_name="Sales+", direct_line_caller_id_name=caller_id)) == [
        'dial_by_name: must not contain %, +, \\, " or non-ASCII characters',
        "direct_line_caller_id_name: selection CUSTOM_NAME needs custom_name",
    ]


def test_malformed_reference_is_reported_not_raised():
    """An empty auto_attendant reference is reported as a message (the menu is then checked as written), not raised."""
    keys = [{"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": ""}]
    assert aa_options.check_options(options(business_hours_menu=menu(keys))) == [
        "business_hours_menu.key_configurations (key 2).auto_attendant: must be the name of an auto attendant, got "
        "an empty string",
        "business_hours_menu.key_configurations (key 2): action TRANSFER_WITHOUT_PROMPT needs a value (the number or "
        "extension to transfer to)",
    ]
