"""Number normalisation (phone_numbers.py) and where the auto attendant resource applies it."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils.numbers import normalise, same_number


@pytest.mark.parametrize(
    "value,expected",
    [
        ("+1-9195559876", "+19195559876"),  # the live read-back form of a North-American number
        ("+19195559876", "+19195559876"),
        ("+44 20 7123 4567", "+442071234567"),
        ("+1 (919) 555-9876", "+19195559876"),
        ("2100", "2100"),  # extensions and ESNs are not numbers with "+": unchanged
        ("80012100", "80012100"),
        ("+1-abc", "+1-abc"),  # not a number at all: unchanged, so that validation still sees it
        ("", ""),
        (None, None),
    ],
)
def test_normalise(value, expected):
    assert normalise(value) == expected


def test_same_number_compares_the_canonical_forms():
    assert same_number("+1-9195559876", "+19195559876")
    # Forwarding rules read NANP numbers back without their +: the same number, for every resource.
    assert same_number("+1-9195559876", "9195559876")
    assert same_number("", None) and not same_number("2100", "2101")
    assert not same_number("+449195559876", "9195559876")


def menu(keys, transfer_to=None):
    result = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": keys}
    if transfer_to:
        result["callTreatment"] = {
            "actionToBePerformed": {"action": "TRANSFER_WITH_PROMPT", "transferCallTo": transfer_to}
        }
    return result


def test_writable_normalises_every_number_and_drops_operator_values():
    details = {
        "phoneNumber": "+1-9705550010",
        "alternateNumbers": [{"phoneNumber": "+1-9705550011", "ringPattern": "NORMAL"}],
        "businessHoursMenu": menu(
            [
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+1-9195559876"},
                {"key": "0", "action": "TRANSFER_TO_OPERATOR", "value": "2000"},
            ],
            "+1-9195559877",
        ),
        "afterHoursMenu": menu([{"key": "0", "action": "EXIT"}]),
    }
    current = aa_compare.writable(details)
    assert current["phoneNumber"] == "+19705550010"
    assert current["alternateNumbers"][0]["phoneNumber"] == "+19705550011"
    assert current["businessHoursMenu"]["keyConfigurations"] == [
        {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876"},
    ]
    assert current["businessHoursMenu"]["callTreatment"]["actionToBePerformed"]["transferCallTo"] == "+19195559877"
    assert details["businessHoursMenu"]["keyConfigurations"][0]["value"] == "+1-9195559876"  # the input is untouched
    assert aa_compare.operator_values(details) == [("business_hours_menu", "0", "2000")]
    desired = {
        "phoneNumber": "+19705550010",
        "businessHoursMenu": {
            "keyConfigurations": [
                {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+19195559876"},
            ]
        },
    }
    assert aa_compare.differences(desired, current) == []


def test_a_menu_sent_whole_keeps_unknown_fields_of_the_same_key_only():
    have = {
        "greeting": "DEFAULT",
        "extensionEnabled": True,
        "future": 1,
        "keyConfigurations": [
            {"key": "0", "action": "EXIT", "extra": "x"},
            {"key": "1", "action": "EXIT", "extra": "y"},
        ],
    }
    want = {
        "keyConfigurations": [
            {"key": "0", "action": "EXIT", "description": "Bye"},
            {"key": "1", "action": "REPEAT_MENU"},
        ]
    }
    update = aa_compare.changes({"businessHoursMenu": want}, {"businessHoursMenu": have})
    assert update["businessHoursMenu"]["future"] == 1
    assert update["businessHoursMenu"]["keyConfigurations"] == [
        {"key": "0", "action": "EXIT", "description": "Bye", "extra": "x"},
        {"key": "1", "action": "REPEAT_MENU"},
    ]
