# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The announcement repository and text-to-speech endpoints (the only code that knows their paths).

Identity is the exact name at a level (the organisation, or one location). The upload route is chosen in one place,
send_announcement(): multipart/form-data (``name`` + a ``file`` part) for a local file, which is what wxc_sdk
and wxcadm send and what the API documented until 2026; JSON ``{name, fileUri, fileName, isTextToSpeech}`` for
text-to-speech, whose ``fileUri`` the generate request returns. Cisco's current reference documents only the JSON
body (files would go through an encrypted upload-URL flow): whether multipart still works is not verified.
"""

from __future__ import annotations

import threading
import time

from ansible_collections.wxc.calling.plugins.module_utils._announcement.options import LOCATION, ORGANIZATION
from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    ResourceError,
    api_path,
    create_once,
    delete_confirmed,
    find_exact,
    find_one,
)

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


def send_announcement(client, method, path, body):
    """Create (POST) or replace (PUT) an announcement: THE choice of upload route.

    BODY with ``content`` (the file's bytes): multipart/form-data, ``name`` + a ``file`` part. BODY with ``fileUri``:
    JSON {name, fileUri, fileName, isTextToSpeech}. Returns the JSON answer ({"id"} for a POST, {} for a 204).
    """
    send = client.post if method == "POST" else client.put
    if "content" in body:
        files = {"file": (body["fileName"], body["content"], CONTENT_TYPES[body["mediaFileType"]])}
        return send(path, data={"name": body["name"]}, files=files)
    return send(path, json={key: body[key] for key in ("name", "fileUri", "fileName", "isTextToSpeech")})


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

        return find_one(
            self.client,
            LIST_PATH,
            "announcements",
            params,
            match,
            what="announcements",
            name=name,
            where="at this level",
            advice="rename or delete the extra ones",
        )

    def list(self, location_id=None):
        """The repository's list items at one level: the organisation's (LOCATION_ID None) or one location's."""
        return self.client.get_all(
            LIST_PATH, "announcements", params={"locationId": location_id} if location_id else None
        )

    def files(self, location_id, file_name):
        """The repository's list items stored as FILE_NAME at the level (the organisation's, or LOCATION_ID's)."""
        params = {"fileName": file_name}
        if location_id:
            params["locationId"] = location_id
        return find_exact(self.client, LIST_PATH, "announcements", params, lambda item: True)

    def details(self, location_id, announcement_id):
        return self.client.get(self.item_path(location_id, announcement_id))

    def usage(self, location_id):
        return self.client.get(api_path(LOCATION_USAGE, location_id) if location_id else ORG_USAGE)

    def create(self, location_id, body):
        path = api_path(LOCATION_COLLECTION, location_id) if location_id else LIST_PATH
        return create_once(_Uploader(self.client), path, body, lambda: self.find(location_id, body["name"]))

    def replace(self, location_id, announcement_id, body):
        send_announcement(self.client, "PUT", self.item_path(location_id, announcement_id), body)

    def delete(self, location_id, announcement_id, name=None):
        """DELETE the announcement and read it back (resource.delete_confirmed: still there raises DeleteNotApplied)."""
        return delete_confirmed(
            self.client,
            "announcement %r" % (name or announcement_id),
            self.item_path(location_id, announcement_id),
            lambda: self.details(location_id, announcement_id),
        )

    def voices(self, language):
        answer = self.client.get(TTS_VOICES, params={"languageCode": language})
        return [voice.get("id") for voice in answer.get("voices") or []]

    def speak(self, text, voice, language):
        """Generate the text-to-speech audio and wait for it; return its fileUri (bounded by poll_timeout)."""
        job = self.client.post(
            TTS_GENERATE, json={"voice": voice, "text": text, "languageCode": language}, read_only=True
        )
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


class AnnouncementLookups:
    """The announcement repository lookups of one task: one per distinct (organisation, location or none, name).

    The bulk module shares one between its items, which converge on several threads: the lock keeps it one lookup.
    """

    def __init__(self):
        self._found = {}
        self._lock = threading.Lock()

    def find(self, client, location_id, name):
        """The list item of the announcement called exactly NAME in LOCATION_ID's repository (None: the organisation's)."""
        key = (getattr(client, "org_id", None), location_id, name)
        with self._lock:
            if key not in self._found:
                self._found[key] = AnnouncementService(client).find(location_id, name)
            return self._found[key]
