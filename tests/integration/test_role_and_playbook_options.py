"""Each option of the auto_attendant role and of the shipped playbooks changes what they do (issue 33): the options no
other test shows at work are shown here, through real ansible-playbook against the simulator, in two runs (one for the
role, one for the playbooks, each playbook imported with its variables).

A role or playbook whose task drops one of these options, or ignores its value, fails a test here: purge,
purge_limit, base_dir, concurrency and the connection settings timeout and validate_certs of the role; export_name of
the export; diagram_name and diagram_direction of the diagram; drift_vars_file and drift_undeclared of the drift
report. (The other options are shown by the tests of each playbook and of the role.)
"""

import json
import os

import pytest
import yaml

from tests.audio_fixtures import pcm_wav, write
from tests.integration.runner import run_playbook
from tests.integration.scenario import BUSINESS, create_attendant
from tests.integration.scenario import MENU as MENU_AS_CREATED
from tests.simulator.harness import ROOT

ROLE_NAME = "wxc.calling.auto_attendant"
CONVERGE = ROLE_NAME + " : Converge the site as one plan"
MENU = {"operator": "1000"}
DECLARED = {
    "name": "Declared Desk",
    "location": "Headquarters",
    "extension": "2900",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours": dict(MENU, greeting_file="welcome.wav"),
    "after_hours": MENU,
}
UNDECLARED = (("Old Desk A", "2901"), ("Old Desk B", "2902"))


class ExportLoader(yaml.SafeLoader):  # pylint: disable=too-many-ancestors
    """Reads an export: its strings tagged !unsafe as the text they are."""


ExportLoader.add_constructor("!unsafe", lambda loader, node: loader.construct_scalar(node))


def write_yaml(path, data):
    with open(str(path), "w", encoding="utf-8") as handle:
        yaml.safe_dump(data, handle, sort_keys=False)
    return str(path)


def stored(sim):
    response = sim.api("GET", "/telephony/config/autoAttendants")
    response.raise_for_status()
    return sorted(item["name"] for item in response.json()["autoAttendants"])


def role_task(name, **variables):
    """One run of the role, its failure rescued so that the next case runs."""
    return {
        "name": name,
        "block": [
            {
                "name": "Run the role: " + name,
                "ansible.builtin.include_role": {"name": ROLE_NAME},
                "vars": dict({"auto_attendant_list": [DECLARED], "auto_attendant_no_log": False}, **variables),
            }
        ],
        "rescue": [{"name": "Rescued: " + name, "ansible.builtin.debug": {"msg": "the role failed"}}],
    }


@pytest.fixture(name="role_run")
def fixture_role_run(sim, tmp_path):
    """The role three times over one declaration, with two undeclared attendants in its location: kept (purge false,
    with concurrency, timeout and validate_certs given), refused by the limit (purge, purge_limit 1), purged (purge,
    purge_limit 0). The greeting file lies in greetings/, given as auto_attendant_base_dir, not beside the playbook."""
    for name, extension in UNDECLARED:
        create_attendant(sim, name, extension)
    sim.clear_requests()
    (tmp_path / "greetings").mkdir()
    write(tmp_path / "greetings", "welcome.wav", pcm_wav(seconds=6))
    base_dir = str(tmp_path / "greetings")
    tasks = [
        role_task(
            "keep",
            auto_attendant_purge=False,
            auto_attendant_base_dir=base_dir,
            auto_attendant_concurrency=1,
            auto_attendant_timeout=47,
            auto_attendant_validate_certs=False,
        ),
        role_task("limited", auto_attendant_purge=True, auto_attendant_purge_limit=1, auto_attendant_base_dir=base_dir),
        role_task("purged", auto_attendant_purge=True, auto_attendant_purge_limit=0, auto_attendant_base_dir=base_dir),
    ]
    playbook = write_yaml(
        tmp_path / "role_options.yml",
        [{"name": "Role options", "hosts": "localhost", "gather_facts": False, "tasks": tasks}],
    )
    run = run_playbook(playbook, sim)
    return run, [dict(entry["result"], failed=entry["failed"]) for entry in run.task(CONVERGE)]


def test_the_role_options_reach_the_engine_and_change_what_it_does(sim, role_run):
    run, results = role_run
    assert len(results) == 3, run  # the three runs, in order
    keep, limited, purged = results
    # keep: the declared attendant and its greeting (found under auto_attendant_base_dir), the undeclared kept
    assert not keep.get("failed"), keep
    args = keep["invocation"]["module_args"]
    assert (args["concurrency"], args["timeout"], args["validate_certs"]) == (1, 47, False)
    assert args["purge"]["auto_attendants"] is False
    assert [entry["kind"] for entry in keep["objects"] if entry["action"] == "create"] == [
        "announcements",
        "auto_attendants",
    ]
    undeclared = sorted(entry["name"] for entry in keep["undeclared"] if entry["kind"] == "auto_attendants")
    assert {"Old Desk A", "Old Desk B"} <= set(undeclared), undeclared
    # limited: more to purge than the one allowed: refused before any delete
    assert limited.get("failed") and "purge_limit" in limited["msg"], limited
    assert limited["invocation"]["module_args"]["purge_limit"] == 1
    # purged: no limit, every undeclared attendant of the location deleted
    assert not purged.get("failed"), purged
    assert sorted(entry["name"] for entry in purged["objects"] if entry["action"] == "delete") == undeclared
    assert len([entry for entry in sim.writes() if entry["method"] == "DELETE"]) == len(undeclared)
    assert not set(undeclared) & set(stored(sim)) and "Declared Desk" in stored(sim)


# -- the playbooks ---------------------------------------------------------------------------------------------------


def playbook(name):
    return os.path.join(ROOT, "playbooks", name)


def as_created(name, extension):
    """webex_auto_attendant options of the attendant scenario.create_attendant creates."""
    return {
        "location": "Headquarters",
        "name": name,
        "extension": extension,
        "business_schedule": BUSINESS,
        "business_hours_menu": MENU_AS_CREATED,
        "after_hours_menu": MENU_AS_CREATED,
    }


def test_the_playbook_options_change_what_the_playbooks_do(sim, tmp_path):
    create_attendant(sim, "Kept Desk", "2910")
    create_attendant(sim, "Other Desk", "2911")
    sim.clear_requests()
    vars_dir = tmp_path / "vars"
    vars_dir.mkdir()
    write(vars_dir, "welcome.wav", pcm_wav(seconds=6))
    declared = dict(DECLARED, name="Kept Desk", extension="2910")
    role_vars = {"auto_attendant_list": [declared]}
    vars_file = write_yaml(vars_dir / "site.yml", role_vars)
    plays = [
        {
            "import_playbook": playbook("export_auto_attendants.yml"),
            "vars": {
                "export_file": str(tmp_path / "export.yml"),
                "export_location": "Headquarters",
                "export_name": "Kept Desk",
            },
        },
        {
            "import_playbook": playbook("diagram_auto_attendants.yml"),
            "vars": {
                "diagram_file": str(tmp_path / "flows.md"),
                "diagram_location": "Headquarters",
                "diagram_name": "Kept Desk",
                "diagram_direction": "TB",
                "diagram_svg": False,
            },
        },
        {
            # what the declaration names is as declared; only undeclared attendants differ, and they are no drift
            "import_playbook": playbook("drift_report.yml"),
            "vars": {
                "webex_site": {"auto_attendants": [as_created("Other Desk", "2911")]},
                "drift_report_dir": str(tmp_path / "no-drift"),
                "drift_undeclared": False,
                "fail_on_drift": True,
            },
        },
        {
            "import_playbook": playbook("drift_report.yml"),
            "vars": dict(
                role_vars,
                drift_vars_file=vars_file,
                drift_report_dir=str(tmp_path / "drift"),
                drift_undeclared=False,
                fail_on_drift=True,
            ),
        },
    ]
    os.makedirs(str(tmp_path / "drift"))
    os.makedirs(str(tmp_path / "no-drift"))
    run = run_playbook(write_yaml(tmp_path / "playbooks.yml", plays), sim)
    # export_name: only the attendant named
    with open(str(tmp_path / "export.yml"), encoding="utf-8") as handle:
        exported = yaml.load(handle, Loader=ExportLoader)  # noqa: S506 - a safe loader
    assert [item["name"] for item in exported["webex_auto_attendants"]] == ["Kept Desk"], exported
    # diagram_name, diagram_direction: only that attendant, drawn top to bottom
    flows = (tmp_path / "flows.md").read_text(encoding="utf-8")
    assert "Kept Desk" in flows and "Other Desk" not in flows, flows
    assert "flowchart TB" in flows and "flowchart LR" not in flows, flows
    # drift_undeclared false: a declaration met exactly is no drift, though its location holds other attendants
    with open(str(tmp_path / "no-drift" / "drift.json"), encoding="utf-8") as handle:
        no_drift = json.load(handle)
    assert no_drift["drift"] is False and no_drift["counts"]["undeclared"] > 0, no_drift
    # drift_vars_file: the greeting file is found beside the vars file; drift_undeclared false: the other attendants
    # of the location are no drift, so what drifts is the greeting and the attendant's menu that plays it
    with open(str(tmp_path / "drift" / "drift.json"), encoding="utf-8") as handle:
        drift = json.load(handle)
    assert drift["error"] is None, drift["error"]
    assert drift["counts"]["undeclared"] > 0
    assert sorted((entry["kind"], entry["action"]) for entry in drift["objects"]) == [
        ("announcements", "create"),
        ("auto_attendants", "update"),
    ]
    assert run.rc != 0 and "Drift found: 1 to create, 1 to update" in run.stdout, run
    assert sim.writes() == []
