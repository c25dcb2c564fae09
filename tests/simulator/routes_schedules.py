"""Location schedules (business hours and holidays) and their events: list, create, details, update, delete.

Ids are derived from names, as the real ones are: a schedule id is base64 of ``ciscospark://us/SCHEDULE/<base64(name)>``
and an event id base64 of ``ciscospark://us/SCHEDULE_EVENT/<base64(event name)>`` (the spec examples decode that way),
so renaming either changes its id. Nothing but the names is stored.
"""

import copy

from . import errors
from .errors import ApiError
from .ids import b64, schedule_id, webex_id
from .pagination import paginate
from .responses import Response
from .validation import SCHEDULE_TYPES, _check_fields, schedule_event, schedule_events, schedule_name, schedule_type

BASE = r"/v1/telephony/config/locations/(?P<location_id>[^/]+)/schedules"
ITEM = BASE + r"/(?P<schedule_type>[^/]+)/(?P<schedule_ident>[^/]+)"
EVENTS = ITEM + r"/events"
EVENT = EVENTS + r"/(?P<event_ident>[^/]+)"


def event_id(name):
    """Event ids encode the event name, which is why they change on rename."""
    return webex_id("SCHEDULE_EVENT", b64(name).rstrip("="))


def _summary(schedule, location):
    return {
        "id": schedule_id(schedule["name"]),
        "name": schedule["name"],
        "type": schedule["type"],
        "locationName": location["name"],
        "locationId": location["id"],
    }


def _event_view(event):
    return dict({"id": event_id(event["name"])}, **copy.deepcopy(event))


def _details(schedule):
    return {
        "id": schedule_id(schedule["name"]),
        "name": schedule["name"],
        "type": schedule["type"],
        "events": [_event_view(event) for event in schedule["events"]],
    }


def _find(request, location_id, schedule_type, schedule_ident):
    """The stored schedule; 400 for a bad type, 404 for an unknown id or one of the other type."""
    request.state.location(location_id)
    if schedule_type not in SCHEDULE_TYPES:
        raise errors.invalid("type", "%r is not one of %s" % (schedule_type, ", ".join(SCHEDULE_TYPES)))
    for schedule in request.state.schedules.get(location_id, []):
        if schedule["type"] == schedule_type and schedule_id(schedule["name"]) == schedule_ident:
            return schedule
    raise errors.not_found("Schedule not found: %s" % schedule_ident)


def _find_event(schedule, event_ident):
    for event in schedule["events"]:
        if event_id(event["name"]) == event_ident:
            return event
    raise errors.not_found("Schedule event not found: %s" % event_ident)


def _check_name_free(request, location_id, schedule_type, name):
    if request.state.schedule(location_id, schedule_type, name) is not None:
        raise ApiError(
            409,
            "A %s schedule named %r already exists in this location" % (schedule_type, name),
            errors.ERR_SCHEDULE_DUPLICATE_NAME,
        )


def _object(body):
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object", errors.ERR_MALFORMED_BODY)
    return body


def list_schedules(request, location_id):
    """Filters: type (exact) and name (case-insensitive substring)."""
    location = request.state.location(location_id)
    wanted_type = request.query.get("type")
    if wanted_type not in (None, "") and wanted_type not in SCHEDULE_TYPES:
        raise errors.invalid("type", "%r is not one of %s" % (wanted_type, ", ".join(SCHEDULE_TYPES)))
    name = (request.query.get("name") or "").lower()
    items = [
        _summary(schedule, location)
        for schedule in request.state.schedules.get(location_id, [])
        if wanted_type in (None, "", schedule["type"]) and name in schedule["name"].lower()
    ]
    body, headers = paginate(request, items, "schedules", ("orgId", "type", "name"))
    return Response(200, body, headers)


def create_schedule(request, location_id):
    """POST {type, name, events?}: 201 {"id"}; 409 (25030) when the name is taken for that type in the location."""
    request.state.location(location_id)
    body = _check_fields(_object(request.body), "", ("type", "name", "events"))
    kind = schedule_type(body.get("type"))
    name = schedule_name(body.get("name"))
    events = schedule_events(body["events"]) if body.get("events") is not None else []
    _check_name_free(request, location_id, kind, name)
    request.state.schedules.setdefault(location_id, []).append({"name": name, "type": kind, "events": events})
    return Response(201, {"id": schedule_id(name)})


def get_schedule(request, location_id, schedule_type, schedule_ident):
    """Details with events; 404 for an unknown id or a wrong type."""
    return Response(200, _details(_find(request, location_id, schedule_type, schedule_ident)))


def update_schedule(request, location_id, schedule_type, schedule_ident):
    """PUT {name, newName?, events?}: 200 {"id": the id after the update}.

    Both rename forms are accepted: {"name": <new>} (what the module sends) and {"name": <old>, "newName": <new>}
    (what wxc_sdk sends); which one the real service honours is not verified. The id changes with the name.
    events, when given, REPLACES the event list:
    an entry may carry newName to rename the event of that name; events left out are deleted (our choice: the spec
    is silent). Auto attendants that use a renamed schedule follow the new name (our choice).
    """
    schedule = _find(request, location_id, schedule_type, schedule_ident)
    body = _check_fields(_object(request.body), "", ("name", "newName", "events"), ("id", "type"))
    if body.get("newName") is not None:
        name = schedule_name(body["newName"], "newName")
    else:
        name = schedule_name(body.get("name"))
    events = schedule_events(body["events"]) if body.get("events") is not None else None
    if name != schedule["name"]:
        _check_name_free(request, location_id, schedule_type, name)
        field = "businessSchedule" if schedule_type == "businessHours" else "holidaySchedule"
        for record in request.state.auto_attendants.values():
            if record["locationId"] == location_id and record["data"].get(field) == schedule["name"]:
                record["data"][field] = name
        schedule["name"] = name
    if events is not None:
        schedule["events"] = events
    return Response(200, {"id": schedule_id(schedule["name"])})


def delete_schedule(request, location_id, schedule_type, schedule_ident):
    """DELETE: 204; 409 (4810) naming the auto attendants that still use it."""
    schedule = _find(request, location_id, schedule_type, schedule_ident)
    users = request.state.schedule_users(location_id, schedule_type, schedule["name"])
    if users:
        raise ApiError(
            409,
            "Schedule %r is in use by auto attendant(s): %s" % (schedule["name"], ", ".join(sorted(users))),
            errors.ERR_SCHEDULE_IN_USE,
        )
    request.state.schedules[location_id].remove(schedule)
    return Response(204)


def create_event(request, location_id, schedule_type, schedule_ident):
    """POST an event: 201 {"id"}; 409 (4811) when the schedule already has an event of that name."""
    schedule = _find(request, location_id, schedule_type, schedule_ident)
    event = schedule_event(_object(request.body), "")
    event.pop("newName", None)  # a new event has no old name: ignored like any field a create does not take
    if any(existing["name"] == event["name"] for existing in schedule["events"]):
        raise ApiError(
            409,
            "An event named %r already exists in schedule %r" % (event["name"], schedule["name"]),
            errors.ERR_EVENT_DUPLICATE_NAME,
        )
    schedule["events"].append(event)
    return Response(201, {"id": event_id(event["name"])})


def get_event(request, location_id, schedule_type, schedule_ident, event_ident):
    """One event; 404 when unknown."""
    schedule = _find(request, location_id, schedule_type, schedule_ident)
    return Response(200, _event_view(_find_event(schedule, event_ident)))


def update_event(request, location_id, schedule_type, schedule_ident, event_ident):
    """PUT the whole event (name, startDate, endDate required): 200 {"id": the id after the update}.

    The name after the update is newName when sent (wxc_sdk sends it on every event update, name = the old name),
    else name; a new name changes the id (409 when another event has it).
    """
    schedule = _find(request, location_id, schedule_type, schedule_ident)
    event = _find_event(schedule, event_ident)
    updated = schedule_event(_object(request.body), "")
    updated["name"] = updated.pop("newName", None) or updated["name"]
    if updated["name"] != event["name"] and any(other["name"] == updated["name"] for other in schedule["events"]):
        raise ApiError(
            409,
            "An event named %r already exists in schedule %r" % (updated["name"], schedule["name"]),
            errors.ERR_EVENT_DUPLICATE_NAME,
        )
    schedule["events"][schedule["events"].index(event)] = updated
    return Response(200, {"id": event_id(updated["name"])})


def delete_event(request, location_id, schedule_type, schedule_ident, event_ident):
    """DELETE an event: 204; 404 when unknown."""
    schedule = _find(request, location_id, schedule_type, schedule_ident)
    schedule["events"].remove(_find_event(schedule, event_ident))
    return Response(204)


ROUTES = [
    ("GET", BASE, list_schedules),
    ("POST", BASE, create_schedule),
    ("GET", ITEM, get_schedule),
    ("PUT", ITEM, update_schedule),
    ("DELETE", ITEM, delete_schedule),
    ("POST", EVENTS, create_event),
    ("GET", EVENT, get_event),
    ("PUT", EVENT, update_event),
    ("DELETE", EVENT, delete_event),
]
