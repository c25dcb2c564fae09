"""The announcement repository and text-to-speech: list, details, usage, create, replace, delete, generate, status.

What is known and what is guessed is in the README ("Announcement repository and text-to-speech"). In short:
create and replace accept both bodies the API has documented, multipart/form-data (``name`` + a ``file`` part) and
JSON ``{name, fileUri, fileName, isTextToSpeech}`` with a ``fileUri`` from a finished text-to-speech job. Stored
items keep the API's list fields plus private ``_`` fields (content hash and byte size) that no answer shows;
``GET /_sim/announcements`` shows them. Feature references are computed from the auto attendants that use a file.
"""

import copy
import datetime
import hashlib
import math
import uuid

from . import errors
from .errors import ApiError
from .ids import webex_id
from .multipart import MultipartForm
from .pagination import paginate
from .responses import Response
from .seed import ORG_UUID
from .validation import MEDIA_FILE_TYPES, audio_ids

BASE = "/v1/telephony/config"
ORG = BASE + "/announcements"
LOCATION = BASE + r"/locations/(?P<location_id>[^/]+)/announcements"
# "usage" sits beside the ids (GET .../announcements/usage) and must never be read as an announcement id.
ITEM = r"/(?P<announcement_id>(?!usage$)[^/]+)"
TTS = BASE + "/textToSpeech"

# Cisco's help article "Manage announcement repository" (https://help.webex.com/n5y120ab): 5 MB a file, 1 GB in all.
MAX_AUDIO_KB = 5 * 1024
MAX_VIDEO_KB = 10 * 1024  # GUESS: the usage endpoint has the field; no value is documented
TOTAL_LIMIT_MB = 1024
NAME_MAX = 256
FILE_NAME_MAX = 80
FILE_URI_MAX = 256
EXTENSIONS = {".wav": "WAV", ".wma": "WMA"}
ASF_HEADER_GUID = bytes.fromhex("3026b2758e66cf11a6d900aa0062ce6c")

ERR_IN_USE = 6675  # KNOWN (wxc_sdk test_012_delete_ann_with_reference): delete refused, the file is referenced
ERR_MEDIA_SERVICE = 27917  # KNOWN (live-verified third-party notes): fileUri not retrievable from the media service
ERR_BAD_AUDIO = 27900  # GUESS: the uploaded bytes are not an audio file of the type its name says
ERR_TOO_LARGE = 27901  # GUESS: over the per-file size limit
ERR_LANGUAGE = 1014  # KNOWN (live-verified third-party notes): "The requested language is not supported"
ERR_VOICE = 27902  # GUESS: the voice does not speak that language (the documented message, code unknown)

# Voices per language code (the spec's examples for en_us; the others are GUESSES).
VOICES = {
    "en_us": [
        ("ashley", "Ashley-Female"),
        ("steve", "Steve-Male"),
        ("veronica", "Veronica-Female"),
        ("calvin", "Calvin-Male"),
    ],
    "en_gb": [("amy", "Amy-Female"), ("brian", "Brian-Male")],
    "es_es": [("lucia", "Lucia-Female"), ("sergio", "Sergio-Male")],
    "fr_fr": [("lea", "Lea-Female"), ("remi", "Remi-Male")],
    "de_de": [("vicki", "Vicki-Female"), ("daniel", "Daniel-Male")],
}
TTS_USAGE_LIMIT = 150  # live-verified maxAllowedApiCalls (third-party notes)


# -- views ----------------------------------------------------------------------------------------------------------


def _public(item):
    return {key: copy.deepcopy(value) for key, value in item.items() if not key.startswith("_")}


def list_view(item):
    """A list item: the stored fields without the private ones and without the text-to-speech text."""
    return {key: value for key, value in _public(item).items() if key not in ("voice", "language", "text", "playlists")}


def feature_references(state, announcement_id):
    """The auto attendants whose menus (greeting, keys, call treatment) use the announcement, in the details' shape."""
    references = []
    for record in state.auto_attendants.values():
        if announcement_id in audio_ids(record["data"]):
            location = state.location(record["locationId"])
            references.append(
                {
                    "id": record["id"],
                    "name": record["data"]["name"],
                    "type": "Auto Attendant",
                    "locationId": location["id"],
                    "locationName": location["name"],
                }
            )
    return references


def details_view(state, item):
    """Details: no level and no location (only list items have them), feature references added.

    featureReferences is left out when empty (seen live); playlists only at organisation level (the location
    schema has none).
    """
    view = {key: value for key, value in _public(item).items() if key not in ("level", "location", "playlists")}
    references = feature_references(state, item["id"])
    view["featureReferenceCount"] = len(references)
    if references:
        view["featureReferences"] = references
    if item["level"] == "ORGANIZATION":
        view["playlists"] = copy.deepcopy(item.get("playlists") or [])
    return view


# -- list, details, usage -------------------------------------------------------------------------------------------


def _order_key(order):
    field, _sep, direction = (order or "").partition("-")
    if field not in ("fileName", "fileSize"):
        raise errors.invalid("order", "%r: sort by fileName or fileSize, optionally -asc or -desc" % order)
    if direction not in ("", "asc", "desc"):
        raise errors.invalid("order", "%r: the direction is asc or desc" % order)
    key = (lambda item: item["fileName"].lower()) if field == "fileName" else (lambda item: int(item["fileSize"]))
    return key, direction == "desc"


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
    if media_type not in (None, "") and media_type.upper() not in MEDIA_FILE_TYPES:
        raise errors.invalid("mediaFileType", "%r is not one of %s" % (media_type, ", ".join(MEDIA_FILE_TYPES)))
    file_type = (request.query.get("fileType") or "").lower()
    if file_type not in ("", "audio", "video"):
        raise errors.invalid("fileType", "%r is not audio or video" % file_type)
    file_name = (request.query.get("fileName") or "").lower()
    name = (request.query.get("name") or "").lower()
    items = [
        list_view(item)
        for item in items
        if media_type in (None, "", item["mediaFileType"].lower(), item["mediaFileType"])
        and file_type != "video"
        and file_name in item["fileName"].lower()
        and name in item["name"].lower()
    ]
    if request.query.get("order"):
        key, reverse = _order_key(request.query["order"])
        items.sort(key=key, reverse=reverse)
    body, headers = paginate(
        request,
        items,
        "announcements",
        ("orgId", "locationId", "order", "fileName", "fileType", "mediaFileType", "name"),
    )
    return Response(200, body, headers)


def _stored(state, announcement_id, location_id=None):
    """The stored item (not a copy) at organisation level, or in LOCATION_ID; 404 otherwise."""
    for item in state.announcements:
        if item["id"] != announcement_id:
            continue
        if location_id is None and item["level"] == "ORGANIZATION":
            return item
        if location_id is not None and item.get("location", {}).get("id") == location_id:
            return item
    raise errors.not_found("Announcement not found: %s" % announcement_id)


def get_org_announcement(request, announcement_id):
    """Organisation-level announcement details."""
    return Response(200, details_view(request.state, _stored(request.state, announcement_id)))


def get_location_announcement(request, location_id, announcement_id):
    """Location-level announcement details."""
    request.state.location(location_id)
    return Response(200, details_view(request.state, _stored(request.state, announcement_id, location_id)))


def _usage(items):
    return {
        "totalFileSizeUsedKB": sum(int(item["fileSize"]) for item in items),
        "maxAudioFileSizeAllowedKB": MAX_AUDIO_KB,
        "maxVideoFileSizeAllowedKB": MAX_VIDEO_KB,
        "totalFileSizeLimitMB": TOTAL_LIMIT_MB,
    }


def org_usage(request):
    """Usage of the whole repository (the 1 GB limit counts every level)."""
    return Response(200, _usage(request.state.announcements))


def location_usage(request, location_id):
    """Usage of one location's files."""
    request.state.location(location_id)
    return Response(
        200, _usage([item for item in request.state.announcements if item.get("location", {}).get("id") == location_id])
    )


# -- create and replace -----------------------------------------------------------------------------------------------


def size_kb(byte_count):
    """fileSize as the API shows it: kilobytes, as a string. GUESS: rounded up (the rounding is undocumented)."""
    return str(max(1, math.ceil(byte_count / 1024)))


def _text(value, field, maximum):
    if value is None or value == "":
        raise errors.missing(field)
    if not isinstance(value, str):
        raise errors.invalid(field, "must be a string")
    if len(value) > maximum:
        raise errors.invalid(field, "%d characters, at most %d" % (len(value), maximum))
    return value


def _media_type(file_name):
    for extension, media_type in EXTENSIONS.items():
        if file_name.lower().endswith(extension):
            return media_type
    raise ApiError(400, "Unsupported file type: %s (WAV or WMA)" % file_name, ERR_BAD_AUDIO)


def _check_audio(media_type, file_name, content):
    """The bytes must start as the type the name says: RIFF....WAVE for WAV, the ASF header GUID for WMA."""
    if media_type == "WAV" and not (content[:4] == b"RIFF" and content[8:12] == b"WAVE"):
        raise ApiError(400, "%s is not a WAV file" % file_name, ERR_BAD_AUDIO)
    if media_type == "WMA" and content[:16] != ASF_HEADER_GUID:
        raise ApiError(400, "%s is not a WMA file" % file_name, ERR_BAD_AUDIO)
    if len(content) > MAX_AUDIO_KB * 1024:
        raise ApiError(
            400, "%s is %d bytes; the limit is %d KB" % (file_name, len(content), MAX_AUDIO_KB), ERR_TOO_LARGE
        )


def _from_multipart(form):
    """name (the label) + the ``file`` part (its file name becomes fileName). Other text fields are ignored."""
    name = _text(form.fields.get("name"), "name", NAME_MAX)
    part = form.files.get("file")
    if part is None:
        raise errors.missing("file")
    file_name = _text(part.file_name, "fileName", FILE_NAME_MAX)
    media_type = _media_type(file_name)
    _check_audio(media_type, file_name, part.content)
    return {
        "name": name,
        "fileName": file_name,
        "fileSize": size_kb(len(part.content)),
        "mediaFileType": media_type,
        "isTextToSpeech": False,
        "_sha256": part.sha256,
        "_bytes": len(part.content),
    }


def _from_json(state, body):
    """{name, fileUri, fileName, isTextToSpeech}: the fileUri must come from a finished text-to-speech job.

    Without isTextToSpeech true the text, voice and language are not kept (the API's documented behaviour). Other
    fields are ignored, as the service ignores fields it does not know in an attendant's body (live): wxc_sdk 1.41
    sends is_text_to_speech (a string) instead of isTextToSpeech. GUESS: isTextToSpeech left out is false.
    """
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object", errors.ERR_MALFORMED_BODY)
    name = _text(body.get("name"), "name", NAME_MAX)
    file_name = _text(body.get("fileName"), "fileName", FILE_NAME_MAX)
    file_uri = _text(body.get("fileUri"), "fileUri", FILE_URI_MAX)
    tts = body.get("isTextToSpeech")
    if tts is not None and not isinstance(tts, bool):
        raise errors.invalid("isTextToSpeech", "must be a boolean")
    job = next((job for job in state.tts_jobs.values() if job.get("fileUri") == file_uri), None)
    if job is None:
        raise ApiError(400, "Error retrieving announcement file from Calling Media File Service", ERR_MEDIA_SERVICE)
    media_type = _media_type(file_name)
    stored = {
        "name": name,
        "fileName": file_name,
        "fileSize": job["_fileSize"],
        "mediaFileType": media_type,
        "isTextToSpeech": bool(tts),
        "_sha256": job["_sha256"],
        "_bytes": int(job["_fileSize"]) * 1024,
    }
    if tts:
        stored.update(voice=job["voice"], language=job["languageCode"], text=job["text"])
    return stored


def _content(request):
    if isinstance(request.body, MultipartForm):
        return _from_multipart(request.body)
    return _from_json(request.state, request.body)


def _create(request, location=None):
    fields = _content(request)
    item = {"id": webex_id("ANNOUNCEMENT", str(uuid.uuid4())), "name": fields.pop("name")}
    item.update(fields)
    item["lastUpdated"] = _now()
    item["level"] = "LOCATION" if location else "ORGANIZATION"
    if location:
        item["location"] = {"id": location["id"], "name": location["name"]}
    request.state.announcements.append(item)
    return Response(201, {"id": item["id"]})


def _replace(request, item):
    """PUT: the same bodies as create; the id stays, the content, name and text-to-speech metadata are replaced."""
    fields = _content(request)
    for key in ("voice", "language", "text"):
        item.pop(key, None)
    item.update(fields)
    item["lastUpdated"] = _now()
    return Response(204)


def _now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def create_org_announcement(request):
    """POST → 201 {"id"}."""
    return _create(request)


def create_location_announcement(request, location_id):
    """POST → 201 {"id"}."""
    return _create(request, request.state.location(location_id))


def replace_org_announcement(request, announcement_id):
    """PUT → 204."""
    return _replace(request, _stored(request.state, announcement_id))


def replace_location_announcement(request, location_id, announcement_id):
    """PUT → 204."""
    request.state.location(location_id)
    return _replace(request, _stored(request.state, announcement_id, location_id))


def _delete(request, item):
    """DELETE → 204; 400 (6675) while an auto attendant uses the file or it is in a playlist."""
    users = [
        "%s %r" % (reference["type"], reference["name"]) for reference in feature_references(request.state, item["id"])
    ]
    users += ["playlist %r" % playlist["name"] for playlist in item.get("playlists") or []]
    if users:
        raise ApiError(
            400,
            "Announcement %r cannot be deleted because it is being used by: %s" % (item["name"], ", ".join(users)),
            ERR_IN_USE,
        )
    request.state.announcements.remove(item)
    return Response(204)


def delete_org_announcement(request, announcement_id):
    """Organisation-level delete."""
    return _delete(request, _stored(request.state, announcement_id))


def delete_location_announcement(request, location_id, announcement_id):
    """Location-level delete."""
    request.state.location(location_id)
    return _delete(request, _stored(request.state, announcement_id, location_id))


for _handler in (
    create_org_announcement,
    create_location_announcement,
    replace_org_announcement,
    replace_location_announcement,
):
    _handler.accepts_multipart = True  # the server parses multipart/form-data bodies only for these


# -- text-to-speech -------------------------------------------------------------------------------------------------------


def _language(code):
    if code not in VOICES:
        raise ApiError(400, "The requested language is not supported for this customer", ERR_LANGUAGE)
    return code


def generate(request):
    """POST {voice, text, languageCode} → 202 {"id"}; the job finishes after the configured number of status reads."""
    body = request.body
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object", errors.ERR_MALFORMED_BODY)
    voice = _text(body.get("voice"), "voice", 64)
    text = _text(body.get("text"), "text", 4000)
    language = _language(_text(body.get("languageCode"), "languageCode", 16))
    if voice not in [ident for ident, _label in VOICES[language]]:
        raise ApiError(400, "The specified voice and language code do not match.", ERR_VOICE)
    state = request.state
    state.tts_calls += 1
    job_id = str(uuid.uuid4())
    config = state.tts_config
    state.tts_jobs[job_id] = {
        "id": job_id,
        "voice": voice,
        "text": text,
        "languageCode": language,
        "_polls_left": config["polls_before_success"],
        "_failure": config.get("failure"),
    }
    return Response(202, {"id": job_id})


def tts_status(request, tts_id):
    """IN_PROGRESS until the job's polls are used up, then SUCCESS with a cmf:// fileUri (or FAILURE when configured)."""
    job = request.state.tts_jobs.get(tts_id)
    if job is None:
        raise errors.not_found("Text-to-speech request not found: %s" % tts_id)
    if job["_polls_left"] > 0:
        job["_polls_left"] -= 1
        job["status"] = "IN_PROGRESS"
    elif job["_failure"]:
        job["status"] = "FAILURE"
        job["errorMessage"] = job["_failure"]
    elif "fileUri" not in job:
        media = str(uuid.uuid4())
        job.update(
            status="SUCCESS",
            fileUri="cmf://customers/%s/media/tmp/%s" % (ORG_UUID, media),
            promptUrl="%s/v1/telephony/config/media/prompts/%s" % (request.root_url, media),
            kmsKeyUri="kms://kms-us-int.wbx2.com/keys/%s" % media,
        )
        # A spoken word is about a third of a second; 16 kHz 16-bit mono is 32 KB a second (a plausible size).
        job["_fileSize"] = size_kb(max(1, len(job["text"].split())) * 32000 // 3)
        job["_sha256"] = hashlib.sha256(
            ("%s|%s|%s" % (job["voice"], job["languageCode"], job["text"])).encode()
        ).hexdigest()
    return Response(200, _public(job))


def voices(request):
    """{"voices": [{id, label, languageCode}]} for languageCode (default en_us)."""
    language = _language(request.query.get("languageCode") or "en_us")
    return Response(
        200, {"voices": [{"id": ident, "label": label, "languageCode": language} for ident, label in VOICES[language]]}
    )


def tts_usage(request):
    """{noOfApiCalls, maxAllowedApiCalls}: generate calls since the reset (the live limit, no window simulated)."""
    return Response(200, {"noOfApiCalls": request.state.tts_calls, "maxAllowedApiCalls": TTS_USAGE_LIMIT})


# -- control ------------------------------------------------------------------------------------------------------------


def control_announcements(request):
    """Every stored announcement with its private fields (_sha256, _bytes): what tests compare content with."""
    with request.state.lock:
        return Response(200, copy.deepcopy(request.state.announcements))


def control_text_to_speech(request):
    """{"polls_before_success": N, "failure": null | "message"}: how the next text-to-speech jobs behave."""
    spec = request.body if isinstance(request.body, dict) else {}
    unknown = sorted(set(spec) - {"polls_before_success", "failure"})
    if unknown:
        raise errors.bad_request("unknown text_to_speech fields: %s" % ", ".join(unknown))
    polls = spec.get("polls_before_success", 0)
    if isinstance(polls, bool) or not isinstance(polls, int) or polls < 0:
        raise errors.bad_request("polls_before_success must be a non-negative integer")
    failure = spec.get("failure")
    if failure is not None and not isinstance(failure, str):
        raise errors.bad_request("failure must be a string (the errorMessage) or null")
    with request.state.lock:
        request.state.tts_config = {"polls_before_success": polls, "failure": failure}
    return Response(201, dict(request.state.tts_config))


ROUTES = [
    ("GET", ORG, list_announcements),
    ("POST", ORG, create_org_announcement),
    ("GET", ORG + "/usage", org_usage),
    ("GET", ORG + ITEM, get_org_announcement),
    ("PUT", ORG + ITEM, replace_org_announcement),
    ("DELETE", ORG + ITEM, delete_org_announcement),
    ("POST", LOCATION, create_location_announcement),
    ("GET", LOCATION + "/usage", location_usage),
    ("GET", LOCATION + ITEM, get_location_announcement),
    ("PUT", LOCATION + ITEM, replace_location_announcement),
    ("DELETE", LOCATION + ITEM, delete_location_announcement),
    ("POST", TTS + "/actions/generate/invoke", generate),
    ("GET", TTS + "/voices", voices),
    ("GET", TTS + "/usage", tts_usage),
    ("GET", TTS + r"/(?P<tts_id>(?!(?:voices|usage)$)[^/]+)", tts_status),
]

CONTROL_ROUTES = [
    ("GET", "/_sim/announcements", control_announcements),
    ("POST", "/_sim/text_to_speech", control_text_to_speech),
]
