# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The operating mode endpoints (the only code that knows their paths). Operating modes are defined for the
organisation or a location; a feature's call forwarding names the modes it uses (``operatingModes.modes``), and a
mode's details hold its schedule (sameHoursDaily, differentHoursDaily or holidays)."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils.resource import api_path

MODE_PATH = "/telephony/config/operatingModes/%s"


class OperatingModeService:
    """The operating mode endpoints."""

    def __init__(self, client):
        self.client = client

    def details(self, mode_id):
        """The mode's details: id, name, type, level, location, its schedule and callForwarding."""
        return self.client.get(api_path(MODE_PATH, mode_id))
