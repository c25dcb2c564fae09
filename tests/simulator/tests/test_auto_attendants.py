"""Create, read, update, delete and list auto attendants."""

from tests.builders import AA_LIST_PATH
from tests.simulator import errors

from .helpers import AUDIO, AUDIO_ID, aa_path, assert_webex_error, create, doc_example, minimal_body, read_back


def test_documentation_example_creates_in_headquarters_and_is_refused_the_second_time(sim):
    location_id = sim.location_id("Headquarters")
    first = sim.api("POST", aa_path(location_id), json=doc_example())
    assert first.status_code == 201
    assert set(first.json()) == {"id"}
    second = sim.api("POST", aa_path(location_id), json=doc_example())
    body = assert_webex_error(second, 409, errors.ERR_DUPLICATE_NAME)
    assert "Main Line AA - Test" in body["message"]
    listed = sim.api("GET", AA_LIST_PATH, params={"locationId": location_id}).json()["autoAttendants"]
    assert [item["id"] for item in listed] == [first.json()["id"]]


def test_details_shape(sim):
    location_id, auto_attendant_id = create(sim, body=doc_example())
    details = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    assert "locationId" not in details and "locationName" not in details
    assert details["id"] == auto_attendant_id
    assert details["enabled"] is True
    assert details["language"] == "English" and details["languageCode"] == "en_us"
    assert details["routingPrefix"] == "8001" and details["esn"] == "8001200"
    assert details["tollFreeNumber"] is False
    assert details["extensionDialing"] == "ENTERPRISE" and details["nameDialing"] == "ENTERPRISE"
    assert details["businessHoursMenu"]["audioAnnouncementFile"] == AUDIO
    assert details["businessHoursMenu"]["keyConfigurations"] == read_back(
        doc_example()["businessHoursMenu"]["keyConfigurations"]
    )
    assert details["holidaySchedule"] == "AUTOATTENDANT-HOLIDAY"


def test_defaults_come_from_the_location_and_audio_id_alone_is_expanded(sim):
    body = minimal_body()
    body["businessHoursMenu"]["keyConfigurations"].append(
        {"key": "9", "action": "PLAY_ANNOUNCEMENT", "audioAnnouncementFile": {"id": AUDIO_ID}}
    )
    location_id, auto_attendant_id = create(sim, "Branch Office Austin", body)
    details = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    assert details["timeZone"] == "America/Chicago"
    assert details["languageCode"] == "es_es" and details["language"] == "Spanish"
    assert details["extensionDialing"] == details["nameDialing"] == "ENTERPRISE"
    assert "phoneNumber" not in details
    assert details["businessHoursMenu"]["keyConfigurations"][1]["audioAnnouncementFile"] == AUDIO


def test_audio_file_by_name_and_location_level(sim):
    body = minimal_body()
    body["businessHoursMenu"] = {
        "greeting": "CUSTOM",
        "extensionEnabled": False,
        "keyConfigurations": [{"key": "0", "action": "EXIT"}],
        "audioAnnouncementFile": {"fileName": "hq-after-hours.wav", "mediaFileType": "WAV", "level": "LOCATION"},
    }
    location_id, auto_attendant_id = create(sim, body=body)
    audio = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()["businessHoursMenu"]["audioAnnouncementFile"]
    assert audio["fileName"] == "hq-after-hours.wav" and audio["level"] == "LOCATION" and audio["id"]


def test_put_is_partial_and_replaces_menus_whole(sim):
    location_id, auto_attendant_id = create(sim, body=doc_example())
    new_menu = {"greeting": "DEFAULT", "extensionEnabled": False, "keyConfigurations": [{"key": "#", "action": "EXIT"}]}
    response = sim.api(
        "PUT", aa_path(location_id, auto_attendant_id), json={"nameDialing": "GROUP", "afterHoursMenu": new_menu}
    )
    assert response.status_code == 200 and response.content == b""
    details = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    assert details["nameDialing"] == "GROUP"
    assert details["afterHoursMenu"] == new_menu
    assert details["phoneNumber"] == "+19705550026"
    assert details["businessHoursMenu"]["keyConfigurations"] == read_back(
        doc_example()["businessHoursMenu"]["keyConfigurations"]
    )


def test_put_of_a_get_round_trips_with_read_only_fields_ignored(sim):
    location_id, auto_attendant_id = create(sim, body=doc_example())
    details = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    details["locationId"] = "ignored"
    details["alternateNumbers"] = [{"phoneNumber": "+19705550001", "ringPattern": "LONG_LONG", "tollFreeNumber": True}]
    assert sim.api("PUT", aa_path(location_id, auto_attendant_id), json=details).status_code == 200
    after = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    assert after["alternateNumbers"] == [
        {"phoneNumber": "+19705550001", "ringPattern": "LONG_LONG", "tollFreeNumber": False}
    ]
    assert after["businessHoursMenu"] == details["businessHoursMenu"]
    # A read-only field nested in a menu is refused (GUESS; test_live_behaviour.py has each place).
    details["businessHoursMenu"]["audioAnnouncementFile"]["fileSize"] = "356"
    response = sim.api("PUT", aa_path(location_id, auto_attendant_id), json=details)
    assert_webex_error(response, 400, errors.ERR_INVALID_VALUE)
    # alternateNumbers is replaced whole; null clears an optional field (our guess: how to clear one is undocumented,
    # and the API reference does not allow null, so this exchange is outside the OpenAPI check on purpose).
    sim.api("PUT", aa_path(location_id, auto_attendant_id), json={"alternateNumbers": [], "holidaySchedule": None})
    sim.forget_openapi_mismatches()
    after = sim.api("GET", aa_path(location_id, auto_attendant_id)).json()
    assert after["alternateNumbers"] == [] and "holidaySchedule" not in after


def test_rename_keeps_the_id_and_rename_to_a_used_name_is_refused(sim):
    location_id, first_id = create(sim, body=minimal_body("First", "2101"))
    _location_id, second_id = create(sim, body=minimal_body("Second", "2102"))
    assert sim.api("PUT", aa_path(location_id, first_id), json={"name": "First renamed"}).status_code == 200
    assert sim.api("GET", aa_path(location_id, first_id)).json()["name"] == "First renamed"
    response = sim.api("PUT", aa_path(location_id, second_id), json={"name": "First renamed"})
    assert_webex_error(response, 409, errors.ERR_DUPLICATE_NAME)
    assert sim.api("GET", aa_path(location_id, second_id)).json()["name"] == "Second"


def test_same_name_in_another_location_is_allowed(sim):
    create(sim, "Headquarters", minimal_body("Shared name"))
    create(sim, "Headquarters Annex", minimal_body("Shared name"))


def test_delete_and_unknown_ids(sim):
    location_id, auto_attendant_id = create(sim)
    other_location = sim.location_id("Headquarters Annex")
    assert_webex_error(sim.api("GET", aa_path(other_location, auto_attendant_id)), 404, errors.ERR_NOT_FOUND)
    assert_webex_error(sim.api("DELETE", aa_path(other_location, auto_attendant_id)), 404, errors.ERR_NOT_FOUND)
    assert_webex_error(sim.api("PUT", aa_path(other_location, auto_attendant_id), json={"name": "x"}), 404)
    response = sim.api("DELETE", aa_path(location_id, auto_attendant_id))
    assert response.status_code == 204 and response.content == b""
    assert_webex_error(sim.api("GET", aa_path(location_id, auto_attendant_id)), 404, errors.ERR_NOT_FOUND)
    assert_webex_error(sim.api("DELETE", aa_path(location_id, auto_attendant_id)), 404, errors.ERR_NOT_FOUND)
    assert_webex_error(sim.api("GET", aa_path("bm9wZQ", auto_attendant_id)), 404)
    assert_webex_error(sim.api("POST", aa_path("bm9wZQ"), json=minimal_body()), 404)


def test_list_items_and_filters(sim):
    location_id, with_number = create(sim, body=minimal_body("Sales Line", "2201", phoneNumber="+19705550010"))
    _location_id, extension_only = create(sim, body=minimal_body("sales backup", "2202"))
    create(sim, "Branch Office Denver", minimal_body("Denver Sales", "2203"))
    items = sim.api("GET", AA_LIST_PATH).json()["autoAttendants"]
    assert len(items) == 3
    first = items[0]
    assert first == {
        "id": with_number,
        "name": "Sales Line",
        "locationName": "Headquarters",
        "locationId": location_id,
        "phoneNumber": "+19705550010",
        "extension": "2201",
        "routingPrefix": "8001",
        "esn": "80012201",
        "tollFreeNumber": False,
    }
    assert "phoneNumber" not in items[1] and items[1]["id"] == extension_only
    by_name = sim.api("GET", AA_LIST_PATH, params={"name": "SALES"}).json()["autoAttendants"]
    assert len(by_name) == 3  # a case-insensitive substring, not an exact match
    in_hq = sim.api("GET", AA_LIST_PATH, params={"name": "sales", "locationId": location_id}).json()["autoAttendants"]
    assert {item["name"] for item in in_hq} == {"Sales Line", "sales backup"}
    for number in ("+19705550010", "9705550010"):
        found = sim.api("GET", AA_LIST_PATH, params={"phoneNumber": number}).json()["autoAttendants"]
        assert [item["id"] for item in found] == [with_number]
    assert_webex_error(sim.api("GET", AA_LIST_PATH, params={"locationId": "bm9wZQ"}), 404)


def test_toll_free_number(sim):
    location_id, auto_attendant_id = create(sim, body=minimal_body(phoneNumber="+18885550100"))
    assert sim.api("GET", aa_path(location_id, auto_attendant_id)).json()["tollFreeNumber"] is True


def test_available_numbers_is_not_an_id(sim):
    location_id = sim.location_id("Headquarters")
    before = sim.api("GET", aa_path(location_id) + "/availableNumbers").json()["phoneNumbers"]
    assert "+19705550026" in [item["phoneNumber"] for item in before]
    create(sim, body=doc_example())
    after = sim.api("GET", aa_path(location_id) + "/availableNumbers").json()["phoneNumbers"]
    assert "+19705550026" not in [item["phoneNumber"] for item in after]
    assert len(after) == len(before) - 1
    alternate = sim.api("GET", aa_path(location_id) + "/alternate/availableNumbers")
    assert alternate.status_code == 200
    assert sim.api("PUT", aa_path(location_id) + "/availableNumbers", json={}).status_code == 405
