"""The wxc.calling benchmark: API calls and wall time per auto attendant, against the local simulator.

Run it with ``make bench`` (or ``.venv/bin/python benchmarks/run.py --help``). It starts its own simulator on
127.0.0.1, talks to nothing else, and writes ``benchmarks/results/summary.md`` and ``summary.json`` (raw per-run data
under ``benchmarks/results/raw/``, not committed). What it measures, and how, is in benchmarks/README.md.
"""

import argparse
import datetime
import glob
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

# pylint: disable=wrong-import-position
from tests.simulator.harness import Simulator  # noqa: E402

HERE = os.path.join(ROOT, "benchmarks")
PLAYBOOKS = os.path.join(HERE, "playbooks")
SCALE_OUT_PLAYBOOK = os.path.join(ROOT, "examples", "scale_out", "site.yml")
BIN = os.path.dirname(sys.executable)
ANSIBLE_PLAYBOOK = os.path.join(BIN, "ansible-playbook")
AA_LIST = "/telephony/config/autoAttendants"
MODULE_TASK = "Converge auto attendants"
URI_TASK = "Read auto attendants"
ROLE_PREFIX = "wxc.calling.auto_attendant : "
ROLE_LOOP_TASK = ROLE_PREFIX + "Configure auto attendants"
SCHEDULE = "AUTOATTENDANT-BUSINESS-HOURS"
# Imports of a module process: ours (what webex_auto_attendant imports) and uri's (ansible.module_utils.urls).
OUR_IMPORTS = (
    "import ansible.module_utils.basic, ansible_collections.wxc.calling.plugins.module_utils.auto_attendant, "
    "ansible_collections.wxc.calling.plugins.module_utils.locations, "
    "ansible_collections.wxc.calling.plugins.module_utils.webex_client"
)
URI_IMPORTS = "import ansible.module_utils.basic, ansible.module_utils.urls"


# -- set-up -------------------------------------------------------------------------------------------------------


def collections_path():
    """A directory holding ansible_collections/wxc/calling -> this tree (make's links, or one made in /tmp)."""
    for entry in (os.environ.get("ANSIBLE_COLLECTIONS_PATH") or "").split(os.pathsep):
        if entry and os.path.realpath(os.path.join(entry, "ansible_collections", "wxc", "calling")) == ROOT:
            return entry
    base = os.path.join(tempfile.gettempdir(), "wxc-bench-%s" % hashlib.sha1(ROOT.encode()).hexdigest()[:10])
    link = os.path.join(base, "ansible_collections", "wxc", "calling")
    if os.path.realpath(link) != ROOT:
        os.makedirs(os.path.dirname(link), exist_ok=True)
        if os.path.lexists(link):
            os.unlink(link)
        os.symlink(ROOT, link)
    return base


def machine():
    """What the numbers were measured on."""
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    ansible_version = subprocess.run(
        [os.path.join(BIN, "ansible"), "--version"], capture_output=True, text=True, check=False
    ).stdout.splitlines()[0]
    return {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "ansible": ansible_version,
        "platform": platform.platform(),
        "load_average_at_start": os.getloadavg(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


class Runner:
    """Runs playbooks against the simulator; returns wall time, task times and what the simulator received."""

    def __init__(self, sim, workdir, raw_dir):
        self.sim = sim
        self.workdir = workdir
        self.raw_dir = raw_dir
        self.count = 0
        self.env = dict(os.environ)
        self.env.update(
            {
                "ANSIBLE_COLLECTIONS_PATH": collections_path(),
                "WEBEX_API_URL": sim.url,
                "WEBEX_ACCESS_TOKEN": sim.token,
                "ANSIBLE_CALLBACK_PLUGINS": os.path.join(HERE, "callback_plugins"),
                "ANSIBLE_CALLBACKS_ENABLED": "bench_timer",
                "ANSIBLE_NOCOLOR": "1",
                "ANSIBLE_RETRY_FILES_ENABLED": "0",
                "ANSIBLE_HOME": os.path.join(workdir, "ansible-home"),
                "ANSIBLE_LOCAL_TEMP": os.path.join(workdir, "ansible-local"),
                "PYTHONWARNINGS": "ignore",
            }
        )
        self.inventory = os.path.join(workdir, "localhost.ini")
        with open(self.inventory, "w", encoding="utf-8") as handle:
            handle.write(
                'localhost ansible_connection=local ansible_python_interpreter="{{ ansible_playbook_python }}"\n'
            )

    def run(self, playbook, extra_vars, label, inventory=None, forks=None, env=None):
        """Run PLAYBOOK once; return a dict with wall, tasks {name: seconds}, requests (the simulator's log)."""
        self.count += 1
        stem = "%03d-%s" % (self.count, label)
        vars_file = os.path.join(self.workdir, stem + ".json")
        timer_file = os.path.join(self.workdir, stem + ".timer")
        with open(vars_file, "w", encoding="utf-8") as handle:
            json.dump(extra_vars, handle)
        command = [ANSIBLE_PLAYBOOK, "-i", inventory or self.inventory, playbook, "-e", "@" + vars_file]
        if forks:
            command += ["--forks", str(forks)]
        run_env = dict(self.env, WXC_BENCH_TIMER_FILE=timer_file)
        run_env.update(env or {})
        self.sim.clear_requests()
        start = time.monotonic()
        proc = subprocess.run(command, env=run_env, capture_output=True, text=True, check=False, timeout=1800)
        wall = time.monotonic() - start
        requests_log = self.sim.requests()
        with open(os.path.join(self.raw_dir, stem + ".log"), "w", encoding="utf-8") as handle:
            handle.write(" ".join(command) + "\n" + proc.stdout + proc.stderr)
        if proc.returncode != 0:
            raise RuntimeError(
                "%s failed (rc %s):\n%s\n%s" % (label, proc.returncode, proc.stdout[-4000:], proc.stderr[-4000:])
            )
        tasks = {}
        if os.path.exists(timer_file):
            with open(timer_file, encoding="utf-8") as handle:
                for line in handle:
                    entry = json.loads(line)
                    tasks[entry["task"]] = tasks.get(entry["task"], 0.0) + entry["seconds"]
        return {"wall": wall, "tasks": tasks, "requests": requests_log, "stdout": proc.stdout}


# -- measurements ---------------------------------------------------------------------------------------------------


def median_seconds(command, repeats=7, env=None):
    """Median wall time of COMMAND over REPEATS runs."""
    times = []
    for _index in range(repeats):
        start = time.monotonic()
        subprocess.run(command, capture_output=True, check=True, env=env)
        times.append(time.monotonic() - start)
    return statistics.median(times)


def module_startup(runner, location_id, auto_attendant_id):
    """Import time, AnsiballZ payload size and module process time: webex_auto_attendant (no-op) against uri."""
    env = dict(os.environ, PYTHONPATH=collections_path())
    python = sys.executable
    imports = {
        "python": median_seconds([python, "-c", "pass"], env=env),
        "ours": median_seconds([python, "-c", OUR_IMPORTS], env=env),
        "uri": median_seconds([python, "-c", URI_IMPORTS], env=env),
    }
    keep = os.path.join(runner.workdir, "remote-tmp")
    os.makedirs(keep, exist_ok=True)
    item = {"name": "Bench Module 001", "location": location_id}
    payload, process = {}, {}
    for kind, playbook, items in (
        ("ours", "module_loop.yml", [item]),
        ("uri", "uri_loop.yml", [{"location": location_id, "id": auto_attendant_id}]),
    ):
        before = set(glob.glob(os.path.join(keep, "**", "AnsiballZ_*.py"), recursive=True))
        runner.run(
            os.path.join(PLAYBOOKS, playbook),
            {"bench_items": items},
            "startup-" + kind,
            env={"ANSIBLE_KEEP_REMOTE_FILES": "1", "ANSIBLE_REMOTE_TEMP": keep},
        )
        found = sorted(set(glob.glob(os.path.join(keep, "**", "AnsiballZ_*.py"), recursive=True)) - before)
        payload[kind] = os.path.getsize(found[0])
        # The kept wrapper carries its arguments: run it as Ansible would, to time the module process alone.
        process[kind] = median_seconds([python, found[0]], repeats=7, env=runner.env)
    return {"imports": imports, "payload_bytes": payload, "process_seconds": process}


def counts(requests_log):
    """Calls by method, 429s, and distinct TCP connections in a request log."""
    by_method = {}
    for entry in requests_log:
        by_method[entry["method"]] = by_method.get(entry["method"], 0) + 1
    return {
        "calls": len(requests_log),
        "by_method": by_method,
        "rate_limited": sum(1 for entry in requests_log if entry["status"] == 429),
        "connections": len({entry.get("connection") for entry in requests_log}),
    }


def row(size, variant, operation, run, items, loop_task):
    """One result line: per-attendant loop time, whole-run time, calls, connections."""
    count = counts(run["requests"])
    loop = run["tasks"].get(loop_task, 0.0)
    if variant == "role":  # the role's own tasks (argument validation, set_fact, the loop, the summary)
        loop = sum(
            seconds
            for task, seconds in run["tasks"].items()
            if task.startswith(ROLE_PREFIX) or task.startswith("Validating")
        )
    return {
        "n": size,
        "variant": variant,
        "operation": operation,
        "items": items,
        "seconds_per_aa": loop / items,
        "wall": run["wall"],
        "calls_per_aa": count["calls"] / items,
        "by_method": {k: v / items for k, v in sorted(count["by_method"].items())},
        "connections_per_aa": count["connections"] / items,
    }


def module_item(index, location, value="+19175551092"):
    """A webex_auto_attendant item with a three-key business-hours menu."""
    return {
        "name": "Bench Module %03d" % index,
        "location": location,
        "extension": "2%03d" % index,
        "business_schedule": SCHEDULE,
        "business_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [
                {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": "Operator"},
                {"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": value, "description": "Sales"},
                {"key": "*", "action": "REPEAT_MENU"},
            ],
        },
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [{"key": "0", "action": "EXIT"}],
        },
    }


def role_item(index, location_name, destination=None):
    """An auto_attendant role item: the defaults' menu, optionally another Sales destination (one key changed)."""
    item = {"name": "Bench Role %03d" % index, "location": location_name, "extension": "3%03d" % index}
    if destination:
        item["business_hours"] = {"departments": [{"name": "Sales", "destination": destination}]}
    return item


def seed_organisation(sim, size, locations, items):
    """Reset, add LOCATIONS sites, and spread SIZE - ITEMS other attendants over them (names never match ours)."""
    sim.reset()
    sites = sim.seed_locations(locations, prefix="Bench Site ")
    others = max(size - items, 0)
    for index, site in enumerate(sites):
        share = others // locations + (1 if index < others % locations else 0)
        if share:
            sim.seed_auto_attendants(site["id"], share, prefix="Org AA ")
    return sites


def flat_cost(runner, sim, size, args, rows, ratios):
    """Create, no-op (interleaved with the uri baseline), one-key update and delete of ARGS.items attendants."""
    items = args.items
    sites = seed_organisation(sim, size, args.locations, items)
    module_items = [module_item(i + 1, sites[i % len(sites)]["id"]) for i in range(items)]
    module_pb, uri_pb, role_pb = (
        os.path.join(PLAYBOOKS, name) for name in ("module_loop.yml", "uri_loop.yml", "role.yml")
    )
    label = "n%d" % size
    run = runner.run(module_pb, {"bench_items": module_items}, label + "-module-create")
    rows.append(row(size, "module", "create", run, items, MODULE_TASK))
    listed = sim.api("GET", AA_LIST, params={"name": "Bench Module", "max": 1000}).json()["autoAttendants"]
    uri_items = [{"location": item["locationId"], "id": item["id"]} for item in listed]
    assert len(uri_items) == items, listed
    for repeat in range(args.repeats):
        order = ("module", "uri") if repeat % 2 == 0 else ("uri", "module")
        pair = {}
        for variant in order:
            if variant == "module":
                run = runner.run(module_pb, {"bench_items": module_items}, label + "-module-noop")
                pair[variant] = row(size, "module", "no-op", run, items, MODULE_TASK)
            else:
                run = runner.run(uri_pb, {"bench_items": uri_items}, label + "-uri")
                pair[variant] = row(size, "uri baseline", "one GET", run, items, URI_TASK)
            rows.append(pair[variant])
        ratios.append(
            {"n": size, "repeat": repeat, "ratio": pair["module"]["seconds_per_aa"] / pair["uri"]["seconds_per_aa"]}
        )
    if size == args.sizes[-1]:
        # The list's name filter only "contains": one attendant's no-op alone, then with 300 other attendants whose names
        # contain its name in its location (one-item loops: the task's fixed cost is not shared, compare the two).
        run = runner.run(module_pb, {"bench_items": module_items[:1]}, label + "-module-alone")
        rows.append(row(size, "module", "no-op of 1 attendant (1-item loop)", run, 1, MODULE_TASK))
        sim.seed_auto_attendants(sites[0]["id"], 300, prefix="Bench Module 001 copy ")
        run = runner.run(module_pb, {"bench_items": module_items[:1]}, label + "-module-similar")
        rows.append(
            row(
                size,
                "module",
                "no-op of 1 attendant, 300 names containing its name in its location",
                run,
                1,
                MODULE_TASK,
            )
        )

    updated = [module_item(i + 1, sites[i % len(sites)]["id"], value="+19073569984") for i in range(items)]
    run = runner.run(module_pb, {"bench_items": updated}, label + "-module-update")
    rows.append(row(size, "module", "update (one key)", run, items, MODULE_TASK))
    absent = [{"name": item["name"], "location": item["location"], "state": "absent"} for item in module_items]
    run = runner.run(module_pb, {"bench_items": absent}, label + "-module-delete")
    rows.append(row(size, "module", "delete", run, items, MODULE_TASK))

    role_items = [role_item(i + 1, sites[i % len(sites)]["name"]) for i in range(items)]
    for operation, extra in (
        ("create", {"auto_attendant_list": role_items}),
        ("no-op", {"auto_attendant_list": role_items}),
        (
            "update (one key)",
            {"auto_attendant_list": [role_item(i + 1, sites[i % len(sites)]["name"], "1101") for i in range(items)]},
        ),
        ("delete", {"auto_attendant_list": role_items, "auto_attendant_state": "absent"}),
    ):
        run = runner.run(role_pb, extra, "%s-role-%s" % (label, operation.split(" ", maxsplit=1)[0]))
        rows.append(row(size, "role", operation, run, items, ROLE_LOOP_TASK))


def scale_out_inventory(path, sites, per_site):
    """An inventory shaped like examples/scale_out/inventory.yml: one host per site, its attendants in host vars."""
    hosts = {}
    for number, site in enumerate(sites, start=1):
        hosts["site-%03d" % number] = {
            "site_location": site["name"],
            "site_auto_attendants": [
                {"name": "Scale AA %03d-%02d" % (number, index), "extension": "4%03d" % index}
                for index in range(1, per_site + 1)
            ],
        }
    inventory = {
        "sites": {
            "vars": {
                "ansible_connection": "local",
                "ansible_python_interpreter": "{{ ansible_playbook_python }}",
                "site_defaults": {"business_schedule": SCHEDULE, "business_hours": {"operator": "1000"}},
            },
            "hosts": hosts,
        }
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(inventory, handle, indent=1)  # JSON is YAML: the yaml inventory plugin reads it


def honoured(requests_log):
    """(429s, 429s followed on their connection by the same request again)."""
    by_connection = {}
    for entry in requests_log:
        by_connection.setdefault(entry.get("connection"), []).append(entry)
    limited = retried = 0
    for entries in by_connection.values():
        for position, entry in enumerate(entries):
            if entry["status"] != 429:
                continue
            limited += 1
            following = entries[position + 1] if position + 1 < len(entries) else None
            if following and all(following[key] == entry[key] for key in ("method", "path", "query", "body")):
                retried += 1
    return limited, retried


def scale_out(runner, sim, args):
    """The example scale-out playbook (one host per site) at each forks value, with a steady 429 rate."""
    results = []
    for forks in args.forks:
        sim.reset()
        sites = sim.seed_locations(args.sites, prefix="Scale Site ")
        inventory = os.path.join(runner.workdir, "scale-out-inventory.yml")
        scale_out_inventory(inventory, sites, args.per_site)
        total = args.sites * args.per_site
        for operation in ("create", "no-op"):
            sim.rate_limit(args.rate_limit_every, args.retry_after)
            run = runner.run(
                SCALE_OUT_PLAYBOOK, {}, "scale-out-forks%d-%s" % (forks, operation), inventory=inventory, forks=forks
            )
            sim.clear_rate_limit()
            limited, retried = honoured(run["requests"])
            listed = sim.api("GET", AA_LIST, params={"name": "Scale AA", "max": 1000}).json()["autoAttendants"]
            keys = [(item["locationId"], item["name"]) for item in listed]
            results.append(
                {
                    "forks": forks,
                    "operation": operation,
                    "attendants": total,
                    "wall": run["wall"],
                    "seconds_per_aa": run["wall"] / total,
                    "calls": len(run["requests"]),
                    "writes": sum(
                        1 for entry in run["requests"] if entry["method"] != "GET" and entry["status"] != 429
                    ),
                    "rate_limited": limited,
                    "honoured": retried,
                    "stored": len(keys),
                    "duplicates": len(keys) - len(set(keys)),
                }
            )
            assert results[-1]["duplicates"] == 0 and results[-1]["stored"] == total, results[-1]
            assert limited == retried, results[-1]
    serial = {entry["operation"]: entry["wall"] for entry in results if entry["forks"] == args.forks[0]}
    for entry in results:
        entry["speed_up"] = serial[entry["operation"]] / entry["wall"]
    return results


# -- report ------------------------------------------------------------------------------------------------------


def markdown(report):
    """The summary page that docs/docsite/rst/performance.rst quotes."""
    lines = ["# Benchmark results", "", "Command: `%s`" % report["command"], ""]
    info = report["machine"]
    lines += [
        "Machine: %s, %s CPUs, %s, Python %s, %s; %s. Load average (1, 5, 15 min) at start %s, at end %s."
        % (
            info["cpu"],
            info["nproc"],
            info["platform"],
            info["python"],
            info["ansible"],
            info["date"],
            "/".join("%.1f" % v for v in info["load_average_at_start"]),
            "/".join("%.1f" % v for v in info.get("load_average_at_end", ())),
        ),
        "",
    ]
    startup = report.get("startup")
    if startup:
        lines += [
            "## Module start-up (median of 7)",
            "",
            "| | webex_auto_attendant | ansible.builtin.uri |",
            "|---|---|---|",
            "| imports (python -c, bare interpreter %.0f ms) | %.0f ms | %.0f ms |"
            % (
                startup["imports"]["python"] * 1000,
                startup["imports"]["ours"] * 1000,
                startup["imports"]["uri"] * 1000,
            ),
            "| AnsiballZ payload | %d KiB | %d KiB |"
            % (startup["payload_bytes"]["ours"] // 1024, startup["payload_bytes"]["uri"] // 1024),
            "| module process (AnsiballZ wrapper run alone; ours a no-op: 2 GETs, uri 1 GET) | %.0f ms | %.0f ms |"
            % (startup["process_seconds"]["ours"] * 1000, startup["process_seconds"]["uri"] * 1000),
            "",
        ]
    lines += [
        "## Per attendant, by organisation size N (%d attendants per measured loop, %d locations)"
        % (report["args"]["items"], report["args"]["locations"]),
        "",
        "Time: the looped task's wall time (for the role: all of the role's tasks) divided by the attendants in the loop. "
        "Calls: requests the simulator received, divided likewise. Median over repeats where an operation was repeated.",
        "",
        "| variant | operation | N | s / attendant | API calls / attendant | by method | TCP connections / attendant |",
        "|---|---|---|---|---|---|---|",
    ]
    grouped = {}
    for entry in report["rows"]:
        grouped.setdefault((entry["variant"], entry["operation"], entry["n"]), []).append(entry)
    for (variant, operation, size), entries in grouped.items():
        methods = ", ".join("%s %.2g" % (k, v) for k, v in entries[0]["by_method"].items())
        lines.append(
            "| %s | %s | %d | %.3f | %.2f | %s | %.2f |"
            % (
                variant,
                operation,
                size,
                statistics.median(e["seconds_per_aa"] for e in entries),
                entries[0]["calls_per_aa"],
                methods,
                entries[0]["connections_per_aa"],
            )
        )
    ratios = [entry["ratio"] for entry in report["ratios"]]
    lines += [
        "",
        "**No-op loop / uri baseline: median ratio %.3f** over %d interleaved pairs (min %.3f, max %.3f); target 1.1."
        % (statistics.median(ratios), len(ratios), min(ratios), max(ratios)),
        "",
    ]
    growth = report["growth"]
    by_size = {}
    for entry in report["ratios"]:
        by_size.setdefault(entry["n"], []).append(entry["ratio"])
    per_size = {size: statistics.median(values) for size, values in by_size.items()}
    lines += [
        "No-op / uri ratio by N (median of its pairs): %s."
        % ", ".join("N=%d %.3f" % item for item in sorted(per_size.items())),
        "",
        "Growth from N=%d to N=%d: calls per attendant x%.2f; time per attendant relative to the uri baseline of the "
        "same N x%.2f (absolute x%.2f, which also carries the machine's load drift between the sizes)."
        % (
            growth["from"],
            growth["to"],
            growth["calls"],
            per_size[growth["to"]] / per_size[growth["from"]],
            growth["time"],
        ),
        "",
    ]
    if report.get("scale_out"):
        args = report["args"]
        lines += [
            "## Scale-out: examples/scale_out/site.yml, one host per site (%d sites x %d attendants), every %dth API "
            "request answered 429 (Retry-After %s s)"
            % (args["sites"], args["per_site"], args["rate_limit_every"], args["retry_after"]),
            "",
            "| forks | operation | wall s | s / attendant | speed-up vs forks=%d | API calls | writes | 429s | 429s honoured "
            "(same request retried) | duplicates |" % args["forks"][0],
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for entry in report["scale_out"]:
            lines.append(
                "| %d | %s | %.1f | %.3f | %.2fx | %d | %d | %d | %d | %d |"
                % (
                    entry["forks"],
                    entry["operation"],
                    entry["wall"],
                    entry["seconds_per_aa"],
                    entry["speed_up"],
                    entry["calls"],
                    entry["writes"],
                    entry["rate_limited"],
                    entry["honoured"],
                    entry["duplicates"],
                )
            )
        lines.append("")
    return "\n".join(lines)


def parse_args(argv):
    """The command line (see --help)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", default="10,100,1000", help="organisation sizes N (attendants in all), comma-separated"
    )
    parser.add_argument("--locations", type=int, default=20, help="locations the attendants are spread over")
    parser.add_argument("--items", type=int, default=10, help="attendants converged per measured loop")
    parser.add_argument("--repeats", type=int, default=3, help="interleaved no-op / uri pairs per size")
    parser.add_argument(
        "--forks", default="1,2,4", help="forks values for the scale-out part (the first is the reference)"
    )
    parser.add_argument("--sites", type=int, default=4, help="scale-out: sites (hosts)")
    parser.add_argument("--per-site", type=int, default=6, help="scale-out: attendants per site")
    parser.add_argument("--rate-limit-every", type=int, default=10, help="scale-out: every Nth API request answers 429")
    parser.add_argument("--retry-after", default="1", help="scale-out: the Retry-After value of those 429s")
    parser.add_argument("--skip", default="", help="parts to skip: startup, flat, scale-out (comma-separated)")
    parser.add_argument("--output", default=os.path.join(HERE, "results"), help="where summary.md and summary.json go")
    args = parser.parse_args(argv)
    args.sizes = [int(value) for value in args.sizes.split(",")]
    args.forks = [int(value) for value in args.forks.split(",")]
    args.skip = set(filter(None, args.skip.split(",")))
    return args


def main(argv=None):
    """Run the parts not skipped, print the summary and write it to --output."""
    args = parse_args(argv)
    raw_dir = os.path.join(args.output, "raw")
    os.makedirs(raw_dir, exist_ok=True)
    report = {
        "command": " ".join(["benchmarks/run.py"] + list(argv if argv is not None else sys.argv[1:])),
        "machine": machine(),
        "args": {
            k: sorted(v) if isinstance(v, set) else os.path.relpath(v, ROOT) if k == "output" else v
            for k, v in vars(args).items()
        },
        "rows": [],
        "ratios": [],
    }
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="wxc-bench-") as workdir, Simulator() as sim:
        runner = Runner(sim, workdir, raw_dir)
        if "startup" not in args.skip:
            sites = seed_organisation(sim, 1, 1, 0)
            runner.run(
                os.path.join(PLAYBOOKS, "module_loop.yml"),
                {"bench_items": [module_item(1, sites[0]["id"])]},
                "startup-seed",
            )
            created = sim.api("GET", AA_LIST, params={"name": "Bench Module 001"}).json()["autoAttendants"][0]
            report["startup"] = module_startup(runner, sites[0]["id"], created["id"])
            print("startup: %s" % json.dumps(report["startup"]), flush=True)
        if "flat" not in args.skip:
            for size in args.sizes:
                flat_cost(runner, sim, size, args, report["rows"], report["ratios"])
                print("N=%d done (%.0f s)" % (size, time.monotonic() - started), flush=True)
            noop = {
                entry["n"]: entry
                for entry in report["rows"]
                if entry["variant"] == "module" and entry["operation"] == "no-op"
            }
            first, last = args.sizes[0], args.sizes[-1]
            times = {
                size: statistics.median(
                    e["seconds_per_aa"]
                    for e in report["rows"]
                    if e["variant"] == "module" and e["operation"] == "no-op" and e["n"] == size
                )
                for size in (first, last)
            }
            report["growth"] = {
                "from": first,
                "to": last,
                "time": times[last] / times[first],
                "calls": noop[last]["calls_per_aa"] / noop[first]["calls_per_aa"],
            }
        if "scale-out" not in args.skip:
            report["scale_out"] = scale_out(runner, sim, args)
    report["seconds"] = time.monotonic() - started
    report["machine"]["load_average_at_end"] = os.getloadavg()
    text = (
        markdown(report)
        if "flat" not in args.skip
        else json.dumps(report.get("scale_out") or report.get("startup"), indent=1)
    )
    text += "\nBenchmark run time: %.0f s.\n" % report["seconds"]
    print(text)
    with open(os.path.join(args.output, "summary.json"), "w", encoding="utf-8") as handle:
        json.dump(report, handle, indent=1, sort_keys=True)
    with open(os.path.join(args.output, "summary.md"), "w", encoding="utf-8") as handle:
        handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
