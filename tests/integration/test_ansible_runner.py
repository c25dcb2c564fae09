"""The demo playbook through ansible-runner, the engine AWX uses, with the token injected as AWX injects credentials:
one job that runs it twice (a project playbook importing it twice), changed then ok."""

import json
import os
import re
import shutil
import subprocess
import sys

import yaml

from tests.environment import child_environment
from tests.integration.secret_scan import assert_no_secret, simulator_secrets

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
ANSIBLE_RUNNER = os.path.join(os.path.dirname(sys.executable), "ansible-runner")


def private_data_dir(base, env):
    """An ansible-runner private data dir laid out as AWX lays it out for a job: project, inventory, env."""
    for folder in ("project", "inventory", "env"):
        os.makedirs(os.path.join(base, folder))
    shutil.copy(os.path.join(ROOT, "examples", "demo.yml"), os.path.join(base, "project", "demo.yml"))
    with open(os.path.join(base, "project", "twice.yml"), "w", encoding="utf-8") as twice:
        yaml.safe_dump([{"import_playbook": "demo.yml"}, {"import_playbook": "demo.yml"}], twice)
    with open(os.path.join(base, "inventory", "hosts"), "w", encoding="utf-8") as hosts:
        hosts.write('localhost ansible_connection=local ansible_python_interpreter="%s"\n' % sys.executable)
    # The credential type's injectors become environment variables of the job (see extensions/awx/).
    with open(os.path.join(base, "env", "envvars"), "w", encoding="utf-8") as envvars:
        yaml.safe_dump(env, envvars)
    return base


def run_job(base, ident):
    env = child_environment({"PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")})
    proc = subprocess.run(
        [ANSIBLE_RUNNER, "run", base, "-p", "twice.yml", "--ident", ident],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env,
    )
    artifacts = os.path.join(base, "artifacts", ident)
    with open(os.path.join(artifacts, "status"), encoding="utf-8") as status:
        job_status = status.read().strip()
    with open(os.path.join(artifacts, "stdout"), encoding="utf-8") as stdout:
        output = stdout.read()
    return proc, job_status, output


def test_demo_through_ansible_runner_changed_then_ok(sim, tmp_path):
    base = private_data_dir(
        str(tmp_path / "job"),
        {
            "WEBEX_API_URL": sim.url,
            "WEBEX_ACCESS_TOKEN": sim.token,
            "ANSIBLE_COLLECTIONS_PATH": os.environ["ANSIBLE_COLLECTIONS_PATH"],
            "ANSIBLE_NOCOLOR": "1",
        },
    )
    proc, status, output = run_job(base, "twice")
    assert status == "successful", proc.stdout + proc.stderr
    assert re.search(r"localhost\s+: ok=2\s+changed=1", output), output
    assert [entry["method"] for entry in sim.writes()] == ["POST"]
    folder = os.path.join(base, "artifacts", "twice")
    events = []
    for name in sorted(os.listdir(os.path.join(folder, "job_events")), key=lambda name: int(name.split("-", 1)[0])):
        with open(os.path.join(folder, "job_events", name), encoding="utf-8") as handle:
            events.append(handle.read())
    # The module's two results, in order: created, then nothing to do.
    results = [json.loads(text)["event_data"] for text in events if '"event": "runner_on_ok"' in text]
    assert [(entry["task"], entry["res"]["changed"]) for entry in results] == [
        ("Converge Main Line AA - Test in Headquarters", True),
        ("Converge Main Line AA - Test in Headquarters", False),
    ]

    # The job's output and events (what AWX stores and shows) never hold the token. (ansible-runner's own
    # artifacts/*/command file records the job's environment, as AWX's runner does: that is the engine's, not ours.)
    with open(os.path.join(folder, "stdout"), encoding="utf-8") as stdout:
        assert_no_secret({"job stdout": stdout.read()}, simulator_secrets(sim))
    for number, text in enumerate(events):
        assert_no_secret({"job event %d" % number: text}, simulator_secrets(sim))
