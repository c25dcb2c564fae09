"""The announcement repository, enough to list the audio files that menus refer to."""

import copy

from . import errors
from .pagination import paginate
from .responses import Response
from .validation import MEDIA_FILE_TYPES

BASE = "/v1/telephony/config"


def list_announcements(request):
    """locationId: absent = organisation level only, ``all``, ``locations`` (every location level) or one location."""
    state = request.state
    scope = request.query.get("locationId")
    if scope in (None, ""):
        items = [item for item in state.announcements if item["level"] == "ORGANIZATION"]
    elif scope == "all":
        items = list(state.announcements)
    elif scope == "locations":
        items = [item for item in state.announcements if item["level"] == "LOCATION"]
    else:
        state.location(scope)
        items = [item for item in state.announcements if item.get("location", {}).get("id") == scope]
    media_type = request.query.get("mediaFileType")
    if media_type not in (None, "") and media_type not in MEDIA_FILE_TYPES:
        raise errors.invalid("mediaFileType", "%r is not one of %s" % (media_type, ", ".join(MEDIA_FILE_TYPES)))
    file_name = (request.query.get("fileName") or "").lower()
    name = (request.query.get("name") or "").lower()
    items = [copy.deepcopy(item) for item in items
             if media_type in (None, "", item["mediaFileType"]) and file_name in item["fileName"].lower()
             and name in item["name"].lower()]
    body, headers = paginate(request, items, "announcements", ("orgId", "locationId", "fileName", "mediaFileType", "name"))
    return Response(200, body, headers)


def _find(state, announcement_id, location_id=None):
    for item in state.announcements:
        if item["id"] != announcement_id:
            continue
        if (location_id is None and item["level"] == "ORGANIZATION") or (
                location_id is not None and item.get("location", {}).get("id") == location_id):
            # Details always carry the reference count (required by the API reference's details schema).
            return dict(copy.deepcopy(item), featureReferenceCount=item.get("featureReferenceCount", 0))
    raise errors.not_found("Announcement not found: %s" % announcement_id)


def get_org_announcement(request, announcement_id):
    """Organisation-level announcement details."""
    return Response(200, _find(request.state, announcement_id))


def get_location_announcement(request, location_id, announcement_id):
    """Location-level announcement details."""
    request.state.location(location_id)
    return Response(200, _find(request.state, announcement_id, location_id))


# "usage" sits beside the ids (GET .../announcements/usage) and must never be read as an announcement id.
ANNOUNCEMENT_ID = r"(?P<announcement_id>(?!usage$)[^/]+)"

ROUTES = [
    ("GET", BASE + "/announcements", list_announcements),
    ("GET", BASE + r"/announcements/" + ANNOUNCEMENT_ID, get_org_announcement),
    ("GET", BASE + r"/locations/(?P<location_id>[^/]+)/announcements/" + ANNOUNCEMENT_ID, get_location_announcement),
]
