"""Answers of the wrong shape (issue 33): a list, a JSON string, an HTML page or an empty body where a JSON object is
expected give an error naming the request, in every module, never a traceback. The check is one, in the client
(webex_answers.json_answer); these tests hold that every module's reads go through it.

Each task is the module's work computed in this process as run_module() computes it (helpers.task_result), against
the simulator over HTTP; the wrong answer is a status fault with a body (tests/simulator/README.md).
"""

import pytest

from tests.audio_fixtures import pcm_wav, write
from tests.builders import (
    AA_BULK_MODULE,
    AA_MODULE,
    ANNOUNCEMENT_MODULE,
    CALL_PATH_MODULE,
    FORWARDING_MODULE,
    HQ,
    INFO_MODULE,
    SCHEDULE_INFO_MODULE,
    SCHEDULE_MODULE,
    SITE_MODULE,
    aa_options,
    schedule_options,
)
from tests.component.helpers import create_aa, create_schedule, task_result

SHAPES = {
    "list": (["not", "an", "object"], "the answer is a JSON list, not the JSON object expected"),
    "string": ("json_string", "the answer is a JSON string, not the JSON object expected"),
    "html": ("html", "the answer is not JSON ("),
    "empty": ("empty", "the answer is empty, not the JSON object expected"),
}
AA_DETAILS = r"/locations/[^/]+/autoAttendants/[^/]+$"


def attendant(sim):
    create_aa(sim, sim.location_id(HQ))


def schedule(sim):
    create_schedule(sim, sim.location_id(HQ), "Office hours")


def nothing(sim):
    """Nothing to set up."""


# (module, set-up, task arguments, the read answered wrongly: method and path regex, the path the message names)
CASES = {
    "webex_auto_attendant": (AA_MODULE, attendant, aa_options(name_dialing="GROUP"), AA_DETAILS, "/autoAttendants/"),
    "webex_auto_attendant_info": (INFO_MODULE, attendant, {"location": HQ}, AA_DETAILS, "/autoAttendants/"),
    "webex_schedule": (
        SCHEDULE_MODULE,
        schedule,
        schedule_options(),
        r"/schedules/businessHours/[^/]+$",
        "/schedules/businessHours/",
    ),
    "webex_announcement": (
        ANNOUNCEMENT_MODULE,
        nothing,
        None,  # the path of a local file, made in the test
        r"/announcements/usage$",
        "/telephony/config/announcements/usage",
    ),
    "webex_auto_attendant_forwarding": (
        FORWARDING_MODULE,
        attendant,
        {"location": HQ, "auto_attendant": "Reception", "always": {"enabled": False}},
        r"/callForwarding$",
        "/callForwarding",
    ),
    "webex_schedule_info": (
        SCHEDULE_INFO_MODULE,
        schedule,
        {"location": HQ},
        r"/schedules/businessHours/[^/]+$",
        "/schedules/businessHours/",
    ),
    "webex_call_path": (
        CALL_PATH_MODULE,
        attendant,
        {"location": HQ, "auto_attendant": "Reception", "at": "2026-01-12T10:00"},
        AA_DETAILS,
        "/autoAttendants/",
    ),
    "webex_site": (SITE_MODULE, attendant, {"auto_attendants": [aa_options(name_dialing="GROUP")]}, AA_DETAILS, None),
    "webex_auto_attendants": (
        AA_BULK_MODULE,
        attendant,
        {"auto_attendants": [aa_options(name_dialing="GROUP")]},
        AA_DETAILS,
        None,
    ),
}


def messages(result):
    """The messages that say what failed: the task's, and each object's or item's."""
    entries = result.get("objects") or result.get("results") or []
    return [result["msg"]] + [entry["msg"] for entry in entries if entry.get("msg")]


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("case", sorted(CASES))
def test_a_read_answered_with_the_wrong_shape_names_the_request(sim, client, tmp_path, case, shape):
    module, set_up, args, path, shown = CASES[case]
    set_up(sim)
    if args is None:
        args = {"name": "Main greeting", "path": str(write(tmp_path, "greeting.wav", pcm_wav(seconds=6)))}
    body, problem = SHAPES[shape]
    sim.fault(method="GET", path=path, status=200, body=body)
    result = task_result(client, module, args)  # never raises: a traceback would fail the test here
    assert result["failed"] and result["changed"] is False, result
    named = [message for message in messages(result) if "GET /telephony/config/" in message and problem in message]
    assert named, messages(result)
    assert shown is None or shown in named[0].split(" failed: ")[0], named[0]
    assert "<html" not in str(result) and "not an object" not in str(result)  # the body is never shown
    assert sim.writes() == []


def test_a_create_answered_with_a_list_is_changed_and_names_the_post(sim, client):
    sim.fault(method="POST", path="/autoAttendants$", status=201, body=["id"])
    result = task_result(client, AA_MODULE, aa_options())
    assert result["failed"] and result["changed"] is True, result
    assert "POST /telephony/config/locations/%s/autoAttendants" % sim.location_id(HQ) in result["msg"]
    assert "the answer is a JSON list, not the JSON object expected" in result["msg"]
