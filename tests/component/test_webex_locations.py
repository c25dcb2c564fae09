"""The webex_locations inventory plugin's code in this process against the simulator: both lists read over every page
(orgId carried by every next-page link), rate limits waited out, a location without Webex Calling left out, and the
hosts and groups made of what was read. Its options are given directly (as in the unit tests); Ansible's reading of the
inventory file is tested with ansible-inventory (tests/integration/test_webex_locations.py).
"""

from collections import Counter

from tests.builders import locations_inventory

SEEDED = 296  # with the seed's four, 300 calling locations: three pages; with Warehouse, /locations has a fourth


def test_every_calling_location_once_over_every_page_with_429s_and_an_org_id(sim):
    seeded = sim.seed_locations(SEEDED, prefix="Branch ")
    sim.add_location("Warehouse", calling=False)
    org_id = sim.api("GET", "/locations", params={"max": 1}).json()["items"][0]["orgId"]
    sim.clear_requests()
    sim.rate_limit(every=3, retry_after="0")
    source = locations_inventory(api_url=sim.url, access_token=sim.token, org_id=org_id)

    found = source.read_records(source.connection_options())

    sim.clear_rate_limit()
    names = [record["location"]["name"] for record in found]
    assert len(names) == len(set(names)) == 4 + SEEDED and "Warehouse" not in names
    assert {location["name"] for location in seeded} <= set(names)
    assert all(record["location"]["id"] == record["calling"]["id"] for record in found)
    assert all(record["location"]["address"]["postalCode"] for record in found)  # joined with /locations
    log = sim.requests()
    answered = Counter(entry["path"] for entry in log if entry["status"] == 200)
    assert answered == {"/v1/telephony/config/locations": 3, "/v1/locations": 4}
    assert any(entry["status"] == 429 for entry in log)
    assert all(entry["query"].get("orgId") == org_id for entry in log)

    source.populate(found)
    inventory = source.inventory
    assert len(inventory.hosts) == 4 + SEEDED
    assert inventory.get_host("branch-001").get_vars()["webex_location_id"] == seeded[0]["id"]
    assert len(inventory.groups["webex_state_US_NY"].hosts) == SEEDED
    assert sorted(host.name for host in inventory.groups["webex_time_zone_America_Los_Angeles"].hosts) == [
        "headquarters",
        "headquarters-annex",
    ]
