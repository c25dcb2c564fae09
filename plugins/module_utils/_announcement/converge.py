# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Converge one announcement, and the module's run(): checks that need reads (voice, repository room) before any
write, then the upload or speech, then one read-back; a delete is refused while a feature or playlist uses it."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import audio_files
from ansible_collections.wxc.calling.plugins.module_utils._announcement.compare import (
    desired,
    differences,
    in_use,
    plan,
    view,
)
from ansible_collections.wxc.calling.plugins.module_utils._announcement.options import LOCATION, ORGANIZATION, level_of
from ansible_collections.wxc.calling.plugins.module_utils._announcement.service import AnnouncementService
from ansible_collections.wxc.calling.plugins.module_utils._location.service import LocationNotFound, resolve_location
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, read_back


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


class Current:
    """What was read of one announcement: its details with id and name (DETAILS, None when absent)."""

    def __init__(self, details=None):
        self.details = details

    @property
    def id(self):
        return self.details["id"] if self.details else None


def read(service, location_id, name):
    """The lookup at the level (LOCATION_ID None: the organisation's) and the details."""
    found = service.find(location_id, name)
    if not found:
        return Current()
    details = dict(service.details(location_id, found["id"]), id=found["id"])
    details.setdefault("name", found.get("name"))
    return Current(details)


def wanted(params):
    """What the announcement must be (the local file inspected), or None for state absent."""
    if params["state"] != "present":
        return None
    audio = audio_files.inspect(params["path"]) if params.get("path") else None
    return desired(params, audio)


def plan_for(params, current, location_id):
    """The plan for PARAMS against CURRENT (a Current), before and after in the module's view."""
    level = LOCATION if location_id else ORGANIZATION
    the_plan = plan(params["state"], wanted(params), current.details, force=params.get("force"))
    the_plan.before = view(the_plan.before, level, location_id)
    the_plan.after = view(the_plan.after, level, location_id)
    return the_plan


def check(service, location_id, params, the_plan, current):
    """What reads can refuse before any write: a delete of an announcement in use, a voice the service does not
    offer, a file that does not fit the repository."""
    if the_plan.action == "delete":
        users = in_use(current.details)
        if users:
            raise ResourceError(
                "announcement %r is in use and was not deleted; used by %s. Point them at another "
                "greeting first" % (current.details["name"], "; ".join(users))
            )
    elif the_plan.action in ("create", "update"):
        want = wanted(params)
        if want["isTextToSpeech"]:
            _check_voice(service, want)
        else:
            _check_room(service, location_id, want, current.details)


def predicted(the_plan, current, location_id):
    """What a check-mode run returns."""
    if the_plan.action == "nothing":
        return view(current.details, LOCATION if location_id else ORGANIZATION, location_id) or None
    if the_plan.action == "delete":
        return None
    return the_plan.after


def apply(service, location_id, params, the_plan, current):
    """Make the plan's write (upload or speech, or delete) and read it back; return (plan, announcement view)."""
    level = LOCATION if location_id else ORGANIZATION
    if the_plan.action == "nothing":
        return the_plan, predicted(the_plan, current, location_id)
    if the_plan.action == "delete":
        service.delete(location_id, current.id, current.details["name"])
        return the_plan, None
    want = wanted(params)
    file_uri = service.speak(want["text"], want["voice"], want["language"]) if want["isTextToSpeech"] else None
    body = _upload_body(params, want, file_uri)
    if the_plan.action == "create":
        announcement_id = service.create(location_id, body)
    else:
        announcement_id = current.id
        service.replace(location_id, announcement_id, body)
    return the_plan, view(_verify(service, location_id, announcement_id, want), level, location_id)


def converge(service, location_id, params, check_mode=False, diff=False, warn=None):  # pylint: disable=unused-argument
    """Bring the announcement to the state PARAMS describe; return (plan, announcement view or None).

    read() -> plan_for() -> check() -> predicted() in check mode, else apply(). LOCATION_ID: the location's id for a
    location-level announcement, None for the organisation level. DIFF is accepted for the shared signature (the plan
    always carries before/after). WARN(message) receives the warning for a file shorter than the 5 s minimum of
    Cisco's help article.
    """
    warn = warn or (lambda message: None)
    warning = short_file_warning(params)
    if warning:
        warn(warning)
    current = read(service, location_id, params["name"])
    the_plan = plan_for(params, current, location_id)
    check(service, location_id, params, the_plan, current)
    if check_mode:
        return the_plan, predicted(the_plan, current, location_id)
    return apply(service, location_id, params, the_plan, current)


def run(module, client):
    """The module's work (run_module calls it): resolve the location, converge."""
    params = module.params
    location_id = None
    if level_of(params) == LOCATION:
        try:
            location_id = resolve_location(client, params["location"])[0]
        except LocationNotFound as error:
            raise ResourceError("location: %s" % error) from None
    the_plan, announcement = converge(
        AnnouncementService(client),
        location_id,
        params,
        check_mode=module.check_mode,
        diff=module._diff,  # pylint: disable=protected-access
        warn=module.warn,
    )
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
