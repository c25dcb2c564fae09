"""The menu shape of menus.py: the keypad order of keys, and the one walk over both menus (places(), transfers())."""

from ansible_collections.wxc.calling.plugins.module_utils import menus
from tests.builders import api_menu, key, menu

TO_RECEPTION = {"action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "transfer_call_to": "2200"}}
ATTENDANT = {
    "name": "Main",
    "business_hours_menu": menu(
        key(1, "TRANSFER_WITHOUT_PROMPT", value="2100"), key(0, "EXIT"), call_treatment=TO_RECEPTION
    ),
    "after_hours_menu": menu(key(2, "EXIT")),
}


def test_key_order_is_the_keypad_order_and_anything_else_comes_last():
    entries = [{"key": k} for k in ("#", "A", "*", "9", "0")] + [None, {"action": "EXIT"}]
    assert sorted(entries, key=menus.key_order) == [
        {"key": "0"},
        {"key": "9"},
        {"key": "*"},
        {"key": "#"},
        {"key": "A"},
        None,
        {"action": "EXIT"},
    ]
    assert (menus.key_order({"key": "0"}), menus.key_order({"key": "*"}), menus.key_order({"key": "#"})) == (0, 10, 11)
    assert menus.key_order({"key": "A"}) == menus.key_order(None) == menus.key_order("0") == 12


def test_places_walk_each_menu_then_its_keys_as_listed_then_its_no_input_action():
    walked = [(p.menu, p.kind, p.key, p.path, p.destination_field) for p in menus.places(ATTENDANT)]
    assert walked == [
        ("business_hours_menu", "menu", None, "business_hours_menu", None),
        ("business_hours_menu", "key", "1", "business_hours_menu.key_configurations (key 1)", "value"),
        ("business_hours_menu", "key", "0", "business_hours_menu.key_configurations (key 0)", "value"),
        (
            "business_hours_menu",
            "no_input",
            None,
            "business_hours_menu.call_treatment.action_to_be_performed",
            "transfer_call_to",
        ),
        ("after_hours_menu", "menu", None, "after_hours_menu", None),
        ("after_hours_menu", "key", "2", "after_hours_menu.key_configurations (key 2)", "value"),
    ]
    # Each place holds the dictionary itself: a change made through it is a change of the attendant.
    business = ATTENDANT["business_hours_menu"]
    holders = [p.holder for p in menus.places(ATTENDANT)][:4]
    assert holders[0] is business and holders[1] is business["key_configurations"][0]
    assert holders[3] is business["call_treatment"]["action_to_be_performed"]


def test_places_of_the_api_form_are_named_by_their_option_paths():
    treatment = {"actionToBePerformed": {"action": "TRANSFER_WITH_PROMPT", "transferCallTo": "2100"}}
    details = {
        "afterHoursMenu": api_menu(key(3, "TRANSFER_WITH_PROMPT", value="+19705550006"), callTreatment=treatment)
    }
    assert [(p.menu, p.kind, p.path, p.destination_field) for p in menus.places(details, menus.API)] == [
        ("after_hours_menu", "menu", "after_hours_menu", None),
        ("after_hours_menu", "key", "after_hours_menu.key_configurations (key 3)", "value"),
        ("after_hours_menu", "no_input", "after_hours_menu.call_treatment.action_to_be_performed", "transferCallTo"),
    ]
    # The option names of the menus are not the API's: an attendant in options form has no API menu.
    assert list(menus.places(ATTENDANT, menus.API)) == []


def test_places_of_the_kinds_asked_for_only():
    assert [p.kind for p in menus.places(ATTENDANT, kinds=("no_input",))] == ["no_input"]
    assert [p.path for p in menus.places(ATTENDANT, kinds=("menu",))] == ["business_hours_menu", "after_hours_menu"]
    assert [p.key for p in menus.places(ATTENDANT, kinds=("key",))] == ["1", "0", "2"]


def test_places_pass_over_what_is_not_a_menu_a_key_or_an_action():
    odd = {
        "business_hours_menu": "closed",
        "after_hours_menu": {
            "key_configurations": [None, "1", key(4, "EXIT")],
            "call_treatment": {"action_to_be_performed": "DISCONNECT"},
        },
    }
    assert [(p.kind, p.key) for p in menus.places(odd)] == [("menu", None), ("key", "4")]
    bare = {"after_hours_menu": {"key_configurations": {"key": "1"}, "call_treatment": "none"}}
    assert [p.kind for p in menus.places(bare)] == ["menu"]
    assert list(menus.places(None)) == [] and list(menus.places({})) == []


def test_transfers_are_the_keys_and_no_input_actions_with_a_destination():
    attendant = {
        "business_hours_menu": menu(
            key(1, "TRANSFER_WITHOUT_PROMPT", value="2100"),
            key(2, "TRANSFER_WITH_PROMPT", value=""),
            key(3, "EXIT"),
            key(4, "TRANSFER_TO_MAILBOX", value=None),
            call_treatment=TO_RECEPTION,
        ),
        "after_hours_menu": menu(
            call_treatment={"action_to_be_performed": {"action": "DISCONNECT", "transfer_call_to": ""}}
        ),
    }
    assert [p.path for p in menus.transfers(attendant)] == [
        "business_hours_menu.key_configurations (key 1)",
        "business_hours_menu.call_treatment.action_to_be_performed",
    ]
    details = {"businessHoursMenu": api_menu(key(1, "TRANSFER_WITHOUT_PROMPT", value="2100"))}
    assert [(p.key, p.holder[p.destination_field]) for p in menus.transfers(details, menus.API)] == [("1", "2100")]
