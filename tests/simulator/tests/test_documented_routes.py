"""Every operation of the vendored 2026 document is answered: simulated, or 501 naming the route; and no body, however
unexpected, drops the connection or makes the simulator fail (500)."""

import functools
import re

import pytest
import requests

from tests.simulator.openapi_check import read_spec

from .helpers import AUDIO_ID, aa_path, create

METHODS = ("get", "put", "post", "delete", "patch")


@functools.cache
def operations():
    """(method, path, summary) of every operation of the document, and the document."""
    document = read_spec()
    found = [
        (method.upper(), path, operation.get("summary"))
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    ]
    return found, document


def request_fields():
    """Every property name a request body of the document has at its top level or one level down (menus, rules,
    recurrence, ...), sorted."""
    _found, document = operations()

    def resolve(node):
        while isinstance(node, dict) and "$ref" in node:
            target = document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            node = target
        return node

    def properties(schema):
        schema = resolve(schema)
        if schema.get("type") == "array":
            schema = resolve(schema.get("items", {}))
        found = dict(schema.get("properties", {}))
        for part in schema.get("allOf", []):
            found.update(resolve(part).get("properties", {}))
        return found

    fields = set()
    for item in document["paths"].values():
        for method, operation in item.items():
            body = resolve(operation.get("requestBody", {})) if method in METHODS else {}
            for media in body.get("content", {}).values():
                for name, schema in properties(media.get("schema", {})).items():
                    fields.add(name)
                    fields.update(properties(schema))
    return sorted(fields)


# The operations the simulator answers 501 (tests/simulator/routes_not_simulated.py, routes_operating_modes.py).
NOT_SIMULATED = {
    ("POST", "/locations"),
    ("PUT", "/locations/{locationId}"),
    ("DELETE", "/locations/{locationId}"),
    ("POST", "/telephony/config/locations"),
    ("PUT", "/telephony/config/locations/{locationId}"),
    ("POST", "/telephony/config/operatingModes/"),
    ("PUT", "/telephony/config/operatingModes/{modeId}"),
    ("DELETE", "/telephony/config/operatingModes/{modeId}"),
    ("POST", "/telephony/config/operatingModes/{modeId}/holidays"),
    ("PUT", "/telephony/config/operatingModes/{modeId}/holidays/{holidayId}"),
    ("DELETE", "/telephony/config/operatingModes/{modeId}/holidays/{holidayId}"),
}


def test_the_document_has_38_paths_and_62_operations():
    found, _document = operations()
    assert len({path for _method, path, _summary in found}) == 38
    assert len(found) == 62


@pytest.fixture(name="ids")
def fixture_ids(sim):
    """Real ids for every path parameter: Headquarters, an attendant with a rule, a schedule and its event, ..."""
    location_id, auto_attendant_id = create(sim)
    forwarding = aa_path(location_id, auto_attendant_id) + "/callForwarding/selectiveRules"
    rule = sim.api(
        "POST",
        forwarding,
        json={"name": "R", "forwardTo": {"selection": "DO_NOT_FORWARD"}, "callsFrom": {"selection": "ANY"}},
    )
    schedules = sim.api("GET", "/telephony/config/locations/%s/schedules" % location_id).json()["schedules"]
    business = next(item for item in schedules if item["type"] == "businessHours")
    schedule_path = "/telephony/config/locations/%s/schedules/businessHours/%s" % (location_id, business["id"])
    event = sim.api("GET", schedule_path).json()["events"][0]
    mode = sim.api("GET", "/telephony/config/operatingModes", params={"name": "Company Holidays"}).json()
    mode_id = mode["operatingModes"][0]["id"]
    holiday = sim.api("GET", "/telephony/config/operatingModes/" + mode_id).json()["holidays"][0]
    tts = sim.api(
        "POST",
        "/telephony/config/textToSpeech/actions/generate/invoke",
        json={"voice": "ashley", "text": "Hello", "languageCode": "en_us"},
    )
    return {
        "locationId": location_id,
        "autoAttendantId": auto_attendant_id,
        "ruleId": rule.json()["id"],
        "type": "businessHours",
        "scheduleId": business["id"],
        "eventId": event["id"],
        "announcementId": AUDIO_ID,
        "modeId": mode_id,
        "holidayId": holiday["id"],
        "ttsId": tts.json()["id"],
        "fileName": "none.wav",
    }


def _path(template, ids):
    return re.sub(r"\{([^}]+)\}", lambda match: ids[match.group(1)], template)


def test_every_documented_operation_is_answered_and_the_unsimulated_ones_name_their_route(sim, ids):
    unanswered, not_simulated = [], set()
    for method, template, summary in operations()[0]:
        response = sim.api(method, _path(template, ids), json={} if method in ("POST", "PUT") else None)
        body = response.json() if response.content else {}
        if response.status_code == 501:
            not_simulated.add((method, template))
            assert "%s /v1%s (%s)" % (method, template, summary) in body["message"]
        elif response.status_code == 405 or (response.status_code == 404 and "errorCode" not in body["errors"][0]):
            unanswered.append("%s %s -> %s" % (method, template, response.status_code))
    assert unanswered == []
    assert not_simulated == NOT_SIMULATED
    # Bodies of {} are outside the document on purpose (the simulator refused most of them).
    sim.forget_openapi_mismatches()


def _wrong_bodies(schema_fields):
    """Bodies a client should never send: not objects, and objects whose every field has the wrong type."""
    bodies = [[], "text", 42]
    for wrong in ([1], {"a": {"b": []}}, 7):
        bodies.append({field: wrong for field in schema_fields})
    return bodies


def test_no_body_drops_the_connection_or_makes_the_simulator_fail(sim, ids):
    menu = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
    nested = [{"businessHoursMenu": dict(menu, keyConfigurations=wrong)} for wrong in ([1], "x", [{"key": []}], [None])]
    nested += [
        {"businessHoursMenu": dict(menu, callTreatment=wrong)}
        for wrong in ([], "x", {"actionToBePerformed": []}, {"actionToBePerformed": {"action": []}})
    ]
    nested += [{"callForwarding": {"operatingModes": wrong}} for wrong in ([], {"enabled": True, "modes": [[]]})]
    nested += [{"callForwarding": {"operatingModes": {"enabled": True, "modes": [{"id": [], "forwardTo": []}]}}}]
    nested_routes = (
        "/telephony/config/locations/{locationId}/autoAttendants",
        "/telephony/config/locations/{locationId}/autoAttendants/{autoAttendantId}",
        "/telephony/config/locations/{locationId}/autoAttendants/{autoAttendantId}/callForwarding",
    )
    failures = []
    for method, template, _summary in operations()[0]:
        if method not in ("POST", "PUT"):
            continue
        for body in _wrong_bodies(request_fields()) + (nested if template in nested_routes else []):
            try:
                response = sim.api(method, _path(template, ids), json=body)
            except requests.ConnectionError as error:
                failures.append("%s %s %r: connection dropped (%s)" % (method, template, body, error))
                continue
            if response.status_code >= 500 and response.status_code != 501:
                failures.append("%s %s %r: %s %s" % (method, template, body, response.status_code, response.text))
    assert failures == []
    # What the simulator took of these bodies is outside the document on purpose.
    sim.forget_openapi_mismatches()
