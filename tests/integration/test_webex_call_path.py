"""webex_call_path and the call_path filter in one real ansible-playbook run against the simulator.

What only Ansible shows: the guide's CI playbook (examples/call_flow_tests/) as it is; the call-flow tests of the
applied site traced by the module (through module_defaults; one call in check mode) and by the filter over the same
declared data, with identical results; expect failing a task with fail_fast on and off; bad input refused before any request;
the filter reporting, not failing. Everything else is tested below this layer (tests/unit/plugins/module_utils/
_call_path/, tests/component/test_call_path.py).
"""

import os

import yaml

from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.builders import CALL_PATH_MODULE, DENVER, call_test, site_data, site_tests
from tests.component.helpers import apply_site
from tests.integration.runner import run_playbook, write_playbook

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
GUIDE_PLAYBOOK = os.path.join(ROOT, "examples", "call_flow_tests", "check_call_flows.yml")
# The single-call form (no tests), run in check mode.
ONE_CALL = {
    "location": DENVER,
    "auto_attendant": "Sales",
    "at": "2026-03-09T09:30",
    "presses": ["1"],
    "expect": {"destination": {"type": "extension", "value": "2201"}},
}
FAILING = [
    call_test("Early call", at="2026-03-09T08:00", expect={"menu": "business_hours"}),
    call_test("Operator", presses=["0"], expect={"destination": {"type": "operator"}}),
]


def tasks():
    return [
        {
            "name": "Trace",
            CALL_PATH_MODULE: {"tests": "{{ site_tests }}", "fail_fast": False},
            "register": "traced",
        },
        {
            "name": "One call in check mode",
            CALL_PATH_MODULE: "{{ one_call }}",
            "check_mode": True,
            "register": "checked",
        },
        {
            "name": "Filter",
            "ansible.builtin.set_fact": {
                "declared": "{{ site_tests | wxc.calling.call_path(site_data) }}",
                "declared_one": "{{ one_call | wxc.calling.call_path(site_data) }}",
            },
        },
        {
            "name": "The module and the filter agree",
            "ansible.builtin.assert": {
                "that": [
                    "traced.calls == declared",
                    "checked.calls == [declared_one]",
                    "declared_one.passed and declared_one.destination.value == '2201'",
                    "declared | rejectattr('passed') | list | length == 0",
                    "traced.calls | length == site_tests | length",
                    "not traced.changed and not checked.changed",
                ]
            },
        },
        {"name": "Fail fast", CALL_PATH_MODULE: {"tests": "{{ failing }}"}, "ignore_errors": True},
        {
            "name": "Fail at the end",
            CALL_PATH_MODULE: {"tests": "{{ failing }}", "fail_fast": False},
            "ignore_errors": True,
        },
        {
            "name": "Bad input",
            CALL_PATH_MODULE: {"number": "+17205550100", "presses": ["A"], "at": "Monday"},
            "ignore_errors": True,
        },
        {
            "name": "The filter does not fail",
            "ansible.builtin.set_fact": {
                "filtered": "{{ failing | wxc.calling.call_path(site_data) | map(attribute='passed') | list }}"
            },
        },
    ]


def test_the_module_and_the_filter_trace_the_same_calls(sim, tmp_path):
    # The site is applied by the modules' code in this process (tests/component/ proves that path); the playbook
    # only traces.
    apply_site(WebexClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None))
    sim.clear_requests()
    path = write_playbook(tmp_path, tasks())
    # Named apart from the guide playbook's own variables: extra vars would win over its vars_files.
    extra = {"site_data": site_data(), "site_tests": site_tests(), "failing": FAILING, "one_call": ONE_CALL}
    with open(path, encoding="utf-8") as handle:
        play = yaml.safe_load(handle)
    play[0]["module_defaults"] = {"group/wxc.calling.webex": {"access_token": sim.token, "api_url": sim.url}}
    # The guide's CI playbook runs first, as a team would run it: against its declared site, without a token.
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump([{"import_playbook": GUIDE_PLAYBOOK}] + play, handle, sort_keys=False)
    # Only module_defaults leads to the simulator: the environment points elsewhere.
    run = run_playbook(
        path,
        sim,
        extra_vars=extra,
        env={"WEBEX_ACCESS_TOKEN": "not-the-token", "WEBEX_API_URL": "http://127.0.0.1:9/v1"},
    )
    assert run.rc == 0, run
    assert run.one("Every test passes against the declared site")["failed"] is False
    assert (
        len(run.one("Trace the tests through the declared site")["result"]["ansible_facts"]["call_flow_results"]) == 6
    )
    assert run.one("The module and the filter agree")["failed"] is False

    assert run.one("Fail fast")["failed"] and run.one("Fail at the end")["failed"] and run.one("Bad input")["failed"]
    fast = run.one("Fail fast")["result"]
    assert [call["name"] for call in fast["calls"]] == ["Early call"]
    assert fast["msg"].startswith(
        "1 of 2 calls differs from expect: test 'Early call': menu: expected the "
        "business_hours menu, traced after_hours; traced: Auto attendant 'Main Line' "
    )
    every = run.one("Fail at the end")["result"]
    assert [call["passed"] for call in every["calls"]] == [False, True]
    assert every["failures"] == [fast["failures"][0]]

    bad = run.one("Bad input")["result"]
    assert bad["msg"] == (
        "Invalid options: at: 'Monday' is not an ISO 8601 date and time (like 2026-03-09T09:30, or "
        "2026-03-09T16:30:00Z); presses[0]: 'A' is not a key (0-9, * or #) nor the digits of an extension"
    )
    assert run.one("The filter does not fail")["result"]["ansible_facts"]["filtered"] == [False, True]
    assert sim.writes() == []  # every trace only read
