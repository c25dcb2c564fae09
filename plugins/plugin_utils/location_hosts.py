# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The Webex Calling locations of an organisation as inventory hosts (the webex_locations inventory plugin); pure.

records(locations, calling_locations)  one record per Webex Calling location: its /locations entry and its
                                       calling details, joined by id (what the plugin reads and caches)
host_variables(record)                 the host's variables: webex_location_id, webex_location_name, webex_<field>
                                       of the location in snake_case, webex_calling
host_names(records, style)             one unique, shell-safe host name per record
place_groups(variables, group_by)      the groups by country, state and time zone (unsanitised names)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from ansible.module_utils.common.dict_transformations import camel_dict_to_snake_dict

from ansible_collections.wxc.calling.plugins.module_utils._location.service import decode_webex_id

# Every host is also in this group, so that `hosts: webex_locations` names them beside other inventories' hosts.
ALL_GROUP = "webex_locations"
HOSTNAME_STYLES = ("slug", "id")
PLACES = ("country", "state", "time_zone")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def records(locations, calling_locations):
    """One record {"location", "calling"} per Webex Calling location, in the order CALLING_LOCATIONS lists them.

    LOCATIONS is every location of the organisation (/locations), CALLING_LOCATIONS the Webex Calling ones with their
    calling details (/telephony/config/locations): a location that is not in the second list has no Webex Calling and
    is no host. One that only the second list has (not expected) keeps its id and name.
    """
    by_id = {item["id"]: item for item in locations if isinstance(item, dict) and item.get("id")}
    found, seen = [], set()
    for calling in calling_locations:
        if not isinstance(calling, dict) or not calling.get("id") or calling["id"] in seen:
            continue
        seen.add(calling["id"])
        location = by_id.get(calling["id"]) or {"id": calling["id"], "name": calling.get("name")}
        found.append({"location": location, "calling": calling})
    return found


def _snake(value):
    return camel_dict_to_snake_dict(value) if isinstance(value, dict) else {}


def host_variables(record):
    """The host variables of RECORD: webex_location_id, webex_location_name, then every other field of the location as
    webex_<field in snake_case> (org_id, time_zone, preferred_language, address, ...), and webex_calling, the
    calling details in snake_case (routing_prefix, outside_dial_digit, calling_line_id, e911_setup_required, ...)."""
    location = record.get("location") or {}
    calling = record.get("calling") or {}
    variables = {
        "webex_location_id": location.get("id") or calling.get("id"),
        "webex_location_name": location.get("name") if location.get("name") is not None else calling.get("name"),
    }
    for key, value in _snake(location).items():
        if key not in ("id", "name"):
            variables["webex_" + key] = value
    variables["webex_calling"] = {key: value for key, value in _snake(calling).items() if key not in ("id", "name")}
    return variables


def slug(name):
    """NAME as a host name: ASCII letters (accents dropped) and digits in lower case, runs of anything else one "-"."""
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode("ascii").lower()
    return _NOT_SLUG.sub("-", text).strip("-")


def short_id(location_id):
    """Eight hexadecimal characters that tell LOCATION_ID apart: the end of its UUID, or of a hash of the id."""
    uri = decode_webex_id(location_id or "")
    tail = re.sub(r"[^0-9a-f]", "", uri.rsplit("/", 1)[-1].lower()) if uri else ""
    if len(tail) < 8:
        tail = hashlib.sha256((location_id or "").encode("utf-8")).hexdigest()
    return tail[-8:]


def host_names(found, style="slug"):
    """One host name per record of FOUND, all different.

    slug: the location's name made shell-safe (Branch Office Denver -> branch-office-denver); where two locations give
    the same slug (names that differ only in case or punctuation), or a name gives none, each of them gets "-" and
    eight characters of its id (headquarters-3c4d5e01). id: the location id as is.
    """
    if style not in HOSTNAME_STYLES:
        raise ValueError("hostnames: %r; choose one of %s" % (style, ", ".join(HOSTNAME_STYLES)))
    ids = [host_variables(record)["webex_location_id"] for record in found]
    if style == "id":
        return ids
    slugs = [slug(host_variables(record)["webex_location_name"]) for record in found]
    counts = {}
    for name in slugs:
        counts[name] = counts.get(name, 0) + 1
    names = [
        name if name and counts[name] == 1 else "-".join(part for part in (name, short_id(location_id)) if part)
        for name, location_id in zip(slugs, ids)
    ]
    taken = {}
    for index, name in enumerate(names):
        if name in taken:  # a name that happens to equal another's disambiguated one: both fall back to their ids
            names[taken[name]] = ids[taken[name]]
            names[index] = ids[index]
        taken[name] = index
    return names


def place_groups(variables, group_by=PLACES):
    """The groups of a host with VARIABLES, unsanitised: webex_country_<country>, webex_state_<country>_<state> and
    webex_time_zone_<time zone>, for each place in GROUP_BY the location has."""
    address = variables.get("webex_address") if isinstance(variables.get("webex_address"), dict) else {}
    country = str(address.get("country") or "").strip()
    state = str(address.get("state") or "").strip()
    time_zone = str(variables.get("webex_time_zone") or "").strip()
    groups = []
    if "country" in group_by and country:
        groups.append("webex_country_%s" % country)
    if "state" in group_by and state:
        groups.append("webex_state_%s" % "_".join(part for part in (country, state) if part))
    if "time_zone" in group_by and time_zone:
        groups.append("webex_time_zone_%s" % time_zone)
    return groups
