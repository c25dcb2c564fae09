"""make mutation: mutation testing of plugins/module_utils/, plugins/plugin_utils/ and plugins/filter/ with mutmut 3, scored per file.

Why mutmut, in a copy laid out as ansible_collections/wxc/calling: mutmut 3 copies the code into mutants/ and runs each
mutant only against the tests that reach the mutated function (it records which tests call which function through
a trampoline). It keys those records by the module name the tests import, and expects that name to follow the file's
path. The collection is imported as ansible_collections.wxc.calling.* through a symlink tree (tests/conftest.py), so
in the repository itself the names do not match and mutmut stops. In a copy whose path IS
ansible_collections/wxc/calling/..., they match: conftest.py sees it already sits in an ansible_collections tree and
imports it from there. cosmic-ray (which mutates in place and so would work with the symlink tree) runs the whole test
command per mutant; mutmut's per-function test selection keeps the run inside 30 minutes on 2 cores, with each mutant's
test process forked from one pytest session that has collected the tests once (.ci/mutation_runner.py).

Tests run: the unit tests (tests/unit) and the component tests (tests/component), which call the client and the
resources' code in this process against the simulator. The integration tests run modules in ansible-playbook
subprocesses, where mutmut cannot see which function a test reached: not part of it.

The copy lives in BUILD/mutation (default build/mutation) and mutants/ is kept between runs: mutmut re-tests only the
functions whose code or tests changed. Delete it for a cold run. The last line printed is
"mutation score: K/N killed (P%)"; BUILD/mutation/summary.json holds the score per file and every surviving mutant.
--only FILE mutates one file (repeatable), for working on that file's survivors; mutmut re-tests every mutant it is
named, so an --only run is always a full run of that file. --write-results writes the score per file and every
survivor with its reason into tests/mutation/RESULTS.md, and the summary of the run into the docs page.

Every run starts with the canary (--canary: only it): it checks that the private pytest and mutmut names the runner
uses are still there (.ci/mutation_internals.py), then mutates one small file twice, once through
.ci/mutation_runner.py and once through mutmut's own runner (a pytest.main() per mutant), and stops with
"pytest/mutmut internals moved: ..." when the runner fails or the two give a mutant different verdicts.
"""

import argparse
import collections
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import time

from mutation_internals import MOVED

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
COLLECTION = os.path.join("ansible_collections", "wxc", "calling")
DOCS = os.path.join(ROOT, "docs", "docsite", "rst", "mutation.rst")
DOCS_MARKER = ".. The summary below is written by make mutation MUTATION_ARGS=--write-results; edit what is above."
# The generated results: a repository file, left out of the collection's build (galaxy.yml, build_ignore).
RESULTS = os.path.join(ROOT, "tests", "mutation", "RESULTS.md")
REASONS = os.path.join(ROOT, "tests", "mutation", "survivors.yml")
TARGETS = ("plugins/module_utils/", "plugins/plugin_utils/", "plugins/filter/")
# Every test that runs the plugin code in this process: the unit tests and the component tests (in-process against
# the simulator), whole folders, so that a new test file is part of the run.
TESTS = ("tests/unit/", "tests/component/")
UNUSED_PLUGINS = (
    "unraisableexception",
    "threadexception",
    "doctest",
    "junitxml",
    "pastebin",
    "stepwise",
    "setuponly",
    "setupplan",
    "faulthandler",
    "legacypath",
    "subtests",
    "xdist",
    "xdist.looponfail",
)
STATIC_TESTS = ("tests/unit/test_full_match_patterns.py::test_no_pattern_is_anchored_with_a_dollar",)
# The canary's file and the tests it runs against: small, quick, and killed through and through by those tests. The
# first pair whose files both exist is used.
CANARY_CANDIDATES = (("plugins/module_utils/numbers.py", "tests/unit/plugins/module_utils/test_numbers.py"),)
# Printed by .ci/mutation_runner.py once it has collected the session: the proof that mutmut used it.
COLLECTED_ONCE = "tests collected once for every mutant"
# mutmut's exit codes: 1 and 3 mean a test failed (killed); a mutant that hangs until the timeout is caught too.
KILLED = {"killed", "timeout"}


def status_name(exit_code):
    from mutmut.stats import status_by_exit_code  # pylint: disable=import-outside-toplevel

    return status_by_exit_code[exit_code]


def copy_repository(work):
    """The tracked and untracked (not ignored) files of the repository, at WORK/ansible_collections/wxc/calling."""
    target = os.path.join(work, COLLECTION)
    if os.path.isdir(target):
        shutil.rmtree(target)
    os.makedirs(target)
    listing = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, listing):
        source = os.path.join(ROOT, name)
        if os.path.isfile(source) and not os.path.islink(source):
            os.makedirs(os.path.dirname(os.path.join(target, name)), exist_ok=True)
            shutil.copy2(source, os.path.join(target, name))


def test_paths():
    return list(TESTS)


def write_config(work, sources, tests):
    """mutmut's setup.cfg in WORK: mutate SOURCES (files or folders), measured by TESTS."""
    lines = ["[mutmut]", "source_paths="] + ["    %s/%s" % (COLLECTION, path) for path in sources]
    lines += ["pytest_add_cli_args_test_selection="] + ["    %s/%s" % (COLLECTION, path) for path in tests]
    # The runs of the tests write no reports, run no doctests and never use pytest-xdist: every plugin left out is one
    # the hooks of each collected node and test no longer call. The unraisableexception and threadexception plugins
    # also run gc.collect() twice at the end of each of mutmut's whole-suite sessions, only to turn such exceptions
    # into warnings.
    lines += ["pytest_add_cli_args="] + ["    -pno:%s" % plugin for plugin in UNUSED_PLUGINS]
    # A static check of the sources: it reaches no mutated function, and parsing the mutated copies takes half a minute
    # in each of mutmut's whole-suite runs.
    lines += ["    --deselect=%s/%s" % (COLLECTION, test) for test in STATIC_TESTS]
    lines += ["also_copy=", "    %s/" % COLLECTION, ""]
    with open(os.path.join(work, "setup.cfg"), "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines))


def collect(work, only=()):
    """{file: {mutant name: status}} from the .meta files mutmut writes beside each mutated file (ONLY: these files)."""
    results = {}
    base = os.path.join(work, "mutants")
    for directory, _dirs, files in os.walk(base):
        for name in files:
            if not name.endswith(".py.meta"):
                continue
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                meta = json.load(handle)
            path = os.path.relpath(os.path.join(directory, name[: -len(".meta")]), os.path.join(base, COLLECTION))
            if only and path not in only:
                continue
            results[path] = {key: status_name(code) for key, code in meta["exit_code_by_key"].items()}
    return results


def mutant_change(work, path, key):
    """The lines a mutant changes ("-old", "+new"), from mutmut's own diff of the mutated function."""
    from mutmut.mutation.diff_apply import get_diff_for_mutant  # pylint: disable=import-outside-toplevel

    try:
        diff = get_diff_for_mutant(key, path=os.path.join(COLLECTION, path))
    except Exception as error:  # pylint: disable=broad-except  # a report line, never a reason to fail the run
        return ["(no diff: %s)" % error]
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def function_of(key):
    """The mutated function of a mutant name, as `name` or `Class.method`."""
    function = key.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    if function.startswith("x\u01c1"):
        return function[1:].strip("\u01c1").replace("\u01c1", ".")
    return function[2:] if function.startswith("x_") else function


def load_reasons():
    """{file: [entry]} from tests/mutation/survivors.yml: why some mutants survive on purpose."""
    import yaml  # pylint: disable=import-outside-toplevel

    with open(REASONS, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def reason_for(reasons, path, key, change, used=None):
    """The reason of the first entry of REASONS[PATH] that matches the mutant, or None; USED collects matched entries."""
    text = "\n".join(change)
    for position, entry in enumerate(reasons.get(path) or []):
        if fnmatch.fnmatchcase(function_of(key), entry["function"]) and re.search(entry.get("change") or "", text):
            if used is not None:
                used.add((path, position))
            return entry["reason"]
    return None


def report(results, run, work):
    """Print the score per file and what lacks a reason; return the summary (RUN: the run's seconds, commit, date)."""
    reasons = load_reasons()
    used = set()
    rows, survivors = [], []
    total_killed = total = 0
    for path in sorted(results):
        statuses = results[path]
        killed = sum(1 for status in statuses.values() if status in KILLED)
        rows.append(
            {
                "file": path,
                "killed": killed,
                "total": len(statuses),
                "by_status": dict(collections.Counter(statuses.values())),
            }
        )
        for key, status in sorted(statuses.items()):
            if status in KILLED:
                continue
            change = mutant_change(work, path, key) if status != "not checked" else []
            survivors.append(
                {
                    "file": path,
                    "function": function_of(key),
                    "mutant": key,
                    "status": status,
                    "change": change,
                    "reason": reason_for(reasons, path, key, change, used) if status == "survived" else None,
                }
            )
        total_killed += killed
        total += len(statuses)
    for row in rows:
        print(
            "%-48s %5d/%-5d %6.1f%%  %s"
            % (
                row["file"],
                row["killed"],
                row["total"],
                100.0 * row["killed"] / max(row["total"], 1),
                ", ".join("%s %d" % item for item in sorted(row["by_status"].items())),
            )
        )
    print("%d mutants not killed: BUILD/mutation/survivors.txt ('mutmut show <name>' there shows one)" % len(survivors))
    unexplained = [survivor for survivor in survivors if not survivor["reason"]]
    print(
        "%d of them without a reason in tests/mutation/survivors.yml (missing tests, or no test reaches them)"
        % len(unexplained)
    )
    # An entry no survivor matches is stale (its mutants are killed now, or the code moved): drop it or fix its regex.
    for path in sorted(results):
        for position, entry in enumerate(reasons.get(path) or []):
            if (path, position) not in used:
                print("reason matching no survivor: %s %s %s" % (path, entry["function"], entry.get("change") or ""))
    score = 100.0 * total_killed / max(total, 1)
    return {
        "files": rows,
        "survivors": survivors,
        "killed": total_killed,
        "total": total,
        "score": score,
        "seconds": round(run["seconds"]),
        "commit": run["commit"],
        "date": run["date"],
        "cores": run["cores"],
    }, score


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--build", default=os.environ.get("BUILD") or os.path.join(ROOT, "build"))
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--cold", action="store_true", help="forget earlier results (a fresh clone's run)")
    parser.add_argument("--report-only", action="store_true", help="only report what the last run left in mutants/")
    parser.add_argument("--canary", action="store_true", help="run only the canary (make mutation-canary)")
    parser.add_argument(
        "--write-results",
        action="store_true",
        help="write the score per file and every survivor with its reason into %s, and the summary into %s"
        % (os.path.relpath(RESULTS, ROOT), os.path.relpath(DOCS, ROOT)),
    )
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="FILE",
        help="mutate and report only FILE (plugins/module_utils/x.py); may be repeated",
    )
    args = parser.parse_args()
    only = [os.path.normpath(path) for path in args.only]
    for path in only:
        if not path.startswith(tuple(os.path.normpath(target) for target in TARGETS)) or not path.endswith(".py"):
            parser.error("--only %s: not a .py file under %s" % (path, " or ".join(TARGETS)))
    if only and args.write_results:
        parser.error("--write-results takes a run of every file: the results of --only would replace them all")
    work = os.path.join(args.build, "mutation")
    if args.report_only:
        return finish(work, None, only, args.write_results)
    canary_failure = run_canary(args.build, args.max_children)
    if canary_failure or args.canary:
        return canary_failure
    if args.cold and os.path.isdir(work):
        shutil.rmtree(work)
    prepare(work, TARGETS, test_paths())
    run = {"commit": git_commit(), "date": time.strftime("%Y-%m-%d", time.gmtime()), "cores": os.cpu_count()}
    # mutmut, with each mutant's tests run in one session collected once (.ci/mutation_runner.py says how).
    code, output, run["seconds"] = run_mutmut(RUNNER, work, args.max_children, [mutant_pattern(path) for path in only])
    print(output[-4000:])
    if code != 0:
        print("mutmut run failed with exit code %d" % code)
        return code
    if os.path.exists(os.path.join(work, "collection-errors")):
        with open(os.path.join(work, "collection-errors"), encoding="utf-8") as handle:
            print(
                "tests named by mutmut were not collected (.ci/mutation_runner.py), results not trusted:\n"
                + handle.read()
            )
        return 1
    if os.path.exists(os.path.join(work, "internal-errors")):
        print("pytest's test loop raised in some mutants' processes (counted killed): see %s/internal-errors" % work)
    return finish(work, run, only, args.write_results)


# mutmut through the collected-session runner (every run), and mutmut itself: a pytest.main() per mutant, the
# canary's reference.
RUNNER = [sys.executable, os.path.join(ROOT, ".ci", "mutation_runner.py")]
MUTMUT = [sys.executable, "-m", "mutmut"]


def git_commit():
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()


def prepare(work, sources, tests):
    """WORK with a fresh copy of the repository and a setup.cfg for SOURCES and TESTS; mutants/ is kept."""
    os.makedirs(work, exist_ok=True)
    copy_repository(work)
    write_config(work, sources, tests)
    os.makedirs(os.path.join(work, "killers"), exist_ok=True)  # which tests killed a function's mutants
    for leftover in ("collection-errors", "internal-errors"):  # the runner's reports of the last run
        if os.path.exists(os.path.join(work, leftover)):
            os.unlink(os.path.join(work, leftover))


def run_mutmut(command, work, max_children, names=()):
    """`mutmut run` in WORK through COMMAND: its exit code, what it said (without the spinner) and its seconds."""
    # The simulator runs as a thread of each test process (tests/simulator/harness.py says why).
    env = dict(os.environ, PY_COLORS="0", PYTHONDONTWRITEBYTECODE="1", WXC_SIMULATOR_IN_THREAD="1")
    env.pop("ANSIBLE_COLLECTIONS_PATH", None)  # conftest.py points it at the copy
    started = time.monotonic()
    run = subprocess.run(
        command + ["run", "--max-children", str(max_children)] + list(names),
        cwd=work,
        env=env,
        check=False,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    seconds = time.monotonic() - started
    # mutmut redraws one progress line; keep its last state and anything else it said.
    lines = [line for line in run.stdout.replace("\r", "\n").splitlines() if line.strip()]
    spinner = ("⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏")
    return run.returncode, "\n".join(line for line in lines if not line.lstrip().startswith(spinner)), seconds


def canary_files():
    for source, tests in CANARY_CANDIDATES:
        if os.path.isfile(os.path.join(ROOT, source)) and os.path.isfile(os.path.join(ROOT, tests)):
            return source, tests
    raise SystemExit("mutation canary: none of its files exists; CANARY_CANDIDATES in .ci/mutation.py names them")


def verdicts(work, source):
    """{mutant: verdict} of SOURCE: killed (a test failed or it timed out) or mutmut's status."""
    statuses = collect(work, [source]).get(source, {})
    return {key: "killed" if status in KILLED else status for key, status in statuses.items()}


def run_canary(build, max_children):
    """0 when the runner is set up and agrees with mutmut's own on every mutant of the canary's file, else 1."""
    source, tests = canary_files()
    started = time.monotonic()
    base = os.path.join(build, "mutation-canary")
    if os.path.isdir(base):
        shutil.rmtree(base)  # always cold: every mutant is tested by both
    reference, collected = os.path.join(base, "mutmut"), os.path.join(base, "collected-session")
    prepare(reference, [source], [tests])
    # mutmut reads setup.cfg as it is imported: the check runs in the copy.
    check = subprocess.run(
        [sys.executable, os.path.join(ROOT, ".ci", "mutation_internals.py")], cwd=reference, check=False
    )
    if check.returncode != 0:
        return 1
    code, output, _seconds = run_mutmut(MUTMUT, reference, max_children)
    if code != 0:
        print(output[-4000:])
        print("mutation canary: mutmut's own run of %s against %s failed (exit %d)" % (source, tests, code))
        return 1
    prepare(collected, [source], [tests])
    code, output, _seconds = run_mutmut(RUNNER, collected, max_children)

    def moved(problem):
        print(output[-4000:])
        print(
            "%s: %s\n(the canary's run of %s through .ci/mutation_runner.py: %s)" % (MOVED, problem, source, collected)
        )
        return 1

    if code != 0:
        return moved("mutmut through the collected-session runner failed (exit %d)" % code)
    if COLLECTED_ONCE not in output:
        return moved("mutmut did not use the collected-session runner (is mutmut.__main__.get_mutant_runner used?)")
    for report_file, problem in (
        ("collection-errors", "tests mutmut named were not in the collected session"),
        ("internal-errors", "pytest's test loop raised in the mutants' processes"),
    ):
        if os.path.exists(os.path.join(collected, report_file)):
            with open(os.path.join(collected, report_file), encoding="utf-8") as handle:
                return moved("%s:\n%s" % (problem, handle.read()[:3000]))
    expected, got = verdicts(reference, source), verdicts(collected, source)
    if "killed" not in expected.values():  # a runner that runs no test would agree
        print(
            "mutation canary: mutmut's own run killed none of the %d mutants of %s; choose another file in "
            "CANARY_CANDIDATES" % (len(expected), source)
        )
        return 1
    differing = sorted(key for key in set(expected) | set(got) if expected.get(key) != got.get(key))
    if differing:
        return moved(
            "the two runners disagree on %d of %d mutants:\n%s"
            % (
                len(differing),
                len(expected),
                "\n".join(
                    "  %s: %s through mutmut, %s through the runner"
                    % (key.rsplit(".", 1)[-1], expected.get(key), got.get(key))
                    for key in differing
                ),
            )
        )
    print(
        "mutation canary: the %d mutants of %s got the same verdicts through both runners (%s) in %d s"
        % (
            len(expected),
            source,
            ", ".join("%s %d" % item for item in sorted(collections.Counter(expected.values()).items())),
            time.monotonic() - started,
        )
    )
    return 0


def results_markdown(summary):
    """tests/mutation/RESULTS.md: the run, the score per file, every survivor grouped by its reason."""
    lines = [
        "# Mutation testing: results of the last full run",
        "",
        "Written by `make mutation MUTATION_ARGS=--write-results` (`.ci/mutation.py`): edit nothing here. How the run "
        "works is in `docs/docsite/rst/mutation.rst`, the reasons of the survivors in `tests/mutation/survivors.yml`.",
        "",
        "At commit `%s` on %s: %d mutants in %d s, on %s cores. The last line of that run:"
        % (summary["commit"], summary["date"], summary["total"], summary["seconds"], summary["cores"]),
        "",
        "```text",
        score_line(summary),
        "```",
        "",
        "## Score per file",
        "",
        "| File | Mutants | Killed | Score | Survived, reason given | Not killed, no reason |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in summary["files"]:
        mine = [survivor for survivor in summary["survivors"] if survivor["file"] == row["file"]]
        explained = sum(1 for survivor in mine if survivor["reason"])
        lines.append(
            "| `%s` | %d | %d | %.1f %% | %d | %d |"
            % (
                row["file"],
                row["total"],
                row["killed"],
                100.0 * row["killed"] / max(row["total"], 1),
                explained,
                len(mine) - explained,
            )
        )
    lines += [
        "",
        "## Surviving mutants",
        "",
        "Every mutant not killed, per file, grouped by the reason it survives (kept in `tests/mutation/survivors.yml`). "
        "A mutant listed under *no reason recorded* is a missing test; *no test reaches it* means none of the measured "
        "tests runs that function.",
    ]
    for row in summary["files"]:
        mine = [survivor for survivor in summary["survivors"] if survivor["file"] == row["file"]]
        if not mine:
            continue
        lines += ["", "### `%s`" % row["file"]]
        groups = collections.OrderedDict()
        for survivor in mine:
            if survivor["status"] == "no tests":
                reason = "No test reaches it."
            elif survivor["status"] == "survived":
                reason = survivor["reason"] or "No reason recorded: a missing test."
            else:
                reason = "Not run to the end (%s): the run was stopped, or the mutant crashed." % survivor["status"]
            groups.setdefault(reason, []).append(survivor)
        for reason, members in groups.items():
            lines += ["", "%s (%d)" % (reason, len(members))]
            if members[0]["status"] == "not checked":
                continue  # not a survivor, only a run that did not finish: counted, not listed
            lines += ["", "```text"]
            for survivor in members:
                lines.append("%s #%s" % (survivor["function"], survivor["mutant"].rsplit("__mutmut_", 1)[-1]))
                lines += ["  " + line for line in survivor["change"]]
            lines.append("```")
    return "\n".join(lines) + "\n"


def score_line(summary):
    return "mutation score: %d/%d killed (%.1f%%)" % (summary["killed"], summary["total"], summary["score"])


def docs_summary(summary):
    """The reStructuredText of the docs page's summary of the run; the details stay in RESULTS."""
    explained = sum(1 for survivor in summary["survivors"] if survivor["reason"])
    run = (
        "At commit ``%s`` on %s: %d mutants in %d s, on %s cores; of the %d not killed, %d survive for a reason kept in "
        "``tests/mutation/survivors.yml`` and %d have none. The last line of that run:"
        % (
            summary["commit"],
            summary["date"],
            summary["total"],
            summary["seconds"],
            summary["cores"],
            len(summary["survivors"]),
            explained,
            len(summary["survivors"]) - explained,
        )
    )
    where = (
        "The score per file and every surviving mutant with its reason are in ``%s`` in the collection's repository "
        "(written by the same run; not part of the installed collection)." % os.path.relpath(RESULTS, ROOT)
    )
    return (
        ["Last full run", "-------------", "", textwrap.fill(run, 120), ""]
        + [".. code-block:: text", "", "   " + score_line(summary), ""]
        + [textwrap.fill(where, 120)]
    )


def write_results_files(summary):
    """Write RESULTS whole, and replace the docs page's summary (from its marker to the end) with SUMMARY's."""
    with open(RESULTS, "w", encoding="utf-8") as handle:
        handle.write(results_markdown(summary))
    with open(DOCS, encoding="utf-8") as handle:
        text = handle.read()
    if DOCS_MARKER not in text:
        raise SystemExit("%s has no line %r to write the summary after" % (DOCS, DOCS_MARKER))
    head = text.split(DOCS_MARKER, 1)[0]
    with open(DOCS, "w", encoding="utf-8") as handle:
        handle.write(head + DOCS_MARKER + "\n\n" + "\n".join(docs_summary(summary)) + "\n")


def mutant_pattern(path):
    """mutmut's name pattern for every mutant of the file PATH (plugins/module_utils/x.py)."""
    return "%s.%s.*" % (COLLECTION.replace(os.sep, "."), path[: -len(".py")].replace(os.sep, "."))


def finish(work, run, only=(), write_results=False):
    """Score what mutants/ holds, write summary.json and survivors.txt, and print the score last.

    RUN is None for --report-only: the seconds, commit and date of the run that left the results are kept from
    summary.json.
    """
    summary_path = os.path.join(work, "summary.json")
    if run is None:
        previous = {}
        if os.path.exists(summary_path):
            with open(summary_path, encoding="utf-8") as handle:
                previous = json.load(handle)
        run = {key: previous.get(key) or "unknown" for key in ("commit", "date", "cores")}
        run["seconds"] = previous.get("seconds", 0)
    os.chdir(work)  # mutmut's helpers read setup.cfg and mutants/ from the working directory
    summary, score = report(collect(work, only), run, work)
    with open(summary_path, "w", encoding="utf-8") as handle:
        json.dump(summary, handle, indent=1)
    if write_results:
        write_results_files(summary)
        print(
            "results written into %s, the summary into %s"
            % (os.path.relpath(RESULTS, ROOT), os.path.relpath(DOCS, ROOT))
        )
    with open(os.path.join(work, "survivors.txt"), "w", encoding="utf-8") as handle:
        for survivor in summary["survivors"]:
            handle.write(
                "%s %s (%s)%s\n%s\n\n"
                % (
                    survivor["file"],
                    survivor["mutant"].rsplit(".", 1)[-1],
                    survivor["status"],
                    ": " + survivor["reason"] if survivor["reason"] else "",
                    "\n".join(survivor["change"]),
                )
            )
    print("mutmut ran %d s" % run["seconds"])
    print(score_line(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
