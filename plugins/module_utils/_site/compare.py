# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a site will be after the run, pure: the pieces the plan of each object is made against.

Check mode is the plan, so an object is planned against the state the run leaves its targets in, not the state before:
- Directory: the numbers that reach each auto attendant after the run (a new one's extension, a changed extension,
  the ESN that follows it), so that a referrer is planned with the number it will need;
- Planned: the schedules and greetings that exist after the run, so that a pre-flight does not call missing what the
  same run creates;
- renamed(): an attendant that uses a schedule renamed in the run uses it under its new name afterwards.
"""

from __future__ import annotations

import copy

from ansible_collections.wxc.calling.plugins.module_utils._announcement.options import LOCATION, level_of
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._site.options import NOUNS, item_label


class Directory:
    """The list items (camelCase: id, name, locationId, locationName, extension, phoneNumber, esn) of the attendants
    of the managed locations as they will be after the run; lookup(name) answers references.resolve().

    LIVE(name) is asked for the attendants called NAME elsewhere in the organisation, once per name, and only for a
    name that a reference looks for outside the managed locations.
    """

    def __init__(self, live=None):
        self._items = {}  # (org, location id, name) -> item
        self._managed = []  # (location id, location name)
        self._live = live
        self._asked = {}

    def manage(self, location_id, location_name):
        self._managed.append((location_id, location_name))

    def put(self, org, item):
        self._items[(org, item.get("locationId"), item.get("name"))] = item

    def drop(self, org, location_id, name):
        self._items.pop((org, location_id, name), None)

    def get(self, org, location_id, name):
        return self._items.get((org, location_id, name))

    def is_managed(self, location):
        """Whether LOCATION (an id or an exact name, as a reference writes it) is a managed location."""
        return any(location in (location_id, location_name) for location_id, location_name in self._managed)

    def lookup(self, org, targets_elsewhere):
        """A LOOKUP(name) for references.resolve(): the managed attendants of ORG called NAME, and when NAME is in
        TARGETS_ELSEWHERE (names referred to in unmanaged locations) the live list items of the others."""

        def find(name):
            found = [
                item
                for (item_org, _location, item_name), item in self._items.items()
                if item_org == org and item_name == name
            ]
            if name in targets_elsewhere and self._live is not None:
                if (org, name) not in self._asked:
                    self._asked[(org, name)] = self._live(org, name)
                found += [item for item in self._asked[(org, name)] if not self._is_managed_item(item)]
            return found

        return find

    def _is_managed_item(self, item):
        return any(item.get("locationId") == location_id for location_id, _name in self._managed)


def targets_elsewhere(params, own_location, directory):
    """The names PARAMS refers to in locations the directory does not manage."""
    return {name for location, name in references.targets(params, own_location) if not directory.is_managed(location)}


def after_run(item, params, routing_prefix):
    """An attendant's list ITEM (None for a new one) as the run leaves it, given its options PARAMS.

    ROUTING_PREFIX() gives the location's routing prefix, asked only when the extension is new or changes.
    """
    result = dict(item or {}, name=params["name"])
    for option, field in (("extension", "extension"), ("phone_number", "phoneNumber")):
        if params.get(option) is not None:
            result[field] = params[option]
    if result.get("extension") and (not item or item.get("extension") != result["extension"] or not item.get("esn")):
        prefix = routing_prefix()
        result["esn"] = (prefix + result["extension"]) if prefix else None
    elif not result.get("extension"):
        result.pop("esn", None)
    return result


def dialled_numbers_change(item, after):
    """Whether a transfer to the attendant dials anything new after the run (new, or another extension or number)."""
    if item is None:
        return True
    return any(item.get(field) != after.get(field) for field in ("extension", "phoneNumber", "esn"))


class Planned:
    """What exists after the run, for the pre-flights: schedules by (location id, type, name), repository files by
    (location id or None for the organisation, file name)."""

    def __init__(self):
        self.schedules = set()
        self.files = set()

    def has_schedule(self, location_id, schedule_type, name):
        return (location_id, schedule_type, name) in self.schedules

    def has_audio_file(self, location_id, audio):
        level = audio.get("level")
        if level == "ORGANIZATION":
            return (None, audio.get("file_name")) in self.files
        if level == "LOCATION":
            return (location_id, audio.get("file_name")) in self.files
        return False  # an attendant's own file: only its own listing knows


def renamed(details, renames):
    """Attendant DETAILS with the schedules renamed in the run under their new names (as the service shows them
    after a rename). RENAMES: {(schedule type, old name): new name}."""
    if not details or not renames:
        return details
    result = copy.deepcopy(details)
    for field, schedule_type in (("businessSchedule", "businessHours"), ("holidaySchedule", "holidays")):
        new = renames.get((schedule_type, result.get(field)))
        if new:
            result[field] = new
    return result


def jinja_safe_summary(entries, kinds):
    """Counts per kind and in total of what the run does: created, updated, deleted, unchanged, failed, skipped.

    Keys that are no dict method's name (a Jinja template reading summary.update gets the method, not a count).
    """
    words = {"create": "created", "update": "updated", "delete": "deleted", "nothing": "unchanged"}
    empty = dict.fromkeys(("created", "updated", "deleted", "unchanged", "failed", "skipped"), 0)
    summary = {kind: dict(empty) for kind in kinds}
    summary["total"] = dict(empty)
    for entry in entries:
        word = "failed" if entry.get("failed") else "skipped" if entry.get("skipped") else words[entry["action"]]
        summary[entry["kind"]][word] += 1
        summary["total"][word] += 1
    return summary


class Obj:
    """One object of the site: a declared item, or an undeclared one the purge deletes."""

    def __init__(self, kind, index, params, org_spelled, purged=False):
        self.kind = kind
        self.index = index
        self.params = params
        self.org_spelled = org_spelled
        self.purged = purged
        self.org = None
        self.client = None
        self.location_id = None
        self.location_name = None
        self.key = None
        self.current = None
        self.plan = None
        self.error = None
        self.item = None  # an attendant's list item (None: it does not exist yet)
        self.as_read = None  # an attendant's details as read, before the run's schedule renames are applied to them
        self.resolved = params  # an attendant's options with its references resolved (numbers after the run)
        self.after = None  # an attendant's list item as the run leaves it
        self.greetings = []  # (level location, name) of the greetings an attendant's menus name
        self.refs = {}  # an attendant's reference targets as written -> the key of the declared target
        self.steps = []  # (number in the order, graph.Step)
        self.skipped = None
        self.written = False
        self.written_plan = None
        self.result = None

    @property
    def name(self):
        return self.params["auto_attendant"] if self.kind == "forwarding" else self.params["name"]

    @property
    def label(self):
        if self.purged:
            return "purged %s %r" % (NOUNS[self.kind], self.name)
        return item_label(self.kind, self.index, self.params)

    @property
    def present(self):
        return self.params.get("state", "present") == "present"

    @property
    def level_location(self):
        """Where the object lives: its location id, or None for an organisation-level greeting."""
        if self.kind == "announcements" and level_of(self.params) != LOCATION:
            return None
        return self.location_id
