# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Announcements (audio files of the announcement repository): options, validation, comparison, plan and service.

Identity is the exact name at a level (the organisation, or one location). An uploaded file is "the same" when the
stored file name, media type and size (kilobytes, as the service shows it) match the local file; a text-to-speech
announcement when the stored text, voice and language match. Anything else is replaced in place (the id is kept, so
the menus that use it keep working).

The upload route is chosen in one place, send_announcement(): multipart/form-data (``name`` + a ``file`` part) for
a local file, which is what wxc_sdk and wxcadm send and what the API documented until 2026; JSON
``{name, fileUri, fileName, isTextToSpeech}`` for text-to-speech, whose ``fileUri`` the generate request returns.
Cisco's current reference documents only the JSON body (files would go through an encrypted upload-URL flow):
whether multipart still works is not verified.
"""

from __future__ import annotations

import re
import time

from ansible.module_utils.common.text.converters import to_native

from ansible_collections.wxc.calling.plugins.module_utils import audio_files
from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    Plan,
    ResourceError,
    WriteNotApplied,
    api_path,
    create_once,
    delete,
    find_exact,
    name_problem,
    read_back,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

ORGANIZATION, LOCATION = "ORGANIZATION", "LOCATION"
LEVEL_CHOICES = ["organization", "location", ORGANIZATION, LOCATION]
NAME_MAX_LENGTH = 256  # the repository's announcement name limit (Cisco's Webex Calling API reference)
DEFAULT_LANGUAGE = "en_us"
LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}_[a-z]{2,4}\Z")
CONTENT_TYPES = {"WAV": "audio/wav", "WMA": "audio/x-ms-wma"}

LIST_PATH = "/telephony/config/announcements"
ORG_ITEM = "/telephony/config/announcements/%s"
ORG_USAGE = "/telephony/config/announcements/usage"
LOCATION_COLLECTION = "/telephony/config/locations/%s/announcements"
LOCATION_ITEM = "/telephony/config/locations/%s/announcements/%s"
LOCATION_USAGE = "/telephony/config/locations/%s/announcements/usage"
TTS_GENERATE = "/telephony/config/textToSpeech/actions/generate/invoke"
TTS_STATUS = "/telephony/config/textToSpeech/%s"
TTS_VOICES = "/telephony/config/textToSpeech/voices"

# Text-to-speech status polling: first read at once, then waits that double from POLL_INTERVAL up to POLL_MAX_INTERVAL,
# giving up after POLL_TIMEOUT seconds of waiting in all (a short text is ready at the first read, as seen live).
POLL_INTERVAL = 0.5
POLL_MAX_INTERVAL = 4.0
POLL_TIMEOUT = 60.0


def argument_spec():
    """The module's own options (the connection options come from webex_argument_spec())."""
    return dict(
        name=dict(type="str", required=True),
        path=dict(type="path"),
        text=dict(type="str"),
        voice=dict(type="str"),
        language_code=dict(type="str"),
        level=dict(type="str", choices=LEVEL_CHOICES),
        location=dict(type="str"),
        state=dict(type="str", default="present", choices=["present", "absent"]),
        force=dict(type="bool", default=False),
    )


# -- validation (before any API call) -----------------------------------------------------------------------------


def level_of(params):
    """ORGANIZATION or LOCATION: the option in either case; unset, LOCATION when a location is given."""
    if params.get("level"):
        return params["level"].upper()
    return LOCATION if params.get("location") else ORGANIZATION


def validate_options(params):
    """Return the problems argument_spec cannot see, each naming its option; the file itself is checked here too."""
    errors = []
    problem = name_problem(params.get("name"), NAME_MAX_LENGTH)
    if problem:
        errors.append("name: %s" % problem)
    level = level_of(params)
    if level == LOCATION and not params.get("location"):
        errors.append("location: required with level location (the location's id or exact name)")
    if level == ORGANIZATION and params.get("location"):
        errors.append("location: only with level location (an organization-level announcement has no location)")
    if params.get("path") and params.get("text") is not None:
        errors.append("path, text: give one of them (a file to upload, or text to turn into speech), not both")
    if params.get("state") == "present" and not params.get("path") and params.get("text") is None:
        errors.append("path or text: one of them is required with state present")
    if params.get("text") is not None:
        if not params["text"].strip():
            errors.append("text: must not be empty")
        if not params.get("voice"):
            errors.append("voice: required with text (a voice id such as ashley; the service lists them per language)")
        language = params.get("language_code")
        if language is not None and not LANGUAGE_PATTERN.match(language):
            errors.append(
                "language_code: %r is not a language code as the service writes them: lower case with an "
                "underscore, for example en_us" % language
            )
    else:
        errors.extend("%s: only with text" % option for option in ("voice", "language_code") if params.get(option))
    if params.get("state") == "present" and params.get("path"):
        try:
            audio_files.inspect(params["path"])
        except audio_files.AudioFileError as error:
            errors.append("path: %s" % to_native(error))
    return errors


# -- desired state, comparison, plan ----------------------------------------------------------------------------------


def speech_file_name(name):
    """The fileName a text-to-speech announcement is stored under: its name, made file-name safe, + .wav."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.") or "announcement"
    return stem[: audio_files.FILE_NAME_MAX_LENGTH - 4] + ".wav"


def normalised_language(value):
    """en-US, en_US and en_us are one language (the service writes both forms)."""
    return (value or "").replace("-", "_").lower() or None


def desired(params, audio=None):
    """What the announcement must be, in the API's field names; AUDIO is audio_files.inspect() of the local file."""
    if params.get("text") is not None:
        return {
            "name": params["name"],
            "fileName": speech_file_name(params["name"]),
            "mediaFileType": "WAV",
            "isTextToSpeech": True,
            "text": params["text"],
            "voice": params["voice"],
            "language": params.get("language_code") or DEFAULT_LANGUAGE,
        }
    return {
        "name": params["name"],
        "fileName": audio["file_name"],
        "mediaFileType": audio["media_type"],
        "fileSize": audio_files.size_kb_candidates(audio["size"])[-1],
        "isTextToSpeech": False,
        "sizes": audio_files.size_kb_candidates(audio["size"]),
    }


def _same(field, want, have):
    """Whether FIELD of the stored announcement HAVE is what WANT asks for."""
    if field == "fileSize":
        return str(have.get("fileSize")) in want["sizes"]
    if field == "isTextToSpeech":
        return bool(have.get("isTextToSpeech")) == want["isTextToSpeech"]
    if field == "language":
        return normalised_language(have.get("language")) == normalised_language(want["language"])
    if field == "voice":
        return (have.get("voice") or "").lower() == want["voice"].lower()
    return have.get(field) == want[field]


def compared_fields(want):
    """The fields that decide whether the stored announcement is the one wanted (the one comparison)."""
    if want["isTextToSpeech"]:
        return ["name", "isTextToSpeech", "text", "voice", "language"]
    return ["name", "fileName", "mediaFileType", "fileSize", "isTextToSpeech"]


def differences(want, have):
    """The compared fields in which HAVE (details) differs from WANT."""
    return [field for field in compared_fields(want) if not _same(field, want, have)]


def view(item, level, location_id):
    """The announcement as the module returns it (snake_case, the menus' audio file fields first)."""
    if not item:
        return {}
    result = {
        "id": item.get("id"),
        "name": item.get("name"),
        "file_name": item.get("fileName"),
        "media_file_type": item.get("mediaFileType"),
        "level": level,
        "location_id": location_id,
        "file_size": item.get("fileSize"),
        "is_text_to_speech": bool(item.get("isTextToSpeech")),
    }
    if item.get("isTextToSpeech"):
        result.update(
            text=item.get("text"), voice=item.get("voice"), language_code=normalised_language(item.get("language"))
        )
    return result


def _predicted(want, current_id):
    """The stored form WANT will have after the write (id kept on a replace, unknown on a create)."""
    predicted = {key: value for key, value in want.items() if key != "sizes"}
    predicted["id"] = current_id
    return predicted


def plan(state, want, current, force=False):
    """Decide: create, update (replace in place), delete or nothing. CURRENT: the details, or None when absent.

    The plan carries no body: what is sent is built after the checks, by _upload_body() (the file, or the speech).
    """
    if state == "absent":
        return Plan("nothing") if current is None else Plan("delete", before=current)
    if current is None:
        return Plan("create", after=_predicted(want, None))
    changed = differences(want, current)
    if force and not changed:
        changed = ["force"]
    if not changed:
        return Plan("nothing", before=current, after=current)
    the_plan = Plan("update", before=current, after=_predicted(want, current["id"]))
    the_plan.fields = changed
    return the_plan


def in_use(details):
    """Who uses the announcement ("Auto Attendant 'Reception' (Headquarters)", "playlist 'Hold'"), [] when nobody."""
    users = [
        "%s %r%s"
        % (
            reference.get("type") or "feature",
            reference.get("name"),
            " (%s)" % reference["locationName"] if reference.get("locationName") else "",
        )
        for reference in details.get("featureReferences") or []
    ]
    count = details.get("featureReferenceCount") or 0
    if count > len(users):
        users.append("%d feature(s) the service does not name" % (count - len(users)))
    users += ["playlist %r" % playlist.get("name") for playlist in details.get("playlists") or []]
    return users


# -- the service (HTTP) ----------------------------------------------------------------------------------------------


def send_announcement(client, method, path, body):
    """Create (POST) or replace (PUT) an announcement: THE choice of upload route.

    BODY with ``content`` (the file's bytes): multipart/form-data, ``name`` + a ``file`` part. BODY with ``fileUri``:
    JSON {name, fileUri, fileName, isTextToSpeech}. Returns the JSON answer ({"id"} for a POST, {} for a 204).
    """
    if "content" in body:
        files = {"file": (body["fileName"], body["content"], CONTENT_TYPES[body["mediaFileType"]])}
        response = client.request(method, path, data={"name": body["name"]}, files=files)
    else:
        json = {key: body[key] for key in ("name", "fileUri", "fileName", "isTextToSpeech")}
        response = client.request(method, path, json=json)
    return response.json() if response.content else {}


class _Uploader:
    """What create_once needs of a client (post), sending the body by the upload route instead of plain JSON."""

    def __init__(self, client):
        self.client = client

    def post(self, path, json):
        return send_announcement(self.client, "POST", path, json)


class AnnouncementService:
    """The repository endpoints; identity = (level, location, exact name). SLEEP and the poll timings are injectable."""

    def __init__(
        self,
        client,
        sleep=time.sleep,
        poll_interval=POLL_INTERVAL,
        poll_max_interval=POLL_MAX_INTERVAL,
        poll_timeout=POLL_TIMEOUT,
    ):
        self.client = client
        self._sleep = sleep
        self.poll_interval = poll_interval
        self.poll_max_interval = poll_max_interval
        self.poll_timeout = poll_timeout

    @staticmethod
    def item_path(location_id, announcement_id):
        if location_id:
            return api_path(LOCATION_ITEM, location_id, announcement_id)
        return api_path(ORG_ITEM, announcement_id)

    def find(self, location_id, name):
        """The list item called exactly NAME at the level (the name filter only "contains"), or None."""
        params = {"name": name, "locationId": location_id}
        level = LOCATION if location_id else ORGANIZATION

        def match(item):
            if item.get("name") != name or item.get("level", level) != level:
                return False
            return not location_id or (item.get("location") or {}).get("id", location_id) == location_id

        found = find_exact(self.client, LIST_PATH, "announcements", params, match)
        if len(found) > 1:
            raise ResourceError(
                "%d announcements are called %r at this level (ids %s); rename or delete the extra ones"
                % (len(found), name, ", ".join(item["id"] for item in found))
            )
        return found[0] if found else None

    def details(self, location_id, announcement_id):
        return self.client.get(self.item_path(location_id, announcement_id))

    def usage(self, location_id):
        return self.client.get(api_path(LOCATION_USAGE, location_id) if location_id else ORG_USAGE)

    def create(self, location_id, body):
        path = api_path(LOCATION_COLLECTION, location_id) if location_id else LIST_PATH
        return create_once(_Uploader(self.client), path, body, lambda: self.find(location_id, body["name"]))

    def replace(self, location_id, announcement_id, body):
        send_announcement(self.client, "PUT", self.item_path(location_id, announcement_id), body)

    def delete(self, location_id, announcement_id):
        return delete(self.client, self.item_path(location_id, announcement_id))

    def exists(self, location_id, announcement_id):
        try:
            self.details(location_id, announcement_id)
        except WebexApiError as error:
            if error.status == 404:
                return False
            raise
        return True

    def voices(self, language):
        answer = self.client.get(TTS_VOICES, params={"languageCode": language})
        return [voice.get("id") for voice in answer.get("voices") or []]

    def speak(self, text, voice, language):
        """Generate the text-to-speech audio and wait for it; return its fileUri (bounded by poll_timeout)."""
        job = self.client.post(TTS_GENERATE, json={"voice": voice, "text": text, "languageCode": language})
        if not job.get("id"):
            raise ResourceError("the text-to-speech request was answered without an id", changed=False)
        waited, interval = 0.0, self.poll_interval
        while True:
            status = self.client.get(api_path(TTS_STATUS, job["id"]))
            if status.get("status") == "SUCCESS" and status.get("fileUri"):
                return status["fileUri"]
            if status.get("status") == "FAILURE":
                raise ResourceError(
                    "text-to-speech generation failed: %s" % (status.get("errorMessage") or "no reason given")
                )
            if waited >= self.poll_timeout:
                raise ResourceError(
                    "text-to-speech request %s was still %s after %d seconds; nothing was created, run "
                    "again" % (job["id"], status.get("status"), waited)
                )
            self._sleep(interval)
            waited += interval
            interval = min(interval * 2, self.poll_max_interval)


# -- converge ---------------------------------------------------------------------------------------------------------


def _check_voice(service, want):
    voices = service.voices(want["language"])
    if want["voice"].lower() not in [voice.lower() for voice in voices if voice]:
        raise ResourceError(
            "voice: %r is not a voice for language_code %s; the service offers: %s"
            % (want["voice"], want["language"], ", ".join(voice for voice in voices if voice) or "none")
        )


def _check_room(service, location_id, want, current):
    """Refuse, before the write, a file over this repository's limits (the usage endpoint's figures)."""
    usage = service.usage(location_id)
    size = int(want["fileSize"])
    per_file = usage.get("maxAudioFileSizeAllowedKB")
    if per_file and size > per_file:
        raise ResourceError("path: %d KB; this repository takes audio files of at most %d KB" % (size, per_file))
    used, limit_mb = usage.get("totalFileSizeUsedKB"), usage.get("totalFileSizeLimitMB")
    if used is not None and limit_mb:
        freed = int(current.get("fileSize") or 0) if current else 0
        if used - freed + size > limit_mb * 1024:
            raise ResourceError(
                "path: %d KB does not fit: the repository holds %d KB of its %d MB" % (size, used, limit_mb)
            )


def _upload_body(params, want, file_uri=None):
    """The body send_announcement() takes: the file's bytes, or the generated speech's fileUri."""
    if want["isTextToSpeech"]:
        return {"name": want["name"], "fileUri": file_uri, "fileName": want["fileName"], "isTextToSpeech": True}
    with open(params["path"], "rb") as handle:
        content = handle.read()
    return {
        "name": want["name"],
        "fileName": want["fileName"],
        "mediaFileType": want["mediaFileType"],
        "content": content,
    }


def _verify(service, location_id, announcement_id, want):
    """Read the announcement back after a write; raise WriteNotApplied naming what did not take."""
    stored = read_back(
        service.client,
        "announcement %r" % want["name"],
        lambda: service.details(location_id, announcement_id),
        lambda have: differences(want, have),
    )
    return dict(stored, id=announcement_id)


def converge(service, location_id, params, check_mode=False, diff=False):
    """Bring the announcement to the state PARAMS describe; return (plan, announcement view or None).

    LOCATION_ID: the location's id for a location-level announcement, None for the organisation level.
    """
    del diff  # the plan always carries before/after; the module decides whether to return them
    level = LOCATION if location_id else ORGANIZATION
    state = params["state"]
    audio = audio_files.inspect(params["path"]) if state == "present" and params.get("path") else None
    want = desired(params, audio) if state == "present" else None
    found = service.find(location_id, params["name"])
    current = dict(service.details(location_id, found["id"]), id=found["id"]) if found else None
    if current is not None:
        current.setdefault("name", found.get("name"))
    the_plan = plan(state, want, current, force=params.get("force"))
    the_plan.before = view(the_plan.before, level, location_id)
    the_plan.after = view(the_plan.after, level, location_id)

    if the_plan.action == "nothing":
        return the_plan, view(current, level, location_id) or None
    if the_plan.action == "delete":
        users = in_use(current)
        if users:
            raise ResourceError(
                "announcement %r is in use and was not deleted; used by %s. Point them at another "
                "greeting first" % (current["name"], "; ".join(users))
            )
        if not check_mode:
            service.delete(location_id, current["id"])
            if service.exists(location_id, current["id"]):
                raise WriteNotApplied("announcement %r" % current["name"], ["delete"], service.client.last_tracking_id)
        return the_plan, None

    # create or update: what can be checked with reads comes first, so that a refusal writes nothing.
    if want["isTextToSpeech"]:
        _check_voice(service, want)
    else:
        _check_room(service, location_id, want, current)
    if check_mode:
        return the_plan, the_plan.after
    file_uri = service.speak(want["text"], want["voice"], want["language"]) if want["isTextToSpeech"] else None
    body = _upload_body(params, want, file_uri)
    if the_plan.action == "create":
        announcement_id = service.create(location_id, body)
    else:
        announcement_id = current["id"]
        service.replace(location_id, announcement_id, body)
    try:
        verified = _verify(service, location_id, announcement_id, want)
    except WebexApiError as error:
        error.changed = True  # the write went through; only the read-back failed
        raise
    return the_plan, view(verified, level, location_id)


def run(module, client):
    """The module's work (run_module calls it): resolve the location, converge, warn about a short file."""
    from ansible_collections.wxc.calling.plugins.module_utils.locations import LocationNotFound, resolve_location

    params = module.params
    location_id = None
    if level_of(params) == LOCATION:
        try:
            location_id = resolve_location(client, params["location"])[0]
        except LocationNotFound as error:
            raise ResourceError("location: %s" % error) from None
    warning = short_file_warning(params)
    if warning:
        module.warn(warning)
    the_plan, announcement = converge(AnnouncementService(client), location_id, params, module.check_mode, module._diff)  # pylint: disable=protected-access
    result = dict(changed=the_plan.changed, announcement=announcement)
    if module._diff:  # pylint: disable=protected-access
        result["diff"] = the_plan.diff()
    return result


def short_file_warning(params):
    """A warning for a file under the 5 s minimum of Cisco's help article, or None."""
    if params.get("state") != "present" or not params.get("path"):
        return None
    audio = audio_files.inspect(params["path"])
    if audio["short"]:
        seconds = "{0:.1f}".format(float(audio["duration"] or 0))
        return (
            "%s is %s seconds long; Cisco's help states a 5 second minimum for announcements (enforced at least "
            "for music on hold)" % (audio["file_name"], seconds)
        )
    return None
