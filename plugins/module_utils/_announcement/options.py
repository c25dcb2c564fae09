# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Announcement options: the module's argument_spec and what it cannot express (the local file is checked here too)."""

from __future__ import annotations

import re

from ansible.module_utils.common.text.converters import to_native

from ansible_collections.wxc.calling.plugins.module_utils import audio_files, resource
from ansible_collections.wxc.calling.plugins.module_utils.resource import name_problem

ORGANIZATION, LOCATION = "ORGANIZATION", "LOCATION"

LEVEL_CHOICES = ["organization", "location", ORGANIZATION, LOCATION]

NAME_MAX_LENGTH = 256  # the repository's announcement name limit (Cisco's Webex Calling API reference)

DEFAULT_LANGUAGE = "en_us"

LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}_[a-z]{2,4}\Z")


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


def check_options(options):
    """Why webex_announcement would refuse OPTIONS (argument_spec, then validate_options); [] when it accepts them."""
    return resource.check_options(argument_spec(), validate_options, options)
