"""Auto attendants: org-wide list, create, details, update, delete and the location's available numbers."""

import copy
import re

from . import errors
from .ids import new_auto_attendant_id
from .pagination import paginate
from .responses import Response
from .seed import LANGUAGES, ORG_NUMBER
from .validation import NANP_PATTERN, audio_ids, check_body, merge_update, validate_auto_attendant

LIST_PATH = "/v1/telephony/config/autoAttendants"
ERR_IN_USE = 6675  # KNOWN for the repository (wxc_sdk test_012_delete_ann_with_reference): a file in use
LOCATION_BASE = r"/v1/telephony/config/locations/(?P<location_id>[^/]+)/autoAttendants"
# Sub-paths that live beside the ids and must never be read as an auto-attendant id.
RESERVED_SEGMENTS = ("availableNumbers", "alternate", "callForwarding")
ID_SEGMENT = r"(?P<auto_attendant_id>(?!(?:%s)$)[^/]+)" % "|".join(RESERVED_SEGMENTS)


def _digits(number):
    return re.sub(r"\D", "", number or "")


def _phone_matches(number, wanted):
    """Match an E.164 number against a filter given in E.164 or as national digits."""
    if not number:
        return False
    digits = _digits(number)
    national = digits[1:] if len(digits) == 11 and digits.startswith("1") else digits
    return _digits(wanted) in (digits, national)


def _esn(location, data):
    return location["routingPrefix"] + data["extension"] if data.get("extension") else None


def read_back_number(value):
    """A North-American number reads back as +1-NXXNXXXXXX in key values and transferCallTo (live-verified)."""
    if isinstance(value, str) and NANP_PATTERN.fullmatch(value):
        return "+1-" + value[2:]
    return value


def _audio_view(candidates, reference):
    """The repository's fields of the file, then whatever else the stored reference carries (fields kept as given)."""
    if not isinstance(reference, dict):
        return reference
    view = {}
    for item in candidates:
        if item["id"] == reference.get("id"):
            view = {
                "id": item["id"],
                "fileName": item["fileName"],
                "mediaFileType": item["mediaFileType"],
                "level": item["level"],
            }
    view.update(copy.deepcopy(reference))
    return view


def _menu_view(state, record, menu):
    """A stored menu as GET shows it; tolerant of menus stored as given by the control route."""
    view = copy.deepcopy(menu)
    if not isinstance(view, dict):
        return view
    candidates = state.announcements + record.get("announcements", [])
    if "audioAnnouncementFile" in view:
        view["audioAnnouncementFile"] = _audio_view(candidates, view["audioAnnouncementFile"])
    for key in view.get("keyConfigurations") or []:
        if not isinstance(key, dict):
            continue
        if "audioAnnouncementFile" in key:
            key["audioAnnouncementFile"] = _audio_view(candidates, key["audioAnnouncementFile"])
        if "value" in key:
            key["value"] = read_back_number(key["value"])
    action = (view.get("callTreatment") or {}).get("actionToBePerformed") or {}
    if "audioAnnouncementFile" in action:
        action["audioAnnouncementFile"] = _audio_view(candidates, action["audioAnnouncementFile"])
    if "transferCallTo" in action:
        action["transferCallTo"] = read_back_number(action["transferCallTo"])
    return view


def list_item(state, record):
    """The list shape: location fields, no menus; unset number/extension keys are omitted."""
    location = state.location(record["locationId"])
    data = record["data"]
    item = {"id": record["id"], "name": data["name"], "locationName": location["name"], "locationId": location["id"]}
    for field in ("phoneNumber", "extension"):
        if data.get(field):
            item[field] = data[field]
    item["routingPrefix"] = location["routingPrefix"]
    if _esn(location, data):
        item["esn"] = _esn(location, data)
    item["tollFreeNumber"] = data.get("phoneNumber") in location["tollFreeNumbers"]
    return item


def details(state, record):
    """The details shape: no locationId/locationName, read-only fields filled in, audio files expanded.

    A record stored as given by the control route (``raw``) shows every field it was given as well.
    """
    location = state.location(record["locationId"])
    data = record["data"]
    view = {"id": record["id"], "name": data["name"], "enabled": True}
    for field in ("phoneNumber", "extension"):
        if data.get(field):
            view[field] = data[field]
    view["routingPrefix"] = location["routingPrefix"]
    if _esn(location, data):
        view["esn"] = _esn(location, data)
    view["tollFreeNumber"] = data.get("phoneNumber") in location["tollFreeNumbers"]
    for field in ("firstName", "lastName"):
        if data.get(field):
            view[field] = data[field]
    view["alternateNumbers"] = [
        dict(alternate, tollFreeNumber=alternate.get("phoneNumber") in location["tollFreeNumbers"])
        for alternate in data.get("alternateNumbers", [])
    ]
    language = data.get("languageCode") or location["announcementLanguage"]
    view["language"] = LANGUAGES.get(language, language)
    view["languageCode"] = language
    for field in ("businessSchedule", "holidaySchedule"):
        if data.get(field):
            view[field] = data[field]
    view["extensionDialing"] = data.get("extensionDialing") or "ENTERPRISE"
    view["nameDialing"] = data.get("nameDialing") or "ENTERPRISE"
    view["timeZone"] = data.get("timeZone") or location["timeZone"]
    for menu in ("businessHoursMenu", "afterHoursMenu"):
        if menu in data:
            view[menu] = _menu_view(state, record, data[menu])
    view["directLineCallerIdName"] = copy.deepcopy(data.get("directLineCallerIdName") or {"selection": "DISPLAY_NAME"})
    if data.get("dialByName"):
        view["dialByName"] = data["dialByName"]
    if record.get("raw"):
        for field, value in data.items():
            view.setdefault(field, copy.deepcopy(value))
    return view


def list_auto_attendants(request):
    """Org-wide list; name is a case-insensitive substring filter (clients must match exactly themselves)."""
    state = request.state
    location_id = request.query.get("locationId")
    if location_id:
        state.location(location_id)
    name = (request.query.get("name") or "").lower()
    phone = request.query.get("phoneNumber")
    items = [
        list_item(state, record)
        for record in state.auto_attendants.values()
        if location_id in (None, "", record["locationId"])
        and name in record["data"]["name"].lower()
        and (not phone or _phone_matches(record["data"].get("phoneNumber"), phone))
    ]
    body, headers = paginate(request, items, "autoAttendants", ("orgId", "locationId", "name", "phoneNumber"))
    return Response(200, body, headers)


def _require_object(body):
    if not isinstance(body, dict):
        raise errors.ApiError(400, "The request body must be a JSON object", errors.ERR_MALFORMED_BODY)
    return body


def create_auto_attendant(request, location_id):
    """POST: validate the whole body, store it, answer 201 {"id"}."""
    state = request.state
    location = state.location(location_id)
    body = check_body(_require_object(request.body))
    document = {field: value for field, value in body.items() if value is not None}
    data = validate_auto_attendant(state, location, document)
    auto_attendant_id = new_auto_attendant_id(ORG_NUMBER)
    state.auto_attendants[auto_attendant_id] = {"id": auto_attendant_id, "locationId": location_id, "data": data}
    return Response(201, {"id": auto_attendant_id})


def get_auto_attendant(request, location_id, auto_attendant_id):
    """GET details; 404 for an unknown id or one that lives in another location."""
    return Response(200, details(request.state, request.state.auto_attendant(location_id, auto_attendant_id)))


def update_auto_attendant(request, location_id, auto_attendant_id):
    """PUT: partial at the top level, menus and alternateNumbers replaced whole; 200 with an empty body (live).

    Menus stored as given by the control route stay as they are unless this PUT sends them.
    """
    state = request.state
    record = state.auto_attendant(location_id, auto_attendant_id)
    body = check_body(_require_object(request.body))
    merged = merge_update(record["data"], body)
    verbatim = [menu for menu in record.get("verbatim", []) if menu not in body]
    record["data"] = validate_auto_attendant(
        state,
        state.location(location_id),
        merged,
        own_id=auto_attendant_id,
        verbatim=verbatim,
        entity_files=record.get("announcements", []),
    )
    record["verbatim"] = verbatim
    record.pop("raw", None)
    return Response(200)


def delete_auto_attendant(request, location_id, auto_attendant_id):
    """DELETE: 204; 404 when unknown."""
    request.state.auto_attendant(location_id, auto_attendant_id)
    del request.state.auto_attendants[auto_attendant_id]
    return Response(204)


def list_own_announcements(request, location_id, auto_attendant_id):
    """The audio files the attendant owns (level ENTITY): {"announcements": [...]}."""
    record = request.state.auto_attendant(location_id, auto_attendant_id)
    return Response(200, {"announcements": copy.deepcopy(record.get("announcements", []))})


def delete_own_announcement(request, location_id, auto_attendant_id, file_name):
    """DELETE an audio file the attendant owns (level ENTITY) by its file name: 204; 404 when it has none of that
    name; 400 6675 while one of its menus still plays it (GUESS: as the repository refuses a file in use)."""
    record = request.state.auto_attendant(location_id, auto_attendant_id)
    files = record.get("announcements", [])
    for item in files:
        if item["fileName"] != file_name:
            continue
        if item["id"] in audio_ids(record["data"]):
            raise errors.ApiError(
                400,
                "Announcement %r cannot be deleted because it is being used by: Auto Attendant %r"
                % (file_name, record["data"]["name"]),
                ERR_IN_USE,
            )
        files.remove(item)
        return Response(204)
    raise errors.not_found("Announcement file not found: %s" % file_name)


def available_numbers(request, location_id):
    """The location's numbers that no auto attendant uses (primary or alternate)."""
    state = request.state
    location = state.location(location_id)
    wanted = [number.strip() for number in (request.query.get("phoneNumber") or "").split(",") if number.strip()]
    items = [
        {
            "phoneNumber": number,
            "state": "ACTIVE",
            "isMainNumber": index == 0,
            "tollFreeNumber": number in location["tollFreeNumbers"],
            "telephonyType": "PSTN_NUMBER",
            "isServiceNumber": False,
        }
        for index, number in enumerate(state.free_numbers(location))
        if not wanted or any(_phone_matches(number, item) for item in wanted)
    ]
    body, headers = paginate(request, items, "phoneNumbers", ("orgId", "phoneNumber"))
    return Response(200, body, headers)


ROUTES = [
    ("GET", LIST_PATH, list_auto_attendants),
    ("GET", LOCATION_BASE + "/availableNumbers", available_numbers),
    ("GET", LOCATION_BASE + "/alternate/availableNumbers", available_numbers),
    ("POST", LOCATION_BASE, create_auto_attendant),
    ("GET", LOCATION_BASE + "/" + ID_SEGMENT, get_auto_attendant),
    ("PUT", LOCATION_BASE + "/" + ID_SEGMENT, update_auto_attendant),
    ("DELETE", LOCATION_BASE + "/" + ID_SEGMENT, delete_auto_attendant),
    ("GET", LOCATION_BASE + "/" + ID_SEGMENT + "/announcements", list_own_announcements),
    ("DELETE", LOCATION_BASE + "/" + ID_SEGMENT + r"/announcements/(?P<file_name>[^/]+)", delete_own_announcement),
]
