# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The call-path tracer (pure): what a caller hears, step by step, and where the call ends.

One tracer behind the module webex_call_path (which reads the organisation) and the filter call_path (which is given
declared data). Both give it a CATALOG, an object that answers questions in the options form of the collection's
modules (snake_case, as webex_auto_attendant, webex_schedule and webex_auto_attendant_forwarding take them):

- ``attendant(location, name)``: the attendant record called exactly NAME in LOCATION, or None;
- ``attendant_by_number(value, location)``: (record or None, problem or None) for a number, an extension of LOCATION
  or an ESN; PROBLEM says why a match is ambiguous;
- ``entry(number, location)``: how a dialled number enters the organisation, a dict with ``record`` (or None),
  ``text`` (what the step says) and, when the call does not reach an attendant, ``destination``;
- ``forwarding(record)``: the attendant's call forwarding (always, selective, rules, operating_modes), {} for none;
- ``schedule(location, kind, name)``: the events of the location's schedule of KIND (business_hours or holidays)
  called NAME, or None when there is no such schedule;
- ``time_zone(location)``: the location's IANA time zone, or None;
- ``audio(record, audio_file)``: what the data says of an audio file (file_name, name, level, text).

A record is ``{"name", "location", "options"}``: OPTIONS are the attendant's webex_auto_attendant options. The order
of evaluation and every reading the API reference does not settle are in ORDER and ASSUMPTIONS; a trace lists the
assumptions it relied on.
"""

from __future__ import annotations

import datetime

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._call_path.catalog import dialled
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


def _text(value):
    return None if value is None else str(value)


def parse_at(value):
    """VALUE (ISO 8601 text, a datetime, or None) as a datetime, naive when no offset was given; ValueError if bad."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time())
    text = str(value).strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            "%r is not an ISO 8601 date and time (like 2026-03-09T09:30, or 2026-03-09T16:30:00Z)" % (value,)
        ) from None


def zone(name):
    """The ZoneInfo of NAME; Unresolved when this Python does not know it."""
    try:
        import zoneinfo  # pylint: disable=import-outside-toplevel
    except ImportError:  # pragma: no cover - Python older than 3.9
        raise Unresolved("time zones need Python 3.9 or later (the zoneinfo module)") from None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise Unresolved(
            "time zone %r is not known to this Python (no time zone database: install the tzdata package)" % name
        ) from None


def describe_moment(moment, tz_name):
    """'Mon 2026-03-09 09:30 (America/Denver, UTC-06:00)' for an aware MOMENT in TZ_NAME."""
    local = moment.astimezone(zone(tz_name))
    offset = local.strftime("%z")
    return "%s (%s, UTC%s:%s)" % (local.strftime("%a %Y-%m-%d %H:%M"), tz_name, offset[:3], offset[3:])


class Tracer:
    """One call through the CATALOG: entry, then each attendant it reaches, until a destination."""

    def __init__(self, catalog, call, now=None):
        self.catalog = catalog
        self.call = call
        self.presses = [_text(press) for press in call.get("presses") or []]
        self.index = 0
        self.steps = []
        self.assumptions = []
        self.visited = []
        self.menus = []
        self.destination = None
        self.moment = None  # aware datetime, fixed once the entry location is known
        self.now = now
        self.seen = set()
        self.menu_stack = []
        self.entry_zone = None

    # -- bookkeeping ----------------------------------------------------------------------------------------------

    def assume(self, *keys):
        for key in keys:
            if ASSUMPTIONS[key] not in self.assumptions:
                self.assumptions.append(ASSUMPTIONS[key])

    def step(self, kind, text, record=None, **fields):
        entry = {"step": kind, "text": text}
        if record is not None:
            entry["auto_attendant"] = who(record)
        entry.update({key: value for key, value in fields.items() if value is not None})
        self.steps.append(entry)
        return entry

    def end(self, kind, value=None, reason=None, record=None):
        destination = {"type": kind}
        if value is not None:
            destination["value"] = value
        if record is not None:
            destination["auto_attendant"] = who(record)
        if reason:
            destination["reason"] = reason
        self.destination = destination

    # -- time -----------------------------------------------------------------------------------------------------

    def _tz_name(self, record):
        tz_name = self.catalog.time_zone(record["location"])
        own = record["options"].get("time_zone")
        if tz_name and own and own != tz_name:
            self.assume("location_time_zone")
        tz_name = tz_name or own
        if not tz_name:
            raise Unresolved(
                "the time zone of location %s is not known: give it (the location's time_zone)" % record["location"]
            )
        return tz_name

    def _fix_moment(self, record):
        """The call's moment as an aware datetime: AT in the entry attendant's local time when it has no offset."""
        if self.moment is not None:
            return
        at = parse_at(self.call.get("at"))
        if at is None:
            at = self.now or datetime.datetime.now(datetime.timezone.utc)
        self.entry_zone = zone(self._tz_name(record))
        if at.tzinfo is None:
            first, second = at.replace(tzinfo=self.entry_zone), at.replace(tzinfo=self.entry_zone, fold=1)
            if first.utcoffset() != second.utcoffset():
                self.assume("local_time")
            at = first
        self.moment = at

    def local(self, record):
        """(naive wall-clock time at RECORD's location, its description)."""
        tz_name = self._tz_name(record)
        local = self.moment.astimezone(zone(tz_name))
        return local.replace(tzinfo=None), describe_moment(self.moment, tz_name)

    # -- schedules ------------------------------------------------------------------------------------------------

    def schedule_event(self, record, kind, name, where):
        """(event name, start, end) of the event of schedule NAME in effect now, None when none is; Unresolved when the
        location has no such schedule."""
        events = self.catalog.schedule(record["location"], kind, name)
        if events is None:
            raise Unresolved(
                "%s names the %s schedule %r, which location %s does not have"
                % (where, kind.replace("_", " "), name, record["location"])
            )
        self.assume(*occurrence.assumptions_for(events))
        return occurrence.event_at(events, self.local(record)[0])

    # -- the trace ------------------------------------------------------------------------------------------------

    def run(self):
        try:
            hop = self._entry()
            hops = 0
            while hop is not None and self.destination is None:
                hops += 1
                if hops > MAX_HOPS:
                    raise Unresolved("the trace took more than %d hops" % MAX_HOPS)
                hop = self._enter(*hop)
        except Unresolved as problem:
            self.end("unresolved", reason=str(problem))
            self.step("end", "Unresolved: %s" % problem)
        return self.result()

    def _entry(self):
        call = self.call
        if call.get("auto_attendant") is not None:
            location, name = call.get("location"), _text(call["auto_attendant"])
            record = self.catalog.attendant(location, name)
            if record is None:
                raise Unresolved("no auto attendant %r in location %s" % (name, location))
            self.step("entry", "The call starts at auto attendant %r (%s)" % (name, record["location"]), record)
            self._fix_moment(record)
            self.assume("called_number")
            return record, None, "the call starts here", None
        number = _text(call.get("number"))
        entry = self.catalog.entry(number, call.get("location"))
        record = entry.get("record")
        self.step("entry", entry["text"], record, routing=entry.get("routing"))
        if record is None:
            destination = entry.get("destination") or {"type": "unresolved", "reason": entry["text"]}
            self.destination = dict(destination)
            return None
        self._fix_moment(record)
        return record, number, "dialled", None

    def _enter(self, record, called, via, menu_option):
        """Trace the call at RECORD; return the next hop (record, called, via, menu or None) or None at the end."""
        state = (identity(record), self.index, menu_option)
        if state in self.seen:
            self.end(
                "loop",
                value=record["name"],
                record=record,
                reason="the call comes back to auto attendant %r (%s) (%s) with no key pressed since it was last "
                "there: it would go round forever" % (record["name"], record["location"], via),
            )
            self.step("loop", "Loop: back at auto attendant %r (%s)" % (record["name"], record["location"]), record)
            return None
        self.seen.add(state)
        if menu_option is None:
            self.visited.append(who(record))
            self.step(
                "auto_attendant",
                "Auto attendant %r (%s) answers (%s)" % (record["name"], record["location"], via),
                record,
            )
            forwarded = self._forwarding(record, called)
            if forwarded is not None or self.destination is not None:
                return forwarded
            menu_option = self._menu_choice(record)
        else:
            self.step(
                "auto_attendant",
                "Back to auto attendant %r (%s), %s"
                % (record["name"], record["location"], MENU_TITLES[menu_option].lower()),
                record,
            )
        return self._menu(record, menu_option)

    # -- forwarding -----------------------------------------------------------------------------------------------

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
            destination = _text(always.get("destination"))
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
            destination = _text(forward_to.get("phone_number"))
        else:
            destination = _text((forwarding.get("selective") or {}).get("destination"))
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
        caller = _text(self.call.get("caller"))
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
        found = _mode_at(modes.get("modes") or [], local)
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
            forward_to=_text(destination),
        )
        return self._forward(record, _text(destination), bool(voicemail), "operating mode %r" % name)

    def _forward(self, record, destination, voicemail, via):
        if voicemail:
            self.assume("forward_to_voicemail")
            self.end("voicemail", value=numbers.normalise(destination), reason="%s sends the call to voicemail" % via)
            return None
        return self._go_to(record, destination, None, via, forwarded=True)

    # -- menus ----------------------------------------------------------------------------------------------------

    def _menu_choice(self, record):
        options = record["options"]
        local, when = self.local(record)
        holiday = options.get("holiday_schedule")
        if holiday:
            found = self.schedule_event(record, "holidays", holiday, "holiday_schedule of %r" % record["name"])
            if found:
                self.step(
                    "schedule",
                    "%s: holiday %r of holiday schedule %r (after hours menu)" % (when, found[0], holiday),
                    record,
                    schedule=holiday,
                    event=found[0],
                    menu="after_hours",
                )
                return "after_hours_menu"
        business = options.get("business_schedule")
        if not business:
            raise Unresolved("auto attendant %r names no business schedule" % record["name"])
        found = self.schedule_event(record, "business_hours", business, "business_schedule of %r" % record["name"])
        if found:
            self.step(
                "schedule",
                "%s: event %r of business schedule %r (business hours menu)" % (when, found[0], business),
                record,
                schedule=business,
                event=found[0],
                menu="business_hours",
            )
            return "business_hours_menu"
        self.step(
            "schedule",
            "%s: outside every event of business schedule %r (after hours menu)" % (when, business),
            record,
            schedule=business,
            menu="after_hours",
        )
        return "after_hours_menu"

    def _audio(self, record, audio):
        described = self.catalog.audio(record, audio) if isinstance(audio, dict) else None
        return {key: value for key, value in (described or {}).items() if value not in (None, "")}

    def _audio_text(self, audio):
        if not audio:
            return "an audio file the data does not name"
        parts = []
        if audio.get("name"):
            parts.append("announcement %r" % audio["name"])
        if audio.get("file_name"):
            parts.append("file %r" % audio["file_name"])
        if audio.get("text"):
            parts.append("text-to-speech %r" % audio["text"])
        return ", ".join(parts) or "an audio file the data does not name"

    def _menu(self, record, menu_option):
        menu = record["options"].get(menu_option)
        if not isinstance(menu, dict):
            raise Unresolved("auto attendant %r has no %s in the data" % (record["name"], menu_option))
        self.menus.append(dict(who(record), menu=MENU_NAMES[menu_option]))
        if not self.menu_stack or self.menu_stack[-1] != (identity(record), menu_option):
            self.menu_stack.append((identity(record), menu_option))
        self.step("menu", "%s of %r" % (MENU_TITLES[menu_option], record["name"]), record, menu=MENU_NAMES[menu_option])
        greeting = {"greeting": menu.get("greeting") or "DEFAULT"}
        if greeting["greeting"] == "CUSTOM":
            greeting["audio"] = self._audio(record, menu.get("audio_announcement_file"))
            self.step("greeting", "Greeting: %s" % self._audio_text(greeting["audio"]), record, **greeting)
        else:
            self.step("greeting", "Greeting: the default greeting", record, **greeting)
        keys = {
            _text(entry.get("key")): entry for entry in menu.get("key_configurations") or [] if isinstance(entry, dict)
        }
        while True:
            if self.index >= len(self.presses):
                return self._no_input(record, menu_option, menu)
            press = self.presses[self.index]
            self.index += 1
            entry = keys.get(press)
            if entry is None:
                if menu.get("extension_enabled") and numbers.is_extension(press):
                    self.step(
                        "key",
                        "The caller dials extension %s from the menu" % press,
                        record,
                        key=press,
                        action="EXTENSION",
                    )
                    return self._go_to(record, press, None, "extension %s dialled from the menu" % press)
                self.assume("unknown_key")
                self.step("key", "Key %s: not configured, the menu plays again" % press, record, key=press)
                continue
            hop = self._key(record, menu_option, entry)
            if hop is not _AGAIN:
                return hop

    def _key(self, record, menu_option, entry):
        key, action = _text(entry.get("key")), entry.get("action")
        value = _text(entry.get("value"))
        fields = dict(key=key, action=action, description=_text(entry.get("description")))
        if action == "PLAY_ANNOUNCEMENT":
            audio = self._audio(record, entry.get("audio_announcement_file"))
            self.step(
                "key",
                "Key %s: plays %s, then the menu again" % (key, self._audio_text(audio)),
                record,
                audio=audio,
                **fields,
            )
            return _AGAIN
        if action == "REPEAT_MENU":
            self.step("key", "Key %s: the menu again" % key, record, **fields)
            return _AGAIN
        if action == "EXIT":
            self.step("key", "Key %s: the call ends" % key, record, **fields)
            self.end("disconnect", reason="key %s (EXIT)" % key, record=record)
            return None
        if action == "TRANSFER_TO_OPERATOR":
            self.step("key", "Key %s: to the operator" % key, record, **fields)
            self.end("operator", value=numbers.normalise(value) if value else None, record=record)
            return None
        if action == "TRANSFER_TO_MAILBOX":
            self.assume("mailbox_value")
            self.step("key", "Key %s: to the mailbox of %s" % (key, value), record, **fields)
            self.end("voicemail", value=numbers.normalise(value), record=record)
            return None
        if action == "NAME_DIALING":
            self.step("key", "Key %s: dial by name" % key, record, **fields)
            self.end("dial_by_name", reason=_scope("name", record), record=record)
            return None
        if action == "EXTENSION_DIALING":
            self.step("key", "Key %s: dial by extension" % key, record, **fields)
            if self.index < len(self.presses) and numbers.is_extension(self.presses[self.index]):
                extension = self.presses[self.index]
                self.index += 1
                self.step(
                    "key", "The caller enters extension %s" % extension, record, key=extension, action="EXTENSION"
                )
                return self._go_to(record, extension, None, "extension %s entered after key %s" % (extension, key))
            self.end("dial_by_extension", reason=_scope("extension", record), record=record)
            return None
        if action == "RETURN_TO_PREVIOUS_MENU":
            self.assume("return_to_previous")
            self.step("key", "Key %s: back to the previous menu" % key, record, **fields)
            if len(self.menu_stack) < 2:
                return _AGAIN
            self.menu_stack.pop()
            (location, name), previous_menu = self.menu_stack[-1]
            previous = self.catalog.attendant(location, name)
            return previous, None, "key %s" % key, previous_menu
        if action in menus.TRANSFER_ACTIONS:
            resolved = self._resolve(record, value, entry.get(references.OPTION), "key %s" % key)
            self.step(
                "key",
                "Key %s: transfer%s to %s"
                % (key, " with prompt" if action == "TRANSFER_WITH_PROMPT" else "", _target_text(*resolved)),
                record,
                **dict(fields, value=resolved[1], to=who(resolved[0]) if resolved[0] else None),
            )
            return self._go_to(record, value, None, "key %s" % key, resolved=resolved)
        raise Unresolved("key %s of %r has action %s, which the trace does not know" % (key, record["name"], action))

    def _no_input(self, record, menu_option, menu):
        treatment = menu.get("call_treatment") or {}
        retries = treatment.get("retry_attempt_for_no_input") or "NO_REPEAT"
        timer = int(treatment.get("no_input_timer") or DEFAULT_NO_INPUT_TIMER)
        todo = treatment.get("action_to_be_performed") or {}
        action = todo.get("action")
        if not action:
            self.assume("no_treatment_action")
            action = "DISCONNECT"
        value = _text(todo.get("transfer_call_to"))
        resolved = None
        if action in menus.TRANSFER_ACTIONS:
            resolved = self._resolve(record, value, todo.get(references.OPTION), "no input")
        heard = (
            "after %d s" % timer
            if not RETRY_COUNTS[retries]
            else "the greeting %d more time%s, %d s each"
            % (RETRY_COUNTS[retries], "" if RETRY_COUNTS[retries] == 1 else "s", timer)
        )
        self.step(
            "no_input",
            "No key pressed: %s, then %s%s" % (heard, action, " to %s" % _target_text(*resolved) if resolved else ""),
            record,
            retries=retries,
            no_input_timer=timer,
            action=action,
            value=resolved[1] if resolved else value,
            to=who(resolved[0]) if resolved and resolved[0] else None,
        )
        if action == "PLAY_MESSAGE_AND_DISCONNECT":
            greeting = {"greeting": todo.get("greeting") or "DEFAULT"}
            if greeting["greeting"] == "CUSTOM":
                greeting["audio"] = self._audio(record, todo.get("audio_announcement_file"))
            self.step(
                "greeting",
                "Message: %s" % (self._audio_text(greeting["audio"]) if "audio" in greeting else "the default message"),
                record,
                **greeting,
            )
            self.end("disconnect", reason="no input (PLAY_MESSAGE_AND_DISCONNECT)", record=record)
            return None
        if action == "DISCONNECT":
            self.end("disconnect", reason="no input (DISCONNECT)", record=record)
            return None
        if action == "TRANSFER_TO_OPERATOR":
            self.end("operator", value=numbers.normalise(value) if value else None, record=record)
            return None
        if action == "TRANSFER_TO_MAILBOX":
            self.end("voicemail", value=numbers.normalise(value), record=record)
            return None
        return self._go_to(record, value, None, "no input", resolved=resolved)

    # -- transfers ------------------------------------------------------------------------------------------------

    def _resolve(self, record, value, reference, via):
        """(the attendant a transfer from RECORD reaches or None, the number it dials); Unresolved for a dangling
        reference, a transfer without a number, or a number several attendants have."""
        if reference is not None:
            try:
                location, name = references.parse(reference)
            except ValueError as error:
                raise Unresolved("%s of %r: %s" % (via, record["name"], error)) from None
            location = location if location is not None else record["location"]
            target = self.catalog.attendant(location, name)
            if target is None:
                raise Unresolved(
                    "%s of %r names auto attendant %r in location %s, which the data does not hold"
                    % (via, record["name"], name, location)
                )
            return target, _number_of(target, record)
        if not value:
            raise Unresolved("%s of %r transfers to no number" % (via, record["name"]))
        target, problem = self.catalog.attendant_by_number(value, record["location"])
        if problem:
            raise Unresolved("%s of %r: %s" % (via, record["name"], problem))
        return target, numbers.normalise(numbers.compact(value))

    def _go_to(self, record, value, reference, via, forwarded=False, resolved=None):
        """The hop to the attendant a transfer (or forwarding) from RECORD reaches, or the end at a number."""
        target, value = resolved or self._resolve(record, value, reference, via)
        if target is not None:
            return (
                target,
                value,
                "%s from %r, %s" % ("forwarded" if forwarded else "transfer", record["name"], via),
                None,
            )
        kind, value = dialled(value)
        self.end(kind, value=value, record=record, reason="%s of %r" % (via, record["name"]))
        return None

    # -- result ---------------------------------------------------------------------------------------------------

    def result(self):
        call = {
            "number": _text(self.call.get("number")),
            "location": _text(self.call.get("location")),
            "auto_attendant": _text(self.call.get("auto_attendant")),
            "at": self.moment.astimezone(self.entry_zone).isoformat() if self.moment else _text(self.call.get("at")),
            "caller": _text(self.call.get("caller")),
            "presses": list(self.presses),
        }
        return {
            "call": {key: value for key, value in call.items() if value is not None or key == "presses"},
            "steps": self.steps,
            "destination": self.destination,
            "auto_attendants": self.visited,
            "menus": self.menus,
            "presses_left": self.presses[self.index :],
            "assumptions": self.assumptions,
        }


_AGAIN = object()  # a key that keeps the caller in the menu


def _scope(kind, record):
    """How far dialling by name or extension reaches, as the attendant's name_dialing / extension_dialing says."""
    # Not set: ENTERPRISE, the service's documented default.
    scope = record["options"].get("%s_dialing" % kind) or "ENTERPRISE"
    if scope == "GROUP":
        return "%s dialing within location %s" % (kind, record["location"])
    return "%s dialing in the whole organisation" % kind


def _number_of(target, record):
    """The number a transfer from RECORD dials to reach the attendant TARGET (references.number_for's rule)."""
    options = target["options"]
    item = {"extension": options.get("extension"), "esn": target.get("esn"), "phoneNumber": options.get("phone_number")}
    return references.number_for(item, target["location"] == record["location"])[0]


def _target_text(target, value):
    """'2200, auto attendant 'Sales'' for a transfer to an attendant, the number for any other."""
    if target is None:
        return value
    name = "auto attendant %r" % target["name"]
    return "%s, %s" % (value, name) if value else name


# -- operating modes --------------------------------------------------------------------------------------------

DAY_FIELDS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")  # date.weekday() order


def _window_covers(window, local):
    """Whether a day window of an operating mode ({enabled, all_day_enabled, start_time, end_time}) covers LOCAL."""
    if not isinstance(window, dict) or not window.get("enabled"):
        return False
    if window.get("all_day_enabled"):
        return True
    start, end = window.get("start_time"), window.get("end_time")
    if not start or not end:
        return False
    clock = local.strftime("%H:%M")
    return str(start)[:5] <= clock < str(end)[:5]


def _mode_at(modes, local):
    """(mode, why) of the operating mode in effect at LOCAL (naive wall-clock time), or None."""
    for mode in modes:
        if mode.get("type") == "HOLIDAY":
            found = occurrence.event_at(mode.get("holidays") or [], local)
            if found:
                return mode, "holiday %r" % found[0]
    day = DAY_FIELDS[local.weekday()]
    for mode in modes:
        if mode.get("type") == "SAME_HOURS_DAILY":
            same = mode.get("same_hours_daily") or {}
            window = same.get("monday_to_friday") if local.weekday() < 5 else same.get("saturday_to_sunday")
            if _window_covers(window, local):
                return mode, "its hours on %s" % day.capitalize()
        if mode.get("type") == "DIFFERENT_HOURS_DAILY":
            if _window_covers((mode.get("different_hours_daily") or {}).get(day), local):
                return mode, "its hours on %s" % day.capitalize()
    for mode in modes:
        if mode.get("type") == "NONE":
            return mode, "no_schedule"
    return None


def trace(catalog, call, now=None):
    """Trace CALL (number or location + auto_attendant, at, caller, presses) through CATALOG; the result dict."""
    return Tracer(catalog, call, now=now).run()
