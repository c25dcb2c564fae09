"""The demo playbook through ansible-runner, the engine AWX uses, with the token injected as AWX injects credentials."""

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
    with open(os.path.join(base, "inventory", "hosts"), "w", encoding="utf-8") as hosts:
        hosts.write('localhost ansible_connection=local ansible_python_interpreter="%s"\n' % sys.executable)
    # The credential type's injectors become environment variables of the job (see extensions/awx/).
    with open(os.path.join(base, "env", "envvars"), "w", encoding="utf-8") as envvars:
        yaml.safe_dump(env, envvars)
    return base


def run_job(base, ident):
    env = child_environment({"PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", "")})
    proc = subprocess.run(
        [ANSIBLE_RUNNER, "run", base, "-p", "demo.yml", "--ident", ident],
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
    proc, status, output = run_job(base, "first")
    assert status == "successful", proc.stdout + proc.stderr
    assert re.search(r"localhost\s+: ok=1\s+changed=1", output), output
    assert [entry["method"] for entry in sim.writes()] == ["POST"]

    proc, status, output = run_job(base, "second")
    assert status == "successful", proc.stdout + proc.stderr
    assert re.search(r"localhost\s+: ok=1\s+changed=0", output), output
    assert [entry["method"] for entry in sim.writes()] == ["POST"]

    # The job's output and events (what AWX stores and shows) never hold the token. (ansible-runner's own
    # artifacts/*/command file records the job's environment, as AWX's runner does: that is the engine's, not ours.)
    for ident in ("first", "second"):
        folder = os.path.join(base, "artifacts", ident)
        with open(os.path.join(folder, "stdout"), encoding="utf-8") as stdout:
            assert_no_secret({"job stdout": stdout.read()}, simulator_secrets(sim))
        events = os.path.join(folder, "job_events")
        for name in os.listdir(events):
            with open(os.path.join(events, name), encoding="utf-8") as handle:
                assert_no_secret({os.path.join(events, name): handle.read()}, simulator_secrets(sim))
