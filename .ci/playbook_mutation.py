"""make mutation-playbooks: mutants of the role's tasks and the shipped playbooks, each run against the tests that hold it.

mutmut mutates Python only; no tool mutates Ansible YAML and Jinja, so the mutants are written out below, one per
option the role or a playbook passes on: the task line dropped, or its value replaced by the default or a constant.
Each is applied to a copy of the repository laid out as ansible_collections/wxc/calling (BUILD/playbook-mutation,
default build/playbook-mutation; tests/conftest.py imports the collection from there), its tests run with real
ansible-playbook against the simulator, and the copy is restored. A mutant no test fails is a survivor: the option
changes nothing a test sees. The last line printed is "playbook mutation score: K/N killed"; the exit code is 1 when
any mutant survived. Each mutant costs two ansible-playbook runs (about 20 seconds on 2 cores), so the list is
hand-made rather than every line; docs/docsite/rst/mutation.rst says what is left out and why.

--only N runs the mutant(s) numbered N (repeatable); --list prints them.
"""

import argparse
import os
import shutil
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
COLLECTION = os.path.join("ansible_collections", "wxc", "calling")
OPTIONS_TEST = "tests/integration/test_role_and_playbook_options.py"
ROLE = "roles/auto_attendant/tasks/main.yml"
EXPORT = "playbooks/export_auto_attendants.yml"
DIAGRAM = "playbooks/diagram_auto_attendants.yml"
DRIFT = "playbooks/drift_report.yml"

# (file, text, its replacement, what the mutant breaks); every mutant must fail OPTIONS_TEST
MUTANTS = (
    (ROLE, '        purge_limit: "{{ auto_attendant_purge_limit | default(omit) }}"\n', "", "purge_limit dropped"),
    (ROLE, 'auto_attendants: "{{ auto_attendant_purge | bool }}"', "auto_attendants: false", "purge ignored"),
    (ROLE, '        concurrency: "{{ auto_attendant_concurrency | default(omit) }}"\n', "", "concurrency dropped"),
    (
        ROLE,
        "base_dir=auto_attendant_base_dir | default(playbook_dir)",
        "base_dir=playbook_dir",
        "base_dir ignored",
    ),
    (ROLE, "          'timeout': auto_attendant_timeout | default(none)}", "          }", "timeout dropped"),
    (ROLE, "'validate_certs': auto_attendant_validate_certs | default(none),", "", "validate_certs dropped"),
    (EXPORT, '        name: "{{ export_name | default(omit) }}"\n', "", "export_name dropped"),
    (DIAGRAM, '        name: "{{ diagram_name | default(omit) }}"\n', "", "diagram_name dropped"),
    (
        DIAGRAM,
        "direction=diagram_direction | default('LR'))\n",
        "direction='LR')\n",
        "diagram_direction ignored (live read)",
    ),
    (
        DRIFT,
        "(drift_vars_file | dirname | realpath) if drift_vars_file is defined",
        "(drift_vars_file | dirname | realpath) if false",
        "drift_vars_file ignored (greeting files)",
    ),
    (DRIFT, "(drift_undeclared | default(true) | bool)", "true", "drift_undeclared ignored"),
)


def copy_repository(build):
    """A copy of the repository's files (tracked and new, not ignored) under BUILD/ansible_collections/wxc/calling."""
    target = os.path.join(build, COLLECTION)
    if os.path.exists(target):
        shutil.rmtree(target)
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split("\0")
    for name in filter(None, listed):
        source = os.path.join(ROOT, name)
        if not os.path.isfile(source):
            continue  # deleted in the work tree
        os.makedirs(os.path.dirname(os.path.join(target, name)), exist_ok=True)
        shutil.copy2(source, os.path.join(target, name))
    return target


def run_tests(copy, tests):
    command = [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "no:randomly"]
    return subprocess.run(command + list(tests), cwd=copy, capture_output=True, text=True, check=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--build", default=os.environ.get("BUILD") or os.path.join(ROOT, "build"))
    parser.add_argument("--only", type=int, action="append", default=[])
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    chosen = args.only or range(len(MUTANTS))
    if args.list:
        for number, (path, _text, _new, what) in enumerate(MUTANTS):
            print("%2d %s: %s" % (number, path, what))
        return 0
    copy = copy_repository(os.path.join(args.build, "playbook-mutation"))
    clean = run_tests(copy, [OPTIONS_TEST])
    if clean.returncode:
        print(clean.stdout[-3000:])
        print("the tests fail without any mutant: fix them first")
        return 2
    survivors = []
    for number in chosen:
        path, text, new, what = MUTANTS[number]
        target = os.path.join(copy, path)
        with open(target, encoding="utf-8") as handle:
            original = handle.read()
        if text not in original:
            print("mutant %d (%s): %r is no longer in %s; update the list" % (number, what, text, path))
            return 2
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(original.replace(text, new, 1))
        try:
            verdict = "killed" if run_tests(copy, [OPTIONS_TEST]).returncode else "SURVIVED"
        finally:
            with open(target, "w", encoding="utf-8") as handle:
                handle.write(original)
        if verdict != "killed":
            survivors.append(number)
        print("%2d %-8s %s: %s" % (number, verdict, path, what), flush=True)
    print("playbook mutation score: %d/%d killed" % (len(chosen) - len(survivors), len(chosen)))
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())
