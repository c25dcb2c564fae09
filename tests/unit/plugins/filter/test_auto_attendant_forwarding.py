# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The role filter's forwarding field: merged with the defaults, judged by the forwarding module's rules."""

from __future__ import absolute_import, division, print_function

from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args

__metaclass__ = type

import pytest
from ansible.errors import AnsibleFilterError

SITE = {
    "name": "Reception",
    "location": "Headquarters",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
}
CLOSED = {"always": {"enabled": True, "destination": "+19705550006"}}
RULE = {"name": "VIP", "forward_to": {"selection": "DO_NOT_FORWARD"}, "calls_from": {"selection": "ANY"}}


def test_forwarding_is_merged_with_the_defaults_and_passed_on():
    defaults = {"forwarding": {"always": {"destination": "+19705550006", "ring_reminder_enabled": True}}}
    item = dict(SITE, forwarding={"always": {"enabled": True}, "rules": [RULE]})
    (args,) = auto_attendant_module_args([item], defaults)
    assert args["forwarding"] == {
        "always": {"destination": "+19705550006", "ring_reminder_enabled": True, "enabled": True},
        "rules": [RULE],
    }


def test_no_forwarding_means_no_key_and_absent_items_drop_it():
    assert "forwarding" not in auto_attendant_module_args([SITE])[0]
    (absent,) = auto_attendant_module_args([dict(SITE, state="absent", forwarding=CLOSED)])
    assert "forwarding" not in absent


@pytest.mark.parametrize(
    "forwarding, message",
    [
        ("closed", "forwarding: must be a dictionary of webex_auto_attendant_forwarding options, got str"),
        (
            {"always": CLOSED["always"], "sometimes": {}},
            "forwarding: unknown field(s) sometimes; known fields are always, purge_rules, rules, selective",
        ),
        (
            {"always": {"destination": "the mobile"}},
            "forwarding: always.destination: 'the mobile' is not an E.164 number (like +19705550006), an extension "
            "or an ESN",
        ),
        ({"rules": [{"enabled": True}]}, "forwarding: missing required arguments: name found in rules"),
        (
            {"purge_rules": True},
            "forwarding: purge_rules: needs rules (the rules to keep; rules: [] deletes every rule)",
        ),
    ],
)
def test_bad_forwarding_stops_the_role_naming_the_attendant(forwarding, message):
    with pytest.raises(AnsibleFilterError) as error:
        auto_attendant_module_args([SITE, dict(SITE, name="Second", extension="2101", forwarding=forwarding)])
    assert str(error.value) == "auto_attendant_list[1] (Second): " + message


def test_unset_forwarding_options_are_left_out_and_the_input_is_copied():
    rules = [RULE]
    (args,) = auto_attendant_module_args([dict(SITE, forwarding={"selective": None, "rules": rules})])
    assert args["forwarding"] == {"rules": [RULE]}
    assert args["forwarding"]["rules"] is not rules and args["forwarding"]["rules"][0] is not RULE
