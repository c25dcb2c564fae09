"""Run real ansible-playbook against the simulator and collect what happened."""

import json
import os
import re
import subprocess
import sys
import tempfile

from tests.environment import child_environment
from tests.integration.secret_scan import assert_no_secret, run_secrets

HERE = os.path.dirname(os.path.abspath(__file__))
PLAYBOOKS = os.path.join(HERE, "playbooks")
INVENTORY = os.path.join(HERE, "inventory.ini")
ANSIBLE_PLAYBOOK = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")
_RECAP_LINE = re.compile(r"^(?P<host>\S+)\s+:\s+(?P<counts>(?:\w+=\d+\s*)+)$")


class PlaybookRun:
    """What one ansible-playbook run did: exit code, output, recap counts and every task result."""

    def __init__(self, rc, stdout, stderr, results):
        self.rc = rc
        self.stdout = stdout
        self.stderr = stderr
        self.results = results
        self.stats = {}
        for line in stdout.splitlines():
            match = _RECAP_LINE.match(line.strip())
            if match:
                self.stats[match.group("host")] = {
                    k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", match.group("counts"))
                }

    def task(self, name):
        """The results of the task called NAME (one per loop item), oldest first."""
        found = [entry for entry in self.results if entry["task"] == name]
        if not found:
            raise AssertionError(
                "task %r did not run; tasks seen: %s" % (name, sorted({e["task"] for e in self.results}))
            )
        return found

    def one(self, name):
        """The single result of the task called NAME."""
        found = self.task(name)
        if len(found) != 1:
            raise AssertionError("task %r has %d results" % (name, len(found)))
        return found[0]

    @property
    def changed(self):
        return sum(host.get("changed", 0) for host in self.stats.values())

    @property
    def failed(self):
        return sum(host.get("failed", 0) for host in self.stats.values())

    def __repr__(self):
        return "PlaybookRun(rc=%s, stats=%s)\n--- stdout ---\n%s\n--- stderr ---\n%s" % (
            self.rc,
            self.stats,
            self.stdout,
            self.stderr,
        )


def run_playbook(
    playbook,
    sim,
    extra_vars=None,
    check=False,
    diff=False,
    extra_args=(),
    env=None,
    timeout=300,
    secrets=None,
    inventory=INVENTORY,
):
    """Run PLAYBOOK (a path, or a name under tests/integration/playbooks) against SIM, with INVENTORY (default: the
    suite's localhost inventory).

    The module finds the simulator through WEBEX_API_URL and WEBEX_ACCESS_TOKEN, as a user's environment would
    point it at the real service; the rest of its environment is the suite's (tests/environment.py), never the
    shell's. Every run goes through the secret scan (secret_scan.py): the simulator's secrets, the secrets in ENV and
    EXTRA_VARS and SECRETS (name -> value) must not appear in its output in any form.
    """
    if not os.path.isabs(playbook):
        playbook = os.path.join(PLAYBOOKS, playbook)
    with tempfile.TemporaryDirectory(prefix="wxc-run-") as tmp:
        record = os.path.join(tmp, "results.jsonl")
        settings = {
            "WEBEX_API_URL": sim.url,
            "WEBEX_ACCESS_TOKEN": sim.token,
            "WXC_RECORD_FILE": record,
            "ANSIBLE_CALLBACK_PLUGINS": os.path.join(HERE, "callback_plugins"),
            "ANSIBLE_CALLBACKS_ENABLED": "wxc_record",
            "ANSIBLE_NOCOLOR": "1",
            "ANSIBLE_FORCE_COLOR": "0",
            "ANSIBLE_RETRY_FILES_ENABLED": "0",
            "ANSIBLE_LOCAL_TEMP": os.path.join(tmp, "ansible-local"),
            "ANSIBLE_HOME": os.path.join(tmp, "ansible-home"),
            "PYTHONWARNINGS": "ignore",
        }
        settings.update(env or {})  # ENV's None: the variable is not set at all for this run
        run_env = child_environment(settings)
        command = [ANSIBLE_PLAYBOOK, "-i", inventory, playbook]
        if extra_vars:
            command += ["-e", json.dumps(extra_vars)]
        if check:
            command.append("--check")
        if diff:
            command.append("--diff")
        command += list(extra_args)
        proc = subprocess.run(command, env=run_env, capture_output=True, text=True, timeout=timeout, check=False)
        results = []
        if os.path.exists(record):
            with open(record, encoding="utf-8") as handle:
                results = [json.loads(line) for line in handle if line.strip()]
        run = PlaybookRun(proc.returncode, proc.stdout, proc.stderr, results)
        places = {"stdout": run.stdout, "stderr": run.stderr, "task results": json.dumps(run.results)}
        if sim is not None and getattr(sim, "base_url", None):
            places["simulator request log"] = json.dumps(sim.requests())
        assert_no_secret(places, run_secrets(sim, env, extra_vars, secrets))
        return run


def write_playbook(directory, tasks, name="playbook.yml"):
    """Write a one-play playbook on localhost with TASKS (a list of task dicts) and return its path."""
    import yaml  # pylint: disable=import-outside-toplevel

    path = os.path.join(str(directory), name)
    with open(path, "w", encoding="utf-8") as handle:
        yaml.safe_dump(
            [{"name": "Test play", "hosts": "localhost", "gather_facts": False, "tasks": tasks}],
            handle,
            sort_keys=False,
        )
    return path
