"""Whole sites at once: webex_auto_attendants against the looped module, the role, wxc_sdk's async client and uri.

Run by ``make bench`` after run.py (or ``.venv/bin/python benchmarks/bulk.py --help``). It starts its own simulator on
127.0.0.1 with a modelled round trip (``--latency``, default 100 ms on every API request), talks to nothing else, and
writes ``benchmarks/results/bulk.md`` and ``bulk.json``. Every time is the whole command (``ansible-playbook``, or the
``python`` process of the wxc_sdk script) from start to exit; requests and the most requests in flight at once come
from the simulator (its request log and ``/_sim/stats``).
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
ANSIBLE_PLAYBOOK = os.path.join(BIN, "ansible-playbook")
AA_LIST = "/v1/telephony/config/autoAttendants"
SCHEDULE = "AUTOATTENDANT-BUSINESS-HOURS"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}


def declared(locations, count):
    """COUNT attendants spread evenly over LOCATIONS ([{"id", "name"}]), as module options (location by id)."""
    items = []
    for index in range(count):
        location = locations[index % len(locations)]
        items.append(
            {
                "name": "Bench AA %04d" % index,
                "location": location["id"],
                "extension": str(2000 + index),
                "business_schedule": SCHEDULE,
                "business_hours_menu": MENU,
                "after_hours_menu": MENU,
            }
        )
    return items


class Bench:
    """One simulator, and the commands measured against it."""

    def __init__(self, args):
        self.args = args
        self.sim = Simulator(extra_args=["--latency", str(args.latency)])
        self.tmp = tempfile.mkdtemp(prefix="wxc-bulk-bench-")
        self.env = dict(
            os.environ,
            ANSIBLE_COLLECTIONS_PATH=collections_path(),
            ANSIBLE_NOCOLOR="1",
            ANSIBLE_RETRY_FILES_ENABLED="0",
            PYTHONWARNINGS="ignore",
        )
        self.rows = []
        self.inventory = os.path.join(self.tmp, "localhost.ini")
        with open(self.inventory, "w", encoding="utf-8") as handle:
            handle.write(
                'localhost ansible_connection=local ansible_python_interpreter="{{ ansible_playbook_python }}"\n'
            )

    def fresh(self, location_count):
        """Reset the simulator and add LOCATION_COUNT empty locations; return them."""
        self.sim.reset()
        return self.sim.seed_locations(location_count, prefix="Bench Site ")

    def _run(self, command, env):
        self.sim.clear_requests()
        started = time.monotonic()
        proc = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=3600)
        elapsed = time.monotonic() - started
        if proc.returncode != 0:
            raise RuntimeError(
                "%s failed (rc %d):\n%s\n%s" % (command[:2], proc.returncode, proc.stdout[-3000:], proc.stderr[-3000:])
            )
        log = self.sim.requests()
        return elapsed, log, self.sim.stats()["max_in_flight"], proc.stdout

    def playbook(self, name, extra_vars):
        path = os.path.join(self.tmp, "vars.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(extra_vars, handle)
        env = dict(self.env, WEBEX_API_URL=self.sim.url, WEBEX_ACCESS_TOKEN=self.sim.token)
        return self._run([ANSIBLE_PLAYBOOK, "-i", self.inventory, os.path.join(PLAYBOOKS, name), "-e", "@" + path], env)

    def record(self, scenario, how, operation, count, measured, note=""):
        elapsed, log, in_flight, _stdout = measured
        row = {
            "scenario": scenario,
            "how": how,
            "operation": operation,
            "attendants": count,
            "seconds": round(elapsed, 2),
            "seconds_per_attendant": round(elapsed / count, 4),
            "requests": len(log),
            "requests_per_attendant": round(len(log) / count, 3),
            "lists": sum(1 for entry in log if entry["path"] == AA_LIST),
            "max_in_flight": in_flight,
            "note": note,
        }
        self.rows.append(row)
        print(
            "%-22s %-16s %-7s N=%-5d %8.2f s  %6.3f req/AA  in flight %2d %s"
            % (scenario, how, operation, count, elapsed, row["requests_per_attendant"], in_flight, note),
            flush=True,
        )
        return row

    # -- the measured ways ----------------------------------------------------------------------------------------

    def bulk(self, items, concurrency=None):
        return self.playbook(
            "bulk.yml", {"bench_items": items, "bench_concurrency": concurrency or self.args.concurrency}
        )

    def loop(self, items):
        return self.playbook("module_loop.yml", {"bench_items": items})

    def role(self, items):
        return self.playbook(
            "role.yml",
            {
                "auto_attendant_list": [
                    {"name": item["name"], "location": item["location"], "extension": item["extension"]}
                    for item in items
                ],
                "auto_attendant_concurrency": self.args.concurrency,
            },
        )

    def uri(self, items):
        answer = self.sim.api("GET", "/telephony/config/autoAttendants", params={"max": 1000}).json()
        listing = {item["name"]: item for item in answer["autoAttendants"]}
        return self.playbook(
            "uri_loop.yml",
            {"bench_items": [{"location": item["location"], "id": listing[item["name"]]["id"]} for item in items]},
        )

    def wxc_sdk(self, locations):
        env = dict(self.env, WEBEX_ACCESS_TOKEN=self.sim.token)
        return self._run(
            [sys.executable, os.path.join(HERE, "wxc_sdk_read.py"), self.sim.url, str(self.args.concurrency)]
            + [location["id"] for location in locations],
            env,
        )

    # -- scenarios ------------------------------------------------------------------------------------------------

    def scenario(self, name, attendants, location_count, small):
        """Create and no-op of ATTENDANTS over LOCATION_COUNT locations; the looped ways with SMALL attendants."""
        locations = self.fresh(location_count)
        items = declared(locations, attendants)
        subset = items[:small]
        self.record(name, "bulk module", "create", attendants, self.bulk(items))
        self.record(name, "bulk module", "no-op", attendants, self.bulk(items))
        self.record(name, "wxc_sdk async", "read", attendants, self.wxc_sdk(locations), "the same reads as the no-op")
        note = "" if small == attendants else "N=%d of the %d" % (small, attendants)
        self.record(name, "uri (details)", "read", small, self.uri(subset), note)
        self.record(name, "looped module", "no-op", small, self.loop(subset), note)
        locations = self.fresh(location_count)
        items = declared(locations, attendants)
        self.record(name, "looped module", "create", small, self.loop(items[:small]), note)
        if self.args.role_max and attendants > self.args.role_max:
            return  # the role's own tasks (argument validation, the filter) grow with N: see --role-max
        self.fresh(location_count)
        self.record(name, "role", "create", attendants, self.role(items))
        self.record(name, "role", "no-op", attendants, self.role(items))

    def rate_limited(self, attendants):
        """Create ATTENDANTS while every 10th API request answers 429: no duplicate, no lost write."""
        locations = self.fresh(1)
        items = declared(locations, attendants)
        self.sim.rate_limit(every=10, retry_after=self.args.retry_after)
        row = self.record("429 every 10th", "bulk module", "create", attendants, self.bulk(items))
        log = self.sim.requests()
        self.sim.clear_rate_limit()
        stored = [
            item["name"]
            for item in self.sim.api("GET", "/telephony/config/autoAttendants", params={"max": 1000}).json()[
                "autoAttendants"
            ]
        ]
        row["rate_limited"] = sum(1 for entry in log if entry["status"] == 429)
        row["duplicates"] = len(stored) - len(set(stored))
        row["lost_writes"] = len({item["name"] for item in items} - set(stored))
        print(
            "    429 answers %(rate_limited)d, duplicates %(duplicates)d, lost writes %(lost_writes)d" % row, flush=True
        )
        return row

    def run(self):
        with self.sim:
            self.sim.latency(self.args.latency)
            for size in self.args.sizes:
                self.scenario("%d in 1 location" % size, size, 1, min(size, self.args.loop_max or size))
            if self.args.spread:
                self.scenario(
                    "%d over 20 locations" % self.args.spread,
                    self.args.spread,
                    20,
                    min(self.args.loop_at_spread, self.args.loop_max or self.args.loop_at_spread),
                )
            self.rate_limited(self.args.rate_limited)


def summary(rows):
    """The target ratio and the request floor, from the rows."""
    found = {}
    for row in rows:
        found[(row["scenario"], row["how"], row["operation"])] = row
    checks = []
    for row in rows:
        if row["how"] == "bulk module" and row["operation"] == "no-op":
            sdk = found.get((row["scenario"], "wxc_sdk async", "read"))
            if sdk:
                checks.append(
                    "%s: bulk no-op %.2f s, wxc_sdk async %.2f s: %.2fx"
                    % (row["scenario"], row["seconds"], sdk["seconds"], row["seconds"] / sdk["seconds"])
                )
    return checks


def write_results(rows, checks, args):
    os.makedirs(RESULTS, exist_ok=True)
    info = machine()
    with open(os.path.join(RESULTS, args.output + ".json"), "w", encoding="utf-8") as handle:
        json.dump(
            {"machine": info, "latency": args.latency, "concurrency": args.concurrency, "rows": rows, "checks": checks},
            handle,
            indent=2,
        )
        handle.write("\n")
    lines = [
        "# Whole sites at once (`benchmarks/bulk.py`)",
        "",
        "%s; %s cores, %s; latency %g s on every API request; concurrency %d; load average at start %s."
        % (
            info["date"],
            info["nproc"],
            info["ansible"],
            args.latency,
            args.concurrency,
            " ".join("%.1f" % value for value in info["load_average_at_start"]),
        ),
        "",
        "| Scenario | How | Operation | N | Time (s) | s / attendant | Requests / attendant | Lists | Max in flight | Note |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        note = row["note"]
        if "duplicates" in row:
            note = "%(rate_limited)d answered 429; %(duplicates)d duplicates, %(lost_writes)d lost writes" % row
        lines.append(
            "| %s | %s | %s | %d | %.2f | %.3f | %.3f | %d | %d | %s |"
            % (
                row["scenario"],
                row["how"],
                row["operation"],
                row["attendants"],
                row["seconds"],
                row["seconds_per_attendant"],
                row["requests_per_attendant"],
                row["lists"],
                row["max_in_flight"],
                note,
            )
        )
    lines += [""] + ["- " + check for check in checks] + [""]
    with open(os.path.join(RESULTS, args.output + ".md"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=float, default=0.1, help="seconds on every API request (default 0.1)")
    parser.add_argument("--concurrency", type=int, default=10, help="of the bulk module, the role and wxc_sdk")
    parser.add_argument(
        "--sizes",
        type=lambda text: [int(n) for n in text.split(",") if n],
        default=[40, 200],
        help="attendants in one location, comma-separated (default 40,200)",
    )
    parser.add_argument("--spread", type=int, default=1000, help="attendants over 20 locations (default 1000; 0 skips)")
    parser.add_argument(
        "--loop-at-spread",
        type=int,
        default=40,
        help="attendants the looped module and uri take at --spread (default 40; per attendant reported)",
    )
    parser.add_argument(
        "--loop-max",
        type=int,
        default=0,
        help="at most this many attendants for the looped module and uri in any scenario (default 0: "
        "all; per attendant reported), for a loaded machine",
    )
    parser.add_argument(
        "--role-max",
        type=int,
        default=0,
        help="skip the role in scenarios with more attendants than this (default 0: never skip)",
    )
    parser.add_argument("--output", default="bulk", help="results/<output>.md and .json (default bulk)")
    parser.add_argument(
        "--rate-limited", type=int, default=200, help="attendants created under a 429 every 10th request"
    )
    parser.add_argument("--retry-after", default="0.5", help="Retry-After of those 429 answers (default 0.5)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = datetime.datetime.now()
    bench = Bench(args)
    bench.run()
    checks = summary(bench.rows)
    write_results(bench.rows, checks, args)
    print("bulk bench took %s" % (datetime.datetime.now() - started))
    return 0


if __name__ == "__main__":
    sys.exit(main())
