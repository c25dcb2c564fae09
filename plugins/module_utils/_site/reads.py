# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The site engine's reads go through the resource services like every other read; what it adds is that each
location's list of a kind is read once, and every look-up by name made while planning is answered from it.

ListingClient wraps a WebexClient: a list the engine reads through it (a name-less list of a location's attendants,
schedules or greetings) is kept, and a later paged read of the same list with only name/type filters is answered
from it. The services' own exact matching (resource.find_one) runs on the kept items, so a look-up answers exactly as
it would against the service, duplicates included. Writes never go through it: a look-up after a write (create_once
after an ambiguous POST) asks the service again.
"""

from __future__ import annotations

import copy
import threading

# The list filters a kept list answers by itself: the services match names and types exactly on the items anyway.
NARROWING = ("name", "type", "fileName")
FILTERS = NARROWING + ("max",)


def _key(path, params):
    return path, tuple(
        sorted((key, str(value)) for key, value in (params or {}).items() if value is not None and key not in FILTERS)
    )


class ListingClient:
    """A WebexClient whose name-less lists, once read, answer the filtered reads of the same list."""

    def __init__(self, client):
        self._client = client
        self._kept = {}
        self._lock = threading.Lock()

    def __getattr__(self, name):
        return getattr(self._client, name)

    def get_all(self, path, item_key, params=None):
        key = _key(path, params)
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None:
            return copy.deepcopy(kept)
        items = self._client.get_all(path, item_key, params=params)
        if not any(value is not None and name in NARROWING for name, value in (params or {}).items()):
            with self._lock:
                self._kept[key] = copy.deepcopy(items)
        return items
