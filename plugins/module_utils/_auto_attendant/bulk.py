# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""webex_auto_attendants: the site engine (_site/) restricted to auto attendants, with the module's own options and
results. Not a second engine: every item is identified, planned, ordered and written by the engine; this file only
maps the options in and the result out.
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site
from ansible_collections.wxc.calling.plugins.module_utils._site.options import DEFAULT_PURGE_LIMIT, checked_items
from ansible_collections.wxc.calling.plugins.module_utils._site.purge import SiteRefused
from ansible_collections.wxc.calling.plugins.module_utils.concurrency import DEFAULT_CONCURRENCY

ACTIONS = ("create", "update", "delete", "nothing")
RESULT_FIELDS = ("name", "location", "location_id", "action", "changed", "auto_attendant", "differing_fields")
ERROR_FIELDS = ("failed", "msg", "api_error", "not_applied", "purged")


def argument_spec():
    """The options of webex_auto_attendants; each item of auto_attendants is checked by validate_options()."""
    return dict(
        # No suboptions here: the items are validated by validate_options() so that every problem of every item is
        # reported at once, naming the item (argument_spec validation stops at the first and names no item).
        auto_attendants=dict(type="list", elements="dict", required=True),
        purge=dict(type="bool", default=False),
        purge_limit=dict(type="int", default=DEFAULT_PURGE_LIMIT),
        concurrency=dict(type="int", default=DEFAULT_CONCURRENCY),
    )


def site_params(params):
    """The webex_site options the task's PARAMS mean: its attendants, nothing else declared."""
    return dict(
        schedules=[],
        announcements=[],
        auto_attendants=params.get("auto_attendants") or [],
        forwarding=[],
        purge={"auto_attendants": bool(params.get("purge"))},
        purge_limit=params.get("purge_limit"),
        concurrency=params.get("concurrency"),
        org_id=params.get("org_id"),
        base_dir=None,
        plan=None,
        plan_max_age=0,
    )


def validate_options(params):
    """Every problem of the task's options and of every item, before any request; [] when valid."""
    return checked_items(site_params(params))[1]


def summary_of(results):
    counts = dict.fromkeys(ACTIONS + ("failed",), 0)
    for entry in results:
        counts["failed" if entry.get("failed") else entry["action"]] += 1
    return counts


def _result(entry):
    result = {field: entry.get(field) for field in RESULT_FIELDS}
    if entry.get("skipped"):
        result.update(failed=True, msg=entry["msg"])
    result.update({field: entry[field] for field in ERROR_FIELDS if field in entry})
    if result["action"] is None:  # could not be planned: say what was under way, as before any write
        result["action"] = "delete" if entry.get("purged") else "nothing"
    return result


def converge(client, params, check_mode=False, diff=False, warn=None):
    """The module result for PARAMS: the engine's run over the attendants, in this module's shape."""
    outcome = site.converge(client, site_params(params), check_mode=check_mode, diff=diff, warn=warn)
    results = [_result(entry) for entry in outcome["objects"]]
    result = dict(
        changed=outcome["changed"],
        results=results,
        summary=summary_of(results),
        undeclared=[{key: value for key, value in entry.items() if key != "kind"} for entry in outcome["undeclared"]],
    )
    if diff:
        result["diff"] = [
            dict(
                entry,
                before_header=entry["before_header"].split(" ", 1)[1],
                after_header=entry["after_header"].split(" ", 1)[1],
            )
            for entry in outcome.get("diff") or []
        ]
    failed = [entry for entry in results if entry.get("failed")]
    if failed:
        result["failed"] = True
        result["msg"] = "%d of %d auto attendants failed (the others converged): %s" % (
            len(failed),
            len(results),
            "; ".join("%s in %s: %s" % (entry["name"], entry["location"], entry["msg"]) for entry in failed),
        )
    return result


def run(module, client):
    """run_module's RUN for webex_auto_attendants: fails listing each failed item, after the others converged."""
    try:
        result = converge(client, module.params, module.check_mode, module._diff, module.warn)  # pylint: disable=protected-access
    except SiteRefused as error:
        module.fail_json(msg=str(error), changed=False)
    if result.pop("failed", False):
        module.fail_json(**result)
    return result
