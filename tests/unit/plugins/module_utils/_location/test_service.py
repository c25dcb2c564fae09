"""_location/service.py: resolve_location() against a recording client (the list request it sends and what it makes
of the answer), decode_webex_id(), which tells a location id from a name, and location_details() over a scripted
exchange.

The same function runs against the simulator in the in-process tests of tests/component/.
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._location.service import (
    LocationNotFound,
    decode_webex_id,
    is_location_id,
    list_calling_locations,
    list_locations,
    location_details,
    location_time_zone,
    resolve_location,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.unit.plugins.module_utils.scripted_http import API, TOKEN

HQ_ID = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2hx"  # ciscospark://us/LOCATION/hq


class ListingClient:
    """Answers get_all with ITEMS and records every (path, item_key, params) it was asked for."""

    def __init__(self, items):
        self.items = items
        self.calls = []

    def get_all(self, path, item_key, params=None):
        self.calls.append((path, item_key, params))
        return list(self.items)


def test_a_name_is_looked_up_with_the_name_filter_and_matched_exactly():
    client = ListingClient([{"id": "L2", "name": "Depot Annex"}, {"id": "L1", "name": "Depot"}])
    assert resolve_location(client, "Depot") == ("L1", "Depot")
    assert client.calls == [("/locations", "items", {"name": "Depot"})]


def test_an_id_is_used_without_a_call():
    client = ListingClient([])
    assert resolve_location(client, HQ_ID) == (HQ_ID, None)
    assert client.calls == []


def test_a_name_that_only_matches_in_another_case_is_not_found():
    client = ListingClient([{"id": "L1", "name": "DEPOT"}])
    with pytest.raises(LocationNotFound) as caught:
        resolve_location(client, "Depot")
    assert str(caught.value) == (
        "location 'Depot' not found: no location has exactly that name (give its exact name or id)"
    )


def test_a_name_that_several_locations_have_is_ambiguous_with_their_ids():
    client = ListingClient([{"id": "L1", "name": "Depot"}, {"id": "L3", "name": "Depot"}])
    with pytest.raises(LocationNotFound) as caught:
        resolve_location(client, "Depot")
    assert str(caught.value) == (
        "2 locations are called 'Depot' in the organization (ids: L1, L3); give the id instead"
    )


def test_an_id_whose_length_needs_one_padding_character_is_decoded():

    value = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FiY2Q"  # 39 characters: one "=" short
    assert decode_webex_id(value) == "ciscospark://us/LOCATION/abcd" and is_location_id(value)
    # A character outside base64 makes it a name, not an id with that character skipped.
    assert decode_webex_id(value[:4] + "!" + value[4:]) is None


@pytest.mark.parametrize("value", [HQ_ID + "\n", " " + HQ_ID, HQ_ID[:12] + "-" + HQ_ID[12:]])
def test_an_id_with_a_stray_character_is_a_name_not_an_id(value):
    """A location id with a newline, a space or a dash in it is not an id (base64 is checked strictly).

    It is looked up as a name, which no location has, instead of being put into request URLs as it is.
    """
    assert decode_webex_id(value) is None and is_location_id(value) is False
    client = ListingClient([{"id": HQ_ID, "name": "Headquarters"}])
    with pytest.raises(LocationNotFound) as caught:
        resolve_location(client, value)
    assert str(caught.value) == (
        "location %r not found: no location has exactly that name (give its exact name or id)" % value
    )
    assert client.calls == [("/locations", "items", {"name": value})]


class DetailsClient(ListingClient):
    """ListingClient that also answers get with DETAILS and records the path."""

    def __init__(self, items=(), details=None):
        super().__init__(items)
        self.details = details or {}

    def get(self, path, params=None):
        self.calls.append((path, params))
        return dict(self.details)


def test_the_time_zone_is_read_from_the_location_details():
    client = DetailsClient(details={"id": HQ_ID, "name": "HQ", "timeZone": "America/Chicago"})
    assert location_time_zone(client, HQ_ID) == "America/Chicago"
    assert client.calls == [("/locations/" + HQ_ID, None)]
    assert location_time_zone(DetailsClient(details={"id": HQ_ID}), HQ_ID) is None
    # An id is one quoted path segment.
    slashed = DetailsClient(details={})
    location_time_zone(slashed, "a/b+c=")
    assert slashed.calls == [("/locations/a%2Fb%2Bc%3D", None)]


def test_location_details_reads_the_location_by_its_id(exchange):
    answer = {"id": "L/1", "name": "Denver", "timeZone": "America/Denver"}
    exchange.expect("GET", API + "/locations/L%2F1", 200, answer)
    assert location_details(WebexClient(API, TOKEN, sleep=lambda seconds: None), "L/1") == answer


def test_the_listings_ask_for_every_location_and_every_calling_location():
    client = ListingClient([{"id": "L1", "name": "Depot"}])
    assert list_locations(client) == [{"id": "L1", "name": "Depot"}]
    assert list_calling_locations(client) == [{"id": "L1", "name": "Depot"}]
    assert client.calls == [("/locations", "items", None), ("/telephony/config/locations", "locations", None)]
