"""_call_path/compare.py: expect against the trace (destination type and value compared as numbers, the attendant on
the way, the menu), the message of a mismatch with the traced path, and trace_calls() with and without fail_fast."""

from ansible_collections.wxc.calling.plugins.module_utils._call_path.catalog import DeclaredCatalog
from ansible_collections.wxc.calling.plugins.module_utils._call_path.compare import (
    destination_text,
    failure_message,
    mismatches,
    path_text,
    trace_calls,
)
from ansible_collections.wxc.calling.plugins.module_utils._call_path.trace import trace
from tests.builders import MAIN_LINE_NUMBER, site_data

DENVER = "Branch Office Denver"


def traced(**call):
    return trace(DeclaredCatalog(site_data()), dict({"number": MAIN_LINE_NUMBER, "at": "2026-03-09T09:30"}, **call))


def test_a_trace_that_shows_what_was_expected_has_no_mismatch():
    result = traced(presses=["1", "1"])
    expect = {
        "destination": {"type": "extension", "value": "2201"},
        "auto_attendant": "Sales",
        "menu": "business_hours",
    }
    assert mismatches(expect, result) == []
    assert mismatches(None, result) == [] and mismatches({}, result) == []


def test_numbers_are_compared_as_numbers():
    result = traced(caller="+13035550199")
    assert mismatches({"destination": {"type": "number", "value": "+1 (303) 555-0177"}}, result) == []
    assert mismatches({"destination": {"type": "number"}}, result) == []  # any value


def test_each_difference_is_one_sentence():
    result = traced(at="2026-03-09T08:00")
    expect = {
        "destination": {"type": "extension", "value": "2201"},
        "auto_attendant": "Sales",
        "menu": "business_hours",
    }
    assert mismatches(expect, result) == [
        "destination: expected extension 2201, traced voicemail 2100",
        "auto_attendant: expected the call to reach 'Sales', it reached 'Main Line'",
        "menu: expected the business_hours menu of 'Sales', traced no menu",
    ]
    assert mismatches({"menu": "business_hours"}, result) == [
        "menu: expected the business_hours menu, traced after_hours"
    ]
    assert mismatches({"destination": {"type": "voicemail", "value": "2200"}}, result) == [
        "destination: expected voicemail 2200, traced voicemail 2100"
    ]


def test_the_message_names_the_call_and_shows_the_path():
    result = traced(at="2026-03-09T08:00")
    assert path_text(result) == (
        "Auto attendant 'Main Line' (Branch Office Denver) answers (dialled) -> Selective call forwarding: no rule "
        "matches -> outside every event of business schedule 'Office hours' (after hours menu) -> No key pressed: "
        "after 10 s, then TRANSFER_TO_MAILBOX -> destination: voicemail 2100"
    )
    assert failure_message("Early", 0, ["x differs"], result).startswith("test 'Early': x differs; traced: Auto")
    assert failure_message(None, 2, ["x differs"], result).startswith("call 3: x differs; traced: ")


def test_destination_text():
    assert destination_text(None) == "nothing"
    assert destination_text({"type": "disconnect"}) == "disconnect"
    assert destination_text({"type": "unresolved", "reason": "why"}) == "unresolved (why)"
    assert destination_text({"type": "loop", "value": "Sales", "reason": "round"}) == "loop Sales (round)"


def calls():
    return [
        {"name": "wrong", "number": MAIN_LINE_NUMBER, "at": "2026-03-09T08:00", "expect": {"menu": "business_hours"}},
        {
            "name": "right",
            "number": MAIN_LINE_NUMBER,
            "at": "2026-03-09T08:00",
            "expect": {"menu": "after_hours", "auto_attendant": None},
        },
        {
            "name": "also wrong",
            "number": "2200",
            "location": DENVER,
            "at": "2026-03-09T08:00",
            "expect": {"menu": "business_hours"},
        },
    ]


def test_trace_calls_stops_at_the_first_difference_with_fail_fast():
    results, failures = trace_calls(DeclaredCatalog(site_data()), calls(), fail_fast=True)
    assert [result["name"] for result in results] == ["wrong"]
    assert failures == [results[0]["message"]] and failures[0].startswith("test 'wrong': menu: expected")
    assert results[0]["passed"] is False and results[0]["mismatches"]


def test_trace_calls_traces_every_call_without_fail_fast():
    results, failures = trace_calls(DeclaredCatalog(site_data()), calls(), fail_fast=False)
    assert [(result["name"], result["passed"]) for result in results] == [
        ("wrong", False),
        ("right", True),
        ("also wrong", False),
    ]
    assert len(failures) == 2 and results[1]["message"] is None and results[1]["mismatches"] == []
    assert results[1]["expect"] == {"menu": "after_hours"}  # as given, without the options left out
