"""The site engine at scale: its no-op beside wxc_sdk's async client reading the same objects, and the role on it.

Run by ``make bench`` (or ``.venv/bin/python benchmarks/site.py --help``). It starts its own simulator with a modelled
round trip (``--latency``, default 100 ms on every API request) and writes ``benchmarks/results/site.md`` and
``site.json``. Two comparisons, each side by side in one run:

- one location with ``--attendants`` attendants (default 200), their call forwarding and two schedules: the engine's
  no-op (``webex_site`` through ``ansible-playbook``) against wxc_sdk's async client reading the same objects
  (target: within 2x);
- ``--sites`` locations (default 210) with one attendant each: the role's no-op against the engine called directly
  with the same declaration (target: within 1.5x).
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

# pylint: disable=wrong-import-position
from benchmarks.run import collections_path, machine  # noqa: E402
from tests.simulator.harness import Simulator  # noqa: E402

HERE = os.path.join(ROOT, "benchmarks")
PLAYBOOKS = os.path.join(HERE, "playbooks")
RESULTS = os.path.join(HERE, "results")
BIN = os.path.dirname(sys.executable)
BUSINESS = "AUTOATTENDANT-BUSINESS-HOURS"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}


def one_location(location, count):
    """COUNT attendants with forwarding, and two schedules, in LOCATION ({"id", "name"}): webex_site's options."""
    attendants = [
        {"name": "Site AA %04d" % index, "location": location["id"], "extension": str(2000 + index),
         "business_schedule": BUSINESS, "business_hours_menu": MENU, "after_hours_menu": MENU}
        for index in range(count)
    ]  # fmt: skip
    forwarding = [
        {"location": location["id"], "auto_attendant": item["name"], "always": {"enabled": False}}
        for item in attendants
    ]
    schedules = [
        {"location": location["id"], "type": "business_hours", "name": "Site hours %d" % index} for index in range(2)
    ]
    return {"schedules": schedules, "auto_attendants": attendants, "forwarding": forwarding}


class Bench:
    def __init__(self, args):
        self.args = args
        self.sim = Simulator(extra_args=["--latency", str(args.latency)])
        self.tmp = tempfile.mkdtemp(prefix="wxc-site-bench-")
        self.env = dict(
            os.environ, ANSIBLE_COLLECTIONS_PATH=collections_path(), ANSIBLE_NOCOLOR="1", PYTHONWARNINGS="ignore"
        )
        self.rows = []
        self.inventory = os.path.join(self.tmp, "localhost.ini")
        with open(self.inventory, "w", encoding="utf-8") as handle:
            handle.write(
                'localhost ansible_connection=local ansible_python_interpreter="{{ ansible_playbook_python }}"\n'
            )

    def _run(self, command, env):
        self.sim.clear_requests()
        started = time.monotonic()
        proc = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=3600)
        elapsed = time.monotonic() - started
        if proc.returncode != 0:
            raise RuntimeError(
                "%s failed (rc %d):\n%s\n%s" % (command[:3], proc.returncode, proc.stdout[-3000:], proc.stderr[-3000:])
            )
        return elapsed, len(self.sim.requests())

    def playbook(self, name, extra_vars):
        path = os.path.join(self.tmp, "vars.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(extra_vars, handle)
        env = dict(self.env, WEBEX_API_URL=self.sim.url, WEBEX_ACCESS_TOKEN=self.sim.token)
        return self._run(
            [
                os.path.join(BIN, "ansible-playbook"),
                "-i",
                self.inventory,
                os.path.join(PLAYBOOKS, name),
                "-e",
                "@" + path,
            ],
            env,
        )

    def record(self, scenario, how, measured, objects):
        elapsed, requests = measured
        row = {"scenario": scenario, "how": how, "seconds": round(elapsed, 2), "requests": requests, "objects": objects}
        self.rows.append(row)
        print("%-34s %-28s %8.2f s %6d requests" % (scenario, how, elapsed, requests), flush=True)
        return row

    def engine_against_wxc_sdk(self):
        count = self.args.attendants
        scenario = "%d attendants + forwarding + 2 schedules" % count
        self.sim.reset()
        location = self.sim.seed_locations(1, prefix="Bench Site ")[0]
        site = one_location(location, count)
        concurrency = self.args.concurrency
        self.playbook("site.yml", {"bench_site": site, "bench_concurrency": concurrency})  # create
        engine = self.record(
            scenario,
            "webex_site no-op",
            self.playbook("site.yml", {"bench_site": site, "bench_concurrency": concurrency}),
            2 * count + 2,
        )
        env = dict(self.env, WEBEX_ACCESS_TOKEN=self.sim.token)
        sdk = self.record(
            scenario,
            "wxc_sdk async read",
            self._run(
                [sys.executable, os.path.join(HERE, "wxc_sdk_site.py"), self.sim.url, str(concurrency), location["id"]],
                env,
            ),
            2 * count + 2,
        )
        return "%s: webex_site no-op %.2f s, wxc_sdk async %.2f s: %.2fx (target 2x)" % (
            scenario,
            engine["seconds"],
            sdk["seconds"],
            engine["seconds"] / sdk["seconds"],
        )

    def role_against_engine(self):
        count = self.args.sites
        scenario = "%d sites, one attendant each" % count
        self.sim.reset()
        locations = self.sim.seed_locations(count, prefix="Role Site ")
        role_list = [
            {"name": "Site %03d" % index, "location": location["id"], "extension": str(2000 + index)}
            for index, location in enumerate(locations)
        ]
        role_vars = {"auto_attendant_list": role_list, "auto_attendant_concurrency": self.args.concurrency}
        self.playbook("site_role.yml", role_vars)  # create
        role = self.record(scenario, "role no-op", self.playbook("site_role.yml", role_vars), count)
        declared = {
            "auto_attendants": [
                dict(item, business_schedule=BUSINESS, business_hours_menu=MENU, after_hours_menu=MENU)
                for item in role_list
            ]
        }
        engine = self.record(
            scenario,
            "webex_site no-op, same sites",
            self.playbook("site.yml", {"bench_site": declared, "bench_concurrency": self.args.concurrency}),
            count,
        )
        return "%s: role no-op %.2f s, webex_site %.2f s: %.2fx (target 1.5x)" % (
            scenario,
            role["seconds"],
            engine["seconds"],
            role["seconds"] / engine["seconds"],
        )

    def run(self):
        with self.sim:
            self.sim.latency(self.args.latency)
            checks = [self.engine_against_wxc_sdk()]
            self.sim.latency(self.args.role_latency)
            checks.append(self.role_against_engine())
        return checks


def write_results(rows, checks, args):
    os.makedirs(RESULTS, exist_ok=True)
    info = machine()
    with open(os.path.join(RESULTS, "site.json"), "w", encoding="utf-8") as handle:
        json.dump({"machine": info, "args": vars(args), "rows": rows, "checks": checks}, handle, indent=2)
        handle.write("\n")
    lines = [
        "# The site engine (`benchmarks/site.py`)",
        "",
        "%s; %s cores, %s; latency %g s (the role comparison %g s); concurrency %d; load average at start %s."
        % (
            info["date"],
            info["nproc"],
            info["ansible"],
            args.latency,
            args.role_latency,
            args.concurrency,
            " ".join("%.1f" % value for value in info["load_average_at_start"]),
        ),  # fmt: skip
        "",
        "| Scenario | How | Time (s) | Requests |",
        "| --- | --- | ---: | ---: |",
    ]
    lines += ["| %(scenario)s | %(how)s | %(seconds).2f | %(requests)d |" % row for row in rows]
    lines += [""] + ["- " + check for check in checks] + [""]
    with open(os.path.join(RESULTS, "site.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.1, help="seconds on every API request (default 0.1)")
    parser.add_argument("--role-latency", type=float, default=0.0, help="for the role comparison (default 0)")
    parser.add_argument("--concurrency", type=int, default=10, help="of webex_site, the role and wxc_sdk (default 10)")
    parser.add_argument("--attendants", type=int, default=200, help="in the one location (default 200)")
    parser.add_argument("--sites", type=int, default=210, help="locations of the role comparison (default 210)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = datetime.datetime.now()
    bench = Bench(args)
    checks = bench.run()
    write_results(bench.rows, checks, args)
    print("site bench took %s" % (datetime.datetime.now() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
