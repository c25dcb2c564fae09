# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""webex_call_path's run(): read what a call meets through the resource services, and trace it (reads only).

options -> validate_options() -> for each call: the catalog reads, as the tracer asks, through the services of the
resources (the organisation's attendant list once, then per attendant reached: details, call forwarding and its
rules, operating modes, the schedules named, the location's time zone, the greetings' announcements; each once) ->
trace.trace() -> compare.mismatches() against expect -> calls, and a failure naming each call whose trace differs.

The catalog answers in the shapes of catalog.DeclaredCatalog (webex_auto_attendant, webex_schedule and
webex_auto_attendant_forwarding options), so the filter call_path, given the same data, traces the same path.
"""

from __future__ import annotations

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.wxc.calling.plugins.module_utils._announcement.service import AnnouncementService
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import options_from_details
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._call_path.catalog import (
    Directory,
    describe_audio,
    dialled,
)
from ansible_collections.wxc.calling.plugins.module_utils._call_path.compare import trace_calls
from ansible_collections.wxc.calling.plugins.module_utils._call_path.options import calls_from_params
from ansible_collections.wxc.calling.plugins.module_utils._call_path.service import CallRoutingService
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.export import rule_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.options import AUTO_ATTENDANTS
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.service import ForwardingService
from ansible_collections.wxc.calling.plugins.module_utils._location.service import (
    is_location_id,
    location_time_zone,
    resolve_location,
)
from ansible_collections.wxc.calling.plugins.module_utils._operating_mode.service import OperatingModeService
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

SCHEDULE_TYPES = {"business_hours": "businessHours", "holidays": "holidays"}
REPOSITORY_LEVELS = ("ORGANIZATION", "LOCATION")
# What an operating mode's details add to the mode as the feature's forwarding lists it: its schedule.
MODE_SCHEDULE_FIELDS = ("type", "sameHoursDaily", "differentHoursDaily", "holidays")


def _snake(value):
    return camel_dict_to_snake_dict(value) if isinstance(value, dict) else {}


class ServiceCatalog:
    """The tracer's catalog over the organisation, read through the resource services, each object once.

    Locations are named as the attendant list names them (an id where two locations share a name). ORIGINATOR
    ({id, type, number}), when given, makes a dialled number enter through Test Call Routing.
    """

    def __init__(self, client, originator=None):
        self.client = client
        self.originator = originator
        self.attendants = AutoAttendantService(client)
        self._items = None
        self._by_id = {}
        self._location_ids = {}  # location as the catalog names it -> id
        self._location_names = {}  # id -> how the catalog names it
        self._full = {}
        self._cache = {}
        self.directory = Directory()

    # -- the organisation's attendants ----------------------------------------------------------------------------

    def _load(self):
        if self._items is not None:
            return
        self._items = self.attendants.list()
        names = {}
        for item in self._items:
            names.setdefault(item.get("locationName"), set()).add(item["locationId"])
        for item in self._items:
            shared = len(names.get(item.get("locationName"), ())) > 1
            display = item["locationId"] if shared or not item.get("locationName") else item["locationName"]
            self._location_ids[display] = item["locationId"]
            self._location_names[item["locationId"]] = display
            self._by_id[item["id"]] = item
            record = {
                "name": item["name"],
                "location": display,
                "options": {"phone_number": item.get("phoneNumber"), "extension": item.get("extension")},
                "esn": item.get("esn"),
                "id": item["id"],
            }
            self.directory.add(record)

    def location_key(self, location):
        """LOCATION (an id or an exact name) as the catalog names it; LocationNotFound for a name no location has."""
        if location is None:
            return None
        self._load()
        if location in self._location_ids:
            return location
        if location in self._location_names:
            return self._location_names[location]
        location_id, name = resolve_location(self.client, location)
        return self._location_names.get(location_id) or name or location_id

    def _location_id(self, location):
        if location in self._location_ids:
            return self._location_ids[location]
        if is_location_id(location):
            return location
        return resolve_location(self.client, location)[0]

    def _full_record(self, light):
        """The record of the attendant LIGHT (from the list) with its details as webex_auto_attendant options."""
        if light is None:
            return None
        if light["id"] not in self._full:
            item = self._by_id[light["id"]]
            details = self.attendants.details(item["locationId"], item["id"])
            record = dict(
                light, options=options_from_details(details, light["location"]), location_id=item["locationId"]
            )
            self.directory.add(record)  # its alternate numbers are known from now on
            self._full[light["id"]] = record
        return self._full[light["id"]]

    # -- the catalog ------------------------------------------------------------------------------------------------

    def attendant(self, location, name):
        self._load()
        return self._full_record(self.directory.attendant(self.location_key(location), name))

    def attendant_by_number(self, value, location):
        self._load()
        light, problem = self.directory.by_number(value, location)
        return self._full_record(light), problem

    def entry(self, number, location):
        self._load()
        if self.originator:
            return self._routed_entry(number)
        entry = self.directory.entry(number, self.location_key(location))
        if entry.get("record") is not None:
            entry["record"] = self._full_record(entry["record"])
        return entry

    def _routed_entry(self, number):
        """Where Test Call Routing says NUMBER lands, as the tracer's entry dict."""
        answer = CallRoutingService(self.client).test_call_routing(self.originator, number)
        kind = answer.get("destinationType")
        routing = {"destination_type": kind, "routing_address": answer.get("routingAddress")}
        feature = answer.get("hostedFeature") or {}
        if answer.get("isRejected"):
            reason = "Test Call Routing says the call is rejected"
            return {
                "record": None,
                "text": "Dialled %s: %s" % (number, reason),
                "routing": routing,
                "destination": {"type": "unresolved", "reason": reason},
            }
        if kind == "HOSTED_FEATURE" and feature.get("type") == "AUTO_ATTENDANT":
            light = next(
                (record for record in self.directory.records.values() if record["id"] == feature.get("id")), None
            )
            if light is not None:
                record = self._full_record(light)
                return {
                    "record": record,
                    "routing": routing,
                    "text": "Dialled %s: Test Call Routing routes it to auto attendant %r (%s)"
                    % (number, record["name"], record["location"]),
                }
        if kind in ("UNKNOWN_NUMBER", "UNKNOWN_EXTENSION"):
            reason = "Test Call Routing does not know %s (%s)" % (number, kind)
            return {
                "record": None,
                "text": "Dialled %s: %s" % (number, reason),
                "routing": routing,
                "destination": {"type": "unresolved", "reason": reason},
            }
        where = kind or "an unknown destination"
        if feature:
            where = "%s %r (%s)" % (feature.get("type"), feature.get("name"), feature.get("locationName"))
        elif answer.get("hostedAgent"):
            agent = answer["hostedAgent"]
            where = "%s %s %s" % (agent.get("type"), agent.get("firstName") or "", agent.get("lastName") or "")
        reason = "Test Call Routing routes it to %s" % " ".join(where.split())
        return {
            "record": None,
            "text": "Dialled %s: %s" % (number, reason),
            "routing": routing,
            "destination": dict(zip(("type", "value"), dialled(number)), reason=reason),
        }

    def _cached(self, key, read):
        if key not in self._cache:
            self._cache[key] = read()
        return self._cache[key]

    def forwarding(self, record):
        return self._cached(("forwarding", record["id"]), lambda: self._read_forwarding(record))

    def _read_forwarding(self, record):
        settings, rules = ForwardingService(self.client, AUTO_ATTENDANTS).read(record["location_id"], record["id"])
        result = {
            "always": _snake(settings.get("always")),
            "selective": _snake(settings.get("selective")),
            "rules": [rule_options(details) for details in rules],
        }
        modes = settings.get("operatingModes") or {}
        if modes.get("enabled") and modes.get("modes"):
            result["operating_modes"] = self._read_modes(modes)
        return result

    def _read_modes(self, modes):
        """The feature's operating modes in snake_case, each with the schedule of its details."""
        service = OperatingModeService(self.client)
        read = []
        for mode in modes["modes"]:
            details = self._cached(("mode", mode["id"]), lambda mode_id=mode["id"]: service.details(mode_id))
            schedule = {field: details[field] for field in MODE_SCHEDULE_FIELDS if details.get(field) is not None}
            read.append(dict(_snake(mode), **_snake(schedule)))
        result = {"enabled": True, "modes": read}
        if modes.get("exceptionType"):
            result["exception_type"] = modes["exceptionType"]
        return result

    def schedule(self, location, kind, name):
        return self._cached(("schedule", location, kind, name), lambda: self._read_schedule(location, kind, name))

    def _read_schedule(self, location, kind, name):
        service = ScheduleService(self.client)
        location_id = self._location_id(location)
        found = service.find(location_id, SCHEDULE_TYPES[kind], name)
        if found is None:
            return None
        return service.details(location_id, SCHEDULE_TYPES[kind], found["id"]).get("events") or []

    def time_zone(self, location):
        return self._cached(
            ("time_zone", location), lambda: location_time_zone(self.client, self._location_id(location))
        )

    def audio(self, record, audio):
        if not isinstance(audio, dict):
            return None
        found = []
        if audio.get("id") and audio.get("level") in REPOSITORY_LEVELS:
            location_id = record["location_id"] if audio["level"] == "LOCATION" else None
            details = self._cached(("audio", audio["id"]), lambda: self._announcement(location_id, audio["id"]))
            if details:
                found.append(
                    {"name": details.get("name"), "file_name": audio.get("file_name"), "text": details.get("text")}
                )
        return describe_audio(audio, found)

    def _announcement(self, location_id, announcement_id):
        try:
            return AnnouncementService(self.client).details(location_id, announcement_id)
        except WebexApiError as error:
            if error.status != 404:
                raise
            return None


def run(module, client):
    """The module's work (run_module calls it): trace the calls; fail naming every call whose trace differs."""
    params = module.params
    catalog = ServiceCatalog(client, originator=params.get("originator"))
    calls = calls_from_params(params)
    for call in calls:
        catalog.location_key(call.get("location"))  # a location no one has fails here, before any trace
    results, failures = trace_calls(catalog, calls, fail_fast=params["fail_fast"])
    result = dict(changed=False, calls=results, failures=failures)
    if failures:
        module.fail_json(
            msg="%d of %d call%s differ%s from expect: %s"
            % (
                len(failures),
                len(calls),
                "" if len(calls) == 1 else "s",
                "s" if len(failures) == 1 else "",
                " | ".join(failures),
            ),
            **result,
        )
    return result
