# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""The site engine's plan: identity, reads and the plan of every object, before any write.

    identity: each location resolved once, its organisation as the service reports it (an inherited organisation and
    the same one spelled out are one) -> duplicates refused -> reads: each place's lists once, the details of what is
    declared -> plan: every object against the state the run leaves its targets in (compare.py) -> undeclared
    objects, purge, and deletes that something left alone still refers to (refused)

Every object is read and planned by its resource package (read / plan_for / checks); nothing here knows an API path.
"""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as announcement
from ansible_collections.wxc.calling.plugins.module_utils._announcement.options import LOCATION, level_of
from ansible_collections.wxc.calling.plugins.module_utils._announcement.service import (
    AnnouncementLookups,
    AnnouncementService,
)
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as attendant
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.resolve import (
    resolve_announcement_names,
)
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import (
    LIST_PAGE_SIZE,
    AutoAttendantService,
)
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import converge as forwarding
from ansible_collections.wxc.calling.plugins.module_utils._forwarding.service import ForwardingService
from ansible_collections.wxc.calling.plugins.module_utils._location.service import (
    calling_details,
    location_details,
    resolve_location,
)
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as schedule
from ansible_collections.wxc.calling.plugins.module_utils._schedule.options import TYPES
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils._site import purge
from ansible_collections.wxc.calling.plugins.module_utils._site.compare import (
    Directory,
    Obj,
    Planned,
    after_run,
    renamed,
    targets_elsewhere,
)
from ansible_collections.wxc.calling.plugins.module_utils._site.options import (
    KINDS,
    NOUNS,
    checked_items,
)
from ansible_collections.wxc.calling.plugins.module_utils._site.purge import SiteRefused, SiteSkipped
from ansible_collections.wxc.calling.plugins.module_utils._site.reads import ListingClient
from ansible_collections.wxc.calling.plugins.module_utils.concurrency import DEFAULT_CONCURRENCY, run_all
from ansible_collections.wxc.calling.plugins.module_utils.resource import ResourceError
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

RESULT_FIELDS = {
    "schedules": "schedule",
    "announcements": "announcement",
    "auto_attendants": "auto_attendant",
    "forwarding": "forwarding",
}


class SitePlan:
    """The plan of one run of webex_site: make() reads and plans; converge.py orders and writes."""

    def __init__(self, client, params, check_mode=False, diff=False, warn=None):
        self.params = params
        self.check_mode = check_mode
        self.diff = diff
        self.warn = warn or (lambda message: None)
        self.concurrency = params.get("concurrency") or DEFAULT_CONCURRENCY
        self.items, problems = checked_items(params)
        items = self.items
        if problems:
            raise ValueError("invalid options reached the run: %s" % "; ".join(problems))
        self.client = client.shared(self.concurrency)
        self._clients, self._listing_clients = {}, {}
        task_org = params.get("org_id") or None
        self.objects = [
            Obj(kind, index, item, item.get("org_id") or task_org)
            for kind in KINDS
            for index, item in enumerate(items[kind])
        ]
        self.purged = []
        self.undeclared = []
        self._listings = {}
        self._prefixes = {}
        self.announcements = AnnouncementLookups()

    # -- clients ----------------------------------------------------------------------------------------------------

    def client_for(self, org_spelled):
        if org_spelled not in self._clients:
            self._clients[org_spelled] = self.client.with_org(org_spelled)
        return self._clients[org_spelled]

    def listing_client(self, org_spelled):
        if org_spelled not in self._listing_clients:
            self._listing_clients[org_spelled] = ListingClient(self.client_for(org_spelled))
        return self._listing_clients[org_spelled]

    def _all(self, calls):
        return run_all(calls, self.concurrency)

    def live(self, kind=None):
        return [obj for obj in self.objects + self.purged if obj.error is None and (kind is None or obj.kind == kind)]

    def make(self):
        """Identity, reads, the plan of every object, purge and refusals (SiteRefused before any write)."""
        self._identify()
        self._read()
        self._plan()
        return self

    # -- identity ---------------------------------------------------------------------------------------------------

    def _identify(self):
        """Each location resolved once and its organisation read from its details; every object gets its key."""
        located = [
            obj for obj in self.objects if not (obj.kind == "announcements" and level_of(obj.params) != LOCATION)
        ]
        refs = sorted({(obj.org_spelled or "", obj.params["location"]) for obj in located})
        outcome = self._all([lambda ref=ref: resolve_location(self.client_for(ref[0] or None), ref[1]) for ref in refs])
        resolved = dict(zip(refs, outcome))
        ids = sorted({(ref[0], value[0]) for ref, (value, error) in resolved.items() if error is None})
        outcome = self._all([lambda ref=ref: location_details(self.client_for(ref[0] or None), ref[1]) for ref in ids])
        details = dict(zip(ids, outcome))
        canonical = {}
        for obj in located:
            value, error = resolved[(obj.org_spelled or "", obj.params["location"])]
            if error is None:
                info, error = details[(obj.org_spelled or "", value[0])]
            if error is not None:
                obj.error = error
                continue
            obj.location_id = value[0]
            obj.location_name = info.get("name") or value[1]
            obj.org = info.get("orgId") or obj.org_spelled or ""
            canonical.setdefault(obj.org_spelled or "", obj.org)
        for obj in self.objects:
            obj.client = self.client_for(obj.org_spelled)
            if obj.org is None and obj.error is None:  # an organisation-level greeting
                obj.org = canonical.get(obj.org_spelled or "", obj.org_spelled or "")
            if obj.error is None:
                obj.key = self._key(obj)
        first, problems = {}, []
        for obj in self.live():
            if obj.key in first:
                other = first[obj.key]
                problems.append(
                    "%s: the same %s as %s (location %r is %r); declare each %s once"
                    % (
                        obj.label,
                        NOUNS[obj.kind],
                        other.label,
                        obj.params.get("location"),
                        other.params.get("location"),
                        NOUNS[obj.kind],
                    )
                )
            else:
                first[obj.key] = obj
        if problems:
            raise SiteRefused("; ".join(problems) + " (nothing was written)")

    @staticmethod
    def _key(obj):
        if obj.kind == "schedules":
            return (
                obj.org,
                obj.location_id,
                obj.kind,
                TYPES[obj.params["type"]],
                obj.params.get("new_name") or obj.name,
            )
        if obj.kind == "announcements":
            return (obj.org, obj.level_location, obj.kind, obj.name)
        return (obj.org, obj.location_id, obj.kind, obj.name)

    # -- reads ------------------------------------------------------------------------------------------------------

    def _scope(self, kind):
        """The (organisation, location) places where the declaration manages KIND: where it declares one."""
        return {(obj.org, obj.level_location) for obj in self.live(kind)}

    def _read(self):
        """Each place's lists once, then the details of what is declared (concurrently)."""
        places = {
            "auto_attendants": self._scope("auto_attendants") | self._scope("forwarding"),
            "schedules": self._scope("schedules") | self._scope("auto_attendants") | self._scope("forwarding"),
            "announcements": self._scope("announcements"),
        }
        spelled = {}
        for obj in self.live():
            spelled.setdefault((obj.org, obj.level_location), obj.org_spelled)
        calls, keys = [], []
        for kind, wanted in places.items():
            for org, location_id in sorted(wanted, key=str):
                client = self.listing_client(spelled[(org, location_id)])
                keys.append((kind, org, location_id))
                calls.append(
                    lambda kind=kind, client=client, location_id=location_id: self._list(kind, client, location_id)
                )
        for key, (value, error) in zip(keys, self._all(calls)):
            self._listings[key] = error if error is not None else value
        for obj in self.live():
            listing = self._listings.get(
                (obj.kind if obj.kind != "forwarding" else "auto_attendants", obj.org, obj.level_location)
            )
            if isinstance(listing, Exception):
                obj.error = listing
        declared = [obj for obj in self.live() if obj.kind != "forwarding"]
        for obj, (value, error) in zip(declared, self._all([lambda obj=obj: self._read_one(obj) for obj in declared])):
            if error is not None:
                obj.error = error
            else:
                obj.current = value
        found = {
            (obj.org, obj.location_id, obj.name): obj.current.id
            for obj in self.live("auto_attendants")
            if obj.current is not None and obj.current.found
        }
        fwd = self.live("forwarding")
        for obj, (value, error) in zip(
            fwd, self._all([lambda obj=obj: self._read_forwarding(obj, found) for obj in fwd])
        ):
            if error is not None:
                obj.error = error
            else:
                obj.current = value

    @staticmethod
    def _list(kind, client, location_id):
        if kind == "auto_attendants":
            return AutoAttendantService(client).list(location_id, page_size=LIST_PAGE_SIZE)
        if kind == "schedules":
            return ScheduleService(client).list(location_id)
        return AnnouncementService(client).list(location_id)

    def _read_one(self, obj):
        client = self.listing_client(obj.org_spelled)
        if obj.kind == "schedules":
            return schedule.read(ScheduleService(client), obj.location_id, obj.params, self.warn)
        if obj.kind == "announcements":
            return announcement.read(AnnouncementService(client), obj.level_location, obj.name)
        current = attendant.read(
            AutoAttendantService(client), obj.location_id, obj.name, details=obj.present or self.diff
        )
        obj.item = current.found
        return current

    def _read_forwarding(self, obj, found):
        client = self.listing_client(obj.org_spelled)
        feature_id = found.get((obj.org, obj.location_id, obj.name))
        if feature_id is None:  # an attendant the declaration leaves alone: its list item
            feature_id = (AutoAttendantService(client).find(obj.location_id, obj.name) or {}).get("id")
        if feature_id is None:
            return forwarding.Current()  # created by the run, or missing: planned against untouched forwarding
        return forwarding.read(ForwardingService(client), obj.location_id, obj.params, feature_id)

    def _routing_prefix(self, obj):
        def prefix():
            key = (obj.org, obj.location_id)
            if key not in self._prefixes:
                self._prefixes[key] = calling_details(obj.client, obj.location_id).get("routingPrefix") or ""
            return self._prefixes[key]

        return prefix

    # -- the plan ---------------------------------------------------------------------------------------------------

    def _fail(self, obj, error):
        obj.error = error
        obj.plan = None

    def _plan(self):
        planned = Planned()
        renames = {}
        for obj in self.live("schedules"):
            try:
                obj.plan = schedule.plan_for(obj.params, obj.current)
            except ResourceError as error:
                self._fail(obj, error)
                continue
            if obj.plan.rename:
                renames.setdefault((obj.org, obj.location_id), {})[
                    (TYPES[obj.params["type"]], obj.current.details["name"])
                ] = obj.plan.rename
        self._planned_schedules(planned, renames)
        for obj in self.live("announcements"):
            try:
                obj.plan = announcement.plan_for(obj.params, obj.current, obj.level_location)
                if obj.plan.action in ("create", "update"):
                    announcement.check(
                        AnnouncementService(self.listing_client(obj.org_spelled)),
                        obj.level_location,
                        obj.params,
                        obj.plan,
                        obj.current,
                    )
            except (ResourceError, WebexApiError) as error:
                self._fail(obj, error)
        predicted = self._planned_announcements(planned)
        directory = self._directory()
        for obj in self.live("auto_attendants"):
            try:
                self._plan_attendant(obj, directory, predicted, planned, renames)
            except (ResourceError, WebexApiError) as error:
                self._fail(obj, error)
        for obj in self.live("forwarding"):
            try:
                self._plan_forwarding(obj, planned)
            except (ResourceError, WebexApiError) as error:
                self._fail(obj, error)
        purge.undeclared_and_purge(self)
        purge.refuse_deletes_still_referred_to(self)

    def _planned_schedules(self, planned, renames):
        """The schedules of each place after the run: listed, minus deleted and renamed away, plus created."""
        for (kind, _org, location_id), listing in self._listings.items():
            if kind == "schedules" and not isinstance(listing, Exception):
                planned.schedules.update((location_id, item.get("type"), item.get("name")) for item in listing)
        for (_org, location_id), moved in renames.items():
            for (schedule_type, old), _new in moved.items():
                planned.schedules.discard((location_id, schedule_type, old))
        for obj in self.live("schedules"):
            entry = (obj.location_id, TYPES[obj.params["type"]], obj.params.get("new_name") or obj.name)
            if obj.plan.action == "delete":
                planned.schedules.discard((obj.location_id, TYPES[obj.params["type"]], obj.current.details["name"]))
            elif obj.present:
                planned.schedules.add(entry)

    def _planned_announcements(self, planned):
        """The greetings after the run, {(org, level location, name): list item} for the names the menus give."""
        predicted = {}
        for (kind, _org, location_id), listing in self._listings.items():
            if kind == "announcements" and not isinstance(listing, Exception):
                for item in listing:
                    planned.files.add((location_id, item.get("fileName")))
        for obj in self.live("announcements"):
            if obj.plan.action == "delete":
                planned.files.discard((obj.level_location, obj.current.details.get("fileName")))
                predicted[(obj.org, obj.level_location, obj.name)] = None
            elif obj.present:
                after = obj.plan.after or {}
                planned.files.add((obj.level_location, after.get("file_name")))
                predicted[(obj.org, obj.level_location, obj.name)] = {
                    "id": after.get("id") or "<announcement %s>" % obj.name,
                    "fileName": after.get("file_name"),
                    "mediaFileType": after.get("media_file_type"),
                    "level": after.get("level"),
                }
        return predicted

    def _directory(self):
        """The attendants of the managed places as the run leaves them (numbers that reach them)."""
        directory = Directory(
            live=lambda org, name: AutoAttendantService(self.client_for(self._spelled(org))).list(
                name=name, page_size=LIST_PAGE_SIZE
            )
        )
        for (kind, org, location_id), listing in self._listings.items():
            if kind != "auto_attendants" or isinstance(listing, Exception):
                continue
            names = [obj.location_name for obj in self.live() if (obj.org, obj.location_id) == (org, location_id)]
            directory.manage(location_id, names[0] if names else None)
            for item in listing:
                directory.put(org, dict(item, locationName=item.get("locationName") or (names[0] if names else None)))
        for obj in self.live("auto_attendants"):
            if not obj.present:
                directory.drop(obj.org, obj.location_id, obj.name)
                continue
            base = dict(obj.item or {}, locationId=obj.location_id, locationName=obj.location_name)
            obj.after = after_run(
                base if obj.item else dict(locationId=obj.location_id, locationName=obj.location_name),
                obj.params,
                self._routing_prefix(obj),
            )
            if obj.item is None:
                obj.after.pop("id", None)
            directory.put(obj.org, obj.after)
        return directory

    def _spelled(self, org):
        return next((obj.org_spelled for obj in self.objects if obj.org == org), None)

    def _plan_attendant(self, obj, directory, predicted, planned, renames):
        if obj.present:
            own = obj.params["location"]
            params = references.resolve(
                obj.params,
                own,
                directory.lookup(obj.org, targets_elsewhere(obj.params, own, directory)),
                own_location_id=obj.location_id,
            )
            params = resolve_announcement_names(lambda level, name: self._greeting(obj, level, name, predicted), params)
        else:
            params = obj.params
        obj.resolved = params
        obj.current = attendant.Current(
            obj.current.found, renamed(obj.current.details, renames.get((obj.org, obj.location_id)))
        )
        obj.plan = attendant.plan_for(params, obj.current, self.warn)
        service = AutoAttendantService(self.listing_client(obj.org_spelled))
        attendant.check_references(service, obj.location_id, params, obj.plan, obj.current, planned=planned)

    def _greeting(self, obj, level, name, predicted):
        where = obj.location_id if level == LOCATION else None
        obj.greetings.append((where, name))
        if (obj.org, where, name) in predicted:
            return predicted[(obj.org, where, name)]
        return self.announcements.find(obj.client, where, name)

    def _plan_forwarding(self, obj, planned):
        failed = next(
            (
                other
                for other in self.objects
                if other.kind == "auto_attendants"
                and other.error is not None
                and other.location_id == obj.location_id
                and other.org == obj.org
                and other.name == obj.name
            ),
            None,
        )
        if failed is not None:
            raise SiteSkipped("not attempted: %s failed" % failed.label)
        parent = next(
            (
                other
                for other in self.live("auto_attendants")
                if (other.org, other.location_id, other.name) == (obj.org, obj.location_id, obj.name)
            ),
            None,
        )
        if obj.current.feature_id is None and not (parent is not None and parent.present and parent.plan is not None):
            raise ResourceError(
                "auto_attendant: no auto attendant called %r in the location, and the declaration does not create it"
                % obj.name
            )
        obj.parent = parent
        obj.plan = forwarding.plan_for(obj.params, obj.current)
        if obj.plan.changed:
            service = ForwardingService(self.listing_client(obj.org_spelled))
            forwarding.check_schedules(service, obj.location_id, obj.plan, False, self.warn, planned=planned)
