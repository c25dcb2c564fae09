# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The schedule endpoints (the only code that knows their paths), with identity = (location, type, exact name).

A rename is one schedule PUT whose answer carries the new id; each event has its own POST, PUT and DELETE.
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import differences
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import TYPE_OPTIONS
from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    ResourceError,
    api_path,
    create_once,
    delete,
    delete_confirmed,
    find_one,
    read_back,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError


class ScheduleError(ResourceError):
    """A problem found while converging that is not an HTTP error (duplicates, a schedule still in use)."""


def schedules_path(location_id):
    return api_path("/telephony/config/locations/%s/schedules", location_id)


def schedule_path(location_id, schedule_type, schedule_id):
    return api_path("/telephony/config/locations/%s/schedules/%s/%s", location_id, schedule_type, schedule_id)


def event_path(location_id, schedule_type, schedule_id, event_id=None):
    path = schedule_path(location_id, schedule_type, schedule_id) + "/events"
    return path + api_path("/%s", event_id) if event_id else path


class ScheduleService:
    """The schedule endpoints, with identity = (location, type, exact name)."""

    def __init__(self, client):
        self.client = client

    def list(self, location_id, schedule_type=None):
        """The list items of the location's schedules (every page), of SCHEDULE_TYPE when given."""
        params = {"type": schedule_type} if schedule_type else None
        return self.client.get_all(schedules_path(location_id), "schedules", params=params)

    def find(self, location_id, schedule_type, name):
        """The list item of the schedule of that type called exactly NAME, or None (the name filter only "contains")."""
        return find_one(
            self.client,
            schedules_path(location_id),
            "schedules",
            {"type": schedule_type, "name": name},
            lambda item: item.get("name") == name and item.get("type", schedule_type) == schedule_type,
            what="%s schedules" % TYPE_OPTIONS.get(schedule_type, schedule_type),
            name=name,
        )

    def details(self, location_id, schedule_type, schedule_id):
        return self.client.get(schedule_path(location_id, schedule_type, schedule_id))

    def create(self, location_id, body):
        """POST the schedule and return its id (never twice: see resource.create_once)."""
        return create_once(
            self.client, schedules_path(location_id), body, lambda: self.find(location_id, body["type"], body["name"])
        )

    def rename(self, location_id, schedule_type, schedule_id, new_name):
        """PUT the new name (events left out: left alone) and return the schedule's NEW id from the answer."""
        try:
            answer = self.client.put(schedule_path(location_id, schedule_type, schedule_id), json={"name": new_name})
        except WebexApiError as error:
            # The client replays a PUT whose answer was lost; a rename changes the id, so a replay that went to the
            # old id answers 404 although the first PUT was applied: the new name decides.
            if error.status != 404:
                raise
            answer = {}
        if answer.get("id"):
            return answer["id"]
        # No id in the answer: the old one is stale after a rename, so find the schedule by its new name.
        found = self.find(location_id, schedule_type, new_name)
        if not found:
            raise ScheduleError("schedule renamed to %r but not found under that name" % new_name, changed=True)
        return found["id"]

    def delete(self, location_id, schedule_type, schedule_id, name=None):
        """DELETE the schedule and read it back (resource.delete_confirmed: still there raises DeleteNotApplied)."""
        delete_confirmed(
            self.client,
            "%s schedule %r" % (TYPE_OPTIONS.get(schedule_type, schedule_type), name or schedule_id),
            schedule_path(location_id, schedule_type, schedule_id),
        )

    def create_event(self, location_id, schedule_type, schedule_id, body):
        """POST the event and return its id (never twice: after an ambiguous failure the event is looked up by name)."""

        def lookup():
            events = self.details(location_id, schedule_type, schedule_id).get("events") or []
            return next((event for event in events if event.get("name") == body["name"]), None)

        return create_once(self.client, event_path(location_id, schedule_type, schedule_id), body, lookup)

    def update_event(self, location_id, schedule_type, schedule_id, event_id, body):
        answer = self.client.put(event_path(location_id, schedule_type, schedule_id, event_id), json=body)
        return answer.get("id") or event_id

    def delete_event(self, location_id, schedule_type, schedule_id, event_id):
        delete(self.client, event_path(location_id, schedule_type, schedule_id, event_id))

    def read_back(self, location_id, schedule_type, schedule_id, desired):
        """The details after a write, raising WriteNotApplied when they do not show DESIRED."""
        return read_back(
            self.client,
            "%s schedule %r" % (TYPE_OPTIONS[schedule_type], desired["name"]),
            lambda: self.details(location_id, schedule_type, schedule_id),
            lambda stored: differences(desired, stored),
        )
