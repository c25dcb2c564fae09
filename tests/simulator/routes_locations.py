"""GET /locations, /locations/{id} and the location's Webex Calling details (/telephony/config/locations/{id})."""

from . import errors
from .ids import webex_id
from .pagination import paginate
from .responses import Response
from .seed import ORG_NUMBER

USER_LIMIT = 500000  # GUESS: the document's example; what the fields of the details hold here is our choice

SEGMENT = r"(?P<location_id>[^/]+)"


def location_view(location):
    """Public shape of a location (routing prefix and numbers belong to the telephony APIs)."""
    return {
        "id": location["id"],
        "name": location["name"],
        "orgId": location["orgId"],
        "timeZone": location["timeZone"],
        "preferredLanguage": location["preferredLanguage"],
        "announcementLanguage": location["announcementLanguage"],
        "address": dict(location["address"]),
    }


def list_locations(request):
    """Name is a case-insensitive "contains" filter, as on the real service."""
    name = (request.query.get("name") or "").lower()
    wanted_id = request.query.get("id")
    items = [
        location_view(location)
        for location in request.state.locations
        if name in location["name"].lower() and wanted_id in (None, "", location["id"])
    ]
    body, headers = paginate(request, items, "items", ("orgId", "id", "name"))
    return Response(200, body, headers)


def get_location(request, location_id):
    """Details of one location; 404 when unknown."""
    return Response(200, location_view(request.state.location(location_id)))


def telephony_view(location):
    """The Webex Calling details of a location (the fields the auto-attendant tools read; guessed defaults)."""
    numbers = location["numbers"]
    return {
        "id": location["id"],
        "name": location["name"],
        "announcementLanguage": location["announcementLanguage"],
        "callingLineId": {"name": location["name"], "phoneNumber": numbers[0] if numbers else ""},
        "connection": {"type": "TRUNK", "id": webex_id("TRUNK", location["id"][-12:])},
        "externalCallerIdName": location["name"],
        "userLimit": USER_LIMIT,
        "routingPrefix": location["routingPrefix"],
        "outsideDialDigit": "9",
        "enforceOutsideDialDigit": False,
        "defaultDomain": "%s.int10.bcld.webex.com" % ORG_NUMBER,
        "e911SetupRequired": False,
    }


def has_calling(location):
    """Whether the location has Webex Calling (every location but one added with "calling": false)."""
    return location.get("calling", True)


def list_telephony_locations(request):
    """GET /telephony/config/locations: the Webex Calling locations only; name is a case-insensitive "contains" filter,
    as for /locations."""
    name = (request.query.get("name") or "").lower()
    items = [
        telephony_view(location)
        for location in request.state.locations
        if has_calling(location) and name in location["name"].lower()
    ]
    body, headers = paginate(request, items, "locations", ("orgId", "name"))
    return Response(200, body, headers)


def get_telephony_location(request, location_id):
    """GET /telephony/config/locations/{id}; 404 when unknown or without Webex Calling."""
    location = request.state.location(location_id)
    if not has_calling(location):
        raise errors.not_found("Location has no Webex Calling: %s" % location_id)
    return Response(200, telephony_view(location))


ROUTES = [
    ("GET", "/v1/locations", list_locations),
    ("GET", "/v1/locations/" + SEGMENT, get_location),
    ("GET", "/v1/telephony/config/locations", list_telephony_locations),
    ("GET", "/v1/telephony/config/locations/" + SEGMENT, get_telephony_location),
]
