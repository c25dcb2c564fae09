# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The call-path trace's vocabulary: destination types, the order of evaluation, the assumptions a trace may rely
on, and the exception that ends a trace the data cannot continue (pure)."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._schedule import occurrence

DESTINATION_TYPES = (
    "extension",
    "number",
    "voicemail",
    "operator",
    "dial_by_name",
    "dial_by_extension",
    "disconnect",
    "loop",
    "unresolved",
)
MENU_NAMES = {"business_hours_menu": "business_hours", "after_hours_menu": "after_hours"}
MENU_TITLES = {"business_hours_menu": "Business hours menu", "after_hours_menu": "After hours menu"}
RETRY_COUNTS = {"NO_REPEAT": 0, "ONE_TIME": 1, "TWO_TIMES": 2, "THREE_TIMES": 3}
DEFAULT_NO_INPUT_TIMER = 10
# Safety net: no trace takes more steps than this (loops end long before: see Tracer._enter).
MAX_HOPS = 200

# The order of evaluation, as the guide "Testing call flows" gives it with its sources.
ORDER = (
    "selective call forwarding (the enabled rules in effect for the call)",
    "call forwarding always",
    "operating mode",
    "holiday schedule (after hours menu)",
    "business hours schedule (business hours menu)",
    "after hours menu",
)

ASSUMPTIONS = dict(
    occurrence.ASSUMPTIONS,
    selective_before_always="selective forwarding is evaluated before forwarding always: Webex documents this "
    "precedence for users' call forwarding ('selectively forward calls ... takes precedence over call forwarding'); "
    "the attendant's forwarding has the same settings and is assumed to behave alike",
    rule_order="selective rules are evaluated in the order the service lists them; the first enabled rule in "
    "effect for the call decides, except that a matching rule that does not forward wins over rules that forward "
    "(as Webex documents for selective acceptance: 'Don't Accept takes precedence over Accept')",
    rule_enabled="a selective rule whose data does not say whether it is enabled is traced as disabled (as the "
    "service stores a rule created without enabled)",
    rule_schedules="a selective rule with a business and a holiday schedule is in effect when both have an event "
    "in effect",
    no_caller="no caller is given: selective rules that name callers (custom numbers, private or unavailable) do "
    "not match",
    called_number="the number dialled is unknown (the call starts at an attendant by name, or reaches it through a "
    "transfer): selective rules that name called numbers are checked against the attendant's primary number and "
    "extension",
    forward_to_voicemail="send_to_voicemail_enabled is traced as the destination's voicemail; the service does so "
    "only when the destination is an internal number with voicemail, which the data does not show",
    modes_before_menu="operating modes act after call forwarding and before the attendant's own schedules",
    mode_choice="a holiday operating mode in effect wins over a daily one; a mode without a schedule (type NONE) is "
    "in effect outside every scheduled mode's hours (as Webex documents for non-scheduled modes)",
    mode_exception="an operating mode switched by hand (exception_type) is not traced: the trace follows the modes' "
    "schedules",
    location_time_zone="schedules are read in the location's time zone; the attendant's own time_zone differs from it",
    local_time="a local time that occurs twice (clocks go back) is read as the first one; one that does not exist "
    "(clocks go forward) as if the clocks had not changed yet",
    unknown_key="a key the menu does not configure replays the menu",
    mailbox_value="TRANSFER_TO_MAILBOX sends the caller to the mailbox of the key's value (the reference also says "
    "the caller is asked for an extension; the service requires the value)",
    return_to_previous="RETURN_TO_PREVIOUS_MENU returns to the menu the caller came from (the menu again at the "
    "first menu)",
    no_treatment_action="a menu without a call treatment action disconnects when the caller presses nothing",
)


class Unresolved(Exception):
    """The trace cannot go on: the data does not say what happens next (the reason is the message)."""


def identity(record):
    return (record["location"], record["name"])


def who(record):
    return {"name": record["name"], "location": record["location"]}


def text_of(value):
    return None if value is None else str(value)
