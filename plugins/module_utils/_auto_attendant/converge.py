# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Converge one auto attendant, and the module's run(): lookup, details, plan, pre-flight of what a write refers to
(schedules, audio files, numbers; asked of their own services), then the write and one read-back."""

from __future__ import annotations

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.module_utils._announcement.service import AnnouncementService
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.compare import (
    LEGACY_KEY_ADVICE,
    custom_greetings_without_file,
    desired_from_options,
    legacy_keys,
    make_plan,
    operator_value_warnings,
    plan,
    to_snake,
    with_e164_numbers,
    writable,
)
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.options import missing_for_create
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.resolve import audio_names, resolve_references
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.service import (
    AutoAttendantError,
    AutoAttendantService,
)
from ansible_collections.wxc.calling.plugins.module_utils._location.service import resolve_location
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError


def _recreate_after_deletion(service, location_id, params, update_plan):
    """The auto attendant was deleted between the lookup and the update: create it, if the options allow."""
    missing = missing_for_create(params)
    if missing:
        raise AutoAttendantError(
            "auto attendant %r was deleted by someone else while it was being updated; creating it "
            "again needs %s" % (params["name"], ", ".join(missing))
        )
    desired = desired_from_options(params)
    new_id = service.create(location_id, desired)
    created = service.read_back(location_id, new_id, desired)
    return make_plan("create", body=desired, before=update_plan.before, after=desired), created


def _audio_files_named(params, menus_sent):
    """(option path, audio file) for every audio file of PARAMS (options form) given by file name, not by id, in the
    menus of MENUS_SENT (their option names)."""
    files = [
        ("%s.audio_announcement_file" % place.path, place.holder.get("audio_announcement_file"))
        for place in menus.places(params)
        if place.menu in menus_sent
    ]
    return [(where, audio) for where, audio in files if audio and not audio.get("id") and audio.get("file_name")]


def audio_file_exists(service, location_id, audio, auto_attendant_id=None):
    """Whether the audio file named by file name, type and level exists where the attendant can use it."""
    level = audio.get("level")
    if level == "ENTITY":
        if auto_attendant_id is None:
            return False
        files = service.own_announcements(location_id, auto_attendant_id)
    else:
        repository = AnnouncementService(service.client)
        files = repository.files(location_id if level == "LOCATION" else None, audio["file_name"])
    return any(
        item.get("fileName") == audio["file_name"]
        and item.get("level", level) == level
        and (not audio.get("media_file_type") or item.get("mediaFileType") == audio["media_file_type"])
        for item in files
    )


def preflight(service, location_id, params, the_plan, current, auto_attendant_id=None, planned=None):
    """The references a planned write relies on that do not exist, as messages naming the option and the value.

    Only what the write sends is checked: schedules (asked of the schedule service), audio files given by file name
    (of the announcement repository, or the attendant's own), and numbers new to the attendant. PLANNED, when given,
    knows what the same run makes exist before this write (the site engine's plan): planned.has_schedule(location
    id, type, name) and planned.has_audio_file(location id, audio file in options form) answer True for those, and
    the service is not asked.
    """
    body = the_plan.body or {}
    problems = []
    schedules = ScheduleService(service.client)
    for option, field, schedule_type in (
        ("business_schedule", "businessSchedule", "businessHours"),
        ("holiday_schedule", "holidaySchedule", "holidays"),
    ):
        if not body.get(field) or (planned and planned.has_schedule(location_id, schedule_type, body[field])):
            continue
        if not schedules.find(location_id, schedule_type, body[field]):
            problems.append("%s: %r is not a %s schedule of this location" % (option, body[field], schedule_type))
    menus_sent = [option for option, field in zip(menus.MENUS, menus.API_MENUS) if field in body]
    for where, audio in _audio_files_named(params, menus_sent):
        if planned and planned.has_audio_file(location_id, audio):
            continue
        if not audio_file_exists(service, location_id, audio, auto_attendant_id):
            problems.append(
                "%s: no %s audio file %r%s"
                % (
                    where,
                    (audio.get("level") or "").lower(),
                    audio["file_name"],
                    " at the attendant's own level" if audio.get("level") == "ENTITY" else "",
                )
            )
    current = current or {}
    if body.get("phoneNumber") and not numbers.same_number(body["phoneNumber"], current.get("phoneNumber")):
        if not service.number_available(location_id, body["phoneNumber"]):
            problems.append("phone_number: %s is not a free number of this location" % body["phoneNumber"])
    have_alternates = {
        numbers.canonical(entry.get("phoneNumber"))
        for entry in current.get("alternateNumbers") or []
        if isinstance(entry, dict)
    }
    for entry in body.get("alternateNumbers") or []:
        number = entry.get("phoneNumber")
        if (
            number
            and numbers.canonical(number) not in have_alternates
            and not service.number_available(location_id, number, True)
        ):
            problems.append("alternate_numbers: %s is not a free number of this location" % number)
    return problems


class Current:
    """What was read of one auto attendant: its list item (FOUND, None when absent) and its DETAILS as the service
    returns them (the list item's id and name only, when the details were not needed)."""

    def __init__(self, found=None, details=None):
        self.found = found
        self.details = details

    @property
    def id(self):
        return self.found["id"] if self.found else None

    def writable(self):
        return writable(self.details) if self.details is not None else None


def read(service, location_id, name, details=True):
    """The lookup, and the details when DETAILS (a 404 on them: deleted since the list, so absent)."""
    found = service.find(location_id, name)
    current_details = None
    if found and details:
        try:
            current_details = service.details(location_id, found["id"])
        except WebexApiError as error:
            if error.status != 404:
                raise
            found = None  # deleted between the list and the details read: absent, as after a PUT answered 404
    if found and current_details is None:
        current_details = {"id": found["id"], "name": found["name"]}
    return Current(found, current_details)


def _require_resolved(params):
    if params["state"] == "present" and audio_names(params):
        # Compared unresolved, a file would match any file of its level: a caller bug, not a user error.
        raise AutoAttendantError(
            "%s: the announcement name is not resolved (resolve_references() comes before converge())"
            % audio_names(params)[0][0]
        )


def plan_for(params, current, warn=None):
    """The plan for PARAMS (references resolved) against CURRENT (a Current); pure. WARN receives the operator keys
    whose stored value is left out. A creation without the options it needs is refused here."""
    warn = warn or (lambda message: None)
    state = params["state"]
    _require_resolved(params)
    if state == "present" and current.details is not None:
        for message in operator_value_warnings(current.details, "auto attendant %r" % params["name"]):
            warn(message)
    desired = desired_from_options(params) if state == "present" else {}
    the_plan = plan(state, desired, current.writable())
    refuse_legacy_keys(params["name"], the_plan)
    if the_plan.action == "create":
        missing = missing_for_create(params)
        if missing:
            raise AutoAttendantError(
                "auto attendant %r does not exist in this location, and creating it needs %s"
                % (params["name"], ", ".join(missing))
            )
    custom = custom_greetings_without_file(the_plan.body) if the_plan.action in ("create", "update") else []
    if custom:
        raise AutoAttendantError(
            "auto attendant %r: nothing was written, %s: greeting CUSTOM needs an audio_announcement_file (a menu is "
            "sent whole when it is written, and the service refuses a CUSTOM greeting without its file); give the "
            "file, or greeting DEFAULT" % (params["name"], ", ".join(custom))
        )
    return the_plan


def refuse_legacy_keys(name, the_plan):
    """Refuse a write whose menus hold a RETURN_TO_PREVIOUS_MENU key (the API refuses it: the whole menu would be
    refused), before any request, saying what to declare instead."""
    found = legacy_keys(the_plan.body or {}) if the_plan.action in ("create", "update") else []
    if found:
        raise AutoAttendantError(
            "auto attendant %r: nothing was written, %s %s %s, a legacy action the API refuses in a write, and the "
            "menu is sent whole because it changes; %s"
            % (
                name,
                ", ".join("%s.key_configurations (key %s)" % place for place in found),
                "is" if len(found) == 1 else "are",
                menus.LEGACY_KEY_ACTION,
                LEGACY_KEY_ADVICE,
            )
        )


def check_references(service, location_id, params, the_plan, current, check_mode=False, warn=None, planned=None):
    """The pre-flight of a create or update: a problem refuses the write (nothing written), or in CHECK_MODE is a
    WARN(message) (the same run may create what is missing first)."""
    if the_plan.action not in ("create", "update"):
        return
    problems = preflight(service, location_id, params, the_plan, current.writable(), current.id, planned=planned)
    if problems and check_mode:
        for problem in problems:
            (warn or (lambda message: None))("%s (the real run fails unless it is created first)" % problem)
    elif problems:
        raise AutoAttendantError("auto attendant %r: nothing was written, %s" % (params["name"], "; ".join(problems)))


def _shown(result, location_id):
    """RESULT (an API object) as converge returns it: numbers in E.164, the location by id only."""
    if result is None:
        return None
    result = dict(with_e164_numbers(result), locationId=location_id)
    result.pop("locationName", None)
    return result


def predicted(the_plan, current, location_id):
    """What a check-mode run returns: the attendant as the plan would leave it (a new one has no id yet)."""
    if the_plan.action == "nothing":
        return _shown(current.details, location_id)
    if the_plan.action == "update":
        return _shown(dict(current.details, **the_plan.body), location_id)
    if the_plan.action == "create":
        return _shown(dict(the_plan.body, id=None), location_id)
    return None


def apply(service, location_id, params, the_plan, current):
    """Make the plan's write and read it back; return (plan, the attendant as stored, or None after a delete).

    An attendant deleted by someone else between the lookup and the update is created again, when PARAMS allow.
    """
    result = None
    if the_plan.action == "nothing":
        result = current.details
    elif the_plan.action == "update":
        desired = desired_from_options(params)
        try:
            service.update(location_id, current.id, the_plan.body)
        except WebexApiError as error:
            if error.status != 404:
                raise
            the_plan, result = _recreate_after_deletion(service, location_id, params, the_plan)
        else:
            result = service.read_back(location_id, current.id, desired)
    elif the_plan.action == "create":
        desired = desired_from_options(params)
        new_id = service.create(location_id, the_plan.body)
        result = service.read_back(location_id, new_id, desired)
    elif the_plan.action == "delete":
        service.delete(location_id, current.id, params["name"])
    return the_plan, _shown(result, location_id)


def converge(service, location_id, params, check_mode=False, diff=False, warn=None):
    """Bring the auto attendant to the state PARAMS describe; return (plan, auto_attendant API object or None).

    read() -> plan_for() -> check_references() -> predicted() in check mode, else apply(). Calls: the lookup, then
    details only when they are needed (to compare, or to show a deletion in diff mode), and after a write one
    read-back of what the service stores (a create reads its details anyway). Before a write, the pre-flight checks
    what it refers to (preflight()): a failure stops the run before any write; in check mode it is a WARN(message)
    instead, since the same run may create it first. WARN also receives the operator keys whose value is left out.
    """
    _require_resolved(params)
    current = read(service, location_id, params["name"], details=params["state"] == "present" or diff)
    the_plan = plan_for(params, current, warn)
    check_references(service, location_id, params, the_plan, current, check_mode=check_mode, warn=warn)
    if check_mode:
        return the_plan, predicted(the_plan, current, location_id)
    return apply(service, location_id, params, the_plan, current)


def run(module, client):
    """The module's work (run_module calls it): resolve the location and the references by name, converge."""
    location_id = resolve_location(client, module.params["location"])[0]
    service = AutoAttendantService(client)
    params = resolve_references(service, location_id, module.params, check_mode=module.check_mode, warn=module.warn)
    the_plan, auto_attendant = converge(
        service,
        location_id,
        params,
        check_mode=module.check_mode,
        diff=module._diff,  # pylint: disable=protected-access
        warn=module.warn,
    )
    result = dict(changed=the_plan.changed, auto_attendant=to_snake(auto_attendant) if auto_attendant else None)
    if module._diff:  # pylint: disable=protected-access
        result["diff"] = the_plan.diff()
    return result
