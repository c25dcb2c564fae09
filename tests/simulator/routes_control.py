"""Control endpoints under /_sim (no auth): reset, request log, faults and bulk seeding."""

import copy
import uuid

from . import errors
from .ids import new_auto_attendant_id, webex_id
from .responses import Response
from .routes_tokens import expire_tokens
from .seed import ORG_NUMBER, seeded_location, standard_schedules

SEED_MENU = {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
SEED_FIRST_EXTENSION = 7000
SEED_MAX_COUNT = 5000
ENTITY_LEVEL = "ENTITY"


def reset(request):
    """Seed state, no faults, empty log."""
    request.app.reset()
    return Response(204)


def list_requests(request):
    """The API request log, oldest first."""
    return Response(200, request.app.request_log())


def clear_requests(request):
    """Empty the request log."""
    request.app.clear_request_log()
    return Response(204)


def add_fault(request):
    """Queue a fault."""
    return Response(201, request.app.faults.add(request.body))


def list_faults(request):
    """Pending faults."""
    return Response(200, request.app.faults.pending())


def clear_faults(request):
    """Drop pending faults."""
    request.app.faults.clear()
    return Response(204)


def list_auto_attendant_records(request):
    """Raw stored auto attendants (debugging aid)."""
    with request.state.lock:
        return Response(200, list(request.state.auto_attendants.values()))


def _audio_references(data):
    """Every audio-file reference in the menus of a details document (menu greeting, keys, call treatment)."""
    for menu_name in ("businessHoursMenu", "afterHoursMenu"):
        menu = data.get(menu_name)
        if not isinstance(menu, dict):
            continue
        holders = [menu] + [key for key in menu.get("keyConfigurations") or [] if isinstance(key, dict)]
        holders.append((menu.get("callTreatment") or {}).get("actionToBePerformed") or {})
        for holder in holders:
            if isinstance(holder, dict) and isinstance(holder.get("audioAnnouncementFile"), dict):
                yield holder["audioAnnouncementFile"]


def _entity_files(data):
    """The attendant's own files (level ENTITY) named in DATA, listed by GET .../autoAttendants/{id}/announcements."""
    files = {}
    for audio in _audio_references(data):
        if audio.get("level") != ENTITY_LEVEL:
            continue
        file_id = audio.get("id") or webex_id("ANNOUNCEMENT", str(uuid.uuid4()))
        files.setdefault(
            file_id,
            {
                "id": file_id,
                "fileName": audio.get("fileName", ""),
                "fileSize": "0",
                "mediaFileType": audio.get("mediaFileType", "WAV"),
                "level": ENTITY_LEVEL,
                "isTextToSpeech": False,
            },
        )
    return list(files.values())


def store_auto_attendant(request):
    """Store an attendant as given, without validation, as Control Hub may make one the API would refuse.

    Body {"location": id or name, "data": details in API form}; only data.name is required. 201 {"id"}.
    """
    spec = request.body if isinstance(request.body, dict) else {}
    data = spec.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("name"), str) or not data["name"]:
        raise errors.bad_request("data must be a JSON object with a name")
    state = request.state
    with state.lock:
        location = state.location_by_id_or_name(spec.get("location") or "Headquarters")
        auto_attendant_id = new_auto_attendant_id(ORG_NUMBER)
        data = {
            field: copy.deepcopy(value)
            for field, value in data.items()
            if field not in ("id", "locationId", "locationName")
        }
        state.auto_attendants[auto_attendant_id] = {
            "id": auto_attendant_id,
            "locationId": location["id"],
            "data": data,
            "raw": True,
            "verbatim": [menu for menu in ("businessHoursMenu", "afterHoursMenu") if menu in data],
            "announcements": _entity_files(data),
        }
        state.save()
    return Response(201, {"id": auto_attendant_id})


def openapi_report(request):
    """--validate-openapi: {"enabled", "checked", "mismatches", "skipped"}."""
    if request.app.openapi is None:
        return Response(200, {"enabled": False, "checked": 0, "mismatches": [], "skipped": []})
    return Response(200, dict(request.app.openapi.report(), enabled=True))


def clear_openapi_mismatches(request):
    """Forget the mismatches reported so far (the skipped paths are kept)."""
    if request.app.openapi is not None:
        request.app.openapi.report(clear=True)
    return Response(204)


def seed_auto_attendants(request):
    """Create many minimal auto attendants (extension only) in one location, quickly."""
    spec = request.body if isinstance(request.body, dict) else {}
    count = spec.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= SEED_MAX_COUNT:
        raise errors.bad_request("count must be an integer from 1 to %d" % SEED_MAX_COUNT)
    prefix = spec.get("prefix", "Seeded AA ")
    if not isinstance(prefix, str):
        raise errors.bad_request("prefix must be a string")
    state = request.state
    with state.lock:
        location = state.location_by_id_or_name(spec.get("location") or "Headquarters")
        in_location = [
            record["data"] for record in state.auto_attendants.values() if record["locationId"] == location["id"]
        ]
        names = {data["name"] for data in in_location}
        extensions = {data.get("extension") for data in in_location}
        extension = SEED_FIRST_EXTENSION
        ids = []
        for index in range(1, count + 1):
            name = "%s%04d" % (prefix, index)
            if name in names:
                raise errors.ApiError(
                    409, "An auto attendant named %r already exists" % name, errors.ERR_DUPLICATE_NAME
                )
            while str(extension) in extensions:
                extension += 1
            extensions.add(str(extension))
            auto_attendant_id = new_auto_attendant_id(ORG_NUMBER)
            state.auto_attendants[auto_attendant_id] = {
                "id": auto_attendant_id,
                "locationId": location["id"],
                "data": {
                    "name": name,
                    "extension": str(extension),
                    "languageCode": location["announcementLanguage"],
                    "timeZone": location["timeZone"],
                    "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
                    "extensionDialing": "ENTERPRISE",
                    "nameDialing": "ENTERPRISE",
                    "directLineCallerIdName": {"selection": "DISPLAY_NAME"},
                    "businessHoursMenu": dict(SEED_MENU, keyConfigurations=[dict(SEED_MENU["keyConfigurations"][0])]),
                    "afterHoursMenu": dict(SEED_MENU, keyConfigurations=[dict(SEED_MENU["keyConfigurations"][0])]),
                },
            }
            ids.append(auto_attendant_id)
        state.save()
    return Response(201, {"ids": ids})


SEED_MAX_LOCATIONS = 500


ADDRESS_FIELDS = ("address1", "address2", "city", "state", "postalCode", "country")


def _place(spec):
    """The time zone and address fields of an added location's spec (the rest stays as seeded)."""
    time_zone = spec.get("time_zone")
    if time_zone is not None and (not isinstance(time_zone, str) or not time_zone):
        raise errors.bad_request("time_zone must be a non-empty string")
    address = spec.get("address", {})
    if not isinstance(address, dict) or set(address) - set(ADDRESS_FIELDS):
        raise errors.bad_request("address must be an object with only %s" % ", ".join(ADDRESS_FIELDS))
    if any(not isinstance(value, str) for value in address.values()):
        raise errors.bad_request("address fields must be strings")
    calling = spec.get("calling", True)
    if not isinstance(calling, bool):
        raise errors.bad_request("calling must be true or false")
    return time_zone, address, calling


def add_location(request):
    """Add one location with exactly the name given (any case, a name that contains another, even a duplicate name), at
    the end of the list or, with "first": true, at its start; seeded like /_sim/seed_locations. For tests of name
    matching that must not rely on the seed's order. "time_zone" and "address" (some of its fields) place it elsewhere
    than the seeded New York; "calling": false makes it a location without Webex Calling."""
    spec = request.body if isinstance(request.body, dict) else {}
    name = spec.get("name")
    if not isinstance(name, str) or not name.strip():
        raise errors.bad_request("name must be a non-empty string")
    time_zone, address, calling = _place(spec)
    state = request.state
    with state.lock:
        index = sum(1 for location in state.locations if location.get("seeded")) + 1
        if index > 999:
            raise errors.bad_request("at most 999 added locations (their numbers are +1646NNN....)")
        location = seeded_location(index, name)
        if time_zone:
            location["timeZone"] = time_zone
        location["address"].update(address)
        if not calling:
            location["calling"] = False
        state.locations.insert(0 if spec.get("first") else len(state.locations), location)
        state.schedules[location["id"]] = standard_schedules()
    return Response(201, {"id": location["id"], "name": location["name"]})


def seed_locations(request):
    """Add COUNT locations named <prefix>NNN (numbered on from earlier seeded ones), each with the two standard schedules and 50 free numbers."""
    spec = request.body if isinstance(request.body, dict) else {}
    count = spec.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= SEED_MAX_LOCATIONS:
        raise errors.bad_request("count must be an integer from 1 to %d" % SEED_MAX_LOCATIONS)
    prefix = spec.get("prefix", "Site ")
    if not isinstance(prefix, str) or not prefix.strip():
        raise errors.bad_request("prefix must be a non-empty string")
    state = request.state
    created = []
    with state.lock:
        names = {location["name"] for location in state.locations}
        first = sum(1 for location in state.locations if location.get("seeded")) + 1
        if first + count - 1 > 999:
            raise errors.bad_request("at most 999 seeded locations (their numbers are +1646NNN....)")
        for index in range(first, first + count):
            location = seeded_location(index, "%s%03d" % (prefix, index))
            if location["name"] in names:
                raise errors.ApiError(409, "A location named %r already exists" % location["name"])
            state.locations.append(location)
            state.schedules[location["id"]] = standard_schedules()
            created.append({"id": location["id"], "name": location["name"]})
    return Response(201, {"locations": created})


def _rate_limit_spec(body):
    spec = body if isinstance(body, dict) else {}
    unknown = sorted(set(spec) - {"every", "retry_after"})
    if unknown:
        raise errors.bad_request("unknown rate_limit fields: %s" % ", ".join(unknown))
    every = spec.get("every")
    if isinstance(every, bool) or not isinstance(every, int) or every < 2:
        raise errors.bad_request("every must be an integer of at least 2 (every Nth API request answers 429)")
    retry_after = spec.get("retry_after", "1")
    if not isinstance(retry_after, str):
        raise errors.bad_request("retry_after must be a string (it is sent verbatim)")
    return {"every": every, "retry_after": retry_after}


def set_rate_limit(request):
    """Every Nth API request from now on answers 429 with Retry-After (counted over all API requests)."""
    spec = _rate_limit_spec(request.body)
    request.app.set_rate_limit(spec)
    return Response(201, spec)


def get_rate_limit(request):
    """{"rate_limit": the steady rate limit, or null}."""
    return Response(200, {"rate_limit": request.app.rate_limit})


def clear_rate_limit(request):
    """Turn the steady rate limit off."""
    request.app.set_rate_limit(None)
    return Response(204)


MAX_LATENCY = 10.0


def set_latency(request):
    """{"seconds": S}: hold every API request S seconds before answering it, as a round trip to the service would."""
    spec = request.body if isinstance(request.body, dict) else {}
    unknown = sorted(set(spec) - {"seconds"})
    seconds = spec.get("seconds")
    if unknown or isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not 0 <= seconds <= MAX_LATENCY:
        raise errors.bad_request('give {"seconds": S}, S a number from 0 to %g' % MAX_LATENCY)
    request.app.latency = float(seconds)
    return Response(201, {"seconds": request.app.latency})


def get_latency(request):
    """{"seconds": the latency now}."""
    return Response(200, {"seconds": request.app.latency})


def get_stats(request):
    """{"max_in_flight": the most API requests handled at once since the last reset}."""
    return Response(200, request.app.stats())


ROUTES = [
    ("POST", "/_sim/reset", reset),
    ("GET", "/_sim/requests", list_requests),
    ("DELETE", "/_sim/requests", clear_requests),
    ("POST", "/_sim/faults", add_fault),
    ("GET", "/_sim/faults", list_faults),
    ("DELETE", "/_sim/faults", clear_faults),
    ("GET", "/_sim/auto_attendants", list_auto_attendant_records),
    ("POST", "/_sim/auto_attendants", store_auto_attendant),
    ("GET", "/_sim/openapi", openapi_report),
    ("DELETE", "/_sim/openapi", clear_openapi_mismatches),
    ("POST", "/_sim/seed_auto_attendants", seed_auto_attendants),
    ("POST", "/_sim/expire_tokens", expire_tokens),
    ("POST", "/_sim/seed_locations", seed_locations),
    ("POST", "/_sim/locations", add_location),
    ("POST", "/_sim/rate_limit", set_rate_limit),
    ("GET", "/_sim/rate_limit", get_rate_limit),
    ("DELETE", "/_sim/rate_limit", clear_rate_limit),
    ("POST", "/_sim/latency", set_latency),
    ("GET", "/_sim/latency", get_latency),
    ("GET", "/_sim/stats", get_stats),
]
