# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Where the service routes a dialled number: Test Call Routing, the only endpoint the call path has of its own.

``POST /telephony/config/actions/testCallRouting/invoke`` with ``originatorId`` and ``originatorType`` (a person or a
trunk: the call is tested as if they dialled) and ``destination`` answers ``destinationType`` (HOSTED_FEATURE for an
auto attendant, with ``hostedFeature``; HOSTED_AGENT, PSTN_NUMBER, UNKNOWN_NUMBER, ...), ``routingAddress`` and
``isRejected``. It changes nothing, but the reference requires a token with spark-admin:telephony_config_write.
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils.resource import without_none

TEST_CALL_ROUTING_PATH = "/telephony/config/actions/testCallRouting/invoke"


class CallRoutingService:
    """The Test Call Routing endpoint."""

    def __init__(self, client):
        self.client = client

    def test_call_routing(self, originator, destination):
        """Where DESTINATION (a number, extension or ESN) lands when ORIGINATOR ({id, type, number}) dials it."""
        body = without_none(
            {
                "originatorId": originator["id"],
                "originatorType": originator.get("type") or "PEOPLE",
                "originatorNumber": originator.get("number"),
                "destination": numbers.compact(destination),
            }
        )
        return self.client.post(TEST_CALL_ROUTING_PATH, json=body, read_only=True)
