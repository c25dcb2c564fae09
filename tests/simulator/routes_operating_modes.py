"""Operating modes: the read routes (list, details, a holiday, the modes available in a location, the numbers a mode
may forward to). Operating modes are made in Control Hub here: the seed has six (seed.py); the write routes answer 501.

Sources: the Webex Calling API reference, "Features: Operating Modes" (the vendored OpenAPI document), and wxc_sdk
1.41.0 ``wxc_sdk/telephony/operating_modes``. Choices where the reference is silent are in tests/simulator/README.md.
"""

import copy

from . import errors
from .pagination import paginate
from .responses import Response
from .routes_forwarding import available_numbers as forwarding_available_numbers
from .routes_not_simulated import route

BASE = "/v1/telephony/config/operatingModes"
MODE = BASE + r"/(?P<mode_id>[^/]+)"
HOLIDAYS = MODE + "/holidays"
HOLIDAY = HOLIDAYS + r"/(?P<holiday_id>[^/]+)"
LOCATION = r"/v1/telephony/config/locations/(?P<location_id>[^/]+)/operatingModes"
MAX_PAGE = 100  # DOC: max is 1 to 100
SCHEDULE_FIELDS = ("sameHoursDaily", "differentHoursDaily", "holidays")


def _list_item(mode):
    """The list shape: no schedules."""
    return {key: copy.deepcopy(value) for key, value in mode.items() if key not in SCHEDULE_FIELDS}


def _flag(request, name):
    value = (request.query.get(name) or "").lower()
    if value not in ("", "true", "false"):
        raise errors.invalid(name, "%r is not true or false" % request.query[name])
    return value == "true"


def list_modes(request):
    """name (contains, any case), limitToLocationId (that location's modes only), limitToOrgLevelEnabled, order."""
    state = request.state
    location_id = request.query.get("limitToLocationId")
    if location_id:
        state.location(location_id)
    org_only = _flag(request, "limitToOrgLevelEnabled")
    name = (request.query.get("name") or "").lower()
    modes = [
        mode
        for mode in state.operating_modes
        if name in mode["name"].lower()
        and (not location_id or mode.get("location", {}).get("id") == location_id)
        and (not org_only or mode["level"] == "ORGANIZATION")
    ]
    order = request.query.get("order") or "name-asc"
    if order not in ("name", "name-asc", "name-desc"):
        raise errors.invalid("order", "%r: sort by name-asc or name-desc" % order)
    modes.sort(key=lambda mode: mode["name"].lower(), reverse=order == "name-desc")
    if request.query.get("max", "").isdigit() and int(request.query["max"]) > MAX_PAGE:
        raise errors.invalid("max", "must be at most %d" % MAX_PAGE)
    body, headers = paginate(
        request,
        [_list_item(mode) for mode in modes],
        "operatingModes",
        ("orgId", "name", "limitToLocationId", "limitToOrgLevelEnabled", "order"),
    )
    return Response(200, body, headers)


def get_mode(request, mode_id):
    """Details, with the schedule of its type."""
    return Response(200, copy.deepcopy(request.state.operating_mode(mode_id)))


def get_holiday(request, mode_id, holiday_id):
    """One holiday of a HOLIDAY mode; 404 when unknown."""
    for holiday in request.state.operating_mode(mode_id).get("holidays") or []:
        if holiday["id"] == holiday_id:
            return Response(200, copy.deepcopy(holiday))
    raise errors.not_found("Operating mode holiday not found: %s" % holiday_id)


def available_modes(request, location_id):
    """The modes a feature of the location may be given: the organisation's and the location's, {id, name} only."""
    request.state.location(location_id)
    modes = request.state.available_operating_modes(location_id)
    return Response(200, {"operatingModes": [{"id": mode["id"], "name": mode["name"]} for mode in modes]})


def available_numbers(request, location_id):
    """The numbers a mode may forward to: as for an attendant's forwarding (the location's assigned numbers)."""
    return forwarding_available_numbers(request, location_id)


ROUTES = [
    ("GET", BASE, list_modes),
    route("POST", "/v1/telephony/config/operatingModes/", "Create an Operating Mode", BASE + "/?"),
    ("GET", HOLIDAY, get_holiday),
    route(
        "PUT",
        "/v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}",
        "Modify an Operating Mode Holiday",
        HOLIDAY,
    ),
    route(
        "DELETE",
        "/v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}",
        "Delete an Operating Mode Holiday",
        HOLIDAY,
    ),
    route(
        "POST",
        "/v1/telephony/config/operatingModes/{modeId}/holidays",
        "Create an Operating Mode Holiday",
        HOLIDAYS,
    ),
    ("GET", MODE, get_mode),
    route("PUT", "/v1/telephony/config/operatingModes/{modeId}", "Modify an Operating Mode", MODE),
    route("DELETE", "/v1/telephony/config/operatingModes/{modeId}", "Delete an Operating Mode", MODE),
    ("GET", LOCATION + "/availableOperatingModes", available_modes),
    ("GET", LOCATION + "/callForwarding/availableNumbers", available_numbers),
]
