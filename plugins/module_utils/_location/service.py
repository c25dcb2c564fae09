# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Locations: a location given by id or by exact name, as its id (every module and the engine resolve through here);
the location's details; and the listings of every location of the organisation (the inventory plugin)."""

from __future__ import annotations

import base64
import binascii

from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    AmbiguousName,
    ResourceError,
    api_path,
    find_one,
)

LOCATIONS_PATH = "/locations"
LOCATION_PATH = "/locations/%s"
CALLING_PATH = "/telephony/config/locations/%s"
CALLING_LOCATIONS_PATH = "/telephony/config/locations"


class LocationNotFound(ResourceError):
    """The location option names no location, or more than one."""


def decode_webex_id(value):
    """The ciscospark:// URI inside a Webex id, or None when VALUE is not one."""
    try:
        decoded = base64.b64decode(value + "=" * (-len(value) % 4), validate=True).decode("utf-8")
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    return decoded if decoded.startswith("ciscospark://") else None


def is_location_id(value):
    uri = decode_webex_id(value)
    return bool(uri) and "/LOCATION/" in uri


def resolve_location(client, location):
    """Return (location_id, location_name or None) for LOCATION, an id or an exact, case-sensitive name.

    An id is used as given, without a call. A name is looked up with the list filter, which matches any location
    whose name contains it in any case, so the exact match is made here, over every page.
    """
    if is_location_id(location):
        return location, None
    try:
        found = find_one(
            client,
            LOCATIONS_PATH,
            "items",
            {"name": location},
            lambda item: item.get("name") == location,
            what="locations",
            name=location,
            where="in the organization",
            advice="give the id instead",
        )
    except AmbiguousName as error:
        raise LocationNotFound(str(error)) from None
    if not found:
        raise LocationNotFound(
            "location %r not found: no location has exactly that name (give its exact name or id)" % location
        )
    return found["id"], found["name"]


def location_details(client, location_id):
    """The location's details: id, name, orgId (the organisation the service says it is in), timeZone, address."""
    return client.get(api_path(LOCATION_PATH, location_id))


def calling_details(client, location_id):
    """The location's Webex Calling details: routingPrefix (an extension's ESN is routingPrefix + extension), ..."""
    return client.get(api_path(CALLING_PATH, location_id))


def location_time_zone(client, location_id):
    """The location's time zone (an IANA name such as America/Chicago), or None when the service gives none."""
    return location_details(client, location_id).get("timeZone")


def list_locations(client):
    """Every location of the organisation (id, name, orgId, timeZone, preferredLanguage, address, ...), every page.

    It lists locations with and without Webex Calling; list_calling_locations() says which have it.
    """
    return client.get_all(LOCATIONS_PATH, "items")


def list_calling_locations(client):
    """Every Webex Calling location of the organisation with its calling details (routingPrefix, outsideDialDigit,
    callingLineId, e911SetupRequired, ...), every page. A location without Webex Calling is not listed."""
    return client.get_all(CALLING_LOCATIONS_PATH, "locations")
