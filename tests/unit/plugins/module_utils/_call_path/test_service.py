"""_call_path/service.py over a scripted HTTP exchange: the Test Call Routing request (path and body)."""

from ansible_collections.wxc.calling.plugins.module_utils._call_path.service import CallRoutingService
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.unit.plugins.module_utils.scripted_http import API, TOKEN

ROUTING = API + "/telephony/config/actions/testCallRouting/invoke"


def service():
    return CallRoutingService(WebexClient(API, TOKEN, sleep=lambda seconds: None))


def test_the_originator_and_the_destination_without_separators_are_sent(exchange):
    answer = {"destinationType": "PSTN_NUMBER", "routingAddress": "+13035550100", "isRejected": False}
    exchange.expect("POST", ROUTING, 200, answer)
    originator = {"id": "T1", "type": "TRUNK", "number": "+13035550199"}
    assert service().test_call_routing(originator, "+1 (303) 555-0100") == answer
    assert exchange.requests[0].json() == {
        "originatorId": "T1",
        "originatorType": "TRUNK",
        "originatorNumber": "+13035550199",
        "destination": "+13035550100",
    }


def test_a_person_is_the_default_originator_type_and_no_number_is_sent_without_one(exchange):
    exchange.expect(
        "POST", ROUTING, 200, {"destinationType": "UNKNOWN_EXTENSION", "routingAddress": "9", "isRejected": False}
    )
    service().test_call_routing({"id": "P1"}, "2100")
    assert exchange.requests[0].json() == {"originatorId": "P1", "originatorType": "PEOPLE", "destination": "2100"}
