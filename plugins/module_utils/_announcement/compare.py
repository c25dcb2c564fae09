# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Announcement comparison (pure): what the announcement must be, whether the stored one is it, and the plan.

An uploaded file is "the same" when the stored file name, media type and size (kilobytes, as the service shows it)
match the local file; a text-to-speech announcement when the stored text, voice and language match. Anything else is
replaced in place (the id is kept, so the menus that use it keep working).
"""

from __future__ import annotations

import re

from ansible_collections.wxc.calling.plugins.module_utils import audio_files
from ansible_collections.wxc.calling.plugins.module_utils._announcement.options import DEFAULT_LANGUAGE
from ansible_collections.wxc.calling.plugins.module_utils.resource import Plan


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
        "fileName": audio_files.stored_file_name(audio["file_name"]),
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
    return Plan("update", before=current, after=_predicted(want, current["id"]), fields=changed)


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
