"""webex_call_path's run() and its catalog called in this process against the simulator over HTTP: the site of
tests/builders.py applied with the resource modules' own run(), then traced by the module and by the filter over the
declared data (the same results), what is read and how often, Test Call Routing as the entry, failures and fail_fast.
"""

import pytest

from ansible_collections.wxc.calling.plugins.filter.call_path import call_path
from ansible_collections.wxc.calling.plugins.module_utils._call_path import converge as cp_converge
from ansible_collections.wxc.calling.plugins.module_utils._call_path import options as cp_options
from ansible_collections.wxc.calling.plugins.module_utils._location.service import LocationNotFound
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexApiError, WebexClient
from tests.builders import (
    DENVER,
    FRONT_DESK_NUMBER,
    MAIN_LINE_NUMBER,
    call_test,
    site_data,
    site_tests,
)
from tests.component.helpers import Failed, Module, apply_site, params_of


def trace(client, **options):
    """The module's run() with OPTIONS; (result, module)."""
    module = Module(params_of(cp_options.argument_spec(), **options))
    return cp_converge.run(module, client), module


@pytest.fixture(name="site")
def fixture_site(sim, client):
    apply_site(client)
    sim.clear_requests()


def gets(sim):
    """{(path, query): count} of the request log, which must hold GETs only."""
    counts = {}
    for entry in sim.requests():
        assert entry["method"] == "GET", entry
        key = (entry["path"], str(sorted((entry.get("query") or {}).items())))
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_the_module_traces_the_site_as_the_filter_traces_its_declaration_reading_each_object_once(sim, client, site):
    result, module = trace(client, tests=site_tests(), fail_fast=False)
    assert result["failures"] == [] and module.warnings == []
    assert result["calls"] == call_path(site_tests(), site_data())
    assert [call["name"] for call in result["calls"]] == [test["name"] for test in site_tests()]

    # Reads only, each object once in the task.
    counts = gets(sim)
    assert max(counts.values()) == 1, counts
    paths = sorted(path for path, _query in counts)
    assert sum(path.endswith("/autoAttendants") and "/locations/" not in path for path in paths) == 1
    assert sum(path.startswith("/v1/locations/") for path in paths) == 1  # the time zone of Denver
    assert sum(path.endswith("/callForwarding") for path in paths) == 4  # the four attendants
    assert sum("/selectiveRules/" in path for path in paths) == 2  # Main Line's two rules
    assert sum(path.endswith("/schedules") for path in paths) == 3  # each schedule found by type and name
    assert sum("/schedules/" in path for path in paths) == 3  # and its details read
    assert sum("/announcements/" in path for path in paths) == 2  # the greeting and the announcement of key 5

    # A location given by id names the same attendants; a read-only token is enough.
    reader = WebexClient(sim.url, sim.read_only_token, timeout=10, sleep=lambda seconds: None)
    result, _module = trace(
        reader, location=sim.location_id(DENVER), auto_attendant="Sales", at="2026-03-09T09:30", presses=["1"]
    )
    call = result["calls"][0]
    assert call["destination"]["value"] == "2201" and call["auto_attendants"] == [{"name": "Sales", "location": DENVER}]

    # A location no one has fails before any trace.
    sim.clear_requests()
    with pytest.raises(LocationNotFound):
        trace(client, location="Atlantis", auto_attendant="Sales")
    assert [entry["path"] for entry in sim.requests()] == ["/v1/telephony/config/autoAttendants", "/v1/locations"]


ORIGINATOR = {"id": "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hbGljZQ", "type": "PEOPLE"}


def test_calls_that_differ_fail_the_task_and_test_call_routing_is_the_entry_with_an_originator(sim, client, site):
    tests = [
        call_test("Wrong menu", at="2026-03-09T08:00", expect={"menu": "business_hours"}),
        call_test("Right", presses=["0"], expect={"destination": {"type": "operator"}}),
        call_test("Wrong destination", presses=["9"], expect={"destination": {"type": "operator"}}),
    ]
    module = Module(params_of(cp_options.argument_spec(), tests=tests, fail_fast=False))
    with pytest.raises(Failed):
        cp_converge.run(module, client)
    failed = module.failed_with
    assert [call["passed"] for call in failed["calls"]] == [False, True, False]
    assert failed["changed"] is False and len(failed["failures"]) == 2
    assert failed["msg"].startswith(
        "2 of 3 calls differ from expect: test 'Wrong menu': menu: expected the business_hours menu, traced "
        "after_hours; traced: Auto attendant 'Main Line' (Branch Office Denver) answers (dialled) -> "
    )
    assert " | test 'Wrong destination': destination: expected operator, traced disconnect; traced: " in failed["msg"]
    fast = Module(params_of(cp_options.argument_spec(), tests=tests))
    with pytest.raises(Failed):
        cp_converge.run(fast, client)
    assert [call["name"] for call in fast.failed_with["calls"]] == ["Wrong menu"]
    assert fast.failed_with["msg"].startswith("1 of 3 calls differs from expect: test 'Wrong menu'")
    assert sim.writes() == []

    # With an originator, Test Call Routing says where the number lands.
    result, _module = trace(
        client, number=MAIN_LINE_NUMBER, at="2026-03-09T09:30", presses=["0"], originator=ORIGINATOR
    )
    call = result["calls"][0]
    assert call["steps"][0] == {
        "step": "entry",
        "text": "Dialled +17205550100: Test Call Routing routes it to auto attendant 'Main Line' (Branch Office Denver)",
        "auto_attendant": {"name": "Main Line", "location": DENVER},
        "routing": {"destination_type": "HOSTED_FEATURE", "routing_address": MAIN_LINE_NUMBER},
    }
    assert call["destination"]["type"] == "operator"
    (posted,) = sim.writes()
    assert posted["path"] == "/v1/telephony/config/actions/testCallRouting/invoke"
    assert posted["body"] == {
        "originatorId": ORIGINATOR["id"],
        "originatorType": "PEOPLE",
        "destination": MAIN_LINE_NUMBER,
    }

    # A number outside ends the trace; a rejected call is unresolved.
    result, _module = trace(client, number="+13035550100", originator=ORIGINATOR)
    assert result["calls"][0]["destination"] == {
        "type": "number",
        "value": "+13035550100",
        "reason": "Test Call Routing routes it to PSTN_NUMBER",
    }
    rejected = {"destinationType": "HOSTED_FEATURE", "routingAddress": "2100", "isRejected": True}
    sim.fault(method="POST", path="testCallRouting", status=200, body=rejected)
    result, _module = trace(client, number=FRONT_DESK_NUMBER, originator=ORIGINATOR)
    assert result["calls"][0]["destination"] == {
        "type": "unresolved",
        "reason": "Test Call Routing says the call is rejected",
    }

    # Test Call Routing needs a token that may write: the service's refusal is the module's.
    reader = WebexClient(sim.url, sim.read_only_token, timeout=10, sleep=lambda seconds: None)
    with pytest.raises(WebexApiError) as caught:
        trace(reader, number=FRONT_DESK_NUMBER, originator=ORIGINATOR)
    assert caught.value.status == 403
