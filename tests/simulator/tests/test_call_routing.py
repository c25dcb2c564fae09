"""Test Call Routing (POST /telephony/config/actions/testCallRouting/invoke): where a dialled number lands, for the
auto attendants' numbers (primary, alternate, national form), extensions and ESNs, the locations' unassigned numbers,
outside numbers, and the requests it refuses. Every 2xx answer is validated against the vendored OpenAPI subset."""

import pytest

from tests.builders import DENVER, HQ
from tests.simulator import errors

from .helpers import assert_webex_error, create, minimal_body

PATH = "/telephony/config/actions/testCallRouting/invoke"


def route(sim, destination, token=None, **body):
    body = dict({"originatorId": "person-1", "originatorType": "PEOPLE", "destination": destination}, **body)
    return sim.api("POST", PATH, json=body, **({"token": token} if token else {}))


@pytest.fixture(name="attendant")
def fixture_attendant(sim):
    body = minimal_body(
        "Main",
        "2100",
        phoneNumber="+19705550010",
        alternateNumbers=[{"phoneNumber": "+19705550011", "ringPattern": "NORMAL"}],
    )
    return create(sim, HQ, body)[1]


@pytest.mark.parametrize(
    "destination", ["+19705550010", "9705550010", "+1 970-555-0010", "+19705550011", "2100", "80012100"]
)
def test_an_attendant_number_extension_or_esn_lands_on_the_attendant(sim, attendant, destination):
    response = route(sim, destination)
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["destinationType"] == "HOSTED_FEATURE" and answer["isRejected"] is False
    assert answer["hostedFeature"] == {
        "type": "AUTO_ATTENDANT",
        "name": "Main",
        "id": attendant,
        "locationName": HQ,
        "locationId": sim.location_id(HQ),
        "phoneNumber": "+19705550010",
        "extension": "2100",
    }


def test_an_extension_two_locations_have_is_unknown(sim, attendant):
    create(sim, DENVER, minimal_body("Denver main", "2100"))
    assert route(sim, "2100").json()["destinationType"] == "UNKNOWN_EXTENSION"
    assert route(sim, "80032100").json()["hostedFeature"]["name"] == "Denver main"


def test_numbers_nobody_has(sim, attendant):
    assert route(sim, "+19705550020").json() == {
        "destinationType": "UNKNOWN_NUMBER",
        "routingAddress": "+19705550020",
        "isRejected": False,
        "unknownNumber": {},
    }
    assert route(sim, "+13035550100").json() == {
        "destinationType": "PSTN_NUMBER",
        "routingAddress": "+13035550100",
        "isRejected": False,
        "pstnNumber": {},
    }
    assert route(sim, "2999").json()["destinationType"] == "UNKNOWN_EXTENSION"


def test_a_trunk_may_present_its_number(sim, attendant):
    response = route(sim, "2100", originatorType="TRUNK", originatorNumber="+13035550199")
    assert response.json()["destinationType"] == "HOSTED_FEATURE"


@pytest.mark.parametrize(
    "body, code, text",
    [
        ({"originatorType": "PEOPLE", "destination": "2100"}, errors.ERR_MISSING_FIELD, "originatorId"),
        ({"originatorId": "p", "destination": "2100"}, errors.ERR_MISSING_FIELD, "originatorType"),
        ({"originatorId": "p", "originatorType": "PEOPLE"}, errors.ERR_MISSING_FIELD, "destination"),
        (
            {"originatorId": "p", "originatorType": "ROBOT", "destination": "2100"},
            errors.ERR_INVALID_VALUE,
            "originatorType",
        ),
        (
            {"originatorId": 7, "originatorType": "PEOPLE", "destination": "2100"},
            errors.ERR_INVALID_VALUE,
            "originatorId",
        ),
    ],
)
def test_a_request_without_what_it_needs_is_refused(sim, body, code, text):
    body_seen = assert_webex_error(sim.api("POST", PATH, json=body), 400, code)
    assert text in body_seen["message"]


def test_it_needs_a_token_that_may_write(sim):
    assert_webex_error(route(sim, "2100", token=sim.read_only_token), 403, errors.ERR_READ_ONLY_TOKEN)


def test_the_answers_are_validated_against_the_vendored_reference(sim, attendant):
    before = sim.openapi_report()["checked"]
    route(sim, "2100")
    report = sim.openapi_report()
    assert report["checked"] == before + 1 and report["mismatches"] == []
    assert not [path for path in report["skipped"] if "testCallRouting" in path]
