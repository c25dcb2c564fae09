"""Schedule routes: create, details, update (rename changes the id), delete (refused while in use), events, paging."""

from tests.simulator import errors
from tests.simulator.ids import schedule_id
from tests.simulator.routes_schedules import event_id

from .helpers import aa_path, assert_webex_error, list_all, minimal_body

WEEKDAYS = {
    "name": "Weekdays",
    "startDate": "2026-01-05",
    "endDate": "2026-01-05",
    "startTime": "08:30",
    "endTime": "17:30",
    "recurrence": {"recurWeekly": {"sunday": False, "monday": True, "friday": True}},
}
NEW_YEAR = {
    "name": "New Year",
    "startDate": "2026-01-01",
    "endDate": "2026-01-01",
    "allDayEnabled": True,
    "recurrence": {"recurYearlyByDate": {"dayOfMonth": 1, "month": "JANUARY"}},
}


def _base(sim, location="Headquarters"):
    location_id = sim.location_id(location)
    return location_id, "/telephony/config/locations/%s/schedules" % location_id


def _create(sim, name="Office hours", kind="businessHours", events=None, location="Headquarters"):
    location_id, base = _base(sim, location)
    body = {"type": kind, "name": name}
    if events is not None:
        body["events"] = events
    response = sim.api("POST", base, json=body)
    assert response.status_code == 201, response.text
    return location_id, base, response.json()["id"]


def test_create_details_and_ids_encode_names(sim):
    _location_id, base, ident = _create(sim, events=[WEEKDAYS])
    assert ident == schedule_id("Office hours")
    details = sim.api("GET", base + "/businessHours/" + ident).json()
    assert details["name"] == "Office hours" and details["type"] == "businessHours"
    event = details["events"][0]
    assert event["id"] == event_id("Weekdays")
    assert event == {
        "id": event_id("Weekdays"),
        "name": "Weekdays",
        "startDate": "2026-01-05",
        "endDate": "2026-01-05",
        "startTime": "08:30",
        "endTime": "17:30",
        "allDayEnabled": False,
        "recurrence": {
            "recurForEver": True,
            "recurWeekly": {
                "recurInterval": 1,
                "sunday": False,
                "monday": True,
                "tuesday": False,
                "wednesday": False,
                "thursday": False,
                "friday": True,
                "saturday": False,
            },
        },
    }
    # The spec's example event id decodes to the event name "New Year's Day".
    assert event_id("New Year's Day") == "Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFX0VWRU5UL1RtVjNJRmxsWVhJbmN5QkVZWGs"
    assert_webex_error(sim.api("GET", base + "/holidays/" + ident), 404, errors.ERR_NOT_FOUND)
    listed = sim.api("GET", base, params={"type": "businessHours", "name": "office"}).json()["schedules"]
    assert [item["name"] for item in listed] == ["Office hours"]


def test_duplicate_name_is_409_25030_per_type(sim):
    _create(sim, events=[WEEKDAYS])
    _location_id, base = _base(sim)
    assert_webex_error(
        sim.api("POST", base, json={"type": "businessHours", "name": "Office hours"}),
        409,
        errors.ERR_SCHEDULE_DUPLICATE_NAME,
    )
    # The same name for the other type, or in another location, is another schedule.
    assert sim.api("POST", base, json={"type": "holidays", "name": "Office hours"}).status_code == 201
    _create(sim, location="Headquarters Annex")


def test_create_validation(sim):
    _location_id, base = _base(sim)
    cases = [
        ({"name": "X"}, 400, errors.ERR_MISSING_FIELD),
        ({"type": "weekly", "name": "X"}, 400, errors.ERR_INVALID_VALUE),
        ({"type": "holidays"}, 400, errors.ERR_MISSING_FIELD),
        ({"type": "holidays", "name": "X" * 81}, 400, errors.ERR_INVALID_VALUE),
        (
            {"type": "holidays", "name": "X", "events": [dict(NEW_YEAR, startDate="2026-02-30")]},
            400,
            errors.ERR_INVALID_VALUE,
        ),
        (
            {"type": "holidays", "name": "X", "events": [dict(NEW_YEAR, startDate="01/01/2026")]},
            400,
            errors.ERR_INVALID_VALUE,
        ),
        (
            {"type": "holidays", "name": "X", "events": [dict(NEW_YEAR, endDate="2025-12-31")]},
            400,
            errors.ERR_INVALID_VALUE,
        ),
        (
            {"type": "holidays", "name": "X", "events": [dict(NEW_YEAR, startTime="09:00")]},
            400,
            errors.ERR_INVALID_VALUE,
        ),
        ({"type": "holidays", "name": "X", "events": [dict(WEEKDAYS, endTime="08:00")]}, 400, errors.ERR_INVALID_VALUE),
        (
            {"type": "holidays", "name": "X", "events": [dict(WEEKDAYS, startTime="9:00")]},
            400,
            errors.ERR_INVALID_VALUE,
        ),
        (
            {"type": "holidays", "name": "X", "events": [{k: v for k, v in WEEKDAYS.items() if k != "endTime"}]},
            400,
            errors.ERR_MISSING_FIELD,
        ),
        ({"type": "holidays", "name": "X", "events": [NEW_YEAR, NEW_YEAR]}, 400, errors.ERR_INVALID_VALUE),
        (
            {"type": "holidays", "name": "X", "events": [dict(NEW_YEAR, recurrence={"recurForEver": True})]},
            400,
            errors.ERR_INVALID_VALUE,
        ),
        (
            {
                "type": "holidays",
                "name": "X",
                "events": [dict(NEW_YEAR, recurrence={"recurYearlyByDate": {"dayOfMonth": 30, "month": "FEBRUARY"}})],
            },
            400,
            errors.ERR_INVALID_VALUE,
        ),
        (
            {
                "type": "holidays",
                "name": "X",
                "events": [dict(NEW_YEAR, recurrence={"recurWeekly": {"sunday": False}})],
            },
            400,
            errors.ERR_INVALID_VALUE,
        ),
        (
            {
                "type": "holidays",
                "name": "X",
                "events": [
                    dict(
                        NEW_YEAR,
                        recurrence={"recurYearlyByDay": {"day": "THURSDAY", "week": "FIFTH", "month": "NOVEMBER"}},
                    )
                ],
            },
            400,
            errors.ERR_INVALID_VALUE,
        ),
    ]
    for body, status, code in cases:
        assert_webex_error(sim.api("POST", base, json=body), status, code)
    assert [w["status"] for w in sim.writes()] == [400] * len(cases)
    assert "X" not in [item["name"] for item in sim.api("GET", base).json()["schedules"]]


def test_rename_changes_the_id_and_attendants_follow(sim):
    location_id, base, ident = _create(sim, events=[WEEKDAYS])
    response = sim.api("POST", aa_path(location_id), json=minimal_body(businessSchedule="Office hours"))
    assert response.status_code == 201, response.text
    aa_id = response.json()["id"]
    response = sim.api("PUT", base + "/businessHours/" + ident, json={"name": "Winter hours"})
    assert response.status_code == 200
    new_id = response.json()["id"]
    assert new_id == schedule_id("Winter hours") != ident
    assert_webex_error(sim.api("GET", base + "/businessHours/" + ident), 404)
    details = sim.api("GET", base + "/businessHours/" + new_id).json()
    assert details["name"] == "Winter hours" and [e["name"] for e in details["events"]] == ["Weekdays"]
    assert sim.api("GET", aa_path(location_id, aa_id)).json()["businessSchedule"] == "Winter hours"
    # Renaming onto a taken name is refused.
    _create(sim, name="Summer hours")
    assert_webex_error(
        sim.api("PUT", base + "/businessHours/" + new_id, json={"name": "Summer hours"}),
        409,
        errors.ERR_SCHEDULE_DUPLICATE_NAME,
    )
    assert_webex_error(sim.api("PUT", base + "/businessHours/" + new_id, json={}), 400, errors.ERR_MISSING_FIELD)


def test_put_events_replace_the_list_with_new_name(sim):
    _location_id, base, ident = _create(sim, kind="holidays", events=[NEW_YEAR, dict(NEW_YEAR, name="Other")])
    body = {"name": "Office hours", "events": [dict(NEW_YEAR, newName="New Year's Day")]}
    response = sim.api("PUT", base + "/holidays/" + ident, json=body)
    assert response.status_code == 200 and response.json()["id"] == ident
    events = sim.api("GET", base + "/holidays/" + ident).json()["events"]
    assert [(e["name"], e["id"]) for e in events] == [("New Year's Day", event_id("New Year's Day"))]


def test_delete_refused_while_an_attendant_uses_it(sim):
    location_id, base, ident = _create(sim, kind="holidays", name="Holidays 2026", events=[NEW_YEAR])
    _other, _base2, business = _create(sim, name="Holidays 2026")  # same name, other type: not in use
    body = minimal_body(name="Reception", holidaySchedule="Holidays 2026")
    assert sim.api("POST", aa_path(location_id), json=body).status_code == 201
    error = assert_webex_error(sim.api("DELETE", base + "/holidays/" + ident), 409, errors.ERR_SCHEDULE_IN_USE)
    assert "Reception" in error["message"] and "Holidays 2026" in error["message"]
    assert sim.api("GET", base + "/holidays/" + ident).status_code == 200
    assert sim.api("DELETE", base + "/businessHours/" + business).status_code == 204
    # Once the attendant no longer uses it, the schedule can go.
    aa_id = sim.api("GET", "/telephony/config/autoAttendants", params={"name": "Reception"}).json()["autoAttendants"][
        0
    ]["id"]
    assert (
        sim.api("PUT", aa_path(location_id, aa_id), json={"holidaySchedule": "AUTOATTENDANT-HOLIDAY"}).status_code
        == 200
    )
    assert sim.api("DELETE", base + "/holidays/" + ident).status_code == 204
    assert_webex_error(sim.api("DELETE", base + "/holidays/" + ident), 404)


def test_event_routes(sim):
    _location_id, base, ident = _create(sim, kind="holidays", events=[NEW_YEAR])
    events = base + "/holidays/" + ident + "/events"
    christmas = {"name": "Christmas", "startDate": "2026-12-25", "endDate": "2026-12-26"}
    response = sim.api("POST", events, json=christmas)
    assert response.status_code == 201 and response.json()["id"] == event_id("Christmas")
    assert_webex_error(sim.api("POST", events, json=christmas), 409, errors.ERR_EVENT_DUPLICATE_NAME)
    assert_webex_error(sim.api("POST", events, json={"name": "No dates"}), 400, errors.ERR_MISSING_FIELD)
    got = sim.api("GET", events + "/" + event_id("Christmas")).json()
    assert got["allDayEnabled"] is True and got["endDate"] == "2026-12-26"
    # PUT replaces the event; a new name is a new id.
    response = sim.api("PUT", events + "/" + event_id("Christmas"), json=dict(christmas, endDate="2026-12-27"))
    assert response.status_code == 200 and response.json()["id"] == event_id("Christmas")
    response = sim.api("PUT", events + "/" + event_id("Christmas"), json=dict(christmas, name="Xmas"))
    assert response.json()["id"] == event_id("Xmas")
    assert_webex_error(sim.api("GET", events + "/" + event_id("Christmas")), 404)
    assert_webex_error(
        sim.api("PUT", events + "/" + event_id("Xmas"), json=dict(christmas, name="New Year")),
        409,
        errors.ERR_EVENT_DUPLICATE_NAME,
    )
    assert sim.api("DELETE", events + "/" + event_id("Xmas")).status_code == 204
    assert [e["name"] for e in sim.api("GET", base + "/holidays/" + ident).json()["events"]] == ["New Year"]
    assert_webex_error(sim.api("DELETE", events + "/" + event_id("Xmas")), 404)


def test_read_only_token_cannot_write_schedules(sim):
    _location_id, base = _base(sim)
    response = sim.api("POST", base, token=sim.read_only_token, json={"type": "holidays", "name": "X"})
    assert_webex_error(response, 403, errors.ERR_READ_ONLY_TOKEN)


def test_list_pagination_carries_filters(sim):
    for index in range(5):
        _create(sim, name="Shift %d" % index)
    _location_id, base = _base(sim)
    items, pages, urls = list_all(sim, base, "schedules", {"type": "businessHours", "name": "shift", "max": 2})
    assert [item["name"] for item in items] == ["Shift %d" % index for index in range(5)]
    assert pages == 3 and all("type=businessHours" in url and "name=shift" in url for url in urls)


def test_state_file_keeps_schedules(tmp_path):
    from tests.simulator.state import State  # pylint: disable=import-outside-toplevel

    path = str(tmp_path / "state.json")
    state = State(path)
    location_id = state.locations[0]["id"]
    state.schedules[location_id].append({"name": "Saved", "type": "holidays", "events": []})
    state.save()
    assert State(path).schedule(location_id, "holidays", "Saved") is not None
