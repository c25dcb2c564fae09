# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Undo: the declaration that puts back what a run of webex_site changed, from what the run read before writing.

Per object the run planned a write for (pure, over the site the run planned):

    created                 -> declared state absent
    updated                 -> declared as it was read (each resource's own export-to-options code)
    deleted (purge too)     -> declared as it was read: re-created, with a new id
    forwarding              -> every setting as read, its rules as they were (purge_rules): the rules the run
                               created go, the ones it changed come back; of a new attendant: nothing (it goes)

What cannot be put back is never dropped silently: it is listed in not_inverted with the reason (a greeting's audio
cannot be read back from the service; a re-created object gets a new id; a selective rule that purge_rules deleted
was not read, as the run reads only the rules the declaration names).

The inverse plan itself is made by converge.py: this declaration, planned in check mode against the state after the
run, so that applying it is stale-checked like any saved plan. It holds no secret and no local path: greetings are
only ever declared absent.
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import export as attendant_export
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import export as forwarding_export
from ansible_collections.wxc.calling.plugins.module_utils._schedule import export as schedule_export
from ansible_collections.wxc.calling.plugins.module_utils._site.options import (
    DEFAULT_PURGE_LIMIT,
    KINDS,
    PURGEABLE,
    checked_items,
)
from ansible_collections.wxc.calling.plugins.module_utils._site.saved import StalePlan

RECREATED = "re-created from what was read: it gets a new id"
REASONS = {
    "auto_attendants": RECREATED + "; its call forwarding and an audio file stored on the attendant itself were not"
    " read and are not put back",
    "schedules": RECREATED,
    "announcements": "a greeting's audio cannot be read back from the service: the inverse leaves it as it is",
}


def _where(obj):
    return obj.params.get("location")


def _base(obj, **options):
    item = {}
    if obj.kind == "announcements":
        item.update(
            name=obj.name, level=obj.params.get("level") or ("LOCATION" if obj.level_location else "ORGANIZATION")
        )
        if obj.level_location:
            item["location"] = _where(obj)
    else:
        item["location"] = _where(obj)
    if obj.params.get("org_id"):
        item["org_id"] = obj.params["org_id"]
    item.update(options)
    return item


def _not_inverted(obj, inverted, reason):
    return {
        "kind": obj.kind,
        "name": obj.name,
        "location": _where(obj),
        "action": obj.plan.action,
        "inverted": inverted,
        "reason": reason,
    }


def _schedule(obj, missing):
    schedule_type = obj.params["type"]
    if obj.plan.action == "create":
        return _base(obj, type=schedule_type, name=obj.params.get("new_name") or obj.name, state="absent")
    options = schedule_export.options_from_details(obj.current.details, _where(obj), schedule_type)
    if obj.plan.action == "delete":
        missing.append(_not_inverted(obj, "partly", REASONS["schedules"]))
    elif obj.plan.rename:
        options = dict(options, name=obj.plan.rename, new_name=obj.current.details["name"])
    return _base(obj, **{key: value for key, value in options.items() if key != "location"})


def _announcement(obj, missing):
    if obj.plan.action == "create":
        return _base(obj, state="absent")
    missing.append(_not_inverted(obj, "no", REASONS["announcements"]))
    return None


def _attendant(site, obj, missing):
    if obj.plan.action == "create":
        return _base(obj, name=obj.name, state="absent")
    details = obj.as_read if obj.as_read is not None else obj.current.details
    options = attendant_export.options_from_details(details, _where(obj))
    # A transfer to another attendant of the place is put back as a reference by name: it resolves to that
    # attendant's number after the inverse (a re-created target first), and orders the writes.
    items = site.listed("auto_attendants", obj.org, obj.location_id)
    own = next((item for item in items if item.get("id") == details.get("id")), dict(locationId=obj.location_id))
    options = references.references_from_numbers(
        options, own, items, lambda location_id: _where(obj) if location_id == obj.location_id else location_id
    )
    if obj.plan.action == "delete":
        missing.append(_not_inverted(obj, "partly", REASONS["auto_attendants"]))
    unset = sorted({field.split(".", 1)[0].split(" ", 1)[0] for field in obj.plan.fields} - set(options))
    if obj.plan.action == "update" and unset:
        missing.append(
            _not_inverted(
                obj,
                "partly",
                "%s had no value before the run, and webex_auto_attendant cannot take a value away (an option left out"
                " is left alone): left as the run set it" % ", ".join(unset),
            )
        )
    return _base(obj, **{key: value for key, value in options.items() if key != "location"})


def _rule_entries(obj, missing):
    """The rules entries that put the attendant's rules back: as read, renamed back, or kept by name."""
    declared = {rule["name"]: rule for rule in obj.params.get("rules") or []}
    names = {name for rule in declared.values() for name in (rule["name"], rule.get("new_name")) if name}
    entries = []
    for summary in obj.current.settings.get("rules") or []:
        name = summary.get("name")
        details = obj.current.rules.get(name)
        if details is not None:
            entry = forwarding_export.rule_options(details)
            new_name = (declared.get(name) or {}).get("new_name")
            if new_name and new_name != name:
                entry = dict({"name": new_name, "new_name": name}, **{k: v for k, v in entry.items() if k != "name"})
            entries.append(entry)
        elif obj.params.get("purge_rules") and name not in names:
            missing.append(
                _not_inverted(
                    obj,
                    "partly",
                    "selective rule %r was deleted (purge_rules); the run reads only the rules the declaration names,"
                    " so it cannot be put back" % name,
                )
            )
        else:
            entries.append({"name": name})
    return entries


def _forwarding(obj, missing):
    if obj.current.feature_id is None:  # the attendant is new: its inverse deletes it, forwarding and all
        return None
    options = forwarding_export.restoring_options(
        obj.current.settings, _rule_entries(obj, missing), _where(obj), obj.name
    )
    if obj.params.get("operating_modes") and "operating_modes" not in options:
        missing.append(
            _not_inverted(
                obj,
                "partly",
                "the attendant had no operating modes before the run; no option takes the modes the run sets away",
            )
        )
    return _base(obj, **{key: value for key, value in options.items() if key != "location"})


def declaration(site):
    """({kind: [items]}, not_inverted): the webex_site declaration that puts back what SITE's run changes, from what
    it read, and what it cannot put back (each with kind, name, location, action, inverted: partly or no, reason)."""
    items = {kind: [] for kind in KINDS}
    missing = []
    for obj in site.objects + site.purged:
        if obj.plan is None or obj.plan.action == "nothing" or obj.skipped:
            continue
        if obj.kind == "schedules":
            item = _schedule(obj, missing)
        elif obj.kind == "announcements":
            item = _announcement(obj, missing)
        elif obj.kind == "auto_attendants":
            item = _attendant(site, obj, missing)
        else:
            item = _forwarding(obj, missing)
        if item is not None:
            items[obj.kind].append(item)
    return items, missing


def params_for(params, items):
    """The webex_site params of a run of the declaration ITEMS with the task's other options (connection,
    concurrency, plan, plan_max_age): no purge, the default purge_limit, no base_dir (an inverse has no file)."""
    result = dict(params, purge={kind: False for kind in PURGEABLE}, purge_limit=DEFAULT_PURGE_LIMIT, base_dir=None)
    for kind in KINDS:
        result[kind] = list(items.get(kind) or [])
    return result


def declared_by(plan, params):
    """The params of a run applying PLAN, when PLAN carries its own declaration (site: an inverse), else PARAMS.

    The task must then declare nothing itself; the declaration the plan carries is checked as any declaration is
    (StalePlan naming the item and the option)."""
    site = plan.get("site")
    if site is None:
        return params
    if (
        not isinstance(site, dict)
        or set(site) - set(KINDS)
        or not all(isinstance(site.get(kind, []), list) for kind in KINDS)
    ):
        raise StalePlan("plan: site must be a dictionary of the lists %s" % ", ".join(KINDS))
    given = [kind for kind in KINDS if params.get(kind)] + ["purge"] * any((params.get("purge") or {}).values())
    if given:
        raise StalePlan(
            "plan: carries its own declaration (site: an inverse); leave %s out of the task" % ", ".join(given)
        )
    result = params_for(params, site)
    problems = checked_items(result)[1]
    if problems:
        raise StalePlan("plan: site: %s" % "; ".join(problems))
    return result
