# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The operating mode endpoints (the only code that knows their paths), read only. Operating modes are defined for the
organisation or a location (in Control Hub); a feature's call forwarding names the modes it uses
(``operatingModes.modes``), a location offers the organisation's modes and its own, and a mode's details hold its
schedule (sameHoursDaily, differentHoursDaily or holidays)."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils.resource import api_path

MODE_PATH = "/telephony/config/operatingModes/%s"
AVAILABLE_PATH = "/telephony/config/locations/%s/operatingModes/availableOperatingModes"


class OperatingModeService:
    """The operating mode endpoints."""

    def __init__(self, client):
        self.client = client

    def details(self, mode_id):
        """The mode's details: id, name, type, level, location, its schedule and callForwarding."""
        return self.client.get(api_path(MODE_PATH, mode_id))

    def available(self, location_id):
        """The modes a feature of the location may be given (the organisation's and the location's): [{id, name}]."""
        answer = self.client.get(api_path(AVAILABLE_PATH, location_id)) or {}
        return answer.get("operatingModes") or []
