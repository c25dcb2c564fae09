# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The site engine (webex_site): a declaration of schedules, greetings, auto attendants and forwarding, planned as
one ordered graph and converged in one run; and the module's run().

    plan.SitePlan(...).make()   every item checked, identity, reads, the plan of every object, purge, refusals
    -> order()                  the steps and the waves they run in (graph.py); what a failed object's plan blocks
    -> check mode stops here    the plan is the result: per object its action, differing fields and place in order
    -> execute()                wave after wave, each object through its resource's own apply(); a step whose
                                dependency failed is not attempted
    -> report()                 per object, a summary by kind, the undeclared objects, diff
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as announcement
from ansible_collections.wxc.calling.plugins.module_utils._announcement.service import AnnouncementService
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as attendant
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.compare import to_snake as attendant_snake
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.resolve import resolve_references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import AutoAttendantService
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import converge as forwarding
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.compare import to_snake as forwarding_snake
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.service import ForwardingService
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as schedule
from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import differences
from ansible_collections.wxc.calling.plugins.module_utils._schedule.compare import to_snake as schedule_snake
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import TYPES
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils._site import graph, saved
from ansible_collections.wxc.calling.plugins.module_utils._site.compare import (
    dialled_numbers_change,
    jinja_safe_summary,
)
from ansible_collections.wxc.calling.plugins.module_utils._site.options import KINDS, MODULES
from ansible_collections.wxc.calling.plugins.module_utils._site.plan import SitePlan
from ansible_collections.wxc.calling.plugins.module_utils._site.purge import (
    SiteRefused,
    SiteSkipped,
    numbers_of,
    transfers,
)
from ansible_collections.wxc.calling.plugins.module_utils.concurrency import run_all
from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    ResourceError,
    WriteNotApplied,
    writes_reported,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

RESULT_FIELDS = {
    "schedules": "schedule",
    "announcements": "announcement",
    "auto_attendants": "auto_attendant",
    "forwarding": "forwarding",
}


# -- what each object needs first -------------------------------------------------------------------------------------


def _needs(site, obj, by_identity):
    """The keys of the objects OBJ needs written (or kept) first: what it names after the run."""
    if obj.plan is None:
        return set()
    found = set()
    if obj.kind == "auto_attendants" and obj.present:
        for field, schedule_type in (("business_schedule", "businessHours"), ("holiday_schedule", "holidays")):
            name = obj.resolved.get(field)
            if name:
                found.add(by_identity.get((obj.org, obj.location_id, "schedules", schedule_type, name)))
        for level_location, name in getattr(obj, "greetings", ()):
            found.add(by_identity.get((obj.org, level_location, "announcements", name)))
        found |= _files_played(site, obj)
        obj.refs = {}
        for target in references.targets(obj.params, obj.params["location"]):
            other = _attendant_at(site, obj.org, target)
            if other is not None and other is not obj:
                obj.refs[target] = other.key
                if other.plan is not None and (
                    other.plan.action == "create"
                    or dialled_numbers_change(other.item, getattr(other, "after", None) or {})
                ):
                    found.add(other.key)
                elif other.plan is None:
                    found.add(other.key)
    elif obj.kind == "forwarding":
        found.add(by_identity.get((obj.org, obj.location_id, "auto_attendants", obj.name)))
        for _option, schedule_type, name in obj.plan.schedules_named:
            found.add(by_identity.get((obj.org, obj.location_id, "schedules", schedule_type, name)))
    elif obj.plan.action == "delete":
        found |= _referrers_rewritten(site, obj)
    if obj.kind == "auto_attendants" and obj.present and obj.plan.action in ("create", "update"):
        found |= _deletes_freeing(site, obj)
    return found - {None}


def _files_played(site, obj):
    """The declared greetings OBJ's menus play by file name (as the role gives a greeting_file), not by announcement
    name: uploaded before it, as those named are."""
    played = set()
    for place in menus.places(obj.resolved):
        audio = place.holder.get("audio_announcement_file") or {}
        if not audio.get("id") and audio.get("file_name") and audio.get("level") in ("LOCATION", "ORGANIZATION"):
            played.add((obj.location_id if audio["level"] == "LOCATION" else None, audio["file_name"]))
    return {
        other.key
        for other in site.live("announcements")
        if other.org == obj.org
        and other.plan is not None
        and (other.level_location, (other.plan.after or {}).get("file_name")) in played
    }


def _deletes_freeing(site, obj):
    """The attendant deletes that free an extension or number OBJ takes (a rename through purge): done before it."""
    taken = {
        ("extension", obj.location_id, (obj.after or {}).get("extension")),
        ("phone", None, numbers.canonical((obj.after or {}).get("phoneNumber"))),
    }
    freed = set()
    for victim in site.live("auto_attendants"):
        if victim is obj or victim.plan is None or victim.plan.action != "delete" or victim.org != obj.org:
            continue
        item = victim.item or {}
        held = {
            ("extension", victim.location_id, item.get("extension")),
            ("phone", None, numbers.canonical(item.get("phoneNumber"))),
        }
        if {entry for entry in taken & held if entry[2]}:
            freed.add(victim.key)
    return freed


def _attendant_at(site, org, target):
    location, name = target
    for other in site.live("auto_attendants"):
        if (
            other.org == org
            and other.name == name
            and location in (other.location_id, other.location_name, other.params["location"])
        ):
            return other
    return None


def _referrers_rewritten(site, victim):
    """The declared attendants whose write takes away what refers to VICTIM (they are written before it is deleted)."""
    keys = set()
    for obj in site.live("auto_attendants"):
        details = obj.current.details if obj.current is not None else None
        if not details or obj.plan is None or obj.plan.action != "update":
            continue
        if victim.kind == "schedules" and TYPES[victim.params["type"]] in ("businessHours", "holidays"):
            field = {"businessHours": "businessSchedule", "holidays": "holidaySchedule"}[TYPES[victim.params["type"]]]
            if obj.location_id == victim.location_id and details.get(field) == victim.current.details.get("name"):
                keys.add(obj.key)
        elif victim.kind == "announcements":
            played = {
                (place.holder.get("audioAnnouncementFile") or {}).get("id")
                for place in menus.places(details, menus.API)
            }
            if victim.current.id in played:
                keys.add(obj.key)
        elif victim.kind == "auto_attendants" and obj.org == victim.org:
            # Only a referrer: what dials one of the numbers that reach VICTIM (from its own location, its extension).
            dialled = numbers_of(victim.item or {}, obj.location_id == victim.location_id)
            if dialled & transfers(details, menus.API):
                keys.add(obj.key)
    return keys


def order(site):
    """The steps of SITE in execution order; an object whose needs failed while planning fails too (not attempted)."""
    by_identity = {obj.key: obj.key for obj in site.live()}
    needs = {obj.key: _needs(site, obj, by_identity) for obj in site.live()}
    failed = {obj.key: obj for obj in site.objects + site.purged if obj.error is not None and obj.key is not None}
    changed = True
    while changed:
        changed = False
        for obj in site.live():
            blocked = [failed[key] for key in needs.get(obj.key, ()) if key in failed]
            if blocked:
                obj.skipped = "not attempted: %s failed" % ", ".join(other.label for other in blocked)
                obj.error = SiteSkipped(obj.skipped)
                failed[obj.key] = obj
                changed = True
    writes, deletes = [], []
    for obj in site.live():
        if obj.plan is None or obj.plan.action == "nothing":
            continue
        (deletes if obj.plan.action == "delete" else writes).append((obj.key, obj.kind, obj.plan.action))
    writes.sort(key=lambda write: graph.WRITE_ORDER.index(write[1]))
    steps = graph.order(writes, deletes, needs)
    by_key = {obj.key: obj for obj in site.live()}
    for number, step in enumerate(steps, 1):
        by_key[step.key].steps.append((number, step))
    return steps


# -- the writes -------------------------------------------------------------------------------------------------------


def execute(site, steps):
    """Run STEPS wave after wave (each wave concurrently); an object whose dependency failed is not attempted."""
    by_key = {obj.key: obj for obj in site.live()}
    failed = {obj.key for obj in site.objects + site.purged if obj.error is not None and obj.key is not None}
    for wave in graph.waves(steps):
        todo = []
        for step in wave:
            obj = by_key.get(step.key)
            if obj is None or obj.key in failed:
                continue
            blocked = sorted(str(by_key[key].label) for key in step.needs if key in failed and key in by_key)
            if blocked:
                obj.skipped = "not attempted: %s failed" % ", ".join(blocked)
                obj.error = SiteSkipped(obj.skipped)
                failed.add(obj.key)
                continue
            todo.append(step)
        outcome = run_all(
            [lambda step=step: _reported(site, by_key[step.key], step) for step in todo], site.concurrency
        )
        for step, (value, error) in zip(todo, outcome):
            obj = by_key[step.key]
            if error is not None:
                obj.error = error
                failed.add(obj.key)
                continue
            written_plan, result, sent = value
            obj.written = getattr(obj, "written", False) or written_plan.changed or sent
            obj.result = result
            if not step.second:
                obj.written_plan = written_plan


def _reported(site, obj, step):
    """_write() of one step, its writes watched (resource.writes_reported): a failure after a write that may have
    taken is changed, naming the write; returns (plan, result, whether a write was sent)."""
    with writes_reported(obj.client) as writes:
        written_plan, result = _write(site, obj, step)
    return written_plan, result, bool(writes.sent)


def _write(site, obj, step):
    """One step: the object's own resource apply(), on the state read while planning."""
    if obj.kind == "schedules":
        return schedule.apply(ScheduleService(obj.client), obj.location_id, obj.params, obj.plan, obj.current)
    if obj.kind == "announcements":
        return announcement.apply(
            AnnouncementService(obj.client), obj.level_location, obj.params, obj.plan, obj.current
        )
    if obj.kind == "forwarding":
        return _write_forwarding(site, obj)
    service = AutoAttendantService(obj.client)
    if obj.plan.action == "delete":
        return attendant.apply(service, obj.location_id, obj.params, obj.plan, obj.current)
    params = obj.params
    if step.deferred:
        later = {target for target, key in getattr(obj, "refs", {}).items() if key in step.deferred}
        params = references.without(params, params["location"], later)
    current = attendant.read(service, obj.location_id, obj.name) if step.second else obj.current
    # References resolve now, against what the earlier waves wrote: the numbers the targets have after the run.
    resolved = resolve_references(
        service, obj.location_id, params, warn=site.warn, announcement_lookups=site.announcements
    )
    the_plan = attendant.plan_for(resolved, current)
    attendant.check_references(service, obj.location_id, resolved, the_plan, current)
    return attendant.apply(service, obj.location_id, resolved, the_plan, current)


def _write_forwarding(site, obj):
    service = ForwardingService(obj.client)
    current, the_plan = obj.current, obj.plan
    if current.feature_id is None:  # its attendant was created by this run: plan against what the service made
        current = forwarding.read(service, obj.location_id, obj.params)
        the_plan = forwarding.plan_for(obj.params, current)
        forwarding.check_schedules(service, obj.location_id, the_plan, False, site.warn)
    return forwarding.apply(service, obj.location_id, obj.params, the_plan, current)


# -- the result -------------------------------------------------------------------------------------------------------


def _differing(obj, the_plan):
    """What differs, as option paths."""
    if the_plan is None or the_plan.action in ("nothing", "delete"):
        return []
    if obj.kind == "schedules":
        if the_plan.action == "create":
            return ["name"] + ["events (%s)" % event["name"] for event in the_plan.body.get("events") or []]
        return differences(schedule.desired_for(obj.params, obj.current), obj.current.details)
    if obj.kind == "forwarding":
        fields = [
            "%s.%s" % (part, field)
            for part, changes in the_plan.settings_body.get("callForwarding", {}).items()
            for field in changes
        ]
        fields += ["rules (%s)" % want["name"] for _index, _current, _body, want in the_plan.rule_updates]
        fields += ["rules (%s)" % want["name"] for _index, _body, want in the_plan.rule_creates]
        fields += ["rules (%s)" % summary.get("name") for summary in the_plan.rule_deletes]
        return fields
    if the_plan.action == "create" and obj.kind == "auto_attendants":
        return sorted(attendant_snake(the_plan.body))
    return list(the_plan.fields)


def _shown(obj, result):
    if result is None:
        return None
    if obj.kind == "schedules":
        return schedule_snake(result)
    if obj.kind == "auto_attendants":
        return attendant_snake(result)
    if obj.kind == "forwarding":
        return forwarding_snake(result["forwarding"])
    return result


def _predicted(site, obj):
    if obj.plan is None:
        return None
    if obj.kind == "schedules":
        return schedule.predicted(obj.plan, obj.current, obj.location_id, TYPES[obj.params["type"]])
    if obj.kind == "announcements":
        return announcement.predicted(obj.plan, obj.current, obj.level_location)
    if obj.kind == "forwarding":
        return forwarding.predicted(obj.params, obj.plan, obj.current, obj.location_id)
    return attendant.predicted(obj.plan, obj.current, obj.location_id)


def error_fields(error):
    """What a failed object carries: msg, and api_error / not_applied when there are."""
    fields = dict(failed=True, msg=str(error) or type(error).__name__, changed=bool(getattr(error, "changed", False)))
    if isinstance(error, WebexApiError):
        fields["api_error"] = error.as_dict()
    elif isinstance(error, WriteNotApplied):
        fields["not_applied"] = list(error.fields)
    elif not isinstance(error, ResourceError):
        fields["msg"] = "%s: %s" % (type(error).__name__, fields["msg"])  # not expected: say what broke
    return fields


def _entry(site, obj, planning=False):
    the_plan = (None if planning else obj.written_plan) or obj.plan
    entry = dict(
        kind=obj.kind,
        name=obj.name,
        location=obj.params.get("location"),
        location_id=obj.level_location,
        action=the_plan.action if the_plan is not None else None,
        order=obj.steps[0][0] if obj.steps else None,
        differing_fields=_differing(obj, the_plan),
        changed=bool(obj.written)
        or (site.check_mode and the_plan is not None and the_plan.changed and obj.error is None),
    )
    if obj.kind == "schedules":
        entry["type"] = obj.params["type"]
        if getattr(the_plan, "holiday_years", None) is not None:
            entry["holiday_years"] = the_plan.holiday_years
    if obj.purged:
        entry["purged"] = True
    written = not (site.check_mode or planning) and the_plan is not None and the_plan.action != "nothing"
    # An object the run leaves as it is: what was read (nothing written, nothing to read back).
    result = obj.result if written else _predicted(site, obj)
    entry[RESULT_FIELDS[obj.kind]] = _shown(obj, result) if obj.error is None else None
    if isinstance(obj.error, SiteSkipped):
        entry.update(skipped=True, msg=str(obj.error))
    elif obj.error is not None:
        entry.update(error_fields(obj.error))
        entry["changed"] = entry["changed"] or bool(getattr(obj.error, "changed", False))
    return entry


def report(site, steps):
    objects = site.objects + site.purged
    entries = [_entry(site, obj) for obj in objects]
    result = dict(
        changed=any(entry["changed"] for entry in entries)
        or (site.check_mode and any(entry["action"] not in (None, "nothing") for entry in entries)),
        objects=entries,
        summary=jinja_safe_summary(entries, KINDS),
        undeclared=site.undeclared,
        steps=len(steps),
    )
    if site.diff:
        result["diff"] = []
        for obj, entry in zip(objects, entries):
            the_plan = getattr(obj, "written_plan", None) or obj.plan
            if the_plan is not None and the_plan.changed and not entry.get("failed"):
                header = "%s %s (%s)" % (MODULES[obj.kind], obj.name, obj.params.get("location") or "organization")
                result["diff"].append(dict(the_plan.diff(), before_header=header, after_header=header))
    failed = [entry for entry in entries if entry.get("failed") or entry.get("skipped")]
    if failed:
        result["failed"] = True
        result["msg"] = "%d of %d objects failed or were not attempted (the others converged): %s" % (
            len(failed),
            len(entries),
            "; ".join("%s %s: %s" % (entry["kind"], entry["name"], entry["msg"]) for entry in failed),
        )
    return result


def converge(client, params, check_mode=False, diff=False, warn=None, clock=saved.now):
    """Plan the site PARAMS declare and, unless CHECK_MODE, carry the plan out; return the module result.

    In check mode the result holds the plan as data (RV plan). With PARAMS' plan (a saved plan), the run refuses
    before the first write unless the plan it makes now is that plan (saved.check).
    """
    site = SitePlan(client, params, check_mode=check_mode, diff=diff, warn=warn).make()
    steps = order(site)
    given = saved.loaded(params["plan"]) if params.get("plan") else None
    if check_mode or given is not None:
        digest = saved.declaration_digest(site.items, params)
        plan = saved.make(site, [_entry(site, obj, planning=True) for obj in site.objects + site.purged], digest, clock)
        if given is not None:
            saved.check(given, plan, params.get("plan_max_age"), clock)
    if not check_mode:
        execute(site, steps)
    result = report(site, steps)
    if check_mode:
        result["plan"] = plan
    return result


def run(module, client):
    """webex_site's work (run_module calls it): fails listing each failed object, after the others converged."""
    try:
        result = converge(client, module.params, check_mode=module.check_mode, diff=module._diff, warn=module.warn)  # pylint: disable=protected-access
    except (SiteRefused, saved.StalePlan) as error:
        module.fail_json(msg=str(error), changed=False)
    if result.pop("failed", False):
        module.fail_json(**result)
    return result
