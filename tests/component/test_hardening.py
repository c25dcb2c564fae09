"""Hardening (issue 18), the cases that need no Ansible, in this process (helpers.task_result) against the simulator:
an ambiguous create is told truly, an attendant deleted between the list and the details read is absent, every option
can reach changed=false, and crashes become messages (a token answer without a token, a list answer that is not
JSON, next-page links of an api_url written in upper case).

tests/integration/test_hardening.py and test_hardening_data.py keep what only Ansible shows: YAML's reading of a
playbook, secrets in the output, templates in exported data.
"""

import threading
import time

from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.builders import AA_MODULE, HQ, INFO_MODULE, aa_body, aa_options
from tests.component.helpers import aa_path, task_result

LIST_PATH = "/v1/telephony/config/autoAttendants"
ARGS = aa_options()


def stored_attendants(sim):
    response = sim.api("GET", "/telephony/config/autoAttendants")
    response.raise_for_status()
    return response.json()["autoAttendants"]


def test_the_simulator_refuses_a_trailing_newline_too(sim):
    location_id = sim.location_id(HQ)
    for field, value in (("extension", "2120\n"), ("phoneNumber", "+19705550026\n")):
        response = sim.api("POST", aa_path(location_id), json=dict(aa_body(), **{field: value}))
        assert response.status_code == 400, (field, response.text)
    assert stored_attendants(sim) == []


# -- an ambiguous create is told truly (item 7) -------------------------------------------------------------------------


def test_a_create_whose_resent_post_committed_but_lost_its_answer_reports_changed(sim, client):
    sim.fault(method="POST", path="/autoAttendants$", status=502)
    sim.fault(method="POST", path="/autoAttendants$", drop_after_commit=True)
    result = task_result(client, AA_MODULE, ARGS)
    assert not result["failed"] and result["changed"] is True, result
    assert [item["name"] for item in stored_attendants(sim)] == ["Reception"]
    posts = [(e["method"], e["status"]) for e in sim.requests() if e["method"] == "POST"]
    assert posts == [("POST", 502), ("POST", None)]  # the second answer never arrived
    again = task_result(client, AA_MODULE, ARGS)
    assert not again["failed"] and again["changed"] is False, again


def test_a_create_whose_outcome_stays_unknown_says_so(sim, client):
    sim.fault(method="POST", path="/autoAttendants$", status=502, count=2)
    result = task_result(client, AA_MODULE, ARGS)
    assert result["failed"], result
    assert "looked up by name after each attempt and not found" in result["msg"], result
    assert "the outcome is not certain" in result["msg"] and result["changed"] is True  # it may have taken
    assert stored_attendants(sim) == []


# -- deleted between the list and the details read (item 8) -----------------------------------------------------------


def _delete_once_listed(sim, attendant_id, location_id, done):
    """Delete the attendant as soon as the module's list GET is answered (its details GET is held back meanwhile)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(e["path"] == LIST_PATH and e["method"] == "GET" for e in sim.requests()):
            sim.api("DELETE", aa_path(location_id, attendant_id))
            break
        time.sleep(0.02)
    done.set()


def _race(sim, client, args, diff=False):
    location_id = sim.location_id(HQ)
    sim.api("POST", aa_path(location_id), json=aa_body()).raise_for_status()
    attendant_id = stored_attendants(sim)[0]["id"]
    sim.clear_requests()
    # The details GET waits long enough for the deletion to land first (the one test that needs a delay).
    sim.fault(method="GET", path="/autoAttendants/[^/]+$", delay=1.0)
    done = threading.Event()
    threading.Thread(target=_delete_once_listed, args=(sim, attendant_id, location_id, done), daemon=True).start()
    result = task_result(client, AA_MODULE, args, diff=diff)
    done.wait(5)
    details = [e["status"] for e in sim.requests() if e["method"] == "GET" and e["path"].endswith(attendant_id)]
    assert details[:1] == [404], sim.requests()  # the race really happened
    return result


def test_deleted_between_list_and_details_is_created_again(sim, client):
    result = _race(sim, client, ARGS)
    assert not result["failed"] and result["changed"] is True, result
    assert [item["name"] for item in stored_attendants(sim)] == ["Reception"]
    assert [(e["method"], e["status"]) for e in sim.writes()] == [("DELETE", 204), ("POST", 201)]


def test_deleted_between_list_and_details_with_state_absent_and_diff_is_ok(sim, client):
    result = _race(sim, client, {"location": HQ, "name": "Reception", "state": "absent"}, diff=True)
    assert not result["failed"] and result["changed"] is False, result
    assert [e["method"] for e in sim.writes()] == ["DELETE"]  # the other client's, none of the module's


# -- every option can reach changed=false (item 9) -----------------------------------------------------------------------


def test_a_blank_holiday_schedule_is_refused_before_any_request(sim, client):
    # "" clears the holiday schedule (tests/component/test_clearing.py); blanks name no schedule.
    sim.clear_requests()
    result = task_result(client, AA_MODULE, dict(ARGS, holiday_schedule="  "))
    assert result["failed"] and "holiday_schedule: is blank" in result["msg"], result
    assert sim.requests() == []


def test_a_toll_free_flag_the_service_derives_differently_converges(sim, client):
    # +18885550100 is one of Headquarters' toll-free numbers: the service says true whatever is sent.
    args = dict(
        ARGS, alternate_numbers=[{"phone_number": "+18885550100", "ring_pattern": "NORMAL", "toll_free_number": False}]
    )
    first = task_result(client, AA_MODULE, args)
    assert not first["failed"] and first["changed"] is True, first
    sim.clear_requests()
    second = task_result(client, AA_MODULE, args, diff=True)
    assert not second["failed"] and second["changed"] is False, second
    assert sim.writes() == []


# -- crashes that become messages (item 12) --------------------------------------------------------------------------


def test_a_token_answer_without_access_token_says_so(sim):
    sim.fault(method="POST", path="/access_token$", status=200, body={"token_type": "Bearer", "expires_in": 3600})
    client = WebexClient(
        sim.url, refresh_credentials=(sim.client_id, sim.client_secret, sim.refresh_token), sleep=lambda seconds: None
    )
    sim.clear_requests()
    result = task_result(client, AA_MODULE, ARGS)
    assert result["failed"], result
    msg = result["msg"]
    assert msg.startswith("POST /access_token failed: HTTP 200") and "holds no usable access_token" in msg, msg
    assert "expires_in, token_type" in msg and [e["path"] for e in sim.requests()] == ["/v1/access_token"]


def test_a_list_answer_that_is_not_json_names_the_request(sim, client):
    sim.fault(method="GET", path="/telephony/config/autoAttendants$", status=200, body="html")
    result = task_result(client, AA_MODULE, ARGS)
    assert result["failed"], result
    msg = result["msg"]
    assert msg.startswith("GET /telephony/config/autoAttendants failed: HTTP 200") and "is not JSON" in msg, msg
    assert "text/html" in msg and "<html" not in msg and sim.writes() == []


def test_an_api_url_with_an_upper_case_host_follows_next_page_links(sim):
    count = 101  # the list's default page is 100: two pages
    sim.seed_auto_attendants(HQ, count)
    sim.clear_requests()
    client = WebexClient("HTTP://LOCALHOST:%d/v1" % sim.port, sim.token, sleep=lambda seconds: None)
    result = task_result(client, INFO_MODULE, {"location": HQ})  # next-page links come back in lower case
    assert not result["failed"], result
    assert len(result["auto_attendants"]) == count
    lists = [e for e in sim.requests() if e["path"] == LIST_PATH]
    assert len(lists) == 2 and "start" in lists[1]["query"], lists
