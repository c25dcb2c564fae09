"""references.py at its edges: the exact messages a user reads, locations given by id, an attendant naming itself,
and the helpers of the export and of a cycle's first pass (make mutation found these unheld)."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.references import UnresolvedReference

HQ, BRANCH = "HQ-ID", "BRANCH-ID"
KEY1 = "business_hours_menu.key_configurations (key 1).auto_attendant"


def params(*keys, after=None, **fields):
    result = {"name": "Main", "location": "Headquarters", "extension": "2000"}
    result.update(fields)
    result["business_hours_menu"] = {"key_configurations": list(keys)}
    if after is not None:
        result["after_hours_menu"] = after
    return result


def key(target, number="1", action="TRANSFER_WITHOUT_PROMPT"):
    return {"key": number, "action": action, "auto_attendant": target}


class Lookup:
    def __init__(self, items):
        self.items = items
        self.calls = []

    def __call__(self, name):
        self.calls.append(name)
        return [item for item in self.items if item["name"] == name]


def resolve_error(given, items, own="Headquarters", **kwargs):
    with pytest.raises(UnresolvedReference) as caught:
        references.resolve(given, own, Lookup(items), **kwargs)
    return str(caught.value)


@pytest.mark.parametrize(
    "value, message",
    [
        ("  ", "must be the name of an auto attendant, got an empty string"),
        (
            {"name": "x", "site": "y", "floor": 2},
            "unknown field(s) floor, site; a reference has name and, for another location, location",
        ),
        ({"location": "x"}, "needs name, the exact name of the auto attendant"),
        ({"name": " "}, "needs name, the exact name of the auto attendant"),
        ({"name": 7}, "needs name, the exact name of the auto attendant"),
        ({"name": "x", "location": " "}, "location must be a location id or exact name"),
        ({"name": "x", "location": 5}, "location must be a location id or exact name"),
        (3, "must be an auto attendant name, or a dictionary with name and location, got int"),
        (["x"], "must be an auto attendant name, or a dictionary with name and location, got list"),
    ],
)
def test_parse_messages_are_exactly_these(value, message):
    with pytest.raises(ValueError) as caught:
        references.parse(value)
    assert str(caught.value) == message


def test_parse_keeps_the_location_and_the_name_as_given():
    assert references.parse({"name": "Desk"}) == (None, "Desk")
    assert references.parse({"name": "Desk", "location": None}) == (None, "Desk")
    assert references.parse({"name": " Desk ", "location": "Branch"}) == ("Branch", " Desk ")


def test_find_names_the_path_of_a_malformed_reference_and_keeps_the_action():
    with pytest.raises(ValueError) as caught:
        references.find(params(key({"name": ""})))
    assert str(caught.value) == KEY1 + ": needs name, the exact name of the auto attendant"
    found = references.find(
        params(
            key("Desk", action="TRANSFER_WITH_PROMPT"),
            after={"call_treatment": {"action_to_be_performed": {"action": "X", "auto_attendant": "Desk"}}},
        )
    )
    assert [(ref.path, ref.number_field, ref.action, ref.location, ref.name) for ref in found] == [
        (KEY1, "value", "TRANSFER_WITH_PROMPT", None, "Desk"),
        (
            "after_hours_menu.call_treatment.action_to_be_performed.auto_attendant",
            "transfer_call_to",
            "X",
            None,
            "Desk",
        ),
    ]


def test_in_location_by_id_name_or_known_id():
    item = {"locationId": HQ, "locationName": "Headquarters"}
    assert references.in_location(item, HQ) is True
    assert references.in_location(item, "Headquarters") is True
    assert references.in_location(item, "Branch") is False
    # The list item without its location's name: the name matches through the known id only.
    bare = {"locationId": HQ}
    assert references.in_location(bare, "Headquarters", HQ) is True
    assert references.in_location(bare, "Headquarters") is False
    assert references.in_location(bare, "Headquarters", BRANCH) is False
    assert references.in_location({}, "Branch") is False
    assert references.in_location({}, "Branch", None) is False


def test_number_for_every_case_and_its_messages():
    assert references.number_for({"extension": "3000", "esn": "8003000"}, True) == ("3000", None)
    assert references.number_for({"extension": "3000", "esn": "8003000", "phoneNumber": "+1555"}, False) == (
        "8003000",
        None,
    )
    assert references.number_for({"extension": "3000", "phoneNumber": "+1555"}, False) == ("+1555", None)
    assert references.number_for({"extension": "3000"}, False) == (
        None,
        "it has extension 3000 but no ESN (its location has no routing prefix) and no phone number",
    )
    assert references.number_for({"phoneNumber": "+1555"}, False) == ("+1555", None)
    assert references.number_for({"extension": "", "phoneNumber": ""}, True) == (
        None,
        "it has neither an extension nor a phone number",
    )


def test_resolve_messages_are_exactly_these():
    desk = {"id": "d", "name": "Desk", "locationId": BRANCH, "locationName": "Branch", "extension": "3000"}
    assert resolve_error(params(key({"location": "Branch", "name": "Desk"})), [desk]) == (
        KEY1 + ": {'location': 'Branch', 'name': 'Desk'}: it has extension 3000 but no ESN (its location has no "
        "routing prefix) and no phone number, so a transfer cannot reach it"
    )
    assert resolve_error(params(key({"location": "Annex", "name": "Desk"})), [desk]) == (
        KEY1 + ": {'location': 'Annex', 'name': 'Desk'}: no auto attendant 'Desk' in location Annex"
    )
    # Only a name: the value as given, not the dictionary.
    assert resolve_error(params(key({"name": "Desk"})), [desk]) == (
        KEY1 + ": 'Desk': no auto attendant 'Desk' in location Headquarters"
    )
    bare = {"name": "Hotline", "locationId": HQ, "locationName": "Headquarters"}
    assert resolve_error(params(key("Hotline")), [bare]) == (
        KEY1 + ": 'Hotline': it has neither an extension nor a phone number, so a transfer cannot reach it"
    )
    assert resolve_error(params(key("Hotline")), [bare, dict(bare, id="b"), dict(bare, id="a")]) == (
        KEY1 + ": 'Hotline': 3 auto attendants match in location Headquarters (ids ?, a, b)"
    )


def test_resolve_matches_the_own_location_by_its_id():
    # List items that carry the location's id only: the own location, given by name, matches through OWN_LOCATION_ID.
    support = {"id": "s", "name": "Support", "locationId": HQ, "extension": "2100", "esn": "80012100"}
    given = params(key("Support"), key({"location": "Branch", "name": "Support"}, number="2"))
    resolved = references.resolve(params(key("Support")), "Headquarters", Lookup([support]), own_location_id=HQ)
    assert resolved["business_hours_menu"]["key_configurations"] == [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100"}
    ]
    # Without the id it is not found; and the own id does not make another location's name match.
    assert resolve_error(params(key("Support")), [support]) == (
        KEY1 + ": 'Support': no auto attendant 'Support' in location Headquarters"
    )
    assert resolve_error(given, [support], own_location_id=HQ) == (
        "business_hours_menu.key_configurations (key 2).auto_attendant: {'location': 'Branch', 'name': 'Support'}: "
        "no auto attendant 'Support' in location Branch"
    )


def test_an_attendant_naming_itself_dials_its_own_number_without_a_lookup():
    main = {"id": "m", "name": "Main", "locationId": HQ, "locationName": "Headquarters", "extension": "2000"}
    for target in ("Main", {"location": "Headquarters", "name": "Main"}):
        lookup = Lookup([main])
        # The options change the extension: the reference follows the options, not the stored attendant.
        resolved = references.resolve(params(key(target), extension="2005"), "Headquarters", lookup)
        assert resolved["business_hours_menu"]["key_configurations"][0]["value"] == "2005"
        assert lookup.calls == []
        lookup = Lookup([main])
        resolved = references.resolve(
            params(key(target, action="TRANSFER_TO_MAILBOX"), extension=None, phone_number="+15555550100"),
            "Headquarters",
            lookup,
        )
        assert resolved["business_hours_menu"]["key_configurations"][0]["value"] == "+15555550100"
        assert lookup.calls == []
    # Without a number of its own, the attendant is looked up like any other.
    lookup = Lookup([main])
    resolved = references.resolve(params(key("Main"), extension=None), "Headquarters", lookup)
    assert resolved["business_hours_menu"]["key_configurations"][0]["value"] == "2000" and lookup.calls == ["Main"]
    # The same name in another location is another attendant.
    branch_main = {
        "id": "b",
        "name": "Main",
        "locationId": BRANCH,
        "locationName": "Branch",
        "esn": "8002",
        "extension": "2",
    }
    lookup = Lookup([main, branch_main])
    resolved = references.resolve(params(key({"location": "Branch", "name": "Main"})), "Headquarters", lookup)
    assert resolved["business_hours_menu"]["key_configurations"][0]["value"] == "8002" and lookup.calls == ["Main"]


def test_reference_for_skips_duplicates_wherever_they_are_listed():
    desk = {"id": "d", "name": "Desk", "locationId": BRANCH, "extension": "3000", "esn": "80023000"}
    twins = [{"id": "t1", "name": "Twin", "locationId": HQ}, {"id": "t2", "name": "Twin", "locationId": HQ}]
    own = {"id": "m", "name": "Main", "locationId": HQ}
    assert references.reference_for("80023000", own, twins + [desk], {BRANCH: "Branch"}.get) == {
        "location": "Branch",
        "name": "Desk",
    }
    assert references.reference_for("", own, [desk], {BRANCH: "Branch"}.get) is None


def test_insert_after_places_the_key_after_its_neighbour_or_last():
    entry = {"key": "1", "action": "X", "description": "d"}
    references._insert_after(entry, "action", "auto_attendant", "Desk")  # pylint: disable=protected-access
    assert list(entry.items()) == [("key", "1"), ("action", "X"), ("auto_attendant", "Desk"), ("description", "d")]
    entry = {"key": "1", "description": "d"}
    references._insert_after(entry, "action", "auto_attendant", "Desk")  # pylint: disable=protected-access
    assert list(entry.items()) == [("key", "1"), ("description", "d"), ("auto_attendant", "Desk")]


def test_order_refuses_repeated_identities_with_this_message():
    with pytest.raises(ValueError) as caught:
        references.order(["a", "b", "a"], [set(), set(), set()])
    assert str(caught.value) == "the identities are not unique"


def test_without_a_business_menu_and_a_target_in_another_location():
    given = {
        "name": "Main",
        "after_hours_menu": {
            "key_configurations": [
                key({"location": "Branch", "name": "Desk"}),
                key("Desk", number="2"),
            ],
            "call_treatment": {"action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "auto_attendant": "Desk"}},
        },
    }
    first = references.without(given, "Headquarters", {("Branch", "Desk")})
    assert first["after_hours_menu"]["key_configurations"] == [key("Desk", number="2")]
    assert first["after_hours_menu"]["call_treatment"] == given["after_hours_menu"]["call_treatment"]
    first = references.without(given, "Headquarters", {("Headquarters", "Desk")})
    assert first["after_hours_menu"]["key_configurations"] == [key({"location": "Branch", "name": "Desk"})]
    assert first["after_hours_menu"]["call_treatment"] == {}


def test_export_of_an_after_hours_menu_alone_with_a_treatment_to_another_location():
    desk = {"id": "d", "name": "Desk", "locationId": BRANCH, "extension": "3000", "esn": "80023000"}
    own = {"id": "m", "name": "Main", "locationId": HQ}
    options = {
        "name": "Main",
        "after_hours_menu": {
            "key_configurations": [{"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "80023000"}],
            "call_treatment": {
                "action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "transfer_call_to": "80023000"}
            },
        },
    }
    exported = references.references_from_numbers(options, own, [desk], {BRANCH: "Branch"}.get)
    assert exported["after_hours_menu"] == {
        "key_configurations": [
            {"key": "1", "action": "TRANSFER_WITH_PROMPT", "auto_attendant": {"location": "Branch", "name": "Desk"}}
        ],
        "call_treatment": {
            "action_to_be_performed": {
                "action": "TRANSFER_WITH_PROMPT",
                "auto_attendant": {"location": "Branch", "name": "Desk"},
            }
        },
    }


def test_validate_an_after_hours_menu_alone_and_an_empty_number():
    after = {
        "key_configurations": [
            dict(key("Desk"), value=""),
            dict(key("Desk", number="2"), value="2100"),
        ]
    }
    given = {"name": "Main", "after_hours_menu": after}
    assert references.validate(given) == [
        "after_hours_menu.key_configurations (key 2).auto_attendant: give either auto_attendant or value, not both"
    ]


def test_with_placeholders_leaves_its_input_alone():
    given = params(key("Desk"))
    placeholders = references.with_placeholders(given)
    assert placeholders["business_hours_menu"]["key_configurations"] == [dict(key("Desk"), value="00")]
    assert given["business_hours_menu"]["key_configurations"] == [key("Desk")]
