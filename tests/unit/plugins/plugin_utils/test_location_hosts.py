"""plugin_utils/location_hosts.py: the Webex Calling locations as inventory hosts (records, variables, host names,
groups by place). Shapes as the API reference gives them (List Locations, List Locations Webex Calling Details)."""

import base64

import pytest

from ansible_collections.wxc.calling.plugins.plugin_utils.location_hosts import (
    host_names,
    host_variables,
    place_groups,
    records,
    short_id,
    slug,
)


def location_id(uuid):
    return base64.b64encode(("ciscospark://us/LOCATION/%s" % uuid).encode()).decode().rstrip("=")


DENVER_ID = location_id("c97ee049-359b-4c78-8454-058c2ede2563")
DENVER = {
    "id": DENVER_ID,
    "name": "Denver",
    "orgId": "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9hNDVk",
    "address": {
        "address1": "123 Some St.",
        "address2": "Suite 456",
        "city": "Supercity",
        "state": "Goodstate",
        "postalCode": "12345",
        "country": "US",
    },
    "timeZone": "America/Chicago",
    "preferredLanguage": "en_us",
    "latitude": "12.935784",
    "longitude": "77.697332",
    "notes": "Suite 456 Denver location",
}
DENVER_CALLING = {
    "id": DENVER_ID,
    "name": "Denver",
    "routingPrefix": "3",
    "outsideDialDigit": "1258",
    "callingLineId": {"phoneNumber": "+12145556985"},
    "e911SetupRequired": False,
    "enforceOutsideDialDigit": True,
}


def calling(uuid, name):
    return {"id": location_id(uuid), "name": name, "callingLineId": {"phoneNumber": None}, "e911SetupRequired": False}


def test_records_are_the_calling_locations_in_their_order_each_with_its_locations_entry():
    other_id = location_id("9cc74481-97f0-4055-ba21-a440d253e778")
    warehouse = {"id": location_id("00000000-0000-4000-8000-000000000099"), "name": "Warehouse"}
    found = records(
        [warehouse, {"id": other_id, "name": "Denver-2", "timeZone": "America/Denver"}, DENVER],
        [DENVER_CALLING, calling("9cc74481-97f0-4055-ba21-a440d253e778", "Denver-2")],
    )
    assert [record["location"]["name"] for record in found] == ["Denver", "Denver-2"]  # no Warehouse: no calling
    assert found[0] == {"location": DENVER, "calling": DENVER_CALLING}


def test_a_calling_location_the_locations_list_lacks_keeps_its_id_and_name_and_repeats_are_dropped():
    found = records([], [DENVER_CALLING, dict(DENVER_CALLING), {"name": "no id"}, "junk"])
    assert found == [{"location": {"id": DENVER_ID, "name": "Denver"}, "calling": DENVER_CALLING}]


def test_host_variables_are_every_field_in_snake_case_with_the_calling_details_apart():
    assert host_variables({"location": DENVER, "calling": DENVER_CALLING}) == {
        "webex_location_id": DENVER_ID,
        "webex_location_name": "Denver",
        "webex_org_id": "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9hNDVk",
        "webex_address": {
            "address1": "123 Some St.",
            "address2": "Suite 456",
            "city": "Supercity",
            "state": "Goodstate",
            "postal_code": "12345",
            "country": "US",
        },
        "webex_time_zone": "America/Chicago",
        "webex_preferred_language": "en_us",
        "webex_latitude": "12.935784",
        "webex_longitude": "77.697332",
        "webex_notes": "Suite 456 Denver location",
        "webex_calling": {
            "routing_prefix": "3",
            "outside_dial_digit": "1258",
            "calling_line_id": {"phone_number": "+12145556985"},
            "e911_setup_required": False,
            "enforce_outside_dial_digit": True,
        },
    }


def test_host_variables_of_a_location_known_only_from_the_calling_list():
    variables = host_variables({"location": {"id": DENVER_ID, "name": "Denver"}, "calling": DENVER_CALLING})
    assert sorted(variables) == ["webex_calling", "webex_location_id", "webex_location_name"]


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Branch Office Denver", "branch-office-denver"),
        ("Zürich Büro", "zurich-buro"),
        ("  HQ / Annex (2nd floor)  ", "hq-annex-2nd-floor"),
        ("São Paulo - Centro", "sao-paulo-centro"),
        ("東京", ""),
        ("", ""),
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected


def test_short_id_is_the_end_of_the_uuid_or_of_a_hash_of_an_id_that_holds_none():
    assert short_id(DENVER_ID) == "2ede2563"
    assert short_id("not-a-webex-id") == short_id("not-a-webex-id") != short_id("another")
    assert len(short_id("not-a-webex-id")) == 8


def named(*names):
    return [
        {"location": {"id": location_id("00000000-0000-4000-8000-0000000000%02d" % index), "name": name}}
        for index, name in enumerate(names)
    ]


def test_host_names_are_slugs_and_every_clash_is_told_apart_by_the_id():
    found = named("Headquarters", "HEADQUARTERS", "Branch Office Denver", "東京", "Head-quarters")
    assert host_names(found) == [
        "headquarters-00000000",
        "headquarters-00000001",
        "branch-office-denver",
        "00000003",
        "head-quarters",
    ]


def test_a_name_equal_to_another_told_apart_name_makes_both_their_ids():
    found = named("Depot", "DEPOT", "depot 00000000")
    names = host_names(found)
    assert names == [found[0]["location"]["id"], "depot-00000001", found[2]["location"]["id"]]
    assert len(set(names)) == 3


def test_host_names_by_id_and_an_unknown_style():
    found = named("Depot", "Depot")
    assert host_names(found, "id") == [record["location"]["id"] for record in found]
    with pytest.raises(ValueError, match="hostnames: 'name'; choose one of slug, id"):
        host_names(found, "name")


def test_place_groups_by_country_state_and_time_zone():
    variables = host_variables({"location": DENVER, "calling": DENVER_CALLING})
    assert place_groups(variables) == [
        "webex_country_US",
        "webex_state_US_Goodstate",
        "webex_time_zone_America/Chicago",
    ]
    assert place_groups(variables, ["time_zone"]) == ["webex_time_zone_America/Chicago"]
    assert place_groups(variables, []) == []


def test_place_groups_leave_out_what_the_location_does_not_have():
    assert place_groups({"webex_address": {"country": "GB", "state": ""}, "webex_time_zone": None}) == [
        "webex_country_GB"
    ]
    assert place_groups({"webex_address": {"state": "ZH"}}) == ["webex_state_ZH"]
    assert place_groups({"webex_address": "not an address"}) == []
