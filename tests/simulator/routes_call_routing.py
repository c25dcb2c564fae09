"""POST /telephony/config/actions/testCallRouting/invoke: where a dialled number lands, for the numbers and extensions
the simulator knows (its auto attendants and its locations' numbers). See README.md, "Test Call Routing"."""

import re

from . import errors
from .responses import Response

PATH = "/v1/telephony/config/actions/testCallRouting/invoke"
ORIGINATOR_TYPES = ("PEOPLE", "TRUNK")
NATIONAL = re.compile(r"[2-9][0-9]{9}")


def _text_field(body, field):
    value = body.get(field)
    if value is None or value == "":
        raise errors.missing(field)
    if not isinstance(value, str):
        raise errors.invalid(field, "must be a string")
    return value


def _feature(state, record):
    location = state.location(record["locationId"])
    data = record["data"]
    feature = {
        "type": "AUTO_ATTENDANT",
        "name": data["name"],
        "id": record["id"],
        "locationName": location["name"],
        "locationId": location["id"],
    }
    for field in ("phoneNumber", "extension"):
        if data.get(field):
            feature[field] = data[field]
    return feature


def _attendants_with(state, destination):
    """The auto attendants DESTINATION reaches: by number (primary or alternate), ESN, or extension."""
    found = []
    for record in state.auto_attendants.values():
        data = record["data"]
        location = state.location(record["locationId"])
        dialled = [data.get("phoneNumber")] + [alt.get("phoneNumber") for alt in data.get("alternateNumbers") or []]
        if destination.startswith("+"):
            hit = destination in dialled
        else:
            extension = data.get("extension")
            hit = bool(extension) and destination in (extension, location["routingPrefix"] + extension)
        if hit:
            found.append(record)
    return found


def test_call_routing(request):
    """Answer where the destination lands; the originator is accepted as given (the simulator has no people)."""
    body = request.body
    if not isinstance(body, dict):
        raise errors.bad_request("The body must be a JSON object", errors.ERR_MALFORMED_BODY)
    _text_field(body, "originatorId")
    if _text_field(body, "originatorType") not in ORIGINATOR_TYPES:
        raise errors.invalid("originatorType", "must be one of %s" % ", ".join(ORIGINATOR_TYPES))
    destination = re.sub(r"[\s().-]", "", _text_field(body, "destination"))
    if NATIONAL.fullmatch(destination):
        destination = "+1" + destination
    state = request.state
    with state.lock:
        found = _attendants_with(state, destination)
        if len(found) == 1:
            answer = {
                "destinationType": "HOSTED_FEATURE",
                "routingAddress": destination,
                "isRejected": False,
                "hostedFeature": _feature(state, found[0]),
            }
        elif destination.startswith("+"):
            ours = any(destination in location["numbers"] for location in state.locations)
            answer = {
                "destinationType": "UNKNOWN_NUMBER" if ours else "PSTN_NUMBER",
                "routingAddress": destination,
                "isRejected": False,
                "unknownNumber" if ours else "pstnNumber": {},
            }
        else:
            answer = {
                "destinationType": "UNKNOWN_EXTENSION",
                "routingAddress": destination,
                "isRejected": False,
                "unknownExtension": {},
            }
    return Response(200, answer)


ROUTES = [("POST", PATH, test_call_routing)]
