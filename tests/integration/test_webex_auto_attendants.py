"""webex_auto_attendants (many at once) run by real ansible-playbook against the simulator, in one playbook: a task
refused for its options before any request (every problem listed), a creation, an update and a deletion predicted
in check mode with --diff (the list of diffs printed by the default callback), applied, then predicted again with
nothing left to do.

What the run decides and sends (one list per location, purge and its limit, references and cycles, per-item
failures and reruns, organisations, 429 storms, concurrency) is proved in this process by tests/component/test_bulk.py.
"""

from tests.builders import AA_BULK_MODULE, AUSTIN, aa_options
from tests.integration.scenario import play, task


def three():
    return [aa_options("Bulk %d" % number, str(number)) for number in (2101, 2102, 2103)]


def changed_items():
    """Bulk 2101 gains a key, Bulk 2102 stays, Bulk 2103 is deleted."""
    items = three()
    items[0]["business_hours_menu"]["key_configurations"].append(
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100"}
    )
    items[2] = {"name": "Bulk 2103", "location": "Headquarters", "state": "absent"}
    return items


def refused_items():
    """Every kind of problem, in a location no other task names: had it sent a request, the log would show it."""
    return [
        aa_options("Good", "2101", AUSTIN),
        aa_options("Bad extension", "x1", AUSTIN),
        {"name": "No location", "extension": "2102"},
        aa_options("Good", "2103", AUSTIN),
        dict(aa_options("Bad choice", "2104", AUSTIN), state="gone", colour="blue"),
    ]


def test_refused_then_check_apply_check(sim, tmp_path):
    tasks = [
        task("Refused", AA_BULK_MODULE, {"auto_attendants": refused_items(), "concurrency": 0}, ignore_errors=True),
        task("Create", AA_BULK_MODULE, {"auto_attendants": three()}),
        task("Predict", AA_BULK_MODULE, {"auto_attendants": changed_items()}, check_mode=True, diff=True),
        task("Apply", AA_BULK_MODULE, {"auto_attendants": changed_items()}, diff=True),
        task("Predict nothing", AA_BULK_MODULE, {"auto_attendants": changed_items()}, check_mode=True),
    ]
    austin = sim.location_id(AUSTIN)
    sim.clear_requests()
    run = play(sim, tmp_path, tasks)
    assert run.rc == 0, run

    refused = run.one("Refused")
    assert refused["failed"] is True
    errors = refused["result"]["errors"]
    assert any(error.startswith("auto_attendants[1] ('Bad extension'): extension:") for error in errors), errors
    assert "auto_attendants[2] ('No location'): missing required arguments: location" in errors
    # The site engine's identity check: the item, its location and the one it repeats (the engine's message).
    assert (
        "auto_attendants[3] ('Good'): declared twice in location %r (also auto_attendants[0]); declare each auto "
        "attendant once" % AUSTIN in errors
    ), errors
    assert any(error.startswith("auto_attendants[4] ('Bad choice'): value of state must be one of") for error in errors)
    assert any(error.startswith("auto_attendants[4] ('Bad choice'): colour") for error in errors), errors
    assert any(error.startswith("concurrency: 0 is out of range") for error in errors), errors
    assert not [entry for entry in sim.requests() if AUSTIN in str(entry) or austin in str(entry)]

    assert run.one("Create")["result"]["summary"]["create"] == 3
    predicted = run.one("Predict")["result"]
    applied = run.one("Apply")["result"]
    for result in (predicted, applied):
        assert result["changed"] is True
        assert result["summary"] == {"create": 0, "update": 1, "delete": 1, "nothing": 1, "failed": 0}
        assert [entry["before_header"] for entry in result["diff"]] == [
            "Bulk 2101 (Headquarters)",
            "Bulk 2103 (Headquarters)",
        ]
    assert predicted["results"][0]["differing_fields"] == ["business_hours_menu.key_configurations (key 1)"]
    again = run.one("Predict nothing")
    assert again["changed"] is False
    assert again["result"]["summary"] == {"create": 0, "update": 0, "delete": 0, "nothing": 3, "failed": 0}
    # The writes: the creations, then the applied run's update and, after it, its deletion (the site engine's order:
    # deletes last, unless they free what a write takes, which this one does not); none in check mode.
    assert [entry["method"] for entry in sim.writes()] == ["POST"] * 3 + ["PUT", "DELETE"]
    # The default callback prints the list of diffs, one header per attendant.
    assert "Bulk 2101 (Headquarters)" in run.stdout and "Bulk 2103 (Headquarters)" in run.stdout, run
