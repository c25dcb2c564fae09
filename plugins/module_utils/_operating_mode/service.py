# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Operating modes (the only code that knows their paths): read only. Modes are made in Control Hub; a feature that
forwards by operating mode names them, and the forwarding resource asks here which modes a location offers."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils.resource import api_path

AVAILABLE_PATH = "/telephony/config/locations/%s/operatingModes/availableOperatingModes"


class OperatingModeService:
    """The operating mode endpoints."""

    def __init__(self, client):
        self.client = client

    def available(self, location_id):
        """The modes a feature of the location may be given (the organisation's and the location's): [{id, name}]."""
        answer = self.client.get(api_path(AVAILABLE_PATH, location_id)) or {}
        return answer.get("operatingModes") or []
