"""Locations, schedules, announcements, routing errors and pagination."""

from urllib.parse import parse_qs, urlsplit

from tests.builders import AA_LIST_PATH
from tests.simulator import errors
from tests.simulator.ids import schedule_id
from tests.simulator.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE

from .helpers import AUDIO_ID, assert_webex_error, list_all


def test_locations_list_contains_filter_and_details(sim):
    items = sim.api("GET", "/locations").json()["items"]
    names = [item["name"] for item in items]
    assert {"Headquarters", "Headquarters Annex", "Branch Office Denver", "Branch Office Austin"} <= set(names)
    matches = sim.api("GET", "/locations", params={"name": "headquarters"}).json()["items"]
    assert sorted(item["name"] for item in matches) == ["Headquarters", "Headquarters Annex"]
    location_id = sim.location_id("Headquarters")
    assert [item["name"] for item in sim.api("GET", "/locations", params={"id": location_id}).json()["items"]] == [
        "Headquarters"
    ]
    details = sim.api("GET", "/locations/" + location_id).json()
    assert details["name"] == "Headquarters" and details["timeZone"] == "America/Los_Angeles"
    assert_webex_error(sim.api("GET", "/locations/bm9wZQ"), 404, errors.ERR_NOT_FOUND)


def test_location_pages_carry_filters(sim):
    items, pages, urls = list_all(sim, "/locations", "items", {"name": "A", "max": 1})
    assert pages == len(items) == 4
    assert all(parse_qs(urlsplit(url).query)["name"] == ["A"] for url in urls)


def test_schedules(sim):
    location_id = sim.location_id("Headquarters")
    path = "/telephony/config/locations/%s/schedules" % location_id
    schedules = sim.api("GET", path).json()["schedules"]
    assert {(item["name"], item["type"]) for item in schedules} >= {
        ("AUTOATTENDANT-BUSINESS-HOURS", "businessHours"),
        ("AUTOATTENDANT-HOLIDAY", "holidays"),
    }
    assert all(item["locationId"] == location_id and item["locationName"] == "Headquarters" for item in schedules)
    holidays = sim.api("GET", path, params={"type": "holidays"}).json()["schedules"]
    assert [item["name"] for item in holidays] == ["AUTOATTENDANT-HOLIDAY"]
    assert [item["name"] for item in sim.api("GET", path, params={"name": "business"}).json()["schedules"]] == [
        "AUTOATTENDANT-BUSINESS-HOURS"
    ]
    assert_webex_error(sim.api("GET", path, params={"type": "weekly"}), 400, errors.ERR_INVALID_VALUE)
    ident = holidays[0]["id"]
    assert ident == schedule_id("AUTOATTENDANT-HOLIDAY")
    details = sim.api("GET", path + "/holidays/" + ident).json()
    assert details["name"] == "AUTOATTENDANT-HOLIDAY" and len(details["events"]) >= 2
    assert_webex_error(sim.api("GET", path + "/businessHours/" + ident), 404)


def test_announcements(sim):
    org_level = sim.api("GET", "/telephony/config/announcements").json()["announcements"]
    assert {item["level"] for item in org_level} == {"ORGANIZATION"}
    audio = [item for item in org_level if item["id"] == AUDIO_ID]
    assert audio and audio[0]["fileName"] == "AUDIO_FILE.wav" and audio[0]["mediaFileType"] == "WAV"
    everything = sim.api("GET", "/telephony/config/announcements", params={"locationId": "all"}).json()["announcements"]
    located = sim.api("GET", "/telephony/config/announcements", params={"locationId": "locations"}).json()[
        "announcements"
    ]
    assert len(everything) == len(org_level) + len(located) and located
    location_id = sim.location_id("Headquarters")
    in_hq = sim.api("GET", "/telephony/config/announcements", params={"locationId": location_id}).json()[
        "announcements"
    ]
    assert [item["fileName"] for item in in_hq] == ["hq-after-hours.wav"]
    assert in_hq[0]["location"] == {"id": location_id, "name": "Headquarters"}
    wma = sim.api("GET", "/telephony/config/announcements", params={"mediaFileType": "WMA"}).json()["announcements"]
    assert [item["fileName"] for item in wma] == ["closed.wma"]
    assert sim.api("GET", "/telephony/config/announcements/" + AUDIO_ID).json()["fileName"] == "AUDIO_FILE.wav"
    assert (
        sim.api("GET", "/telephony/config/locations/%s/announcements/%s" % (location_id, in_hq[0]["id"])).status_code
        == 200
    )
    assert_webex_error(sim.api("GET", "/telephony/config/announcements/" + in_hq[0]["id"]), 404)


def test_unknown_route_and_wrong_method(sim):
    assert_webex_error(sim.api("GET", "/telephony/config/nothing"), 404)
    assert_webex_error(sim.api("DELETE", AA_LIST_PATH), 405)
    assert_webex_error(sim.api("PATCH", "/locations", json={}), 405)


def test_auto_attendant_pagination_follows_links_with_every_filter(sim):
    location_id = sim.location_id("Headquarters")
    sim.seed_auto_attendants("Headquarters", 7, prefix="Page AA ")
    sim.seed_auto_attendants("Headquarters Annex", 3, prefix="Page AA ")
    params = {
        "orgId": sim.api("GET", "/locations/" + location_id).json()["orgId"],
        "locationId": location_id,
        "name": "page aa",
        "max": 3,
    }
    items, pages, urls = list_all(sim, AA_LIST_PATH, "autoAttendants", params)
    assert len(items) == 7 and pages == 3 and len(urls) == 2
    assert len({item["id"] for item in items}) == 7
    for index, url in enumerate(urls):
        query = parse_qs(urlsplit(url).query)
        assert url.startswith(sim.url + "/telephony/config/autoAttendants?")
        assert query == {
            "orgId": [params["orgId"]],
            "locationId": [location_id],
            "name": ["page aa"],
            "max": ["3"],
            "start": [str(3 * (index + 1))],
        }
    # An exact page boundary ends without a dangling next link.
    exact = sim.api("GET", AA_LIST_PATH, params={"locationId": location_id, "start": 4, "max": 3})
    assert len(exact.json()["autoAttendants"]) == 3 and "next" not in exact.links
    assert sim.api("GET", AA_LIST_PATH, params={"start": 50}).json()["autoAttendants"] == []
    assert_webex_error(sim.api("GET", AA_LIST_PATH, params={"max": "many"}), 400, errors.ERR_INVALID_VALUE)


def test_page_size_default_and_cap(sim):
    sim.seed_auto_attendants("Branch Office Denver", MAX_PAGE_SIZE + 5)
    default = sim.api("GET", AA_LIST_PATH)
    assert len(default.json()["autoAttendants"]) == DEFAULT_PAGE_SIZE and "next" in default.links
    capped = sim.api("GET", AA_LIST_PATH, params={"max": MAX_PAGE_SIZE * 5})
    assert len(capped.json()["autoAttendants"]) == MAX_PAGE_SIZE
    assert parse_qs(urlsplit(capped.links["next"]["url"]).query) == {
        "max": [str(MAX_PAGE_SIZE * 5)],
        "start": [str(MAX_PAGE_SIZE)],
    }
    items, pages, _urls = list_all(sim, AA_LIST_PATH, "autoAttendants", {"max": MAX_PAGE_SIZE * 5})
    assert len(items) == MAX_PAGE_SIZE + 5 and pages == 2
