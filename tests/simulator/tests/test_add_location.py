"""POST /_sim/locations: locations with exactly the name a name-matching test needs, in the order it needs."""


def names(sim, name=None):
    return [
        item["name"] for item in sim.api("GET", "/locations", params={"name": name} if name else None).json()["items"]
    ]


def test_added_locations_keep_their_exact_names_and_order(sim):
    annex = sim.add_location("Depot Annex")
    depot = sim.add_location("Depot")
    upper = sim.add_location("DEPOT", first=True)
    assert len({annex, depot, upper}) == 3
    assert names(sim, "depot") == ["DEPOT", "Depot Annex", "Depot"]
    assert names(sim)[0] == "DEPOT"
    schedules = sim.api("GET", "/telephony/config/locations/%s/schedules" % depot).json()["schedules"]
    assert {item["name"] for item in schedules} == {"AUTOATTENDANT-BUSINESS-HOURS", "AUTOATTENDANT-HOLIDAY"}


def test_duplicate_names_are_allowed_and_a_reset_removes_them(sim):
    first, second = sim.add_location("Twin"), sim.add_location("Twin")
    assert first != second and names(sim, "Twin") == ["Twin", "Twin"]
    sim.reset()
    assert names(sim, "Twin") == []


def test_a_name_is_required(sim):
    response = sim._session.post(sim.base_url + "/_sim/locations", json={"name": " "}, timeout=10)  # pylint: disable=protected-access
    assert response.status_code == 400
