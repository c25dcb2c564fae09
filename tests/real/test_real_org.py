"""Opt-in: the modules against a real Webex organisation (`make test-real`; see the README, "Testing against a real
organisation").

Needs WEBEX_ACCESS_TOKEN (a full or location administrator of a sandbox organisation) and WEBEX_TEST_LOCATION (a
location name or id with Webex Calling); WEBEX_TEST_EXTENSION picks the attendant's extension (default: a random
7xxx). Everything it makes has a unique name starting with "wxc-test-" and is deleted at the end, whatever happens.

Order: a schedule is renamed first of all (which rename form the service honours is not verified: the module sends
{"name": <new name>}), then an auto attendant goes check -> apply -> check -> apply -> delete.
"""

import random
import time
import types

import pytest

from tests.environment import SHELL
from tests.integration.runner import run_playbook, write_playbook

# The shell's WEBEX_* variables, which tests/conftest.py keeps out of every other test (`make test-real` passes them).
TOKEN = SHELL.get("WEBEX_ACCESS_TOKEN")
LOCATION = SHELL.get("WEBEX_TEST_LOCATION")
pytestmark = pytest.mark.skipif(not (TOKEN and LOCATION), reason="needs WEBEX_ACCESS_TOKEN and WEBEX_TEST_LOCATION")

SUFFIX = "%s-%04d" % (time.strftime("%Y%m%d%H%M%S"), random.randint(0, 9999))  # nosec - a name, not a secret
SCHEDULE = "wxc-test-%s hours" % SUFFIX
RENAMED = "wxc-test-%s opening hours" % SUFFIX
ATTENDANT = "wxc-test-%s reception" % SUFFIX
EXTENSION = SHELL.get("WEBEX_TEST_EXTENSION") or "7%03d" % random.randint(0, 999)  # nosec
# A fictional North-American number (555-01xx): the service reads it back as +1-NXXNXXXXXX, which must compare equal.
TRANSFER_TO = "+15555550123"


@pytest.fixture(scope="module")
def org():
    """Where the playbooks point: the real API (WEBEX_API_URL, default webexapis.com) with the token."""
    return types.SimpleNamespace(url=SHELL.get("WEBEX_API_URL") or "https://webexapis.com/v1", token=TOKEN)


def task(module, args, name="Step"):
    return [{"name": name, "wxc.calling." + module: dict(args, location=LOCATION)}]


def run(org, tmp_path, tasks, check=False):
    result = run_playbook(write_playbook(tmp_path, tasks), org, check=check)
    assert result.rc == 0, result
    return result.one(tasks[0]["name"])["result"]


def schedule_args(name, **extra):
    event = {
        "name": "Weekdays",
        "start_date": "2026-01-05",
        "end_date": "2026-01-05",
        "start_time": "09:00",
        "end_time": "17:00",
        "recurrence": {
            "recur_for_ever": True,
            "recur_weekly": {"monday": True, "tuesday": True, "wednesday": True, "thursday": True, "friday": True},
        },
    }
    return dict({"type": "business_hours", "name": name, "events": [event]}, **extra)


def attendant_args():
    menu = {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [
            {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": TRANSFER_TO},
            {"key": "*", "action": "REPEAT_MENU"},
        ],
    }
    return {
        "name": ATTENDANT,
        "extension": EXTENSION,
        "business_schedule": RENAMED,
        "business_hours_menu": menu,
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [{"key": "0", "action": "EXIT"}],
        },
    }


def test_rename_a_schedule_then_check_apply_check_apply_delete_an_attendant(org, tmp_path):
    try:
        created = run(org, tmp_path, task("webex_schedule", schedule_args(SCHEDULE)))
        assert created["changed"] is True
        renamed = run(org, tmp_path, task("webex_schedule", schedule_args(SCHEDULE, new_name=RENAMED)))
        assert renamed["changed"] is True
        # The rename took: the new name converges with no change, the old name is gone.
        assert run(org, tmp_path, task("webex_schedule", schedule_args(RENAMED)))["changed"] is False
        gone = run(
            org,
            tmp_path,
            task("webex_schedule", {"type": "business_hours", "name": SCHEDULE, "state": "absent"}),
            check=True,
        )
        assert gone["changed"] is False

        steps = [
            ("check", True, True),
            ("apply", False, True),
            ("check again", True, False),
            ("apply again", False, False),
        ]
        for label, check, changed in steps:
            result = run(org, tmp_path, task("webex_auto_attendant", attendant_args()), check=check)
            assert result["changed"] is changed, (label, result)
        stored = result["auto_attendant"]["business_hours_menu"]["key_configurations"]
        assert [key["value"] for key in stored if key.get("value")] == [TRANSFER_TO]  # E.164, whatever the read-back
        deleted = run(org, tmp_path, task("webex_auto_attendant", {"name": ATTENDANT, "state": "absent"}))
        assert deleted["changed"] is True
    finally:
        cleanup = task("webex_auto_attendant", {"name": ATTENDANT, "state": "absent"}, "Remove the attendant")
        for name in (SCHEDULE, RENAMED):
            cleanup += task(
                "webex_schedule", {"type": "business_hours", "name": name, "state": "absent"}, "Remove " + name
            )
        for entry in cleanup:
            entry["ignore_errors"] = True
        run_playbook(write_playbook(tmp_path, cleanup, name="cleanup.yml"), org)
