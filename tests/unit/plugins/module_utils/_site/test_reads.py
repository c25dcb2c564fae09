"""_site/reads.py: a location's list, once read, answers the look-ups by name made while planning (the rule of the old
bulk.ListedService, now the engine's ListingClient)."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._site.reads import ListingClient
from ansible_collections.wxc.calling.plugins.module_utils.resource import AmbiguousName

PATH = "/telephony/config/autoAttendants"


class Client:
    """A WebexClient's get_all over stored ITEMS, filtering by name as the service does ("contains"); notes each call."""

    org_id = "ORG"

    def __init__(self, items):
        self.items = items
        self.calls = []

    def get_all(self, path, item_key, params=None):
        self.calls.append((path, dict(params or {})))
        name = (params or {}).get("name")
        return [dict(item) for item in self.items if name is None or name in item["name"]]


def test_a_name_less_list_answers_the_look_ups_by_name_after_it():
    client = Client([{"id": "a", "name": "A"}, {"id": "d1", "name": "Dup"}, {"id": "d2", "name": "Dup"}])
    listing = ListingClient(client)
    assert [item["id"] for item in listing.get_all(PATH, "autoAttendants", {"locationId": "L1", "max": 1000})] == [
        "a",
        "d1",
        "d2",
    ]
    assert listing.get_all(PATH, "autoAttendants", {"locationId": "L1", "name": "A"})[0]["id"] == "a"
    assert len(client.calls) == 1  # answered from the list
    # The services' own exact match runs on the kept items: duplicates are reported as against the service.
    assert [item["id"] for item in listing.get_all(PATH, "autoAttendants", {"locationId": "L1", "name": "Dup"})] == [
        "a",
        "d1",
        "d2",
    ]
    # Another location, or a list not read whole first, asks the client.
    listing.get_all(PATH, "autoAttendants", {"locationId": "L2", "name": "A"})
    listing.get_all(PATH, "autoAttendants", {"locationId": "L2", "name": "A"})
    assert client.calls[1:] == [(PATH, {"locationId": "L2", "name": "A"})] * 2  # a narrowed read is not kept
    assert listing.org_id == "ORG"  # everything else is the client's


def test_a_kept_list_is_handed_out_as_a_copy():
    client = Client([{"id": "a", "name": "A"}])
    listing = ListingClient(client)
    for _round in range(2):  # what the read returned, then what the kept list answers
        listing.get_all(PATH, "autoAttendants", {"locationId": "L1"})[0]["name"] = "changed"
    assert listing.get_all(PATH, "autoAttendants", {"locationId": "L1"}) == [{"id": "a", "name": "A"}]


def test_a_service_look_up_through_it_finds_exactly_one_from_the_list_duplicates_refused():
    client = Client([{"id": "a", "name": "Main"}, {"id": "b", "name": "Main Line"}, {"id": "d1", "name": "Dup"}])
    client.items.append({"id": "d2", "name": "Dup"})
    service = AutoAttendantService(ListingClient(client))
    service.list("L1")  # the name-less list the engine reads first
    assert service.find("L1", "Main")["id"] == "a"
    assert service.find("L1", "Nobody") is None
    with pytest.raises(AmbiguousName):  # as the service would answer
        service.find("L1", "Dup")
    assert len(client.calls) == 1
