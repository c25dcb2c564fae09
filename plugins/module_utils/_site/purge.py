# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""What the declaration leaves out, and what may not be deleted: the undeclared objects of each managed place, the
purge (bounded, and never of what a declared object refers to after the run), and the refusal of a delete that an
object the run leaves alone still refers to, before any write, naming both."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as announcement
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as attendant
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import (
    SCHEDULE_FIELDS,
    AutoAttendantService,
)
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as schedule
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import TYPE_OPTIONS, TYPES
from ansible_collections.wxc.calling.plugins.module_utils._site.compare import Obj
from ansible_collections.wxc.calling.plugins.module_utils._site.options import NOUNS
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError


class SiteRefused(ResourceError):
    """The run is refused before any write: a declaration the engine cannot carry out without losing something."""


class SiteSkipped(ResourceError):
    """An object not attempted because what it needs failed."""


def _declared_names(site, kind, org, place):
    names = set()
    for obj in site.live(kind):
        if (obj.org, obj.level_location) != (org, place):
            continue
        if kind == "schedules":
            names.add((TYPES[obj.params["type"]], obj.name))
            names.add((TYPES[obj.params["type"]], obj.params.get("new_name") or obj.name))
        else:
            names.add(obj.name)
    return names


def undeclared_and_purge(site):
    purge, limit = site.params.get("purge") or {}, site.params.get("purge_limit")
    for kind in ("auto_attendants", "announcements", "schedules"):
        found = []
        for org, place in sorted(site._scope(kind), key=str):
            listing = site._listings.get((kind, org, place))
            if listing is None or isinstance(listing, Exception):
                continue
            declared = _declared_names(site, kind, org, place)
            here = next(obj for obj in site.live(kind) if (obj.org, obj.level_location) == (org, place))
            for item in listing:
                name = (item.get("type"), item.get("name")) if kind == "schedules" else item.get("name")
                if name not in declared:
                    found.append((here, item))
        for here, item in found:
            site.undeclared.append(_undeclared_entry(here, item))
        if purge.get(kind) and found:
            _purge(site, kind, found, limit)


def _purge(site, kind, found, limit):
    kept, victims = [], []
    for here, item in found:
        referrer = _declared_referrer(site, kind, here, item)
        if referrer:
            kept.append("%s %r (%s)" % (NOUNS[kind], item.get("name"), referrer))
        else:
            victims.append((here, item))
    for message in kept:
        site.warn("purge keeps %s: a declared object refers to it" % message)
    if limit and len(victims) > limit:
        message = (
            "purge would delete %d %ss, more than purge_limit %d: %s; raise purge_limit (0 means no limit) if that is meant"
            % (
                len(victims),
                NOUNS[kind],
                limit,
                ", ".join(
                    "%s (%s)" % (item.get("name"), here.params.get("location") or "organization")
                    for here, item in victims
                ),
            )
        )
        if not site.check_mode:
            raise SiteRefused(message)
        site.warn(message + " (check mode: the real run refuses)")
    objs = [_purged_obj(site, kind, here, item) for here, item in victims]
    for obj, (value, error) in zip(objs, site._all([lambda obj=obj: site._read_one(obj) for obj in objs])):
        if error is not None:
            obj.error = error
            continue
        obj.current = value
        try:
            obj.plan = _purged_plan(site, obj)
        except ResourceError as error:
            obj.error = error
    site.purged.extend(objs)


def _purged_obj(site, kind, here, item):
    if kind == "auto_attendants":
        params = {"name": item.get("name"), "location": here.params.get("location"), "state": "absent"}
    elif kind == "schedules":
        params = {"name": item.get("name"), "location": here.params.get("location"), "type": TYPE_OPTIONS[item.get("type")],
                  "state": "absent", "events": None, "new_name": None}  # fmt: skip
    else:
        params = {"name": item.get("name"), "location": here.params.get("location") if here.level_location else None,
                  "level": item.get("level") or ("LOCATION" if here.level_location else "ORGANIZATION"),
                  "state": "absent", "path": None, "text": None, "force": False}  # fmt: skip
    obj = Obj(kind, None, params, here.org_spelled, purged=True)
    obj.org, obj.client, obj.location_id, obj.location_name = (
        here.org,
        here.client,
        here.location_id,
        here.location_name,
    )
    obj.key = site._key(obj)
    return obj


def _purged_plan(site, obj):
    if obj.kind == "schedules":
        return schedule.plan_for(obj.params, obj.current)
    if obj.kind == "announcements":
        return announcement.plan_for(obj.params, obj.current, obj.level_location)
    return attendant.plan_for(obj.params, obj.current)


def _declared_referrer(site, kind, here, item):
    """The declared object that refers to the undeclared ITEM after the run, as text, or None."""
    for obj in site.live("auto_attendants"):
        if not obj.present or obj.plan is None or obj.org != here.org:
            continue
        if (
            kind == "schedules"
            and obj.location_id == here.location_id
            and item.get("name") in _schedules_used(obj, item.get("type"))
        ):
            return "used by %s" % obj.label
        if kind == "announcements" and item.get("id") in _audio_ids(obj):
            return "played by %s" % obj.label
        if kind == "auto_attendants" and numbers_of(item, obj.location_id == here.location_id) & transfers(
            obj.resolved, menus.OPTIONS
        ):
            return "a key of %s transfers to it" % obj.label
    if kind == "schedules":
        for obj in site.live("forwarding"):
            if obj.org == here.org and obj.location_id == here.location_id and obj.plan is not None:
                if item.get("name") in {
                    name
                    for _option, schedule_type, name in obj.plan.schedules_named
                    if schedule_type == item.get("type")
                }:
                    return "named by %s" % obj.label
    return None


def refuse_deletes_still_referred_to(site):
    """A delete of what an object the run leaves alone still refers to is refused before any write, naming both."""
    deletes = [obj for obj in site.live() if obj.plan is not None and obj.plan.action == "delete"]
    if not deletes:
        return
    rewritten = {(obj.org, obj.location_id, obj.name) for obj in site.live("auto_attendants")}
    problems = []
    for victim in deletes:
        for referrer in _undeclared_referrers(site, victim, rewritten):
            problems.append("%s: %s still refers to it; declare that auto attendant too, or leave %s %r" % (
                victim.label, referrer, NOUNS[victim.kind], victim.name))  # fmt: skip
    if problems:
        raise SiteRefused("; ".join(problems) + " (nothing was written)")


def _undeclared_referrers(site, victim, rewritten):
    if victim.kind == "announcements":
        users = []
        for reference in (victim.current.details or {}).get("featureReferences") or []:
            known = any(
                (obj.org, obj.name) == (victim.org, reference.get("name"))
                and obj.location_name == reference.get("locationName")
                for obj in site.live("auto_attendants")
            )
            if not known:
                users.append("%s %r" % (reference.get("type") or "feature", reference.get("name")))
        return users
    if victim.kind == "schedules":
        service = AutoAttendantService(site.listing_client(victim.org_spelled))
        schedule_type = TYPES[victim.params["type"]]
        names = service.using_schedule(victim.location_id, schedule_type, victim.current.details["name"])
        return ["auto attendant %r" % name for name in names if (victim.org, victim.location_id, name) not in rewritten]
    return _undeclared_transfers_to(site, victim, rewritten)


def _undeclared_transfers_to(site, victim, rewritten):
    found = []
    for (kind, org, location_id), listing in site._listings.items():
        if kind != "auto_attendants" or org != victim.org or isinstance(listing, Exception):
            continue
        for item in listing:
            if (org, location_id, item.get("name")) in rewritten or item.get("id") == victim.current.id:
                continue
            details = _details_of(site, victim, location_id, item)
            dialled = numbers_of(victim.item or {}, location_id == victim.location_id)
            if dialled & transfers(details, menus.API):
                found.append("auto attendant %r" % item.get("name"))
    return found


def _details_of(site, victim, location_id, item):
    cache = site.__dict__.setdefault("_undeclared_details", {})
    if item["id"] not in cache:
        cache[item["id"]] = AutoAttendantService(victim.client).details(location_id, item["id"])
    return cache[item["id"]]


def _undeclared_entry(here, item):
    entry = dict(
        kind=here.kind,
        name=item.get("name"),
        location=here.params.get("location"),
        location_id=here.level_location,
        id=item.get("id"),
    )
    if here.kind == "schedules":
        entry["type"] = TYPE_OPTIONS.get(item.get("type"), item.get("type"))
    if here.kind == "auto_attendants":
        entry.update(extension=item.get("extension"), phone_number=item.get("phoneNumber"), esn=item.get("esn"))
    if here.kind == "announcements":
        entry.update(level=item.get("level"), file_name=item.get("fileName"))
    return {key: value for key, value in entry.items() if value is not None}


def _schedules_used(obj, schedule_type):
    """The schedules of SCHEDULE_TYPE a declared attendant uses after the run (its options, else what it has)."""
    field = SCHEDULE_FIELDS[schedule_type]
    option = {"businessSchedule": "business_schedule", "holidaySchedule": "holiday_schedule"}[field]
    if obj.resolved.get(option) is not None:
        return {obj.resolved[option]}
    return {(obj.current.details or {}).get(field)} - {None}


def _audio_ids(obj):
    """The greeting ids a declared attendant plays after the run (the menus it declares, else the ones it has)."""
    ids = set()
    declared = {place.menu for place in menus.places(obj.resolved, kinds=("menu",))}
    for place in menus.places(obj.resolved):
        audio = place.holder.get("audio_announcement_file") or {}
        ids.add(audio.get("id"))
    for place in menus.places(obj.current.details or {}, menus.API):
        if place.menu not in declared:
            ids.add((place.holder.get("audioAnnouncementFile") or {}).get("id"))
    return ids - {None}


def transfers(attendant_object, form):
    """The canonical numbers the keys and no-input actions of ATTENDANT_OBJECT (in FORM) transfer to."""
    return {
        numbers.canonical(place.holder[place.destination_field]) for place in menus.transfers(attendant_object, form)
    }


def numbers_of(item, same_location):
    """The canonical numbers that reach the attendant of list ITEM: its ESN and number, and from its own location its
    extension."""
    found = {item.get("esn"), item.get("phoneNumber")}
    if same_location:
        found.add(item.get("extension"))
    return {numbers.canonical(number) for number in found if number}
