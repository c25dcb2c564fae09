"""resolve_location() called in this process against the simulator over HTTP: an id costs no call, a name is matched
exactly against the service's "contains, any case" filter, and a name several locations share is refused with their
ids; and which values are taken for location ids.
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._location.service import (
    LocationNotFound,
    decode_webex_id,
    is_location_id,
    resolve_location,
)


def test_resolve_location(sim, client, hq):
    sim.add_location("Depot Annex")
    depot = sim.add_location("Depot")
    sim.add_location("DEPOT", first=True)
    sim.clear_requests()
    assert resolve_location(client, hq) == (hq, None)
    assert sim.requests() == []  # an id costs no call
    assert resolve_location(client, "Depot") == (depot, "Depot")
    with pytest.raises(LocationNotFound) as caught:
        resolve_location(client, "depot")
    assert str(caught.value) == (
        "location 'depot' not found: no location has exactly that name (give its exact name or id)"
    )
    sim.add_location("Depot")
    with pytest.raises(LocationNotFound) as caught:
        resolve_location(client, "Depot")
    assert str(caught.value).startswith("2 locations are called 'Depot' in the organization (ids: %s, " % depot)
    assert str(caught.value).endswith("); give the id instead")


@pytest.mark.parametrize(
    "value, uri",
    [
        ("Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FiYw", "ciscospark://us/LOCATION/abc"),
        ("Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2FiYw==", "ciscospark://us/LOCATION/abc"),
        ("Headquarters", None),
        ("aGVsbG8", None),
        ("!!", None),
        ("", None),
        ("/w==", None),
    ],
)
def test_decode_webex_id(value, uri):
    assert decode_webex_id(value) == uri
    assert is_location_id(value) is (uri is not None)


def test_an_id_of_another_kind_is_not_a_location_id():
    assert decode_webex_id("Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFL2FiYw") == "ciscospark://us/SCHEDULE/abc"
    assert is_location_id("Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFL2FiYw") is False
