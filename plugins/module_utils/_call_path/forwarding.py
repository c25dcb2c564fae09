# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The attendant's call forwarding in a trace: selective rules, forwarding always, operating modes (pure).

A part of the Tracer (trace.py): its methods use the tracer's catalog, call, steps and assumptions."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils._call_path.moment import mode_at
from ansible_collections.wxc.calling.plugins.module_utils._call_path.vocabulary import Unresolved, text_of


class ForwardingSteps:
    """What the attendant's forwarding does with the call, before any menu."""

    def _forwarding(self, record, called):
        """The hop the attendant's forwarding sends the call to; None when the call stays (or ended: see destination)."""
        forwarding = self.catalog.forwarding(record) or {}
        selective = forwarding.get("selective") or {}
        always = forwarding.get("always") or {}
        decided = None
        if selective.get("enabled") and forwarding.get("rules"):
            if len(forwarding["rules"]) > 1:
                self.assume("rule_order")
            if always.get("enabled"):
                self.assume("selective_before_always")
            decided = self._selective(record, forwarding, called)
            if decided not in (None, False) or self.destination is not None:
                return decided
        if always.get("enabled") and decided is None:
            destination = text_of(always.get("destination"))
            if not destination:
                raise Unresolved(
                    "call forwarding always of auto attendant %r is on without a destination" % record["name"]
                )
            self.step(
                "forwarding",
                "Call forwarding always: every call goes to %s" % destination,
                record,
                forwarding="always",
                forward_to=destination,
            )
            return self._forward(
                record, destination, bool(always.get("send_to_voicemail_enabled")), "forwarding always"
            )
        modes = forwarding.get("operating_modes") or {}
        if modes.get("enabled") and modes.get("modes"):
            return self._operating_mode(record, modes)
        return None

    def _selective(self, record, forwarding, called):
        """The hop of the selective rule that decides, False when a matching rule does not forward, None when no rule
        matches."""
        matched_forward = None
        for rule in forwarding.get("rules") or []:
            if rule.get("enabled") is None:
                self.assume("rule_enabled")
            if not rule.get("enabled"):
                continue
            why = self._rule_matches(record, rule, called)
            if why is None:
                continue
            forward_to = rule.get("forward_to") or {}
            selection = forward_to.get("selection") or "FORWARD_TO_DEFAULT_NUMBER"
            if selection == "DO_NOT_FORWARD":
                self.step(
                    "forwarding",
                    "Selective rule %r matches (%s) and does not forward" % (rule["name"], why),
                    record,
                    forwarding="selective",
                    rule=rule["name"],
                )
                return False
            if matched_forward is None:
                matched_forward = (rule, why, forward_to, selection)
        if matched_forward is None:
            self.step("forwarding", "Selective call forwarding: no rule matches", record, forwarding="selective")
            return None
        rule, why, forward_to, selection = matched_forward
        if selection == "FORWARD_TO_SPECIFIED_NUMBER":
            destination = text_of(forward_to.get("phone_number"))
        else:
            destination = text_of((forwarding.get("selective") or {}).get("destination"))
        if not destination:
            raise Unresolved(
                "selective rule %r forwards to %s, which is not set"
                % (
                    rule["name"],
                    "its phone_number" if selection == "FORWARD_TO_SPECIFIED_NUMBER" else "selective.destination",
                )
            )
        self.step(
            "forwarding",
            "Selective rule %r matches (%s): forwarded to %s" % (rule["name"], why, destination),
            record,
            forwarding="selective",
            rule=rule["name"],
            forward_to=destination,
        )
        voicemail = bool((forwarding.get("selective") or {}).get("send_to_voicemail_enabled"))
        return self._forward(record, destination, voicemail, "selective rule %r" % rule["name"])

    def _rule_matches(self, record, rule, called):
        """Why RULE matches the call (text), or None when it does not."""
        reasons = []
        events = []
        if rule.get("business_schedule") and rule.get("holiday_schedule"):
            self.assume("rule_schedules")
        for option, kind in (("business_schedule", "business_hours"), ("holiday_schedule", "holidays")):
            name = rule.get(option)
            if not name:
                continue
            found = self.schedule_event(record, kind, name, "selective rule %r" % rule["name"])
            if found is None:
                return None
            events.append("event %r of %s schedule %r" % (found[0], kind.replace("_", " "), name))
        reasons.append(" and ".join(events) + " in effect" if events else "at all times")
        calls_from = rule.get("calls_from") or {}
        if calls_from.get("selection") == "CUSTOM":
            caller_why = self._caller_matches(calls_from.get("custom_numbers") or {})
            if caller_why is None:
                return None
            reasons.append(caller_why)
        called_numbers = (rule.get("calls_to") or {}).get("numbers") or []
        if called_numbers:
            targets = (
                [called] if called else [record["options"].get("phone_number"), record["options"].get("extension")]
            )
            if not called:
                self.assume("called_number")
            wanted = [entry.get("phone_number") or entry.get("extension") for entry in called_numbers]
            hit = next(
                (
                    number
                    for number in wanted
                    if any(target and numbers.same_number(number, target) for target in targets)
                ),
                None,
            )
            if hit is None:
                return None
            reasons.append("called number %s" % hit)
        return "; ".join(reasons)

    def _caller_matches(self, custom):
        caller = text_of(self.call.get("caller"))
        if not caller:
            self.assume("no_caller")
            return None
        if caller == "private":
            return "caller is private" if custom.get("private_number_enabled") else None
        if caller == "unavailable":
            return "caller is unavailable" if custom.get("unavailable_number_enabled") else None
        for number in custom.get("numbers") or []:
            if numbers.same_number(number, caller):
                return "caller %s is listed" % caller
        return None

    def _operating_mode(self, record, modes):
        self.assume("modes_before_menu")
        if modes.get("exception_type"):
            self.assume("mode_exception")
        local, when = self.local(record)
        found = mode_at(modes.get("modes") or [], local)
        if found is None:
            self.step("operating_mode", "Operating modes: none is in effect at %s (normal operation)" % when, record)
            return None
        mode, why = found
        if why == "no_schedule":
            self.assume("mode_choice")
            why = "no scheduled mode is in effect"
        elif mode.get("type") == "HOLIDAY":
            self.assume("mode_choice")
        forward_to = mode.get("forward_to") or {}
        selection = forward_to.get("selection") or "DO_NOT_FORWARD"
        destination = forward_to.get("destination")
        voicemail = forward_to.get("destination_voicemail_enabled")
        if selection == "FORWARD_TO_DEFAULT_NUMBER":
            selection = forward_to.get("default_forward_to_selection") or "DO_NOT_FORWARD"
            destination = forward_to.get("default_destination")
            voicemail = forward_to.get("default_destination_voicemail_enabled")
        name = mode.get("name")
        if selection != "FORWARD_TO_SPECIFIED_NUMBER" or not destination:
            self.step(
                "operating_mode",
                "Operating mode %r is in effect (%s) and does not forward" % (name, why),
                record,
                operating_mode=name,
            )
            return None
        self.step(
            "operating_mode",
            "Operating mode %r is in effect (%s): forwarded to %s" % (name, why, destination),
            record,
            operating_mode=name,
            forward_to=text_of(destination),
        )
        return self._forward(record, text_of(destination), bool(voicemail), "operating mode %r" % name)

    def _forward(self, record, destination, voicemail, via):
        if voicemail:
            self.assume("forward_to_voicemail")
            self.end("voicemail", value=numbers.normalise(destination), reason="%s sends the call to voicemail" % via)
            return None
        return self._go_to(record, destination, None, via, forwarded=True)
