"""One inventory host per Webex Calling location (the webex_locations inventory plugin), each converging its own
location with webex_site (examples/per_location): with forks under rate limiting, and sliced as AWX slices a job.

Only real runs show these: the inventory plugin feeding ansible-playbook, forks, --limit and ansible-runner (the
engine of AWX jobs), set_stats artifacts. Sized to prove the point: 40 locations once, a drift job over 6.
"""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from urllib.parse import unquote

import yaml

from tests.environment import child_environment
from tests.integration.runner import run_playbook
from tests.integration.secret_scan import assert_no_secret, simulator_secrets
from tests.simulator.harness import ROOT

EXAMPLE = os.path.join(ROOT, "examples", "per_location")
ANSIBLE_RUNNER = os.path.join(os.path.dirname(sys.executable), "ansible-runner")
LOCATION_PATH = "/telephony/config/locations/"
MAIN_LINE = "Main Line"  # the example's attendant (group_vars/webex_locations.yml)


def inventory_file(directory, prefix):
    """A webex_locations inventory source of the locations whose name starts with PREFIX (the seed's four are left
    out), written to DIRECTORY; its path."""
    path = os.path.join(str(directory), "webex_locations.yml")
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(
            {"plugin": "wxc.calling.webex_locations", "filters": ["webex_location_name.startswith(%r)" % prefix]},
            handle,
        )
    return path


def awx_slices(hosts, count):
    """The hosts of each slice as AWX makes them (awx/main/models/inventory.py, get_sliced_hosts): the inventory's
    hosts ordered by name, slice N taking every COUNT-th from the N-th."""
    ordered = sorted(hosts)
    return [ordered[number::count] for number in range(count)]


def writes_by_location(sim):
    """location id -> Counter of (method, what) of the successful writes the simulator received."""
    found = {}
    for entry in sim.writes():
        if entry["status"] >= 300:
            continue
        path = unquote(entry["path"]).removeprefix("/v1")
        location_id, what = (path.removeprefix(LOCATION_PATH).split("/") + [""])[:2]
        found.setdefault(location_id, Counter())[(entry["method"], what)] += 1
    return found


def attendant_names(sim, location_id):
    answer = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": location_id, "max": 1000})
    return [item["name"] for item in answer.json()["autoAttendants"]]


class Job:
    """An AWX job as ansible-runner runs it: the project (examples/per_location), the inventory source, the
    credential's environment variables; one run per slice, the slice given with --limit."""

    def __init__(self, base, sim, inventory):
        self.base = str(base)
        self.sim = sim
        shutil.copytree(EXAMPLE, os.path.join(self.base, "project"))
        os.makedirs(os.path.join(self.base, "inventory"))
        os.makedirs(os.path.join(self.base, "env"))
        shutil.copy(inventory, os.path.join(self.base, "inventory", "webex_locations.yml"))
        env = {
            "WEBEX_API_URL": sim.url,
            "WEBEX_ACCESS_TOKEN": sim.token,
            "ANSIBLE_COLLECTIONS_PATH": os.environ["ANSIBLE_COLLECTIONS_PATH"],
            "ANSIBLE_NOCOLOR": "1",
        }
        with open(os.path.join(self.base, "env", "envvars"), "w", encoding="utf-8") as handle:
            yaml.safe_dump(env, handle)

    def run(self, playbook, ident, limit, forks=4, extra_vars=None):
        """Run PLAYBOOK on the hosts LIMIT; return (status, the playbook_on_stats event's data)."""
        if extra_vars:
            with open(os.path.join(self.base, "env", "extravars"), "w", encoding="utf-8") as handle:
                yaml.safe_dump(extra_vars, handle)
        command = [ANSIBLE_RUNNER, "run", self.base, "-p", playbook, "--ident", ident]
        command += ["--limit", ",".join(limit), "--forks", str(forks)]
        env = child_environment({"PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")})
        proc = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False, env=env)
        folder = os.path.join(self.base, "artifacts", ident)
        with open(os.path.join(folder, "status"), encoding="utf-8") as handle:
            status = handle.read().strip()
        stats, texts = None, {"job stdout": proc.stdout + proc.stderr}
        events = os.path.join(folder, "job_events")
        for name in sorted(os.listdir(events)):
            with open(os.path.join(events, name), encoding="utf-8") as handle:
                text = handle.read()
            texts[name] = text
            event = json.loads(text)
            if event.get("event") == "playbook_on_stats":
                stats = event["event_data"]
        # What AWX stores and shows of a job (its output and events) never holds the token.
        assert_no_secret(texts, simulator_secrets(self.sim))
        assert stats is not None, proc.stdout[-3000:] + proc.stderr[-3000:]
        return status, stats


def test_forty_locations_with_forks_and_429s_converge_once_then_every_slice_is_a_no_op(sim, tmp_path):
    locations = {item["id"]: item["name"] for item in sim.seed_locations(40, prefix="Scale ")}
    inventory = inventory_file(tmp_path, "Scale ")
    sim.rate_limit(every=10, retry_after="0")

    run = run_playbook(os.path.join(EXAMPLE, "site.yml"), sim, inventory=inventory, extra_args=["--forks", "4"])

    assert run.rc == 0, run
    # Every location is a host, and each converged its own location, once: one schedule and one attendant created
    # in each of the 40, nothing written anywhere else, no attendant stored twice.
    hosts = {host for host in run.stats if host.startswith("scale-")}
    assert len(hosts) == 40 and all(run.stats[host]["changed"] == 1 for host in hosts), run.stats
    statuses = Counter(entry["status"] for entry in sim.requests())
    assert statuses[429] >= 10, statuses  # the rate limit was hit, and waited out
    sim.clear_rate_limit()
    assert writes_by_location(sim) == {
        location_id: Counter({("POST", "schedules"): 1, ("POST", "autoAttendants"): 1}) for location_id in locations
    }
    assert all(attendant_names(sim, location_id) == [MAIN_LINE] for location_id in locations)
    results = {
        entry["host"]: entry["result"]
        for entry in run.task(
            "Converge the location's schedules, greetings, auto attendants and forwarding as one plan"
        )
    }
    assert {host: result["objects"][0]["location_id"] for host, result in results.items()} == {
        "scale-%03d" % int(name.split()[-1]): location_id for location_id, name in locations.items()
    }

    # The second run, as an AWX job template with job_slice_count 4: each slice (its hosts given with --limit) runs
    # its own locations and changes nothing; together the slices handle every location exactly once.
    sim.clear_requests()
    job = Job(tmp_path / "job", sim, inventory)
    slices = awx_slices(hosts, 4)
    handled = []
    for number, limit in enumerate(slices, start=1):
        status, stats = job.run("site.yml", "slice%d" % number, limit)
        assert status == "successful", stats
        assert sorted(stats["processed"]) == sorted(limit)
        assert not any(stats["changed"].values()) and not stats["failures"], stats
        handled += list(stats["processed"])
    assert sorted(handled) == sorted(hosts) and len(handled) == len(set(handled)) == 40
    assert sim.writes() == []


def test_the_nightly_drift_job_reports_each_location_once_across_slices(sim, tmp_path):
    locations = {item["name"]: item["id"] for item in sim.seed_locations(6, prefix="Drift ")}
    inventory = inventory_file(tmp_path, "Drift ")
    assert run_playbook(os.path.join(EXAMPLE, "site.yml"), sim, inventory=inventory).rc == 0
    # Someone changes one location's attendant in Control Hub.
    drifted = locations["Drift 002"]
    listing = sim.api("GET", "/telephony/config/autoAttendants", params={"locationId": drifted}).json()
    path = "%s%s/autoAttendants/%s" % (LOCATION_PATH, drifted, listing["autoAttendants"][0]["id"])
    assert sim.api("PUT", path, json={"extension": "2999"}).status_code in (200, 204)
    sim.clear_requests()

    job = Job(tmp_path / "job", sim, inventory)
    hosts = ["drift-%03d" % number for number in range(1, 7)]
    reports, failed = {}, []
    for number, limit in enumerate(awx_slices(hosts, 3), start=1):
        status, stats = job.run(
            "drift.yml", "drift%d" % number, limit, extra_vars={"fail_on_drift": True, "drift_undeclared": False}
        )
        # The slice's artifacts (set_stats, as AWX keeps them) hold the report of each of its locations, no other.
        artifacts = stats["artifact_data"]["webex_drift"]
        assert sorted(artifacts) == sorted(limit)
        assert not set(artifacts) & set(reports)
        reports.update(artifacts)
        if status != "successful":
            failed += sorted(host for host, count in stats["failures"].items() if count)
    assert sorted(reports) == hosts
    assert {host: report["drift"] for host, report in reports.items()} == {host: host == "drift-002" for host in hosts}
    assert failed == ["drift-002"]  # fail_on_drift: the slice with the drifted location fails, on that location
    assert reports["drift-002"]["changes"] == [
        {
            "kind": "auto_attendants",
            "name": MAIN_LINE,
            "action": "update",
            "differing_fields": ["extension"],
            "msg": None,
        }
    ]
    assert {report["location_id"] for report in reports.values()} == set(locations.values())
    # Undeclared objects are reported (the seed's two schedules), as drift only when drift_undeclared is on.
    assert sorted(entry["name"] for entry in reports["drift-001"]["undeclared"]) == [
        "AUTOATTENDANT-BUSINESS-HOURS",
        "AUTOATTENDANT-HOLIDAY",
    ]
    assert sim.writes() == []
