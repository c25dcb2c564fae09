# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Saved plans: the plan of a check-mode run as data, and the proof that a later run carries out exactly that plan.

A plan holds, per action (in the order of the writes): the object, the action, the fields that differ with their
before and after, a risk class, and the fingerprint of what was read of the object when it was planned; and for the
whole plan the hash of the declaration, its risk class and when it was made. It holds no secret and no absolute local
path (a greeting file counts by its name and the hash of its content).

Fingerprints are over what was read, normalised as the comparison normalises it (numbers in canonical form, keys in
key order, read-only fields dropped), so that the service's own rewrites (+1-NXXNXXXXXX) do not make every plan stale.

Applying a plan: the run reads everything again and plans again; before the first write it refuses ("stale plan",
naming what moved) when the declaration's hash differs, the plan is older than its maximum age, an object's
fingerprint differs, or the new plan holds an action the saved one does not (or lacks one it holds).
"""

from __future__ import annotations

import copy
import datetime
import hashlib
import json
import os

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.module_utils._announcement.compare import normalised_language
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.compare import writable
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.compare import writable_rule
from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import canonical_event
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError

FORMAT = 1
RISKS = ("none", "cosmetic", "routing", "destructive")
# Attendant fields that change nothing a caller reaches or hears: names nothing dials.
COSMETIC_ATTENDANT_FIELDS = ("first_name", "last_name", "direct_line_caller_id_name")


class StalePlan(ResourceError):
    """The saved plan no longer fits the declaration or the organisation: refused before any write."""


def _digest(value):
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


# -- what was read, normalised as compared ----------------------------------------------------------------------------


def _canonical_numbers(value):
    """VALUE with every phone number, extension and destination in canonical form, at any depth."""
    if isinstance(value, dict):
        return {
            key: numbers.canonical(item)
            if key in ("destination", "phoneNumber", "extension", "value", "transferCallTo") and isinstance(item, str)
            else _canonical_numbers(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_canonical_numbers(item) for item in value]
    return value


def read_view(obj):
    """What was read of OBJ, as the comparison sees it (None: the object does not exist)."""
    current = obj.current
    if current is None:
        return None
    if obj.kind == "auto_attendants":
        details = current.details
        return None if details is None else _canonical_numbers(writable(details))
    if obj.kind == "schedules":
        details = current.details
        if details is None:
            return None
        events = sorted(
            (canonical_event(event) for event in details.get("events") or []), key=lambda event: event["name"]
        )
        return {"name": details.get("name"), "events": events}
    if obj.kind == "announcements":
        details = current.details
        if details is None:
            return None
        view = {
            field: details.get(field)
            for field in ("id", "name", "fileName", "mediaFileType", "fileSize", "text", "voice")
        }
        view.update(
            isTextToSpeech=bool(details.get("isTextToSpeech")), language=normalised_language(details.get("language"))
        )
        return view
    settings = copy.deepcopy(current.settings or {})
    settings["rules"] = sorted(
        (
            {"name": summary.get("name"), "enabled": bool(summary.get("enabled"))}
            for summary in settings.get("rules") or []
        ),
        key=lambda summary: summary["name"] or "",
    )
    rules = {name: writable_rule(details) for name, details in sorted((current.rules or {}).items())}
    return _canonical_numbers({"exists": current.feature_id is not None, "settings": settings, "rules": rules})


def fingerprint(obj):
    return _digest(read_view(obj))


# -- the declaration --------------------------------------------------------------------------------------------------


def _file_digest(path):
    try:
        with open(path, "rb") as handle:
            return "sha256:" + hashlib.sha256(handle.read()).hexdigest()
    except OSError:
        return None


def declaration_digest(items, params):
    """The hash of the declaration: every validated item (a greeting file by its name and content, never its path),
    and the options that change the plan."""
    declared = {}
    for kind, entries in items.items():
        declared[kind] = []
        for item in entries:
            entry = dict(item or {})
            if kind == "announcements" and entry.get("path"):
                entry["path"] = {"file": os.path.basename(entry["path"]), "content": _file_digest(entry["path"])}
            declared[kind].append(entry)
    for option in ("purge", "purge_limit", "org_id"):
        declared[option] = params.get(option)
    return _digest(declared)


# -- risk ----------------------------------------------------------------------------------------------------------


def _only_descriptions_differ(obj, field):
    """Whether the differing keys of the menu path FIELD differ only in their description."""
    if not field.startswith(tuple("%s.key_configurations" % menu for menu in menus.MENUS)):
        return False
    menu = field.split(".", 1)[0]
    wanted = {entry.get("key"): entry for entry in (obj.resolved.get(menu) or {}).get("key_configurations") or []}
    api_menu = dict(zip(menus.MENUS, menus.API_MENUS))[menu]
    have = {
        entry.get("key"): entry
        for entry in ((obj.current.details or {}).get(api_menu) or {}).get("keyConfigurations") or []
    }
    for key in field.split("(key ", 1)[1].rstrip(")").split(", "):
        if key not in wanted or key not in have:
            return False
        mine, theirs = wanted[key], have[key]
        if mine.get("action") != theirs.get("action") or not numbers.same_number(
            mine.get("value"), theirs.get("value")
        ):
            return False
    return True


def risk_of(obj, action, fields):
    """destructive (a delete), routing (what a caller reaches or hears), cosmetic (descriptions, names nothing dials)."""
    if action == "delete":
        return "destructive"
    if action == "nothing":
        return "none"
    if action == "create":
        return "routing"
    if obj.kind == "schedules" and all(field == "name" for field in fields):
        return "cosmetic"
    if (
        obj.kind == "auto_attendants"
        and fields
        and all(
            field.split(".", 1)[0] in COSMETIC_ATTENDANT_FIELDS or _only_descriptions_differ(obj, field)
            for field in fields
        )
    ):
        return "cosmetic"
    return "routing"


def highest(risks):
    return max(risks, key=RISKS.index) if risks else "none"


# -- the plan as data -------------------------------------------------------------------------------------------------


def value_at(view, field):
    """The value of VIEW (a diff's before or after, snake_case) at the option path FIELD, as plan.md shows it:
    "a.b", "<menu>.key_configurations (key 1, 2)" (those key entries), "events (Saturday)", "rules (VIP)"."""
    if not isinstance(view, dict):
        return None
    path, _separator, names = field.partition(" (")
    names = [name.strip() for name in names.rstrip(")").split(",")] if names else []
    if names and path.endswith("key_configurations"):
        path, names = path[: -len(".key_configurations")], [name.replace("key ", "", 1) for name in names]
        entries = ((value_at(view, path) or {}).get("key_configurations")) or []
        found = [entry for entry in entries if isinstance(entry, dict) and entry.get("key") in names]
        return found or None
    value = view
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if names and isinstance(value, list):
        found = [entry for entry in value if isinstance(entry, dict) and entry.get("name") in names]
        return found or None
    return value


def _changes(action, fields, diff):
    if action == "delete":
        return [{"field": "-", "old": "exists", "new": "deleted"}]
    return [
        {"field": field, "old": value_at(diff.get("before"), field), "new": value_at(diff.get("after"), field)}
        for field in fields
    ]


def now():
    return datetime.datetime.now(datetime.timezone.utc)


def make(site, entries, digest, clock=now):
    """The saved plan of a check-mode run: ENTRIES are the run's objects (report()), in the order of site.objects."""
    actions = []
    objects = site.objects + site.purged
    for obj, entry in zip(objects, entries):
        if entry.get("failed") or entry.get("skipped") or entry["action"] in (None, "nothing"):
            continue
        the_plan = obj.plan
        diff = the_plan.diff() if the_plan is not None else {}
        actions.append(
            {
                "order": entry["order"],
                "kind": entry["kind"],
                "name": entry["name"],
                "type": entry.get("type"),
                "location": entry["location"],
                "location_id": entry["location_id"],
                "action": entry["action"],
                "purged": bool(entry.get("purged")),
                "fields": list(entry["differing_fields"]),
                "risk": risk_of(obj, entry["action"], entry["differing_fields"]),
                "changes": _changes(entry["action"], entry["differing_fields"], diff),
                "fingerprint": fingerprint(obj),
            }
        )
    actions.sort(key=lambda action: action["order"])
    blocked = [entry for entry in entries if entry.get("failed") or entry.get("skipped")]
    return {
        "format": FORMAT,
        "created": clock().strftime("%Y-%m-%dT%H:%M:%SZ"),
        "declaration": digest,
        "risk": highest([action["risk"] for action in actions]),
        "actions": actions,
        "unchanged": sum(1 for entry in entries if entry["action"] == "nothing"),
        "failed": ["%s %s: %s" % (entry["kind"], entry["name"], entry.get("msg")) for entry in blocked],
    }


# -- applying a saved plan --------------------------------------------------------------------------------------------


def _identity(action):
    return (action["kind"], action.get("location_id"), action.get("type"), action["name"])


def loaded(plan):
    """PLAN (a dict, or its JSON text) checked for shape; the problems name the option."""
    if isinstance(plan, str):
        try:
            plan = json.loads(plan)
        except ValueError as error:
            raise StalePlan("plan: is not JSON (%s)" % error) from None
    if not isinstance(plan, dict) or plan.get("format") != FORMAT or not isinstance(plan.get("actions"), list):
        raise StalePlan("plan: is not a plan of webex_site (format %d), the 'plan' a check-mode run returns" % FORMAT)
    for field in ("created", "declaration"):
        if not isinstance(plan.get(field), str):
            raise StalePlan("plan: has no %s" % field)
    return plan


def check(saved, fresh, max_age_hours, clock=now):
    """Refuse (StalePlan, naming what moved) unless FRESH (the plan made now) is SAVED, before any write."""
    try:
        created = datetime.datetime.strptime(saved["created"], "%Y-%m-%dT%H:%M:%SZ").replace(
            tzinfo=datetime.timezone.utc
        )
    except ValueError:
        raise StalePlan("plan: created %r is not a time" % saved["created"]) from None
    age = (clock() - created).total_seconds() / 3600.0
    if max_age_hours and age > max_age_hours:
        raise StalePlan(
            "stale plan: made %.1f hours ago, older than plan_max_age %g hours; plan again" % (age, max_age_hours)
        )
    if saved["declaration"] != fresh["declaration"]:
        raise StalePlan("stale plan: the declaration changed since the plan was made (nothing was written); plan again")
    moved = []
    fresh_by_identity = {_identity(action): action for action in fresh["actions"]}
    for action in saved["actions"]:
        now_planned = fresh_by_identity.pop(_identity(action), None)
        label = "%s %r (%s)" % (action["kind"], action["name"], action.get("location") or "organization")
        if now_planned is None:
            moved.append("%s: the plan holds %s, which is no longer needed" % (label, action["action"]))
        elif now_planned["fingerprint"] != action["fingerprint"]:
            moved.append("%s changed since the plan was made" % label)
        elif (now_planned["action"], now_planned["fields"]) != (action["action"], action["fields"]):
            moved.append("%s: the plan holds %s of %s, now %s of %s" % (
                label, action["action"], ", ".join(action["fields"]) or "-", now_planned["action"], ", ".join(now_planned["fields"]) or "-"))  # fmt: skip
    for action in fresh_by_identity.values():
        moved.append("%s %r (%s): %s is needed now, which the plan does not hold" % (
            action["kind"], action["name"], action.get("location") or "organization", action["action"]))  # fmt: skip
    if moved:
        raise StalePlan("stale plan: %s (nothing was written); plan again" % "; ".join(moved))
