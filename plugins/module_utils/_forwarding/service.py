# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The call forwarding endpoints of a feature (the only code that knows their paths): the settings and the rules.

One API for every feature that forwards: /telephony/config/locations/{location}/{feature}/{id}/callForwarding, as
wxc_sdk's ForwardingApi(feature_selector) has it. The service is made for one Feature (options.AUTO_ATTENDANTS,
CALL_QUEUES, HUNT_GROUPS); the object whose forwarding it is comes as its id.
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._forwarding.options import AUTO_ATTENDANTS
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError, api_path, create_once, delete
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError


class ForwardingService:
    """The forwarding endpoints of one FEATURE's objects."""

    def __init__(self, client, feature=AUTO_ATTENDANTS):
        self.client = client
        self.feature = feature

    def _path(self, location_id, feature_id, tail=""):
        template = "/telephony/config/locations/%s/" + self.feature.path + "/%s/callForwarding"
        return api_path(template, location_id, feature_id) + tail

    def _rule_path(self, location_id, feature_id, rule_id=None):
        tail = "/selectiveRules" if rule_id is None else api_path("/selectiveRules/%s", rule_id)
        return self._path(location_id, feature_id, tail)

    def settings(self, location_id, feature_id):
        return self.client.get(self._path(location_id, feature_id)).get("callForwarding") or {}

    def update_settings(self, location_id, feature_id, body):
        """PUT the settings, BODY wrapped in callForwarding (unwrapped, the service answers 2xx and changes nothing)."""
        self.client.put(self._path(location_id, feature_id), json=body)

    def rule(self, location_id, feature_id, rule_id):
        return self.client.get(self._rule_path(location_id, feature_id, rule_id))

    def rule_by_name(self, location_id, feature_id, name):
        for summary in self.settings(location_id, feature_id).get("rules") or []:
            if summary.get("name") == name:
                return summary
        return None

    def create_rule(self, location_id, feature_id, body):
        """POST the rule (never twice: after an ambiguous failure the name is looked up) and return its id."""
        return create_once(
            self.client,
            self._rule_path(location_id, feature_id),
            body,
            lambda: self.rule_by_name(location_id, feature_id, body["name"]),
        )

    def update_rule(self, location_id, feature_id, rule_id, body):
        """PUT the whole rule and return its id afterwards: a new name means a new id, which the answer carries."""
        try:
            answer = self.client.put(self._rule_path(location_id, feature_id, rule_id), json=body)
        except WebexApiError as error:
            # A PUT retried after a lost answer finds the old id gone when the first one renamed the rule.
            found = self.rule_by_name(location_id, feature_id, body["name"]) if error.status == 404 else None
            if not found:
                raise
            return found["id"]
        if isinstance(answer, dict) and answer.get("id"):
            return answer["id"]
        found = self.rule_by_name(location_id, feature_id, body["name"])
        if not found:
            raise ResourceError(
                "selective rule %r was updated but is not found under that name" % body["name"], changed=True
            )
        return found["id"]

    def delete_rule(self, location_id, feature_id, rule_id):
        delete(self.client, self._rule_path(location_id, feature_id, rule_id))

    def switch_mode(self, location_id, feature_id):
        """POST the switch-mode action: the object's operating mode goes back to the one of normal operation."""
        self.client.post(self._path(location_id, feature_id, "/actions/switchMode/invoke"), json=None)

    def read(self, location_id, feature_id):
        """(callForwarding settings, details of every rule): one GET, then one per rule (for export and info)."""
        settings = self.settings(location_id, feature_id)
        rules = [self.rule(location_id, feature_id, summary["id"]) for summary in settings.get("rules") or []]
        return settings, rules
