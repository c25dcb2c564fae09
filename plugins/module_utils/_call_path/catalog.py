# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the tracer is given (pure): declared data as a catalog, and the look-ups both catalogs share.

DECLARED data is what a team keeps next to its site definition, in the options form of the collection's modules:

- ``auto_attendants``: webex_auto_attendant options (an export of webex_auto_attendant_info, or the role's
  auto_attendant_module_args; an item's ``forwarding`` holds its webex_auto_attendant_forwarding options);
- ``schedules``: webex_schedule options (location, type, name, events);
- ``forwarding``: webex_auto_attendant_forwarding options (location, auto_attendant, always, selective, rules), and
  ``operating_modes`` (enabled, modes: name, type, forward_to, same_hours_daily, different_hours_daily, holidays);
- ``locations``: name (as the other items name it), time_zone, and optionally routing_prefix (for ESNs);
- ``announcements``: webex_announcement options (name, path, text: a greeting's name, its file's name is the last
  part of path, and a text-to-speech text), or name and file_name.

A webex_site declaration is taken as it is (its other options are left aside), with ``locations`` added.

The module's catalog (converge.py) answers the same questions from what it reads, in the same shapes.
"""

from __future__ import annotations

import copy
import os

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils._announcement.compare import speech_file_name

DATA_KEYS = ("auto_attendants", "schedules", "forwarding", "locations", "announcements")
# The other options of a webex_site declaration: a declaration is taken as it is, and these say nothing of a call.
SITE_OPTIONS = ("purge", "purge_limit", "concurrency", "base_dir", "plan", "plan_max_age", "org_id")
SCHEDULE_KINDS = ("business_hours", "holidays")


class DataError(ValueError):
    """The declared data has a problem; the message names where (data.auto_attendants[2].name)."""


def _text(value):
    return None if value is None else str(value)


def _present(item):
    return _text(item.get("state") or "present") != "absent"


def dialled(value):
    """(kind, value) of a number that reaches no attendant: ("number", E.164) for a number (a NANP number read back
    without its +, as forwarding rules are, included), ("extension", digits) for an extension or an ESN."""
    text = numbers.compact(value)
    if text.startswith("+") or numbers.NANP_NATIONAL.match(text):
        return "number", numbers.canonical(text)
    return "extension", text


class Directory:
    """Attendant records by (location, name), by number and by extension: the look-ups of both catalogs.

    A record: {"name", "location", "options", "esn" (when known)}; numbers are compared in numbers.canonical() form.
    """

    def __init__(self):
        self.records = {}

    def add(self, record):
        self.records[(record["location"], record["name"])] = record

    def attendant(self, location, name):
        return self.records.get((_text(location), _text(name)))

    def _numbers(self, record):
        options = record["options"]
        found = [options.get("phone_number")]
        found += [
            entry.get("phone_number") for entry in options.get("alternate_numbers") or [] if isinstance(entry, dict)
        ]
        return [numbers.canonical(number) for number in found if number]

    def by_number(self, value, location):
        """(record or None, problem or None): the attendant VALUE reaches when dialled from LOCATION.

        An extension of LOCATION, an ESN (routing prefix + extension), or a number (primary or alternate) anywhere.
        """
        text = numbers.compact(value)
        if location is not None and numbers.is_extension(text):
            here = [
                record
                for record in self.records.values()
                if record["location"] == _text(location) and _text(record["options"].get("extension")) == text
            ]
            if here:
                return here[0], None
        matches = [record for record in self.records.values() if record.get("esn") and record["esn"] == text]
        if not matches and (text.startswith("+") or numbers.NANP_NATIONAL.match(text)):
            wanted = numbers.canonical(text)
            matches = [record for record in self.records.values() if wanted in self._numbers(record)]
        if len(matches) > 1:
            return None, "%s belongs to %d auto attendants (%s)" % (
                value,
                len(matches),
                ", ".join("%r in %s" % (record["name"], record["location"]) for record in matches),
            )
        return (matches[0] if matches else None), None

    def by_extension_anywhere(self, extension):
        return [
            record
            for record in self.records.values()
            if _text(record["options"].get("extension")) == numbers.compact(extension)
        ]

    def entry(self, number, location):
        """How NUMBER, dialled from outside (or from LOCATION), reaches an attendant: the tracer's entry dict."""
        record, problem = self.by_number(number, location)
        if problem:
            return {
                "record": None,
                "text": "Dialled %s: %s" % (number, problem),
                "destination": {"type": "unresolved", "reason": problem},
            }
        if record is None and location is None and numbers.is_extension(numbers.compact(number)):
            found = self.by_extension_anywhere(number)
            if len(found) > 1:
                reason = "extension %s belongs to auto attendants in %d locations (%s): give the location" % (
                    number,
                    len(found),
                    ", ".join(sorted(record["location"] for record in found)),
                )
                return {
                    "record": None,
                    "text": "Dialled %s: %s" % (number, reason),
                    "destination": {"type": "unresolved", "reason": reason},
                }
            record = found[0] if found else None
        if record is None:
            reason = "no auto attendant has %s" % number
            return {
                "record": None,
                "text": "Dialled %s: %s, the call goes there directly" % (number, reason),
                "destination": dict(zip(("type", "value"), dialled(number)), reason=reason),
            }
        return {
            "record": record,
            "text": "Dialled %s: auto attendant %r (%s)" % (number, record["name"], record["location"]),
        }


def describe_audio(audio, announcements=()):
    """What is known of an audio file (options form): file_name, name, level, and from ANNOUNCEMENTS name and text."""
    if not isinstance(audio, dict):
        return None
    described = {
        "name": _text(audio.get("name")),
        "file_name": _text(audio.get("file_name")),
        "level": _text(audio.get("level")),
    }
    for item in announcements:
        same_name = described["name"] and _text(item.get("name")) == described["name"]
        same_file = described["file_name"] and _text(item.get("file_name")) == described["file_name"]
        if same_name or same_file:
            described["name"] = described["name"] or _text(item.get("name"))
            described["file_name"] = described["file_name"] or _text(item.get("file_name"))
            described["text"] = _text(item.get("text"))
            break
    return {key: value for key, value in described.items() if value}


def _file_name(announcement):
    """The file name webex_announcement stores a greeting under: its path's last part, or for text-to-speech its
    name made file-name safe."""
    if announcement.get("path"):
        return os.path.basename(_text(announcement["path"]))
    if announcement.get("text") and announcement.get("name"):
        return speech_file_name(_text(announcement["name"]))
    return None


class DeclaredCatalog:
    """The tracer's catalog over DECLARED data (see the module docstring); DataError names what is wrong with it."""

    def __init__(self, data):
        if not isinstance(data, dict):
            raise DataError("data: must be a dictionary with %s, got %s" % (", ".join(DATA_KEYS), type(data).__name__))
        unknown = sorted(set(data) - set(DATA_KEYS) - set(SITE_OPTIONS))
        if unknown:
            raise DataError("data: unknown key(s) %s (known: %s)" % (", ".join(unknown), ", ".join(DATA_KEYS)))
        self.directory = Directory()
        self._forwarding = {}
        self._schedules = {}
        self._locations = {}
        self._announcements = []
        for index, item in enumerate(self._items(data, "locations")):
            self._locations[self._name(item, "data.locations[%d]" % index, "name")] = item
        for index, item in enumerate(self._items(data, "auto_attendants")):
            self._add_attendant(index, item)
        for index, item in enumerate(self._items(data, "forwarding")):
            where = "data.forwarding[%d]" % index
            key = (self._name(item, where, "location"), self._name(item, where, "auto_attendant"))
            self._add_forwarding(where, key, item)
        for index, item in enumerate(self._items(data, "schedules")):
            where = "data.schedules[%d]" % index
            if not _present(item):
                continue
            kind = _text(item.get("type"))
            if kind not in SCHEDULE_KINDS:
                raise DataError("%s.type: must be one of %s, got %r" % (where, ", ".join(SCHEDULE_KINDS), kind))
            events = item.get("events") or []
            if not isinstance(events, list) or not all(isinstance(event, dict) for event in events):
                raise DataError("%s.events: must be a list of events" % where)
            self._schedules[(self._name(item, where, "location"), kind, self._name(item, where, "name"))] = events
        self._announcements = [
            dict(item, file_name=item.get("file_name") or _file_name(item))
            for item in self._items(data, "announcements")
            if _present(item)
        ]

    @staticmethod
    def _items(data, key):
        items = data.get(key)
        if items is None:
            return []
        if not isinstance(items, list):
            raise DataError("data.%s: must be a list, got %s" % (key, type(items).__name__))
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raise DataError("data.%s[%d]: must be a dictionary, got %s" % (key, index, type(item).__name__))
        return items

    @staticmethod
    def _name(item, where, field):
        value = item.get(field)
        if isinstance(value, bool) or not isinstance(value, (str, int)) or not str(value).strip():
            raise DataError("%s.%s: is missing" % (where, field))
        return str(value)

    def _add_attendant(self, index, item):
        where = "data.auto_attendants[%d]" % index
        location, name = self._name(item, where, "location"), self._name(item, where, "name")
        if not _present(item):
            return
        if self.directory.attendant(location, name) is not None:
            raise DataError("%s: auto attendant %r of location %s is listed twice" % (where, name, location))
        options = copy.deepcopy(item)
        forwarding = options.pop("forwarding", None)
        record = {"name": name, "location": location, "options": options}
        prefix = _text((self._locations.get(location) or {}).get("routing_prefix"))
        if prefix and options.get("extension"):
            record["esn"] = prefix + _text(options["extension"])
        self.directory.add(record)
        if forwarding:
            self._add_forwarding(where + ".forwarding", (location, name), forwarding)

    def _add_forwarding(self, where, key, item):
        if not isinstance(item, dict):
            raise DataError("%s: must be a dictionary" % where)
        if key in self._forwarding:
            raise DataError("%s: the forwarding of auto attendant %r (%s) is given twice" % (where, key[1], key[0]))
        rules = item.get("rules") or []
        if not isinstance(rules, list) or not all(isinstance(rule, dict) and rule.get("name") for rule in rules):
            raise DataError("%s.rules: must be a list of rules, each with a name" % where)
        forwarding = copy.deepcopy(item)
        forwarding["rules"] = [dict(rule, name=rule.get("new_name") or rule["name"]) for rule in rules]
        self._forwarding[key] = forwarding

    # -- the catalog ------------------------------------------------------------------------------------------------

    def attendant(self, location, name):
        return self.directory.attendant(location, name)

    def attendant_by_number(self, value, location):
        return self.directory.by_number(value, location)

    def entry(self, number, location):
        return self.directory.entry(number, location)

    def forwarding(self, record):
        return self._forwarding.get((record["location"], record["name"])) or {}

    def schedule(self, location, kind, name):
        return self._schedules.get((_text(location), kind, _text(name)))

    def time_zone(self, location):
        return _text((self._locations.get(_text(location)) or {}).get("time_zone"))

    def audio(self, record, audio):  # pylint: disable=unused-argument
        return describe_audio(audio, self._announcements)
