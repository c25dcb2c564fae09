"""Operating modes: the read routes, and an attendant's forwarding by operating mode (kept, returned, switched back)."""

import pytest

from tests.simulator import errors
from tests.simulator.routes_forwarding import ERR_MODE_NOT_AVAILABLE

from .helpers import assert_webex_error, create, minimal_body
from .test_forwarding import forwarding_path, settings

MODES = "/telephony/config/operatingModes"


def _modes(sim, **params):
    response = sim.api("GET", MODES, params=params)
    assert response.status_code == 200, response.text
    return [(mode["name"], mode["level"]) for mode in response.json()["operatingModes"]]


def _mode_id(sim, name, level="ORGANIZATION"):
    items = sim.api("GET", MODES, params={"name": name}).json()["operatingModes"]
    return next(item["id"] for item in items if item["name"] == name and item["level"] == level)


def test_list_filters_and_sorts_by_name(sim):
    hq, denver = sim.location_id("Headquarters"), sim.location_id("Branch Office Denver")
    assert _modes(sim) == [
        ("Company Holidays", "ORGANIZATION"),
        ("Day", "LOCATION"),
        ("Night", "LOCATION"),
        ("Outage", "ORGANIZATION"),
        ("Weather Closure", "ORGANIZATION"),
        ("Weather Closure", "LOCATION"),
    ]
    assert _modes(sim, limitToLocationId=hq) == [("Day", "LOCATION"), ("Night", "LOCATION")]
    assert _modes(sim, limitToLocationId=denver, name="weather") == [("Weather Closure", "LOCATION")]
    assert _modes(sim, limitToOrgLevelEnabled="true", order="name-desc") == [
        ("Weather Closure", "ORGANIZATION"),
        ("Outage", "ORGANIZATION"),
        ("Company Holidays", "ORGANIZATION"),
    ]
    listed = sim.api("GET", MODES, params={"name": "Night"}).json()["operatingModes"][0]
    assert "differentHoursDaily" not in listed and listed["location"]["name"] == "Headquarters"
    assert_webex_error(sim.api("GET", MODES, params={"limitToOrgLevelEnabled": "maybe"}), 400, errors.ERR_INVALID_VALUE)
    assert_webex_error(sim.api("GET", MODES, params={"max": "101"}), 400, errors.ERR_INVALID_VALUE)


def test_details_holiday_and_available_modes(sim):
    holidays_id = _mode_id(sim, "Company Holidays")
    details = sim.api("GET", MODES + "/" + holidays_id).json()
    assert details["type"] == "HOLIDAY" and details["holidays"][0]["name"] == "New Year"
    holiday = sim.api("GET", "%s/%s/holidays/%s" % (MODES, holidays_id, details["holidays"][0]["id"]))
    assert holiday.json()["recurrence"] == {"recurYearlyByDate": {"dayOfMonth": 1, "month": "JANUARY"}}
    assert_webex_error(sim.api("GET", "%s/%s/holidays/bm9wZQ" % (MODES, holidays_id)), 404, errors.ERR_NOT_FOUND)
    assert_webex_error(sim.api("GET", MODES + "/bm9wZQ"), 404, errors.ERR_NOT_FOUND)
    hq = sim.location_id("Headquarters")
    available = sim.api("GET", "/telephony/config/locations/%s/operatingModes/availableOperatingModes" % hq).json()
    assert [mode["name"] for mode in available["operatingModes"]] == [
        "Company Holidays",
        "Day",
        "Night",
        "Outage",
        "Weather Closure",
    ]
    assert set(available["operatingModes"][0]) == {"id", "name"}


def test_mode_writes_answer_501_naming_the_route(sim):
    response = sim.api("PUT", MODES + "/" + _mode_id(sim, "Outage"), json={"name": "Outage"})
    assert response.status_code == 501
    assert "PUT /v1/telephony/config/operatingModes/{modeId} (Modify an Operating Mode)" in response.json()["message"]


def _enable(sim, location_id, aa_id, modes, enabled=True):
    body = {"callForwarding": {"operatingModes": {"enabled": enabled, "modes": modes}}}
    return sim.api("PUT", forwarding_path(location_id, aa_id), json=body)


def test_forwarding_by_operating_mode_is_kept_and_read_back_with_the_modes_own_settings(sim):
    location_id, aa_id = create(sim)
    day, outage = _mode_id(sim, "Day", "LOCATION"), _mode_id(sim, "Outage")
    modes = [
        {"id": day, "normalOperationEnabled": True, "forwardTo": {"selection": "DO_NOT_FORWARD"}},
        {
            "id": outage,
            "normalOperationEnabled": False,
            "forwardTo": {
                "selection": "FORWARD_TO_SPECIFIED_NUMBER",
                "destination": "+19705550006",
                "destinationVoicemailEnabled": True,
            },
        },
    ]
    assert _enable(sim, location_id, aa_id, modes).status_code == 204
    stored = settings(sim, location_id, aa_id)["operatingModes"]
    assert stored["enabled"] is True
    assert stored["currentOperatingModeId"] == day and stored["exceptionType"] == "AUTOMATIC_SWITCH_BACK_STANDARD"
    assert [(mode["name"], mode["type"], mode["level"]) for mode in stored["modes"]] == [
        ("Day", "SAME_HOURS_DAILY", "LOCATION"),
        ("Outage", "NONE", "ORGANIZATION"),
    ]
    assert stored["modes"][0]["forwardTo"] == {
        "selection": "DO_NOT_FORWARD",
        "destination": "",
        "destinationVoicemailEnabled": False,
        "defaultForwardToSelection": "DO_NOT_FORWARD",
        "defaultDestination": "",
        "defaultDestinationVoicemailEnabled": False,
    }
    assert stored["modes"][1]["forwardTo"] == {
        "selection": "FORWARD_TO_SPECIFIED_NUMBER",
        "destination": "+19705550006",
        "destinationVoicemailEnabled": True,
        "defaultForwardToSelection": "FORWARD_TO_SPECIFIED_NUMBER",
        "defaultDestination": "+19705550007",
        "defaultDestinationVoicemailEnabled": True,
    }
    # The list replaces the modes (GUESS); the other settings stay.
    assert _enable(sim, location_id, aa_id, modes[1:], enabled=False).status_code == 204
    stored = settings(sim, location_id, aa_id)
    assert stored["operatingModes"]["enabled"] is False and [m["name"] for m in stored["operatingModes"]["modes"]] == [
        "Outage"
    ]
    assert stored["always"]["enabled"] is False and stored["rules"] == []


@pytest.mark.parametrize(
    "modes,status,code,where",
    [
        ([{"normalOperationEnabled": True, "forwardTo": {"selection": "DO_NOT_FORWARD"}}], 400, 25008, "id"),
        (
            [{"id": "Night", "normalOperationEnabled": True, "forwardTo": {"selection": "DO_NOT_FORWARD"}}],
            400,
            None,
            "id",
        ),
        ([{"id": "Day", "forwardTo": {"selection": "DO_NOT_FORWARD"}}], 400, 25008, "normalOperationEnabled"),
        ([{"id": "Day", "normalOperationEnabled": True}], 400, 25008, "forwardTo"),
        (
            [{"id": "Day", "normalOperationEnabled": True, "forwardTo": {"selection": "FORWARD_TO_SPECIFIED_NUMBER"}}],
            400,
            25008,
            "forwardTo.destination",
        ),
        (
            [{"id": "Day", "normalOperationEnabled": "yes", "forwardTo": {"selection": "DO_NOT_FORWARD"}}],
            400,
            25024,
            "",
        ),
        ([{"id": "Day", "normalOperationEnabled": True, "forwardTo": {"selection": "NOWHERE"}}], 400, 25024, ""),
    ],
)
def test_a_mode_update_is_validated_and_nothing_is_kept(sim, modes, status, code, where):
    location_id, aa_id = create(sim, "Branch Office Denver")
    denver_modes = {"Day": _mode_id(sim, "Outage"), "Night": _mode_id(sim, "Night", "LOCATION")}
    for mode in modes:
        if mode.get("id") in denver_modes:
            mode["id"] = denver_modes[mode["id"]]  # Night is Headquarters': not available in Denver
    response = _enable(sim, location_id, aa_id, modes)
    body = assert_webex_error(response, status, code or ERR_MODE_NOT_AVAILABLE)
    assert "operatingModes.modes[0]." + where in body["message"]
    assert settings(sim, location_id, aa_id)["operatingModes"] == {"enabled": False, "modes": []}


def test_switch_mode_goes_back_to_normal_operation(sim):
    location_id, aa_id = create(sim)
    day, outage = _mode_id(sim, "Day", "LOCATION"), _mode_id(sim, "Outage")
    modes = [
        {"id": day, "normalOperationEnabled": True, "forwardTo": {"selection": "DO_NOT_FORWARD"}},
        {"id": outage, "normalOperationEnabled": False, "forwardTo": {"selection": "FORWARD_TO_DEFAULT_NUMBER"}},
    ]
    _enable(sim, location_id, aa_id, modes)
    # Someone switched to Outage by hand in Control Hub (the API cannot: the control route stores it).
    stored = settings(sim, location_id, aa_id)["operatingModes"]
    sim.store_forwarding(
        aa_id,
        operatingModes=dict(
            modes=modes, enabled=True, currentOperatingModeId=outage, exceptionType="MANUAL_SWITCH_BACK"
        ),
    )
    assert settings(sim, location_id, aa_id)["operatingModes"]["exceptionType"] == "MANUAL_SWITCH_BACK"
    # A settings update keeps the exception while its mode is listed.
    assert _enable(sim, location_id, aa_id, modes).status_code == 204
    assert settings(sim, location_id, aa_id)["operatingModes"]["currentOperatingModeId"] == outage
    assert sim.api("POST", forwarding_path(location_id, aa_id, "/actions/switchMode/invoke")).status_code == 204
    assert settings(sim, location_id, aa_id)["operatingModes"] == stored
    assert sim.api("POST", forwarding_path(location_id, aa_id, "/actions/switchMode/invoke")).status_code == 204


def test_operating_mode_call_forward_numbers_are_the_assigned_ones(sim):
    location_id, aa_id = create(sim, body=minimal_body(phoneNumber="+19705550026"))
    response = sim.api(
        "GET", "/telephony/config/locations/%s/operatingModes/callForwarding/availableNumbers" % location_id
    )
    assert [(item["phoneNumber"], item["owner"]["id"]) for item in response.json()["phoneNumbers"]] == [
        ("+19705550026", aa_id)
    ]
