"""_call_path/converge.py over a scripted HTTP exchange: what the simulator does not play. The operating modes of an
attendant (its forwarding lists them, each mode's details give its schedule) and every answer of Test Call Routing
that does not reach an attendant. The rest of the catalog runs against the simulator in tests/component/."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._call_path.compare import trace_calls
from ansible_collections.wxc.calling.plugins.module_utils._call_path.converge import ServiceCatalog
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.unit.plugins.module_utils.scripted_http import API, TOKEN

LIST = API + "/telephony/config/autoAttendants"
DESK = {
    "id": "A1",
    "name": "Desk",
    "locationId": "L1",
    "locationName": "Denver",
    "extension": "2400",
    "phoneNumber": "+17205550101",
    "esn": "80032400",
}
DETAILS = {
    "id": "A1",
    "name": "Desk",
    "extension": "2400",
    "phoneNumber": "+17205550101",
    "businessSchedule": "Office",
    "timeZone": "America/Denver",
    "businessHoursMenu": {
        "greeting": "DEFAULT",
        "extensionEnabled": True,
        "keyConfigurations": [{"key": "0", "action": "EXIT"}],
    },
    "afterHoursMenu": {
        "greeting": "DEFAULT",
        "extensionEnabled": True,
        "keyConfigurations": [{"key": "0", "action": "EXIT"}],
    },
}
UNTOUCHED = {"enabled": False, "destination": "", "ringReminderEnabled": False, "sendToVoicemailEnabled": False}
DAY = {"enabled": True, "allDayEnabled": False, "startTime": "09:00", "endTime": "17:00"}


@pytest.fixture(name="client")
def fixture_client():
    return WebexClient(API, TOKEN, sleep=lambda seconds: None)


def run(client, originator=None, **call):
    call = dict({"name": None, "number": "+17205550101", "at": "2026-03-09T10:00"}, **call)
    results, _failures = trace_calls(ServiceCatalog(client, originator=originator), [call])
    return results[0]


def test_the_operating_modes_of_the_forwarding_are_read_with_their_schedules(exchange, client):
    mode = {
        "normalOperationEnabled": True,
        "id": "M1",
        "name": "Day",
        "type": "SAME_HOURS_DAILY",
        "level": "LOCATION",
        "forwardTo": {
            "selection": "FORWARD_TO_SPECIFIED_NUMBER",
            "destination": "+13035550150",
            "destinationVoicemailEnabled": False,
        },
    }
    forwarding = {
        "callForwarding": {
            "always": UNTOUCHED,
            "selective": UNTOUCHED,
            "rules": [],
            "operatingModes": {
                "enabled": True,
                "currentOperatingModeId": "M1",
                "exceptionType": "AUTOMATIC_SWITCH_BACK_STANDARD",
                "modes": [mode],
            },
        }
    }
    details = {
        "id": "M1",
        "name": "Day",
        "type": "SAME_HOURS_DAILY",
        "level": "LOCATION",
        "sameHoursDaily": {"mondayToFriday": DAY, "saturdayToSunday": dict(DAY, enabled=False)},
        "callForwarding": {"enabled": True, "destination": "+13035550199", "destinationVoicemailEnabled": False},
    }
    exchange.expect("GET", LIST, 200, {"autoAttendants": [DESK]})
    exchange.expect("GET", API + "/telephony/config/locations/L1/autoAttendants/A1", 200, DETAILS)
    exchange.expect("GET", API + "/locations/L1", 200, {"id": "L1", "name": "Denver", "timeZone": "America/Denver"})
    exchange.expect("GET", API + "/telephony/config/locations/L1/autoAttendants/A1/callForwarding", 200, forwarding)
    exchange.expect("GET", API + "/telephony/config/operatingModes/M1", 200, details)
    result = run(client)
    mode_step = [step for step in result["steps"] if step["step"] == "operating_mode"][0]
    assert mode_step["text"] == "Operating mode 'Day' is in effect (its hours on Monday): forwarded to +13035550150"
    assert result["destination"]["value"] == "+13035550150"  # the feature's forwardTo, not the mode's own default
    assert result["call"]["at"] == "2026-03-09T10:00:00-06:00"


def test_modes_are_not_read_when_operating_modes_are_off(exchange, client):
    forwarding = {
        "callForwarding": {
            "always": UNTOUCHED,
            "selective": UNTOUCHED,
            "rules": [],
            "operatingModes": {"enabled": False, "modes": [{"id": "M1"}]},
        }
    }
    exchange.expect("GET", LIST, 200, {"autoAttendants": [DESK]})
    exchange.expect("GET", API + "/telephony/config/locations/L1/autoAttendants/A1", 200, DETAILS)
    exchange.expect("GET", API + "/locations/L1", 200, {"id": "L1", "name": "Denver", "timeZone": "America/Denver"})
    exchange.expect("GET", API + "/telephony/config/locations/L1/autoAttendants/A1/callForwarding", 200, forwarding)
    exchange.expect(
        "GET", API + "/telephony/config/locations/L1/schedules?type=businessHours&name=Office", 200, {"schedules": []}
    )
    result = run(client)
    assert result["destination"]["reason"] == (
        "business_schedule of 'Desk' names the business hours schedule 'Office', which location Denver does not have"
    )


ORIGINATOR = {"id": "P1", "type": "PEOPLE", "number": None}
ROUTING = API + "/telephony/config/actions/testCallRouting/invoke"


@pytest.mark.parametrize(
    "answer, destination",
    [
        (
            {
                "destinationType": "HOSTED_AGENT",
                "routingAddress": "2201",
                "isRejected": False,
                "hostedAgent": {
                    "id": "P2",
                    "type": "PEOPLE",
                    "firstName": "Ann",
                    "lastName": "Lee",
                    "locationName": "Denver",
                    "locationId": "L1",
                },
            },
            {"type": "number", "value": "+13035550100", "reason": "Test Call Routing routes it to PEOPLE Ann Lee"},
        ),
        (
            {
                "destinationType": "HOSTED_FEATURE",
                "routingAddress": "2500",
                "isRejected": False,
                "hostedFeature": {
                    "type": "CALL_QUEUE",
                    "name": "Queue",
                    "id": "Q1",
                    "locationName": "Denver",
                    "locationId": "L1",
                },
            },
            {
                "type": "number",
                "value": "+13035550100",
                "reason": "Test Call Routing routes it to CALL_QUEUE 'Queue' (Denver)",
            },
        ),
        (
            {"destinationType": "PSTN_NUMBER", "routingAddress": "+13035550100", "isRejected": False, "pstnNumber": {}},
            {"type": "number", "value": "+13035550100", "reason": "Test Call Routing routes it to PSTN_NUMBER"},
        ),
        (
            {"destinationType": "UNKNOWN_NUMBER", "routingAddress": "+13035550100", "isRejected": False},
            {"type": "unresolved", "reason": "Test Call Routing does not know +13035550100 (UNKNOWN_NUMBER)"},
        ),
        (
            {"destinationType": "PSTN_NUMBER", "routingAddress": "+13035550100", "isRejected": True},
            {"type": "unresolved", "reason": "Test Call Routing says the call is rejected"},
        ),
    ],
)
def test_test_call_routing_answers_that_reach_no_attendant_end_the_trace(exchange, client, answer, destination):
    exchange.expect("GET", LIST, 200, {"autoAttendants": [DESK]})
    exchange.expect("POST", ROUTING, 200, answer)
    result = run(client, originator=ORIGINATOR, number="+13035550100")
    assert result["destination"] == destination
    (entry,) = result["steps"]
    assert entry["routing"] == {
        "destination_type": answer["destinationType"],
        "routing_address": answer["routingAddress"],
    }
    body = exchange.requests[1].json()
    assert body == {"originatorId": "P1", "originatorType": "PEOPLE", "destination": "+13035550100"}
