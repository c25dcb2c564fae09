# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""References by name, resolved before any compare or write: attendants named in keys and call treatments become the
numbers that reach them (references.py), audio files given by announcement name become the files the repository
stores (asked of the announcement service)."""

from __future__ import annotations

import copy

from ansible_collections.wxc.calling.plugins.module_utils import menus
from ansible_collections.wxc.calling.plugins.module_utils._announcement.service import AnnouncementLookups
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import LIST_PAGE_SIZE
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError


def resolve_references(
    service, location_id, params, check_mode=False, declared=(), warn=None, announcement_lookups=None
):
    """PARAMS with every reference by name resolved, before any compare or write; no request without one.

    Attendants named in keys and call treatments become numbers (see references.resolve): one list lookup
    (organisation-wide, exact name) per distinct target name. Audio files given by announcement name become the file
    the service stores (see resolve_announcement_names): one repository lookup per distinct (level, name), shared
    through ANNOUNCEMENT_LOOKUPS (an AnnouncementLookups) by the callers that resolve many attendants in one task.
    """
    if params.get("state", "present") != "present":
        return params
    params = references.resolve(
        params,
        params["location"],
        lambda name: service.list(name=name, page_size=LIST_PAGE_SIZE),
        check_mode=check_mode,
        declared=declared,
        warn=warn,
        own_location_id=location_id,
    )
    if not audio_names(params):
        return params
    lookups = announcement_lookups or AnnouncementLookups()
    return resolve_announcement_names(
        lambda level, name: lookups.find(service.client, location_id if level == "LOCATION" else None, name),
        params,
        check_mode=check_mode,
        warn=warn,
    )


def audio_names(params):
    """(option path, holder) of every audio file of PARAMS (options form) given by its announcement name."""
    found = []
    for place in menus.places(params):
        audio = place.holder.get("audio_announcement_file")
        if isinstance(audio, dict) and audio.get("name") is not None:
            found.append(("%s.audio_announcement_file" % place.path, place.holder))
    return found


def resolve_announcement_names(lookup, params, check_mode=False, warn=None):
    """PARAMS with every audio file given by announcement name replaced by the file as the service stores it.

    LOOKUP(level, name) returns the repository's list item called exactly NAME at LEVEL (ORGANIZATION, or LOCATION:
    the attendant's location), or None; it is called once per distinct (level, name), and not at all without such a
    file. The file becomes id, file_name, media_file_type and level, so the comparison goes by id and a re-run writes
    nothing. A missing announcement raises UnresolvedReference naming every such option and name, before any write; in
    CHECK_MODE it is a WARN(message) instead (the same run may upload it first), and the file gets a stand-in id so
    that the plan reports the change.
    """
    result = copy.deepcopy(params)
    found, missing = {}, []
    for where, holder in audio_names(result):
        audio = holder["audio_announcement_file"]
        wanted = (audio["level"], audio["name"])
        if wanted not in found:
            try:
                found[wanted] = lookup(*wanted)
            except ResourceError as error:  # two announcements with that name: the message lists their ids
                raise references.UnresolvedReference("%s: %s" % (where, error)) from None
        item = found[wanted]
        if item is None:
            problem = "%s: no %s announcement named %r" % (where, wanted[0].lower(), wanted[1])
            if not check_mode:
                missing.append(problem)
            elif warn:
                warn("%s; the real run fails unless it is created first" % problem)
            holder["audio_announcement_file"] = {"id": "<announcement %s>" % wanted[1], "level": wanted[0]}
            continue
        holder["audio_announcement_file"] = {
            "id": item["id"],
            "file_name": item.get("fileName"),
            "media_file_type": item.get("mediaFileType"),
            "level": item.get("level") or wanted[0],
        }
    if missing:
        raise references.UnresolvedReference("%s (nothing was written)" % "; ".join(missing))
    return result
