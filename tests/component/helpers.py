"""What the component tests share beyond tests/builders.py: module params as AnsibleModule makes them, the writes in
the request log, attendants and schedules created through the API behind the module's back, and a stand-in for the
AnsibleModule a module's run() is given."""

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from tests.builders import API_SATURDAY, aa_body, schedule_body
from tests.simulator.tests.helpers import aa_path, create

__all__ = ["Failed", "Module", "aa_path", "create", "create_aa", "create_schedule", "params_of", "writes"]


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
