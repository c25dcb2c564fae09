# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The auto attendant endpoints (the only code that knows their paths), with identity = (location, exact name)."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.compare import differences, writable
from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    ResourceError,
    api_path,
    create_once,
    delete_confirmed,
    find_exact,
    find_one,
    read_back,
    without_none,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError


class AutoAttendantError(ResourceError):
    """A problem found while converging that is not an HTTP error (missing create options, pre-flight problems)."""


LIST_PATH = "/telephony/config/autoAttendants"

# Page size asked of the name-filtered list: names that merely contain the wanted one all come back in one page (the
# service may cap it lower; every next page is still followed), instead of one call per 100 of them.
LIST_PAGE_SIZE = 1000
# The attendant field that names a schedule of each type.
SCHEDULE_FIELDS = {"businessHours": "businessSchedule", "holidays": "holidaySchedule"}


def item_path(location_id, auto_attendant_id=None):
    """The path of the location's attendants, or of one of them."""
    if auto_attendant_id is None:
        return api_path("/telephony/config/locations/%s/autoAttendants", location_id)
    return api_path("/telephony/config/locations/%s/autoAttendants/%s", location_id, auto_attendant_id)


class AutoAttendantService:
    """The auto attendant endpoints, with identity = (location, exact name)."""

    def __init__(self, client):
        self.client = client

    def list(self, location_id=None, name=None, page_size=None):
        """The list items of the organisation or of LOCATION_ID (every page), called exactly NAME when given.

        The list's name filter matches any name that contains it, in any case: the exact match is made here.
        """
        params = without_none({"locationId": location_id, "name": name, "max": page_size})
        return find_exact(
            self.client,
            LIST_PATH,
            "autoAttendants",
            params,
            lambda item: (
                (name is None or item.get("name") == name)
                and (location_id is None or item.get("locationId", location_id) == location_id)
            ),
        )

    def find(self, location_id, name):
        """The list item of the auto attendant called exactly NAME in the location, or None."""
        return find_one(
            self.client,
            LIST_PATH,
            "autoAttendants",
            {"locationId": location_id, "name": name, "max": LIST_PAGE_SIZE},
            lambda item: item.get("name") == name and item.get("locationId", location_id) == location_id,
            what="auto attendants",
            name=name,
        )

    def details(self, location_id, auto_attendant_id):
        return self.client.get(item_path(location_id, auto_attendant_id))

    def create(self, location_id, body):
        """POST the new auto attendant and return its id (never twice: see resource.create_once)."""
        return create_once(self.client, item_path(location_id), body, lambda: self.find(location_id, body["name"]))

    def update(self, location_id, auto_attendant_id, body):
        self.client.put(item_path(location_id, auto_attendant_id), json=body)

    def delete(self, location_id, auto_attendant_id, name=None):
        """DELETE the attendant and read it back (resource.delete_confirmed: still there raises DeleteNotApplied)."""
        delete_confirmed(
            self.client, "auto attendant %r" % (name or auto_attendant_id), item_path(location_id, auto_attendant_id)
        )

    def own_announcements(self, location_id, auto_attendant_id):
        """The audio files the attendant owns (level ENTITY, made in Control Hub)."""
        answer = self.client.get(item_path(location_id, auto_attendant_id) + "/announcements") or {}
        return answer.get("announcements") or []

    def number_available(self, location_id, number, alternate=False):
        """Whether NUMBER is one of the location's numbers free for an attendant (primary or alternate)."""
        suffix = "/alternate/availableNumbers" if alternate else "/availableNumbers"
        items = find_exact(
            self.client,
            item_path(location_id) + suffix,
            "phoneNumbers",
            {"phoneNumber": number},
            lambda item: numbers.same_number(item.get("phoneNumber"), number),
        )
        return bool(items)

    def read_back(self, location_id, auto_attendant_id, desired):
        """The details after a write, raising WriteNotApplied when what DESIRED sets is not what the service stores."""
        return read_back(
            self.client,
            "auto attendant %r" % desired.get("name"),
            lambda: self.details(location_id, auto_attendant_id),
            lambda stored: differences(desired, writable(stored)),
        )

    def using_schedule(self, location_id, schedule_type, name):
        """Names of the location's auto attendants whose business (or holiday) schedule is NAME.

        The list has no schedule fields, so each auto attendant's details are read.
        """
        field = SCHEDULE_FIELDS[schedule_type]
        names = []
        for item in self.list(location_id):
            try:
                details = self.details(location_id, item["id"])
            except WebexApiError as error:
                if error.status != 404:
                    raise
                continue  # deleted meanwhile: it uses nothing
            if details.get(field) == name:
                names.append(details.get("name", item.get("name")))
        return names
