"""_auto_attendant/references.py: parse, validate, resolve (with a fake lookup), export back, order; and at its edges
the exact messages a user reads, locations given by id, an attendant naming itself, and the helpers of the export and of
a cycle's first pass."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.references import UnresolvedReference
from tests.builders import menu

HQ, BRANCH = "HQ-ID", "BRANCH-ID"
# List items as the list endpoint returns them.
SUPPORT = {
    "id": "s",
    "name": "Support Menu",
    "locationId": HQ,
    "locationName": "Headquarters",
    "extension": "2100",
    "esn": "80012100",
    "phoneNumber": "+15555550101",
}
DESK = {
    "id": "d",
    "name": "Desk",
    "locationId": BRANCH,
    "locationName": "Branch",
    "extension": "3000",
    "esn": "80023000",
}
NUMBER_ONLY = {
    "id": "n",
    "name": "Hotline",
    "locationId": BRANCH,
    "locationName": "Branch",
    "phoneNumber": "+15555550300",
}
MAIN = {
    "id": "m",
    "name": "Main",
    "locationId": HQ,
    "locationName": "Headquarters",
    "extension": "2000",
    "esn": "80012000",
}
ORG = [SUPPORT, DESK, NUMBER_ONLY, MAIN]


def params(business=None, after=None, **fields):
    result = {"name": "Main", "location": "Headquarters", "extension": "2000"}
    result.update(fields)
    if business:
        result["business_hours_menu"] = business
    if after:
        result["after_hours_menu"] = after
    return result


class Lookup:
    """A fake LOOKUP that records its calls."""

    def __init__(self, items):
        self.items = items
        self.calls = []

    def __call__(self, name):
        self.calls.append(name)
        return [item for item in self.items if item["name"] == name]


def test_parse_and_validate():
    assert references.parse("Support Menu") == (None, "Support Menu")
    assert references.parse({"name": "Desk", "location": "Branch"}) == ("Branch", "Desk")
    for bad, message in (
        ("  ", "empty"),
        ({"location": "x"}, "needs name"),
        ({"name": "x", "site": "y"}, "unknown field"),
        (3, "got int"),
        ({"name": "x", "location": ""}, "location must be"),
    ):
        with pytest.raises(ValueError, match=message):
            references.parse(bad)
    errors = references.validate(
        params(
            menu(
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu", "value": "2100"},
                {"key": "2", "action": "EXIT", "auto_attendant": "Support Menu"},
                {"key": "3", "action": "TRANSFER_WITH_PROMPT", "auto_attendant": {"name": ""}},
                {"key": "4", "action": "TRANSFER_TO_MAILBOX", "auto_attendant": "Support Menu"},
            ),
            after=menu(
                {"key": "1", "action": "EXIT"},
                call_treatment={
                    "action_to_be_performed": {
                        "action": "TRANSFER_WITHOUT_PROMPT",
                        "auto_attendant": "X",
                        "transfer_call_to": "1",
                    }
                },
            ),
        )
    )
    assert errors == [
        "business_hours_menu.key_configurations (key 1).auto_attendant: give either auto_attendant or value, not both",
        "business_hours_menu.key_configurations (key 2).auto_attendant: action EXIT does not transfer, so it cannot name "
        "an auto attendant (only TRANSFER_WITH_PROMPT, TRANSFER_WITHOUT_PROMPT, TRANSFER_TO_MAILBOX)",
        "business_hours_menu.key_configurations (key 3).auto_attendant: needs name, the exact name of the auto attendant",
        "after_hours_menu.call_treatment.action_to_be_performed.auto_attendant: give either auto_attendant or "
        "transfer_call_to, not both",
    ]
    placeholders = references.with_placeholders(
        params(menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"}))
    )
    assert placeholders["business_hours_menu"]["key_configurations"][0]["value"] == "00"


def test_resolve_extension_esn_and_number_one_lookup_per_target():
    lookup = Lookup(ORG)
    given = params(
        menu(
            {
                "key": "1",
                "action": "TRANSFER_WITHOUT_PROMPT",
                "auto_attendant": "Support Menu",
                "description": "Support",
            },
            {"key": "2", "action": "TRANSFER_WITH_PROMPT", "auto_attendant": {"location": "Branch", "name": "Desk"}},
            {
                "key": "3",
                "action": "TRANSFER_WITHOUT_PROMPT",
                "auto_attendant": {"location": BRANCH, "name": "Hotline"},
            },
            {"key": "4", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": {"name": "Support Menu"}},
            {"key": "5", "action": "TRANSFER_TO_MAILBOX", "auto_attendant": "Main"},
        ),
        after=menu(
            {"key": "1", "action": "EXIT"},
            call_treatment={
                "action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"}
            },
        ),
    )
    resolved = references.resolve(given, "Headquarters", lookup)
    keys = resolved["business_hours_menu"]["key_configurations"]
    assert keys[0] == {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "description": "Support", "value": "2100"}
    assert [key["value"] for key in keys] == ["2100", "80023000", "+15555550300", "2100", "2000"]
    assert not [key for key in keys if "auto_attendant" in key]
    assert resolved["after_hours_menu"]["call_treatment"]["action_to_be_performed"] == {
        "action": "TRANSFER_WITHOUT_PROMPT",
        "transfer_call_to": "2100",
    }
    # One lookup per distinct target name; the attendant itself resolves from its own options.
    assert sorted(lookup.calls) == ["Desk", "Hotline", "Support Menu"]
    assert "auto_attendant" in given["business_hours_menu"]["key_configurations"][0]  # the input is left alone
    # The own location given by id matches the same attendants.
    assert references.resolve(given, HQ, Lookup(ORG))["business_hours_menu"] == resolved["business_hours_menu"]


def test_no_reference_no_lookup():
    lookup = Lookup(ORG)
    plain = params(menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100"}))
    assert references.resolve(plain, "Headquarters", lookup) == plain and lookup.calls == []


def test_missing_target_fails_or_warns_in_check_mode():
    given = params(
        menu(
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Sales Menu"},
            {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"},
        )
    )
    with pytest.raises(UnresolvedReference) as error:
        references.resolve(given, "Headquarters", Lookup(ORG))
    assert str(error.value) == (
        "business_hours_menu.key_configurations (key 1).auto_attendant: 'Sales Menu': "
        "no auto attendant 'Sales Menu' in location Headquarters"
    )
    warnings = []
    checked = references.resolve(given, "Headquarters", Lookup(ORG), check_mode=True, warn=warnings.append)
    assert warnings == [
        "business_hours_menu.key_configurations (key 1).auto_attendant: 'Sales Menu': no auto attendant "
        "'Sales Menu' in location Headquarters; the real run fails unless it is created first"
    ]
    assert [key["value"] for key in checked["business_hours_menu"]["key_configurations"]] == [
        "<auto attendant Sales Menu>",
        "2100",
    ]
    warnings = []
    references.resolve(
        given,
        "Headquarters",
        Lookup(ORG),
        check_mode=True,
        warn=warnings.append,
        declared={("Headquarters", "Sales Menu")},
    )
    assert warnings == []
    # Same name in another location does not count.
    with pytest.raises(UnresolvedReference, match="no auto attendant 'Desk' in location Headquarters"):
        references.resolve(
            params(menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Desk"})),
            "Headquarters",
            Lookup(ORG),
        )


def test_unreachable_and_ambiguous_targets():
    no_esn = dict(DESK, esn=None)
    with pytest.raises(UnresolvedReference, match="no ESN"):
        references.resolve(
            params(
                menu(
                    {
                        "key": "1",
                        "action": "TRANSFER_WITHOUT_PROMPT",
                        "auto_attendant": {"location": "Branch", "name": "Desk"},
                    }
                )
            ),
            "Headquarters",
            Lookup([no_esn]),
        )
    twice = [SUPPORT, dict(SUPPORT, id="s2")]
    with pytest.raises(UnresolvedReference, match="2 auto attendants match .*ids s, s2"):
        references.resolve(
            params(menu({"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"})),
            "Headquarters",
            Lookup(twice),
        )


def test_number_for():
    assert references.number_for(SUPPORT, True) == ("2100", None)
    assert references.number_for(SUPPORT, False) == ("80012100", None)
    assert references.number_for(NUMBER_ONLY, True) == ("+15555550300", None)
    assert references.number_for(NUMBER_ONLY, False) == ("+15555550300", None)
    assert references.number_for({"name": "x"}, True)[0] is None


# -- export ---------------------------------------------------------------------------------------------------------


def location_form(location_id):
    return {HQ: "Headquarters", BRANCH: "Branch"}[location_id]


def test_export_turns_numbers_into_references_only_when_they_resolve_back():
    options = {
        "name": "Main",
        "location": "Headquarters",
        "business_hours_menu": menu(
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100", "description": "Support"},
            {"key": "2", "action": "TRANSFER_WITH_PROMPT", "value": "80023000"},
            {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+15555550300"},
            # Support Menu's phone number: re-applying a reference would write its extension instead, so it stays.
            {"key": "4", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+15555550101"},
            {"key": "5", "action": "TRANSFER_TO_MAILBOX", "value": "2000"},
            {"key": "6", "action": "TRANSFER_WITHOUT_PROMPT", "value": "3000"},  # Desk's extension, but in Branch
            {"key": "7", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1234"},
            call_treatment={"action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "transfer_call_to": "2100"}},
        ),
    }
    exported = references.references_from_numbers(options, MAIN, ORG, location_form)
    keys = exported["business_hours_menu"]["key_configurations"]
    assert keys[0] == {
        "key": "1",
        "action": "TRANSFER_WITHOUT_PROMPT",
        "auto_attendant": "Support Menu",
        "description": "Support",
    }
    assert list(keys[0]) == ["key", "action", "auto_attendant", "description"]
    assert keys[1]["auto_attendant"] == {"location": "Branch", "name": "Desk"}
    assert keys[2]["auto_attendant"] == {"location": "Branch", "name": "Hotline"}
    assert [keys[index].get("value") for index in (3, 4, 5, 6)] == ["+15555550101", "2000", "3000", "1234"]
    assert exported["business_hours_menu"]["call_treatment"]["action_to_be_performed"] == {
        "action": "TRANSFER_WITH_PROMPT",
        "auto_attendant": "Support Menu",
    }
    # Every reference resolves back to the number it replaced.
    assert references.resolve(exported, "Headquarters", Lookup(ORG)) == options
    # Two attendants with the same name in one location: no reference to either.
    assert (
        references.reference_for("2100", MAIN, ORG + [dict(SUPPORT, id="s2", extension="2101")], location_form) is None
    )


# -- without (the first pass of a cycle; the order itself is _site/graph.py, tests/unit/.../_site/test_graph.py) ---


def test_without_leaves_out_the_deferred_targets():
    given = params(
        menu(
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"},
            {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": {"location": "Branch", "name": "Desk"}},
            {"key": "3", "action": "EXIT"},
        ),
        after=menu(
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"},
            call_treatment={
                "action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Support Menu"}
            },
        ),
    )
    first_pass = references.without(given, "Headquarters", {("Headquarters", "Support Menu")})
    assert [key["key"] for key in first_pass["business_hours_menu"]["key_configurations"]] == ["2", "3"]
    # A menu left without keys keeps its first key as EXIT until the second pass.
    assert first_pass["after_hours_menu"]["key_configurations"] == [{"key": "1", "action": "EXIT"}]
    assert first_pass["after_hours_menu"]["call_treatment"] == {}
    assert references.targets(given, "Headquarters") == [("Branch", "Desk"), ("Headquarters", "Support Menu")]


# -- at the edges ---------------------------------------------------------------------------------------------------


KEY1 = "business_hours_menu.key_configurations (key 1).auto_attendant"


def with_keys(*keys, after=None, **fields):
    result = {"name": "Main", "location": "Headquarters", "extension": "2000"}
    result.update(fields)
    result["business_hours_menu"] = {"key_configurations": list(keys)}
    if after is not None:
        result["after_hours_menu"] = after
    return result


def ref_key(target, number="1", action="TRANSFER_WITHOUT_PROMPT"):
    return {"key": number, "action": action, "auto_attendant": target}


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
        references.find(with_keys(ref_key({"name": ""})))
    assert str(caught.value) == KEY1 + ": needs name, the exact name of the auto attendant"
    found = references.find(
        with_keys(
            ref_key("Desk", action="TRANSFER_WITH_PROMPT"),
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
    assert resolve_error(with_keys(ref_key({"location": "Branch", "name": "Desk"})), [desk]) == (
        KEY1 + ": {'location': 'Branch', 'name': 'Desk'}: it has extension 3000 but no ESN (its location has no "
        "routing prefix) and no phone number, so a transfer cannot reach it"
    )
    assert resolve_error(with_keys(ref_key({"location": "Annex", "name": "Desk"})), [desk]) == (
        KEY1 + ": {'location': 'Annex', 'name': 'Desk'}: no auto attendant 'Desk' in location Annex"
    )
    # Only a name: the value as given, not the dictionary.
    assert resolve_error(with_keys(ref_key({"name": "Desk"})), [desk]) == (
        KEY1 + ": 'Desk': no auto attendant 'Desk' in location Headquarters"
    )
    bare = {"name": "Hotline", "locationId": HQ, "locationName": "Headquarters"}
    assert resolve_error(with_keys(ref_key("Hotline")), [bare]) == (
        KEY1 + ": 'Hotline': it has neither an extension nor a phone number, so a transfer cannot reach it"
    )
    assert resolve_error(with_keys(ref_key("Hotline")), [bare, dict(bare, id="b"), dict(bare, id="a")]) == (
        KEY1 + ": 'Hotline': 3 auto attendants match in location Headquarters (ids ?, a, b)"
    )


def test_resolve_matches_the_own_location_by_its_id():
    # List items that carry the location's id only: the own location, given by name, matches through OWN_LOCATION_ID.
    support = {"id": "s", "name": "Support", "locationId": HQ, "extension": "2100", "esn": "80012100"}
    given = with_keys(ref_key("Support"), ref_key({"location": "Branch", "name": "Support"}, number="2"))
    resolved = references.resolve(with_keys(ref_key("Support")), "Headquarters", Lookup([support]), own_location_id=HQ)
    assert resolved["business_hours_menu"]["key_configurations"] == [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100"}
    ]
    # Without the id it is not found; and the own id does not make another location's name match.
    assert resolve_error(with_keys(ref_key("Support")), [support]) == (
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
        resolved = references.resolve(with_keys(ref_key(target), extension="2005"), "Headquarters", lookup)
        assert resolved["business_hours_menu"]["key_configurations"][0]["value"] == "2005"
        assert lookup.calls == []
        lookup = Lookup([main])
        resolved = references.resolve(
            with_keys(ref_key(target, action="TRANSFER_TO_MAILBOX"), extension=None, phone_number="+15555550100"),
            "Headquarters",
            lookup,
        )
        assert resolved["business_hours_menu"]["key_configurations"][0]["value"] == "+15555550100"
        assert lookup.calls == []
    # Without a number of its own, the attendant is looked up like any other.
    lookup = Lookup([main])
    resolved = references.resolve(with_keys(ref_key("Main"), extension=None), "Headquarters", lookup)
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
    resolved = references.resolve(with_keys(ref_key({"location": "Branch", "name": "Main"})), "Headquarters", lookup)
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


def test_without_a_business_menu_and_a_target_in_another_location():
    given = {
        "name": "Main",
        "after_hours_menu": {
            "key_configurations": [
                ref_key({"location": "Branch", "name": "Desk"}),
                ref_key("Desk", number="2"),
            ],
            "call_treatment": {"action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "auto_attendant": "Desk"}},
        },
    }
    first = references.without(given, "Headquarters", {("Branch", "Desk")})
    assert first["after_hours_menu"]["key_configurations"] == [ref_key("Desk", number="2")]
    assert first["after_hours_menu"]["call_treatment"] == given["after_hours_menu"]["call_treatment"]
    first = references.without(given, "Headquarters", {("Headquarters", "Desk")})
    assert first["after_hours_menu"]["key_configurations"] == [ref_key({"location": "Branch", "name": "Desk"})]
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
            dict(ref_key("Desk"), value=""),
            dict(ref_key("Desk", number="2"), value="2100"),
        ]
    }
    given = {"name": "Main", "after_hours_menu": after}
    assert references.validate(given) == [
        "after_hours_menu.key_configurations (key 2).auto_attendant: give either auto_attendant or value, not both"
    ]


def test_with_placeholders_leaves_its_input_alone():
    given = with_keys(ref_key("Desk"))
    placeholders = references.with_placeholders(given)
    assert placeholders["business_hours_menu"]["key_configurations"] == [dict(ref_key("Desk"), value="00")]
    assert given["business_hours_menu"]["key_configurations"] == [ref_key("Desk")]
