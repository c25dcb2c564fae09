# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Many auto attendants in one task: validation of every item, one listing per location, concurrent convergence, purge.

Each item is converged by converge.converge(), the single-attendant module's own code (comparison, plan,
pre-flight, writes, read-back); this file only supplies what is different about many at once:

    every item validated (all problems at once) -> each distinct location resolved once -> one name-less list per
    location (every page) -> first lookups answered from that list -> deletions (declared absent, purge), then the
    declared attendants, up to `concurrency` at a time -> results in input order, summary, undeclared, diff list
"""

from __future__ import annotations

import threading

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.module_utils._announcement.service import AnnouncementLookups
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options, references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.compare import to_snake
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.converge import converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.resolve import resolve_references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import (
    LIST_PAGE_SIZE,
    AutoAttendantService,
)
from ansible_collections.wxc.calling.plugins.module_utils._location.service import LocationNotFound, resolve_location
from ansible_collections.wxc.calling.plugins.module_utils.concurrency import (
    DEFAULT_CONCURRENCY,
    MAX_CONCURRENCY,
    run_all,
)
from ansible_collections.wxc.calling.plugins.module_utils.resource import (
    ResourceError,
    WriteNotApplied,
    checked_options,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError

DEFAULT_PURGE_LIMIT = 10
ACTIONS = ("create", "update", "delete", "nothing")


def argument_spec():
    """The options of webex_auto_attendants; each item of auto_attendants is checked against item_argument_spec()."""
    return dict(
        # No suboptions here: the items are validated by validate_options() so that every problem of every item is
        # reported at once, naming the item (argument_spec validation stops at the first and names no item).
        auto_attendants=dict(type="list", elements="dict", required=True),
        purge=dict(type="bool", default=False),
        purge_limit=dict(type="int", default=DEFAULT_PURGE_LIMIT),
        concurrency=dict(type="int", default=DEFAULT_CONCURRENCY),
    )


def item_argument_spec():
    """The options of one item: every resource option of webex_auto_attendant, and org_id (overrides the task's)."""
    spec = options.argument_spec()
    spec["org_id"] = dict(type="str")
    return spec


# -- validation (no requests) -------------------------------------------------------------------------------------


def item_label(index, item):
    """How messages name an item: its index in the list and its name."""
    name = item.get("name") if isinstance(item, dict) else None
    return "auto_attendants[%d] (%s)" % (index, repr(name) if isinstance(name, str) and name.strip() else "no name")


def checked_items(params):
    """(items, problems) for PARAMS: every item checked, every problem of every item, each naming item and option."""
    problems = []
    if params.get("purge_limit") is not None and params["purge_limit"] < 0:
        problems.append("purge_limit: %d is negative (0 means no limit)" % params["purge_limit"])
    concurrency = params.get("concurrency")
    if concurrency is not None and not 1 <= concurrency <= MAX_CONCURRENCY:
        problems.append("concurrency: %d is out of range (1 to %d)" % (concurrency, MAX_CONCURRENCY))
    spec = item_argument_spec()
    items = []
    for index, raw in enumerate(params.get("auto_attendants") or []):
        if not isinstance(raw, dict):
            problems.append("%s: must be a dictionary of webex_auto_attendant options" % item_label(index, raw))
            items.append(None)
            continue
        item, item_problems = checked_options(spec, options.validate_options, raw)
        problems.extend("%s: %s" % (item_label(index, raw), problem) for problem in item_problems)
        items.append(None if item_problems else item)
    task_org = params.get("org_id")
    first_index = {}
    for index, item in enumerate(params.get("auto_attendants") or []):
        if not isinstance(item, dict) or not all(isinstance(item.get(key), str) for key in ("name", "location")):
            continue  # reported above
        key = (item.get("org_id") or task_org, item["location"], item["name"])
        if key in first_index:
            problems.append(
                "%s: declared twice in location %r (also auto_attendants[%d]); declare each auto attendant "
                "once" % (item_label(index, item), item["location"], first_index[key])
            )
        else:
            first_index[key] = index
    return items, problems


def validate_options(params):
    """Every problem of the task's options and of every item, before any request; [] when valid."""
    return checked_items(params)[1]


# -- reference ordering (seam) -------------------------------------------------------------------------------------


def _identity(item):
    """An item as a reference target: (organisation, location as written, name).

    The organisation is the item's org_id: BulkRun compares BulkRun.targets, whose org_id is the task's when the item
    gives none, so an item that inherits an organisation and one that names it are the same target.
    """
    return (item.get("org_id"), item["location"], item["name"])


def _referred(item):
    """The targets ITEM's references name, as identities (see _identity); none for an item being deleted."""
    if item.get("state") == "absent":
        return set()
    return {(item.get("org_id"),) + target for target in references.targets(item, item["location"])}


def write_passes(items, existing=()):
    """The order in which the declared items are written: passes of (item index, deferred targets).

    Each pass runs concurrently. An item's pass comes after the passes of the items its references name (targets
    first); a cycle is broken at its first item, written in an early pass without the keys that name what does not
    exist yet (DEFERRED, a frozenset of identities), and written again in full in a last pass (references.order).
    Without references: one pass of every item, nothing deferred. A target is matched by organisation, location as
    the items write it (name or id) and name; any other target is looked up in the organisation. EXISTING: the
    indexes of the items that exist already; they resolve as they are, so only a target still to be created orders
    (a cycle of attendants that all exist is written in one pass, whole).
    """
    identities = [_identity(item) for item in items]
    created = {identities[index] for index in range(len(items)) if index not in set(existing)}
    first, second = references.order(identities, [_referred(item) & created for item in items])
    position = {identity: index for index, identity in enumerate(identities)}
    level = {}
    for index, deferred in first:
        needs = [
            position[target]
            for target in (_referred(items[index]) & created) - deferred
            if target in position and position[target] != index
        ]
        level[index] = 1 + max([level[target] for target in needs] or [-1])
    passes = [[] for _level in range(max(level.values()) + 1)] if level else []
    for index, deferred in first:
        passes[level[index]].append((index, deferred))
    if second:
        passes.append([(index, frozenset()) for index in second])
    return passes


def missing_reference_targets(items, lookup, written=None):
    """(option path, reference) of the references to targets neither declared by ITEMS nor found by LOOKUP(name).

    LOOKUP(item, name) is called once per organisation and distinct name that ITEMS do not declare; the items that
    declare a target create it in an earlier pass, so only the others are checked, before any write. WRITTEN: the
    indexes of the items the run writes (default: all); the others neither declare a target nor have theirs checked.
    """
    present = [
        index
        for index in sorted(range(len(items)) if written is None else written)
        if items[index].get("state") != "absent"
    ]
    declared = {_identity(items[index]) for index in present}
    looked_up, missing = {}, []
    for index in present:
        item = items[index]
        for reference in references.find(item):
            location, name = reference.target(item["location"])
            if (item.get("org_id"), location, name) in declared:
                continue
            asked = (item.get("org_id"), name)  # LOOKUP asks ITEM's organisation
            if asked not in looked_up:
                looked_up[asked] = lookup(item, name)
            if not [found for found in looked_up[asked] if references.in_location(found, location)]:
                missing.append(
                    "%s: %s: no auto attendant %r in location %s, and the task does not declare it"
                    % (item_label(index, item), reference.path, name, location)
                )
    return missing


# -- the service, listed once per location -------------------------------------------------------------------------


class ListedService:
    """auto_attendant's service, whose first lookup of each (location, name) is answered from one listing.

    Every later lookup (the one create_once makes after an ambiguous POST, the one after an update hit 404) asks the
    service again: only the list made before any write is reused, never a stale one.
    """

    def __init__(self, service, listings):
        self._service = service
        self._listings = listings
        self._answered = set()
        self._lock = threading.Lock()

    def __getattr__(self, name):
        return getattr(self._service, name)

    def find(self, location_id, name):
        with self._lock:
            first = (location_id, name) not in self._answered
            self._answered.add((location_id, name))
        listing = self._listings.get(location_id)
        if first and listing is not None:
            matches = [item for item in listing if item.get("name") == name]
            if len(matches) <= 1:
                return matches[0] if matches else None
        return self._service.find(location_id, name)  # duplicates: the service's own lookup says so


def list_location(client, location_id):
    """Every auto attendant of the location: one name-less list, every page."""
    return AutoAttendantService(client).list(location_id, page_size=LIST_PAGE_SIZE)


class Clients:
    """One client per organisation, all sharing the task client's session, connection pool and rate-limit gate."""

    def __init__(self, client):
        self._client = client
        self._by_org = {}

    def get(self, org_id):
        if org_id not in self._by_org:
            self._by_org[org_id] = self._client.with_org(org_id)
        return self._by_org[org_id]


# -- results ------------------------------------------------------------------------------------------------------


def _snake_names(api_fields):
    order = {field: index for index, field in enumerate(options.FIELDS)}
    names = [to_snake({field: None}).popitem()[0] for field in api_fields]
    return sorted(names, key=lambda name: order.get(name, len(order)))


def differing_fields(plan):
    """What differs, as option paths: for an update the single-attendant comparison's own paths (down to the menu
    keys), for a creation the options it sets; none for a deletion or no change."""
    if plan.action == "update":
        return list(plan.fields)
    if plan.action == "create":
        return _snake_names(plan.body)
    return []


def error_fields(error):
    """What a failed item carries: msg, and api_error / not_applied when there are."""
    fields = dict(failed=True, msg=str(error) or type(error).__name__, changed=bool(getattr(error, "changed", False)))
    if isinstance(error, WebexApiError):
        fields["api_error"] = error.as_dict()
    elif isinstance(error, WriteNotApplied):
        fields["not_applied"] = list(error.fields)
    elif not isinstance(error, (ResourceError, LocationNotFound)):
        fields["msg"] = "%s: %s" % (type(error).__name__, fields["msg"])  # not expected: say what broke
    return fields


def _key_destinations(auto_attendant_object):
    """Every transfer destination in the menus of an auto attendant (snake_case), in canonical form."""
    return {
        numbers.canonical(place.holder[place.destination_field]) for place in menus.transfers(auto_attendant_object)
    }


def purge_reference_warnings(purged, declared_results):
    """Warnings for purged attendants that a key (or no-input transfer) of a declared attendant still sends callers to."""
    warnings = []
    for victim in purged:
        dialled = {
            numbers.canonical(victim[field]): str(victim[field])
            for field in ("extension", "phone_number", "esn")
            if victim.get(field)
        }
        referrers = [
            entry["name"]
            for entry in declared_results
            if entry.get("action") != "delete" and set(dialled) & _key_destinations(entry.get("auto_attendant"))
        ]
        if referrers:
            warnings.append(
                "purge deletes auto attendant %r (location %r), which a key of %s still transfers to (%s)"
                % (
                    victim["name"],
                    victim["location"],
                    ", ".join(repr(name) for name in referrers),
                    ", ".join(sorted(dialled.values())),
                )
            )
    return warnings


def undeclared_entry(item, location):
    """An attendant that exists in a listed location but that the list does not declare."""
    return dict(
        name=item.get("name"),
        location=location,
        location_id=item.get("locationId"),
        id=item.get("id"),
        extension=item.get("extension"),
        phone_number=item.get("phoneNumber"),
        esn=item.get("esn"),
    )


def summary_of(results):
    counts = dict.fromkeys(ACTIONS + ("failed",), 0)
    for entry in results:
        counts["failed" if entry.get("failed") else entry["action"]] += 1
    return counts


# -- the task ------------------------------------------------------------------------------------------------------


class BulkRun:
    """One run of webex_auto_attendants over a shared client; run() returns the module result."""

    def __init__(self, client, params, check_mode=False, diff=False, warn=None):
        self.params = params
        self.check_mode = check_mode
        self.diff = diff
        self.warn = warn or (lambda message: None)
        self.concurrency = params.get("concurrency") or DEFAULT_CONCURRENCY
        self.clients = Clients(client.shared(self.concurrency))
        self._ids = {}  # item index -> its location id, or the exception that resolving it raised
        self._announcements = AnnouncementLookups()  # greetings by name: one lookup for every item
        self.items, problems = checked_items(params)
        if problems:
            raise ValueError("invalid options reached the run: %s" % "; ".join(problems))
        # The items as reference targets and referrers, each in its organisation (its own org_id, else the task's).
        self.targets = [dict(item, org_id=self._org(item)) for item in self.items]

    def _org(self, item):
        """The organisation of ITEM: its own org_id, else the task's; "" for the token's own."""
        return item.get("org_id") or self.params.get("org_id") or ""

    def _resolve_locations(self):
        """{(org, location as written): location id or the exception}, each distinct location resolved once."""
        keys = sorted({(self._org(item), item["location"]) for item in self.items})
        outcome = run_all(
            [lambda key=key: resolve_location(self.clients.get(key[0]), key[1])[0] for key in keys], self.concurrency
        )
        return {key: value if error is None else error for key, (value, error) in zip(keys, outcome)}

    def _list_locations(self, location_ids):
        """{(org, location id): listing or the exception}, one name-less list per location."""
        keys = sorted(set(location_ids))
        outcome = run_all(
            [lambda key=key: list_location(self.clients.get(key[0]), key[1]) for key in keys], self.concurrency
        )
        return {key: value if error is None else error for key, (value, error) in zip(keys, outcome)}

    def run(self):
        resolved = self._resolve_locations()
        ids = self._ids = {
            index: resolved[(self._org(item), item["location"])] for index, item in enumerate(self.items)
        }
        duplicates = self._duplicates_after_resolution(ids)
        if duplicates:
            raise BulkRefused("; ".join(duplicates))
        listed_keys = {
            (self._org(item), ids[index])
            for index, item in enumerate(self.items)
            if not isinstance(ids[index], Exception)
        }
        listings = self._list_locations(listed_keys)
        services = {}
        for org, _location_id in listings:
            if org not in services:
                org_listings = {
                    lid: listing
                    for (o, lid), listing in listings.items()
                    if o == org and not isinstance(listing, Exception)
                }
                services[org] = ListedService(AutoAttendantService(self.clients.get(org)), org_listings)

        results = [None] * len(self.items)
        work = {}  # index in results -> (service, location id, params)
        for index, item in enumerate(self.items):
            entry = dict(
                name=item["name"],
                location=item["location"],
                location_id=None,
                action=None,
                changed=False,
                auto_attendant=None,
                differing_fields=[],
            )
            results[index] = entry
            location_id = ids[index]
            if isinstance(location_id, Exception):
                entry.update(error_fields(location_id))
                continue
            entry["location_id"] = location_id
            listing = listings[(self._org(item), location_id)]
            if isinstance(listing, Exception):
                entry.update(error_fields(listing))
                continue
            exists = any(found.get("name") == item["name"] for found in listing)
            entry["action"] = (
                ("delete" if exists else "nothing") if item["state"] == "absent" else ("update" if exists else "create")
            )  # what is under way; replaced by the plan once made
            work[index] = (services[self._org(item)], location_id, item)

        undeclared = self._undeclared(listings)
        purge_work = self._purge_work(undeclared, services, results, work)
        deletions = [index for index in work if results[index]["action"] == "delete"]
        declared_present = [index for index in work if results[index]["action"] != "delete"]
        missing = missing_reference_targets(
            self.targets,
            lambda item, name: services[self._org(item)].list(name=name, page_size=LIST_PAGE_SIZE),
            declared_present,
        )
        if missing and not self.check_mode:
            raise BulkRefused("; ".join(missing) + " (nothing was written)")
        for message in missing:
            self.warn(message + "; the real run fails unless it is created first")
        self._converge(deletions, work, results)
        existing = [index for index in work if index < len(self.items) and results[index]["action"] == "update"]
        for write_pass in write_passes(self.targets, existing):
            self._converge(
                [index for index, _deferred in write_pass if index in declared_present],
                work,
                results,
                deferred=dict(write_pass),
            )
        for warning in purge_reference_warnings([undeclared[i] for i in purge_work], results[: len(self.items)]):
            self.warn(warning)

        result = dict(
            changed=any(entry["changed"] for entry in results),
            results=results,
            summary=summary_of(results),
            undeclared=[{k: v for k, v in entry.items() if v is not None and k != "_org"} for entry in undeclared],
        )
        if self.diff:
            result["diff"] = [entry.pop("_diff") for entry in results if "_diff" in entry]
        for entry in results:
            entry.pop("_diff", None)
            entry.pop("_written", None)
        failed = [entry for entry in results if entry.get("failed")]
        if failed:
            result["failed"] = True
            result["msg"] = "%d of %d auto attendants failed (the others converged): %s" % (
                len(failed),
                len(results),
                "; ".join("%s in %s: %s" % (entry["name"], entry["location"], entry["msg"]) for entry in failed),
            )
        return result

    def _duplicates_after_resolution(self, ids):
        """Items that name the same location differently (by name and by id) and the same attendant."""
        first, problems = {}, []
        for index, item in enumerate(self.items):
            if isinstance(ids[index], Exception):
                continue
            key = (self._org(item), ids[index], item["name"])
            if key in first:
                problems.append(
                    "%s: the same auto attendant as auto_attendants[%d] (location %r is %r); declare each "
                    "auto attendant once"
                    % (item_label(index, item), first[key], item["location"], self.items[first[key]]["location"])
                )
            else:
                first[key] = index
        return problems

    def _undeclared(self, listings):
        """Attendants that exist in a listed location and that no item declares, in listing order."""
        undeclared = []
        for (org, location_id), listing in sorted(listings.items()):
            if isinstance(listing, Exception):
                continue
            here = [
                item
                for index, item in enumerate(self.items)
                if self._org(item) == org and self._ids[index] == location_id
            ]
            declared_here = {item["name"] for item in here}
            for found in listing:
                if found.get("name") not in declared_here:
                    undeclared.append(dict(undeclared_entry(found, here[0]["location"]), _org=org))
        return undeclared

    def _purge_work(self, undeclared, services, results, work):
        """Add a deletion per undeclared attendant when purge is on (bounded by purge_limit); their result indexes."""
        if not self.params.get("purge") or not undeclared:
            return []
        limit = self.params.get("purge_limit")
        if limit and len(undeclared) > limit:
            message = (
                "purge would delete %d auto attendants, more than purge_limit %d: %s; raise purge_limit (0 means no "
                "limit) if that is meant"
                % (len(undeclared), limit, ", ".join("%s (%s)" % (e["name"], e["location"]) for e in undeclared))
            )
            if not self.check_mode:
                raise BulkRefused(message)
            self.warn(message + " (check mode: the real run refuses)")
        purged = []
        for position, entry in enumerate(undeclared):
            org = entry["_org"]
            params = dict.fromkeys(item_argument_spec())
            params.update(name=entry["name"], location=entry["location_id"], state="absent", org_id=org or None)
            index = len(results)
            results.append(
                dict(
                    name=entry["name"],
                    location=entry["location"],
                    location_id=entry["location_id"],
                    action="delete",
                    changed=False,
                    auto_attendant=None,
                    differing_fields=[],
                    purged=True,
                )
            )
            work[index] = (services[org], entry["location_id"], params)
            purged.append(position)
        return purged

    def _converge(self, indexes, work, results, deferred=None):
        """Converge the items at INDEXES concurrently and fill in their results.

        DEFERRED: {index: identities} whose references that item leaves out in this pass (the first pass of a cycle).
        References by name are resolved just before each item's write, when their targets exist.
        """
        declared = {_identity(item)[1:] for item in self.items if item.get("state") != "absent"}

        def converge_one(index):
            service, location_id, params = work[index]
            later = {target[1:] for target in (deferred or {}).get(index, ())}
            if later:
                params = references.without(params, params["location"], later)
            params = resolve_references(
                service,
                location_id,
                params,
                check_mode=self.check_mode,
                declared=declared,
                warn=self.warn,
                announcement_lookups=self._announcements,
            )
            return converge(service, location_id, params, check_mode=self.check_mode, diff=self.diff, warn=self.warn)

        outcome = run_all([lambda index=index: converge_one(index) for index in indexes], self.concurrency)
        for index, (value, error) in zip(indexes, outcome):
            entry = results[index]
            if error is not None:
                entry.update(error_fields(error))
                continue
            plan, api_object = value
            # The second pass of a cycle writes the same item again: a creation stays a creation, a change a change.
            fields = differing_fields(plan)
            earlier = entry if entry.get("_written") else {}
            if earlier:
                fields = list(earlier.get("differing_fields") or []) + [
                    f for f in fields if f not in earlier["differing_fields"]
                ]
            entry.update(
                action="create" if earlier.get("action") == "create" else plan.action,
                changed=plan.changed or bool(earlier.get("changed")),
                differing_fields=fields,
                auto_attendant=to_snake(api_object) if api_object else None,
                _written=True,
            )
            if self.diff and plan.changed:
                header = "%s (%s)" % (entry["name"], entry["location"])
                entry["_diff"] = dict(plan.diff(), before_header=header, after_header=header)


class BulkRefused(Exception):
    """The task is refused before any write (purge beyond purge_limit, one attendant declared twice)."""


def run(module, client):
    """run_module's RUN for webex_auto_attendants: fails listing each failed item, after the others converged."""
    try:
        result = BulkRun(client, module.params, check_mode=module.check_mode, diff=module._diff, warn=module.warn).run()
    except BulkRefused as error:
        module.fail_json(msg=str(error), changed=False)
    if result.pop("failed", False):
        module.fail_json(**result)
    return result
