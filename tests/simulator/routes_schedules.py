"""Location schedules: list and details (read-only; enough for auto attendants to refer to them by name)."""

from . import errors
from .ids import schedule_id
from .pagination import paginate
from .responses import Response

SCHEDULE_TYPES = ("businessHours", "holidays")
BASE = r"/v1/telephony/config/locations/(?P<location_id>[^/]+)/schedules"


def _summary(schedule, location):
    return {"id": schedule_id(schedule["name"]), "name": schedule["name"], "type": schedule["type"],
            "locationName": location["name"], "locationId": location["id"]}


def list_schedules(request, location_id):
    """Filters: type (exact) and name (case-insensitive substring)."""
    location = request.state.location(location_id)
    schedule_type = request.query.get("type")
    if schedule_type not in (None, "") and schedule_type not in SCHEDULE_TYPES:
        raise errors.invalid("type", "%r is not one of %s" % (schedule_type, ", ".join(SCHEDULE_TYPES)))
    name = (request.query.get("name") or "").lower()
    items = [_summary(schedule, location) for schedule in request.state.schedules.get(location_id, [])
             if schedule_type in (None, "", schedule["type"]) and name in schedule["name"].lower()]
    body, headers = paginate(request, items, "schedules", ("orgId", "type", "name"))
    return Response(200, body, headers)


def get_schedule(request, location_id, schedule_type, schedule_ident):
    """Details with events; 404 for an unknown id or a wrong type."""
    request.state.location(location_id)
    if schedule_type not in SCHEDULE_TYPES:
        raise errors.invalid("type", "%r is not one of %s" % (schedule_type, ", ".join(SCHEDULE_TYPES)))
    for schedule in request.state.schedules.get(location_id, []):
        if schedule["type"] == schedule_type and schedule_id(schedule["name"]) == schedule_ident:
            return Response(200, {"id": schedule_ident, "name": schedule["name"], "type": schedule["type"],
                                  "events": [dict(event) for event in schedule["events"]]})
    raise errors.not_found("Schedule not found: %s" % schedule_ident)


ROUTES = [
    ("GET", BASE, list_schedules),
    ("GET", BASE + r"/(?P<schedule_type>[^/]+)/(?P<schedule_ident>[^/]+)", get_schedule),
]
