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
of evaluation and every reading the API reference does not settle are in vocabulary.py (ORDER, ASSUMPTIONS); a trace
lists the assumptions it relied on. The forwarding steps are in forwarding.py, the call's moment in moment.py.
"""

from __future__ import annotations

import datetime

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._call_path.catalog import dialled
from ansible_collections.wxc.calling.plugins.module_utils._call_path.forwarding import ForwardingSteps
from ansible_collections.wxc.calling.plugins.module_utils._call_path.moment import describe_moment, parse_at, zone
from ansible_collections.wxc.calling.plugins.module_utils._call_path.vocabulary import (
    ASSUMPTIONS,
    DEFAULT_NO_INPUT_TIMER,
    MAX_HOPS,
    MENU_NAMES,
    MENU_TITLES,
    RETRY_COUNTS,
    Unresolved,
    identity,
    text_of,
    who,
)
from ansible_collections.wxc.calling.plugins.module_utils._schedule import occurrence


class Tracer(ForwardingSteps):
    """One call through the CATALOG: entry, then each attendant it reaches, until a destination."""

    def __init__(self, catalog, call, now=None):
        self.catalog = catalog
        self.call = call
        self.presses = [text_of(press) for press in call.get("presses") or []]
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
            location, name = call.get("location"), text_of(call["auto_attendant"])
            record = self.catalog.attendant(location, name)
            if record is None:
                raise Unresolved("no auto attendant %r in location %s" % (name, location))
            self.step("entry", "The call starts at auto attendant %r (%s)" % (name, record["location"]), record)
            self._fix_moment(record)
            self.assume("called_number")
            return record, None, "the call starts here", None
        number = text_of(call.get("number"))
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

    def _audiotext_of(self, audio):
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
            self.step("greeting", "Greeting: %s" % self._audiotext_of(greeting["audio"]), record, **greeting)
        else:
            self.step("greeting", "Greeting: the default greeting", record, **greeting)
        keys = {
            text_of(entry.get("key")): entry
            for entry in menu.get("key_configurations") or []
            if isinstance(entry, dict)
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
        key, action = text_of(entry.get("key")), entry.get("action")
        value = text_of(entry.get("value"))
        fields = dict(key=key, action=action, description=text_of(entry.get("description")))
        if action == "PLAY_ANNOUNCEMENT":
            audio = self._audio(record, entry.get("audio_announcement_file"))
            self.step(
                "key",
                "Key %s: plays %s, then the menu again" % (key, self._audiotext_of(audio)),
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
        if action == menus.LEGACY_KEY_ACTION:
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
                % (key, " with prompt" if action == "TRANSFER_WITH_PROMPT" else "", _targettext_of(*resolved)),
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
        value = text_of(todo.get("transfer_call_to"))
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
            "No key pressed: %s, then %s%s" % (heard, action, " to %s" % _targettext_of(*resolved) if resolved else ""),
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
                "Message: %s"
                % (self._audiotext_of(greeting["audio"]) if "audio" in greeting else "the default message"),
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
            "number": text_of(self.call.get("number")),
            "location": text_of(self.call.get("location")),
            "auto_attendant": text_of(self.call.get("auto_attendant")),
            "at": self.moment.astimezone(self.entry_zone).isoformat() if self.moment else text_of(self.call.get("at")),
            "caller": text_of(self.call.get("caller")),
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


def _targettext_of(target, value):
    """'2200, auto attendant 'Sales'' for a transfer to an attendant, the number for any other."""
    if target is None:
        return value
    name = "auto attendant %r" % target["name"]
    return "%s, %s" % (value, name) if value else name


def trace(catalog, call, now=None):
    """Trace CALL (number or location + auto_attendant, at, caller, presses) through CATALOG; the result dict."""
    return Tracer(catalog, call, now=now).run()
