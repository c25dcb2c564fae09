# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""webex_site options: a declaration of one or more locations, as lists of the resource modules' own options.

Every item of every kind is judged by its module's own rulebook (argument_spec, then validate_options), and every
problem of every item is reported at once, naming the kind, the item and the option, before any request.
"""

from __future__ import annotations

import os

from ansible_collections.wxc.calling.plugins.module_utils._announcement import options as announcement_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as attendant_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as forwarding_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as schedule_options
from ansible_collections.wxc.calling.plugins.module_utils.concurrency import DEFAULT_CONCURRENCY, MAX_CONCURRENCY
from ansible_collections.wxc.calling.plugins.module_utils.resource import checked_options

# The kinds, in the order a site is built: what others refer to first.
KINDS = ("schedules", "announcements", "auto_attendants", "forwarding")
PURGEABLE = ("schedules", "announcements", "auto_attendants")
NOUNS = {
    "schedules": "schedule",
    "announcements": "announcement",
    "auto_attendants": "auto attendant",
    "forwarding": "call forwarding",
}
MODULES = {
    "schedules": "webex_schedule",
    "announcements": "webex_announcement",
    "auto_attendants": "webex_auto_attendant",
    "forwarding": "webex_auto_attendant_forwarding",
}
DEFAULT_PURGE_LIMIT = 10
DEFAULT_PLAN_MAX_AGE = 24.0  # hours


def item_argument_spec(kind):
    """The options of one item of KIND: its module's resource options, and org_id (overrides the task's)."""
    spec = {
        "schedules": schedule_options.argument_spec,
        "announcements": announcement_options.argument_spec,
        "auto_attendants": attendant_options.argument_spec,
        "forwarding": forwarding_options.argument_spec,
    }[kind]()
    spec["org_id"] = dict(type="str")
    return spec


def _validate(kind):
    return {
        "schedules": schedule_options.validate_options,
        "announcements": announcement_options.validate_options,
        "auto_attendants": attendant_options.validate_options,
        "forwarding": forwarding_options.validate_options,
    }[kind]


def argument_spec():
    """The options of webex_site; each item is checked against item_argument_spec(kind) by validate_options()."""
    spec = {
        # No suboptions here: the items are validated by validate_options() so that every problem of every item is
        # reported at once, naming the item (argument_spec validation stops at the first and names no item).
        kind: dict(type="list", elements="dict", default=[])
        for kind in KINDS
    }
    spec.update(
        purge=dict(type="dict", default={}, options={kind: dict(type="bool", default=False) for kind in PURGEABLE}),
        purge_limit=dict(type="int", default=DEFAULT_PURGE_LIMIT),
        concurrency=dict(type="int", default=DEFAULT_CONCURRENCY),
        base_dir=dict(type="path"),
        plan=dict(type="raw"),
        plan_max_age=dict(type="float", default=DEFAULT_PLAN_MAX_AGE),
    )
    return spec


def item_label(kind, index, item):
    """How messages name an item: its kind, its index in that list and its name."""
    name = None
    if isinstance(item, dict):
        name = item.get("auto_attendant") if kind == "forwarding" else item.get("name")
    return "%s[%d] (%s)" % (kind, index, repr(name) if isinstance(name, str) and name.strip() else "no name")


def spelled_key(kind, item, task_org):
    """An item's identity as written (organisation, location, and the name that identifies it in its kind)."""
    org = item.get("org_id") or task_org or None
    if kind == "schedules":
        return (org, item.get("location"), kind, item.get("type"), item.get("new_name") or item.get("name"))
    if kind == "announcements":
        level = announcement_options.level_of(item)
        location = item.get("location") if level == announcement_options.LOCATION else None
        return (org, location, kind, level, item.get("name"))
    if kind == "forwarding":
        return (org, item.get("location"), kind, item.get("auto_attendant"))
    return (org, item.get("location"), kind, item.get("name"))


def _with_base_dir(kind, item, base_dir):
    """An announcement's relative path is taken from BASE_DIR (the module's working directory when unset)."""
    if kind != "announcements" or not base_dir or not isinstance(item.get("path"), str):
        return item
    path = os.path.expanduser(item["path"])
    return dict(item, path=path if os.path.isabs(path) else os.path.join(base_dir, path))


def checked_items(params):
    """({kind: [validated item or None]}, problems): every item of every kind checked, each problem naming the item."""
    problems = []
    if params.get("purge_limit") is not None and params["purge_limit"] < 0:
        problems.append("purge_limit: %d is negative (0 means no limit)" % params["purge_limit"])
    concurrency = params.get("concurrency")
    if concurrency is not None and not 1 <= concurrency <= MAX_CONCURRENCY:
        problems.append("concurrency: %d is out of range (1 to %d)" % (concurrency, MAX_CONCURRENCY))
    if params.get("plan_max_age") is not None and params["plan_max_age"] < 0:
        problems.append("plan_max_age: %g is negative (0 means no limit)" % params["plan_max_age"])
    plan = params.get("plan")
    if plan is not None and not isinstance(plan, (dict, str)):
        problems.append("plan: must be the plan a check-mode run returned (a dictionary, or its JSON text)")
    items = {}
    for kind in KINDS:
        spec, validate = item_argument_spec(kind), _validate(kind)
        items[kind] = []
        for index, raw in enumerate(params.get(kind) or []):
            label = item_label(kind, index, raw)
            if not isinstance(raw, dict):
                problems.append("%s: must be a dictionary of %s options" % (label, MODULES[kind]))
                items[kind].append(None)
                continue
            item, item_problems = checked_options(spec, validate, _with_base_dir(kind, raw, params.get("base_dir")))
            problems.extend("%s: %s" % (label, problem) for problem in item_problems)
            items[kind].append(None if item_problems else item)
    problems.extend(_declared_twice(items, params.get("org_id")))
    problems.extend(_forwarding_of_deleted(items, params.get("org_id")))
    return items, problems


def _declared_twice(items, task_org):
    first, problems = {}, []
    for kind in KINDS:
        for index, item in enumerate(items[kind]):
            if item is None:
                continue
            key = spelled_key(kind, item, task_org)
            if key in first:
                where = " in location %r" % key[1] if key[1] is not None else ""
                problems.append(
                    "%s: declared twice%s (also %s); declare each %s once"
                    % (item_label(kind, index, item), where, first[key], NOUNS[kind])
                )
            else:
                first[key] = "%s[%d]" % (kind, index)
    return problems


def _forwarding_of_deleted(items, task_org):
    """Forwarding declared for an auto attendant the same declaration deletes: a contradiction, refused."""
    deleted = {
        spelled_key("auto_attendants", item, task_org)[:2] + (item["name"],)
        for item in items["auto_attendants"]
        if item is not None and item["state"] == "absent"
    }
    return [
        "%s: the declaration deletes auto attendant %r (state absent); leave its forwarding out"
        % (item_label("forwarding", index, item), item["auto_attendant"])
        for index, item in enumerate(items["forwarding"])
        if item is not None and spelled_key("forwarding", item, task_org)[:2] + (item["auto_attendant"],) in deleted
    ]


def validate_options(params):
    """Every problem of the task's options and of every item, before any request; [] when valid."""
    return checked_items(params)[1]
