"""The OpenAPI check itself: the patched 2026 document is valid, describes every route the simulator serves (but the
token endpoint), and a response it does not allow is caught, the 2025-2026 additions included."""

import json
import re

import pytest
from openapi_spec_validator import validate

from tests.simulator.harness import OpenApiMismatch
from tests.simulator.openapi_check import patch_spec, read_spec
from tests.simulator.routes_tokens import TOKEN_PATH
from tests.simulator.server import App

from .helpers import aa_path, minimal_body

HQ = "Headquarters"


def _document():
    return patch_spec(read_spec())


def test_the_patched_document_is_a_valid_openapi_document():
    document = _document()
    validate(document)
    assert document["info"]["version"] == "2026-04-28"


def _sample_path(pattern):
    """A concrete path of a route pattern: every named group (nested groups and all) becomes a sample segment."""
    result, index = "", 0
    while index < len(pattern):
        if pattern.startswith("(?P<", index):
            depth = 0
            while True:
                depth += {"(": 1, ")": -1}.get(pattern[index], 0)
                index += 1
                if depth == 0:
                    break
            result += "X" * 24
        else:
            result += pattern[index]
            index += 1
    return result.replace("\\", "").rstrip("?")


def test_every_route_the_simulator_serves_is_in_the_document_but_the_token_endpoint():
    templates = [re.compile("/v1" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "/?") for path in _document()["paths"]]
    undescribed = []
    for method, pattern, _handler in App().api_router.routes:
        sample = _sample_path(pattern.pattern)
        if not any(template.fullmatch(sample) for template in templates):
            undescribed.append("%s %s" % (method, sample))
    assert undescribed == []
    assert TOKEN_PATH not in [pattern.pattern for _method, pattern, _handler in App().api_router.routes]


def test_a_response_outside_the_document_fails_and_an_undescribed_path_is_skipped(sim):
    # Stored as given by the control route, a greeting the API does not know reads back and breaks the schema.
    menu = {"greeting": "PLAYLIST", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
    stored = sim.store_auto_attendant(HQ, minimal_body(businessHoursMenu=menu, afterHoursMenu=menu))
    assert sim.api("GET", aa_path(sim.location_id(HQ), stored)).status_code == 200
    grant = {
        "grant_type": "refresh_token",
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "refresh_token": sim.refresh_token,
    }
    assert sim._session.post(sim.url + "/access_token", data=grant, timeout=30).status_code == 200  # pylint: disable=protected-access
    report = sim.openapi_report()
    assert report["enabled"] is True and report["checked"] > 0
    assert "POST %s" % TOKEN_PATH in report["skipped"]
    with pytest.raises(OpenApiMismatch, match="PLAYLIST"):
        sim.check_openapi()


def _attendant(**fields):
    """A minimal stored attendant with FIELDS over it (the control route stores it as given)."""
    return minimal_body(**fields)


def _treatment(**treatment):
    menu = dict(minimal_body()["businessHoursMenu"], callTreatment=treatment)
    return {"businessHoursMenu": menu}


MODE_ID = "Y2lzY29zcGFyazovL3VzL09QRVJBVElOR19NT0RFLzZmMGUwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwNA"
GOOD_MODE = {
    "id": MODE_ID,
    "normalOperationEnabled": True,
    "forwardTo": {"selection": "DO_NOT_FORWARD"},
}


@pytest.mark.parametrize(
    "case,attendant,forwarding,problem",
    [
        ("dialByName a number", {"dialByName": 42}, None, "42 is not of type 'string'"),
        (
            "directLineCallerIdName selection unknown",
            {"directLineCallerIdName": {"selection": "NICKNAME"}},
            None,
            "'NICKNAME' is not one of",
        ),
        (
            "directLineCallerIdName customName a number",
            {"directLineCallerIdName": {"selection": "CUSTOM_NAME", "customName": 7}},
            None,
            "7 is not of type 'string'",
        ),
        ("callTreatment noInputTimer a number", _treatment(noInputTimer=10), None, "10 is not of type 'string'"),
        (
            "callTreatment action without greeting",
            _treatment(actionToBePerformed={"action": "DISCONNECT"}),
            None,
            "'greeting' is a required property",
        ),
        (
            "callTreatment retry unknown",
            _treatment(retryAttemptForNoInput="FOREVER"),
            None,
            "'FOREVER' is not one of",
        ),
        ("operatingModes enabled a string", {}, {"enabled": "yes", "modes": []}, "'yes' is not of type 'boolean'"),
        (
            "operatingModes exception type unknown",
            {},
            {"enabled": True, "modes": [GOOD_MODE], "currentOperatingModeId": MODE_ID, "exceptionType": "SOMETIMES"},
            "'SOMETIMES' is not one of",
        ),
        (
            "operatingModes mode selection unknown",
            {},
            {"enabled": True, "modes": [dict(GOOD_MODE, forwardTo={"selection": "FORWARD_SOMEWHERE"})]},
            "'FORWARD_SOMEWHERE' is not one of",
        ),
    ],
)
def test_a_wrong_type_in_a_field_of_the_2025_2026_additions_fails_the_run(sim, case, attendant, forwarding, problem):
    # The April 2025 copy of the document had none of these fields: anything passed there.
    stored = sim.store_auto_attendant(HQ, _attendant(**attendant))
    location_id = sim.location_id(HQ)
    if forwarding is None:
        assert sim.api("GET", aa_path(location_id, stored)).status_code == 200, case
    else:
        sim.store_forwarding(stored, operatingModes=forwarding)
        assert sim.api("GET", aa_path(location_id, stored) + "/callForwarding").status_code == 200, case
    with pytest.raises(OpenApiMismatch) as raised:
        sim.check_openapi()
    assert problem in str(raised.value), case


def test_the_same_additions_with_the_documented_types_pass(sim):
    stored = sim.store_auto_attendant(
        HQ,
        _attendant(
            dialByName="Main",
            directLineCallerIdName={"selection": "CUSTOM_NAME", "customName": "Main"},
            **_treatment(
                noInputTimer="10",
                retryAttemptForNoInput="ONE_TIME",
                actionToBePerformed={"action": "DISCONNECT", "greeting": "DEFAULT"},
            ),
        ),
    )
    location_id = sim.location_id(HQ)
    sim.store_forwarding(
        stored,
        operatingModes={
            "enabled": True,
            "modes": [GOOD_MODE],
            "currentOperatingModeId": MODE_ID,
            "exceptionType": "MANUAL_SWITCH_BACK",
        },
    )
    assert sim.api("GET", aa_path(location_id, stored)).status_code == 200
    assert sim.api("GET", aa_path(location_id, stored) + "/callForwarding").status_code == 200
    sim.check_openapi()


LOCATION_ID = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2hxLWxvY2F0aW9uLTAwMDAx"
AA_ID = "Y2lzY29zcGFyazovL3VzL0FVVE9fQVRURU5EQU5UL2FhLTAwMDAwMDAwMDAwMQ"
AA = "/v1/telephony/config/locations/%s/autoAttendants/%s" % (LOCATION_ID, AA_ID)
TTS = "/v1/telephony/config/textToSpeech/actions/generate/invoke"
TTS_ANSWER = {"id": "Y2lzY29zcGFyazovL3VzL1RFWFRfVE9fU1BFRUNIL3R0cy0wMDAwMDAwMDAx"}


def _menu(**treatment):
    return {
        "greeting": "DEFAULT",
        "extensionEnabled": True,
        "keyConfigurations": [{"key": "0", "action": "EXIT"}],
        "callTreatment": treatment,
    }


@pytest.fixture(name="openapi", scope="module")
def fixture_openapi():
    from tests.simulator.openapi_check import OpenApiCheck  # pylint: disable=import-outside-toplevel

    return OpenApiCheck()


# (case, method, path, request body, status, response body, the problem the request has; None: none)
REQUESTS = [
    ("dialByName", "PUT", AA, {"dialByName": "Main"}, 204, None, None),
    ("dialByName a number", "PUT", AA, {"dialByName": 42}, 204, None, "42 is not of type 'string'"),
    (
        "directLineCallerIdName selection unknown",
        "PUT",
        AA,
        {"directLineCallerIdName": {"selection": "NICKNAME"}},
        204,
        None,
        "'NICKNAME' is not one of",
    ),
    (
        "callTreatment action",
        "PUT",
        AA,
        {"businessHoursMenu": _menu(actionToBePerformed={"action": "DISCONNECT", "greeting": "DEFAULT"})},
        204,
        None,
        None,
    ),
    (
        "callTreatment action without greeting",
        "PUT",
        AA,
        {"businessHoursMenu": _menu(actionToBePerformed={"action": "DISCONNECT"})},
        204,
        None,
        "'greeting' is a required property",
    ),
    (
        "operatingModes",
        "PUT",
        AA + "/callForwarding",
        {"callForwarding": {"operatingModes": {"enabled": True, "modes": []}}},
        204,
        None,
        None,
    ),
    (
        "operatingModes enabled a string",
        "PUT",
        AA + "/callForwarding",
        {"callForwarding": {"operatingModes": {"enabled": "yes", "modes": []}}},
        204,
        None,
        "'yes' is not of type 'boolean'",
    ),
    (
        "text-to-speech",
        "POST",
        TTS,
        {"voice": "ashley", "text": "Hello", "languageCode": "en_us"},
        202,
        TTS_ANSWER,
        None,
    ),
    (
        "text-to-speech voice a number",
        "POST",
        TTS,
        {"voice": 7, "text": "Hello", "languageCode": "en_us"},
        202,
        TTS_ANSWER,
        "7 is not of type 'string'",
    ),
]


@pytest.mark.parametrize(
    "case,method,path,body,status,answer,problem", REQUESTS, ids=[request[0] for request in REQUESTS]
)
def test_a_request_with_a_wrong_type_in_a_2025_2026_addition_is_a_mismatch(
    openapi, case, method, path, body, status, answer, problem
):
    # The check validates the request of an exchange too, not only the answer: a client's garbage in a field of the
    # additions is caught even where a lenient simulator (or service) answers 2xx.
    openapi.report(clear=True)
    openapi.check(
        method,
        path,
        {},
        {"Content-Type": "application/json"},
        json.dumps(body).encode("utf-8"),
        status,
        {"Content-Type": "application/json"} if answer else {},
        json.dumps(answer).encode("utf-8") if answer else b"",
    )
    report = openapi.report(clear=True)
    assert report["skipped"] == [], case
    errors = [mismatch["error"] for mismatch in report["mismatches"]]
    if problem is None:
        assert errors == [], case
    else:
        assert len(errors) == 1 and errors[0].startswith("request: ") and problem in errors[0], (case, errors)
