"""One host per location at scale: the webex_locations inventory plugin and webex_site, 200 locations x 5 attendants.

Run by ``make bench`` after bulk.py (or ``.venv/bin/python benchmarks/locations.py --help``). It starts its own simulator
on 127.0.0.1 with a modelled round trip (``--latency``, default 100 ms on every API request), adds the locations, reads
them with ``ansible-inventory --list``, creates the attendants once (``--create-forks``), then measures the no-op of
``playbooks/locations.yml`` (one host per location, each a ``webex_site`` run) at each of ``--forks``. Every time is
the whole ``ansible-playbook`` from start to exit, inventory included; requests come from the simulator's request log.
Results: ``results/locations.md`` and ``results/locations.json``.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

# pylint: disable=wrong-import-position
from benchmarks.run import collections_path, machine  # noqa: E402
from tests.simulator.harness import Simulator  # noqa: E402

HERE = os.path.join(ROOT, "benchmarks")
RESULTS = os.path.join(HERE, "results")
BIN = os.path.dirname(sys.executable)
PREFIX = "Bench Site "


class Bench:
    def __init__(self, args):
        self.args = args
        self.sim = Simulator(extra_args=["--latency", str(args.latency)])
        self.tmp = tempfile.mkdtemp(prefix="wxc-locations-bench-")
        self.inventory = os.path.join(self.tmp, "webex_locations.yml")
        with open(self.inventory, "w", encoding="utf-8") as handle:
            handle.write(
                "plugin: wxc.calling.webex_locations\nfilters:\n  - webex_location_name.startswith(%r)\n" % PREFIX
            )
        self.rows = []

    def env(self):
        return dict(
            os.environ,
            ANSIBLE_COLLECTIONS_PATH=collections_path(),
            ANSIBLE_NOCOLOR="1",
            ANSIBLE_RETRY_FILES_ENABLED="0",
            PYTHONWARNINGS="ignore",
            WEBEX_API_URL=self.sim.url,
            WEBEX_ACCESS_TOKEN=self.sim.token,
        )

    def _run(self, command):
        self.sim.clear_requests()
        started = time.monotonic()
        proc = subprocess.run(command, env=self.env(), capture_output=True, text=True, check=False, timeout=7200)
        elapsed = time.monotonic() - started
        if proc.returncode != 0:
            raise RuntimeError(
                "%s failed (rc %d):\n%s\n%s" % (command[:2], proc.returncode, proc.stdout[-3000:], proc.stderr[-3000:])
            )
        return elapsed, self.sim.requests(), proc.stdout

    def inventory_list(self):
        elapsed, log, stdout = self._run([os.path.join(BIN, "ansible-inventory"), "-i", self.inventory, "--list"])
        hosts = json.loads(stdout)["_meta"]["hostvars"]
        assert len(hosts) == self.args.locations, len(hosts)
        self.record("ansible-inventory --list", None, elapsed, log)

    def playbook(self, operation, forks):
        command = [
            os.path.join(BIN, "ansible-playbook"),
            "-i",
            self.inventory,
            os.path.join(HERE, "playbooks", "locations.yml"),
            "--forks",
            str(forks),
            "-e",
            "bench_attendants=%d" % self.args.attendants,
        ]
        elapsed, log, _stdout = self._run(command)
        writes = [entry for entry in log if entry["method"] in ("POST", "PUT", "DELETE")]
        expected = self.args.locations * self.args.attendants if operation == "create" else 0
        assert len(writes) == expected, (operation, len(writes), expected)
        self.record(operation, forks, elapsed, log)

    def record(self, operation, forks, elapsed, log):
        attendants = self.args.locations * self.args.attendants
        methods = Counter(entry["method"] for entry in log)
        row = {
            "operation": operation,
            "forks": forks,
            "locations": self.args.locations,
            "attendants": attendants,
            "seconds": round(elapsed, 1),
            "seconds_per_attendant": round(elapsed / attendants, 4),
            "seconds_per_location": round(elapsed / self.args.locations, 3),
            "requests": len(log),
            "requests_per_attendant": round(len(log) / attendants, 3),
            "requests_by_method": dict(sorted(methods.items())),
        }
        if forks:
            baseline = next((r for r in self.rows if r["operation"] == operation and r["forks"] == 1), None)
            row["speed_up"] = round(baseline["seconds"] / elapsed, 2) if baseline else None
        self.rows.append(row)
        print(
            "%-26s forks %-4s %8.1f s  %.3f s/attendant  %5d requests  %.3f requests/attendant"
            % (operation, forks or "-", elapsed, row["seconds_per_attendant"], len(log), row["requests_per_attendant"]),
            flush=True,
        )

    def run(self):
        with self.sim:
            self.sim.seed_locations(self.args.locations, prefix=PREFIX)
            self.sim.latency(self.args.latency)
            self.inventory_list()
            self.playbook("create", self.args.create_forks)
            for forks in self.args.forks:
                self.playbook("no-op", forks)


def write_results(rows, args, info):
    os.makedirs(RESULTS, exist_ok=True)
    with open(os.path.join(RESULTS, "locations.json"), "w", encoding="utf-8") as handle:
        json.dump({"machine": info, "latency": args.latency, "rows": rows}, handle, indent=2)
        handle.write("\n")
    lines = [
        "# One host per location (`benchmarks/locations.py`)",
        "",
        "%s; %s cores, %s; latency %g s on every API request; %d locations x %d attendants (webex_site per host); "
        "load average at start %s, at end %s."
        % (
            info["date"],
            info["nproc"],
            info["ansible"],
            args.latency,
            args.locations,
            args.attendants,
            " ".join("%.1f" % value for value in info["load_average_at_start"]),
            " ".join("%.1f" % value for value in os.getloadavg()),
        ),
        "",
        "| Operation | Forks | Time (s) | s / location | s / attendant | Speed-up vs forks 1 | Requests | Requests / attendant "
        "| By method |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        lines.append(
            "| %s | %s | %.1f | %.3f | %.4f | %s | %d | %.3f | %s |"
            % (
                row["operation"],
                row["forks"] or "",
                row["seconds"],
                row["seconds_per_location"],
                row["seconds_per_attendant"],
                "%.2fx" % row["speed_up"] if row.get("speed_up") else "",
                row["requests"],
                row["requests_per_attendant"],
                ", ".join("%s %d" % item for item in row["requests_by_method"].items()),
            )
        )
    lines.append("")
    with open(os.path.join(RESULTS, "locations.md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--locations", type=int, default=200, help="locations, one host each (default 200)")
    parser.add_argument("--attendants", type=int, default=5, help="auto attendants per location (default 5)")
    parser.add_argument("--latency", type=float, default=0.1, help="seconds on every API request (default 0.1)")
    parser.add_argument(
        "--forks",
        type=lambda text: [int(n) for n in text.split(",") if n],
        default=[1, 4, 8],
        help="forks of the no-op runs, comma-separated (default 1,4,8)",
    )
    parser.add_argument("--create-forks", type=int, default=8, help="forks of the create run (default 8)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = datetime.datetime.now()
    info = machine()
    bench = Bench(args)
    bench.run()
    write_results(bench.rows, args, info)
    print("locations bench took %s" % (datetime.datetime.now() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
