# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The auto_attendant role's variables as one webex_site declaration, built once in Python: the attendants (through
the standard-menu builder, every item judged by the module's own rulebook), their forwarding, the local greeting
files their menus play (checked here, before any API call), and the schedules.

Shared by the filters auto_attendant_site and auto_attendant_greeting_files.
"""

from __future__ import annotations

import os

from ansible.errors import AnsibleFilterError
from ansible.utils.vars import merge_hash

from ansible_collections.wxc.calling.plugins.module_utils.audio_files import AudioFileError
from ansible_collections.wxc.calling.plugins.module_utils.audio_files import inspect as inspect_audio
from ansible_collections.wxc.calling.plugins.plugin_utils.plain_data import plain
from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import (
    FORWARDING_FIELD,
    Context,
    auto_attendant_module_args,
    defaults_for,
    greeting_file_name,
    is_blank,
    resolve_menus,
)


def greeting_uploads(auto_attendants, defaults, built, base_dir=None):
    """The local greeting files the menus of AUTO_ATTENDANTS play, checked, one per location and file name.

    BUILT: auto_attendant_module_args() of the same list. Each upload: {name (the file name), path (absolute; a
    relative greeting_file is taken from BASE_DIR, else the working directory), location, org_id?}.
    """
    uploads = {}
    for index, (item, args) in enumerate(zip(auto_attendants or [], built)):
        if args["state"] == "absent":
            continue
        ctx = Context(index, item.get("name"))
        merged = merge_hash(defaults_for(defaults or {}, item), item, recursive=True, list_merge="replace")
        business, after = resolve_menus(ctx, merged)
        for menu_path, desc, raw_field in (
            ("business_hours", business, "business_hours_menu"),
            ("after_hours", after, "after_hours_menu"),
        ):
            if merged.get(raw_field) is not None or is_blank(desc.get("greeting_file")):
                continue
            where = menu_path + ".greeting_file"
            name = greeting_file_name(ctx, where, desc["greeting_file"])
            path = os.path.expanduser(desc["greeting_file"].strip())
            if not os.path.isabs(path):
                path = os.path.join(base_dir or os.getcwd(), path)
            path = os.path.normpath(path)
            try:
                inspect_audio(path)
            except AudioFileError as error:
                ctx.fail(where, str(error))
            key = (args.get("org_id"), args["location"], name)
            if key in uploads and uploads[key]["path"] != path:
                ctx.fail(
                    where,
                    "two different files are called %r in location %r: %s and %s"
                    % (name, args["location"], uploads[key]["path"], path),
                )
            upload = {"name": name, "path": path, "location": args["location"]}
            if args.get("org_id") is not None:
                upload["org_id"] = args["org_id"]
            uploads.setdefault(key, upload)
    return list(uploads.values())


def site_declaration(auto_attendants, defaults=None, state="present", schedules=None, base_dir=None):
    """The webex_site options {schedules, announcements, auto_attendants, forwarding} the role's variables declare."""
    # Read once into plain data (plain_data.plain): everything below works on these copies.
    auto_attendants, defaults, schedules = plain(auto_attendants), plain(defaults), plain(schedules)
    if schedules is None:
        schedules = []
    if not isinstance(schedules, list) or not all(isinstance(entry, dict) for entry in schedules):
        raise AnsibleFilterError("auto_attendant_schedules must be a list of webex_schedule options (dictionaries)")
    built = auto_attendant_module_args(auto_attendants, defaults, state)
    uploads = greeting_uploads(auto_attendants, defaults, built, base_dir)
    attendants, forwarding = [], []
    for args in built:
        args = dict(args)
        declared = args.pop(FORWARDING_FIELD, None)
        if declared is not None:
            entry = dict(declared, location=args["location"], auto_attendant=args["name"])
            if args.get("org_id") is not None:
                entry["org_id"] = args["org_id"]
            forwarding.append(entry)
        attendants.append(args)
    announcements = [dict(upload, level="location") for upload in uploads]
    return {
        "schedules": schedules,
        "announcements": announcements,
        "auto_attendants": attendants,
        "forwarding": forwarding,
    }
