"""What the component tests share beyond tests/builders.py: module params as AnsibleModule makes them, the writes in
the request log, attendants and schedules created through the API behind the module's back, a stand-in for the
AnsibleModule a module's run() is given, and the call-flow site of tests/builders.py applied with the modules' run()
(the integration test of webex_call_path starts from it too)."""

import copy

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.wxc.calling.plugins.module_utils._announcement import converge as an_converge
from ansible_collections.wxc.calling.plugins.module_utils._announcement import options as an_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import bulk, export
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import converge as aa_converge
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._call_path import converge as cp_converge
from ansible_collections.wxc.calling.plugins.module_utils._call_path import options as cp_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import converge as fw_converge
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as fw_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import converge as sc_converge
from ansible_collections.wxc.calling.plugins.module_utils._schedule import info as sc_info
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options
from ansible_collections.wxc.calling.plugins.module_utils._site import converge as site_converge
from ansible_collections.wxc.calling.plugins.module_utils._site import options as site_options
from ansible_collections.wxc.calling.plugins.module_utils.resource import module_result
from tests.builders import (
    AA_BULK_MODULE,
    AA_MODULE,
    ANNOUNCEMENT_MODULE,
    API_SATURDAY,
    CALL_PATH_MODULE,
    FORWARDING_MODULE,
    INFO_MODULE,
    SCHEDULE_INFO_MODULE,
    SCHEDULE_MODULE,
    SITE_MODULE,
    aa_body,
    schedule_body,
    site_attendants,
    site_forwarding,
    site_schedules,
)
from tests.simulator.tests.helpers import aa_path, create

__all__ = [
    "Failed",
    "Module",
    "aa_path",
    "apply_site",
    "create",
    "create_aa",
    "create_schedule",
    "params_of",
    "writes",
]


def params_of(spec, **options):
    """Module params as AnsibleModule makes them from SPEC: every option present, defaults filled in at every depth."""
    result = ArgumentSpecValidator(spec).validate(options)
    assert not result.error_messages, result.error_messages
    return result.validated_parameters


def writes(sim):
    """(method, status) of every write in the request log."""
    return [(entry["method"], entry["status"]) for entry in sim.writes()]


def create_aa(sim, location_id, name="Reception", extension="2100", **fields):
    """Create the attendant of builders.aa_body (FIELDS over it); return its id. The request log is emptied after."""
    response = sim.api("POST", aa_path(location_id), json=aa_body(name, extension, **fields))
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return response.json()["id"]


def create_schedule(sim, location_id, name="Office", kind="businessHours", events=(API_SATURDAY,)):
    """Create a schedule; return its id. The request log is emptied after."""
    response = sim.api(
        "POST", "/telephony/config/locations/%s/schedules" % location_id, json=schedule_body(name, kind, events)
    )
    assert response.status_code == 201, response.text
    sim.clear_requests()
    return response.json()["id"]


class Failed(Exception):
    """What Module.fail_json() raises: the module stops there."""


class Module:
    """What run() uses of an AnsibleModule: params, check_mode, _diff, warn() (kept in .warnings), fail_json()."""

    def __init__(self, params, check_mode=False, diff=False):
        self.params = params
        self.check_mode = check_mode
        self._diff = diff
        self.warnings = []
        self.failed_with = None

    def warn(self, message):
        self.warnings.append(message)

    def fail_json(self, **result):
        self.failed_with = result
        raise Failed()


# -- one task's result, in this process -----------------------------------------------------------------------------


MODULES = {
    AA_MODULE: (aa_options.argument_spec, aa_options.validate_options, aa_converge.run),
    AA_BULK_MODULE: (bulk.argument_spec, bulk.validate_options, bulk.run),
    INFO_MODULE: (export.info_argument_spec, None, export.run_info),
    SCHEDULE_MODULE: (sc_options.argument_spec, sc_options.validate_options, sc_converge.run),
    ANNOUNCEMENT_MODULE: (an_options.argument_spec, an_options.validate_options, an_converge.run),
    FORWARDING_MODULE: (fw_options.argument_spec, fw_options.validate_options, fw_converge.run),
    SITE_MODULE: (site_options.argument_spec, site_options.validate_options, site_converge.run),
    SCHEDULE_INFO_MODULE: (sc_info.info_argument_spec, sc_info.validate_info_options, sc_info.run_info),
    CALL_PATH_MODULE: (cp_options.argument_spec, cp_options.validate_options, cp_converge.run),
}


def task_result(client, module, args, check_mode=False, diff=False):
    """What one task of MODULE (its full name) with ARGS returns, computed in this process as run_module() computes
    it: the argument spec's problems, then validate_options()'s, then run() through resource.module_result() (the
    function run_module() reports with: a WebexApiError or ResourceError becomes failed with msg and the truthful
    changed). The result always has "failed", and "warnings" when run() warned."""
    spec, validate, run = MODULES[module]
    checked = ArgumentSpecValidator(spec()).validate(copy.deepcopy(args))
    if checked.error_messages:
        return {"failed": True, "changed": False, "msg": "; ".join(checked.error_messages)}
    params = checked.validated_parameters
    errors = validate(params) if validate else []
    if errors:
        return {"failed": True, "changed": False, "msg": "Invalid options: " + "; ".join(errors), "errors": errors}
    stand_in = Module(params, check_mode=check_mode, diff=diff)
    try:
        failed, result = module_result(run, stand_in, client)
        result = dict(result, failed=failed)
    except Failed:
        result = dict(stand_in.failed_with, failed=True)
    if stand_in.warnings:
        result["warnings"] = stand_in.warnings
    return result


# The call-flow site's attendants in an order in which every attendant a reference names exists first.
APPLY_ORDER = ("Support", "Sales", "Main Line", "Front Desk")


def apply_site(client):
    """Create the call-flow site of tests/builders.py with the modules' own run(), as a playbook would."""
    for options in site_schedules():
        sc_converge.run(Module(params_of(sc_options.argument_spec(), **options)), client)
    attendants = {options["name"]: options for options in site_attendants()}
    for name in APPLY_ORDER:
        aa_converge.run(Module(params_of(aa_options.argument_spec(), **attendants[name])), client)
    for options in site_forwarding():
        fw_converge.run(Module(params_of(fw_options.argument_spec(), **options)), client)
