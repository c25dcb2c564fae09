"""webex_auto_attendant run by real ansible-playbook against the simulator: the documentation example, predicted in
check mode with --diff, created, then predicted and applied again with nothing to do, in one playbook.

What the module decides and sends (plans, bodies, lookups, faults, messages) is proved in this process by
tests/component/test_auto_attendant.py; argument handling and its messages by test_bad_input.py; check mode and
--diff on every path by test_check_mode_matrix.py.
"""

from tests.builders import AA_MODULE, aa_doc_example
from tests.integration.scenario import play, task

PATHS = {"Predict the creation": True, "Create": True, "Predict nothing": False, "Apply again": False}


def test_documentation_example_check_create_check_apply(sim, tmp_path):
    tasks = [
        task("Predict the creation", AA_MODULE, aa_doc_example(), check_mode=True, diff=True),
        task("Create", AA_MODULE, aa_doc_example(), diff=True),
        task("Predict nothing", AA_MODULE, aa_doc_example(), check_mode=True, diff=True),
        task("Apply again", AA_MODULE, aa_doc_example()),
    ]
    sim.clear_requests()
    run = play(sim, tmp_path, tasks)
    assert run.rc == 0, run
    assert {name: run.one(name)["changed"] for name in PATHS} == PATHS
    # One write in all: the creation. Check mode wrote nothing, the second real run found nothing to do.
    writes = sim.writes()
    assert [(entry["method"], entry["status"]) for entry in writes] == [("POST", 201)]
    assert writes[0]["body"]["name"] == "Main Line AA - Test"
    predicted = run.one("Predict the creation")["result"]
    assert predicted["auto_attendant"]["id"] is None and predicted["auto_attendant"]["name"] == "Main Line AA - Test"
    assert predicted["diff"]["before"] == {} and predicted["diff"]["after"]["extension"] == "200"
    created = run.one("Create")["result"]["auto_attendant"]
    assert created["id"] and created["location_id"] == sim.location_id("Headquarters")
    assert run.one("Predict nothing")["result"]["auto_attendant"]["id"] == created["id"]
    assert run.one("Apply again")["result"]["auto_attendant"]["id"] == created["id"]
    assert "diff" not in run.one("Apply again")["result"]
    # --diff reaches the default callback, which prints the diff.
    assert "--- before" in run.stdout and "+++ after" in run.stdout, run
