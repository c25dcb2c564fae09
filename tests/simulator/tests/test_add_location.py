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


def test_an_added_location_may_be_elsewhere_and_without_webex_calling(sim):
    london = sim.add_location("London", time_zone="Europe/London", address={"city": "London", "country": "GB"})
    depot = sim.add_location("Depot", calling=False)
    details = sim.api("GET", "/locations/%s" % london).json()
    assert details["timeZone"] == "Europe/London"
    assert (details["address"]["city"], details["address"]["country"], details["address"]["postalCode"]) == (
        "London",
        "GB",
        "10001",  # the fields not given stay as seeded
    )
    # Without Webex Calling: in /locations, not in the calling locations list, and no calling details.
    assert "Depot" in names(sim)
    calling = sim.api("GET", "/telephony/config/locations", params={"max": 1000}).json()["locations"]
    assert "London" in {item["name"] for item in calling} and "Depot" not in {item["name"] for item in calling}
    assert sim.api("GET", "/telephony/config/locations/%s" % depot).status_code == 404
    assert sim.api("GET", "/telephony/config/locations/%s" % london).status_code == 200


def test_a_place_given_wrong_is_refused(sim):
    for spec in (
        {"name": "X", "time_zone": ""},
        {"name": "X", "address": {"planet": "Mars"}},
        {"name": "X", "address": {"city": 7}},
        {"name": "X", "calling": "no"},
    ):
        response = sim._session.post(sim.base_url + "/_sim/locations", json=spec, timeout=10)  # pylint: disable=protected-access
        assert response.status_code == 400, spec
