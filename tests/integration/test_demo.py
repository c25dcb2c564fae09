"""make demo's script on its own simulator: created (changed) on the first run, ok on the second."""

import os
import re
import subprocess

from tests.environment import child_environment
from tests.integration.secret_scan import assert_no_secret
from tests.simulator.harness import DEFAULT_CLIENT_SECRET, DEFAULT_READ_ONLY_TOKEN, DEFAULT_REFRESH_TOKEN, DEFAULT_TOKEN

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))


def test_demo_shows_changed_then_ok():
    proc = subprocess.run(
        ["bash", os.path.join(ROOT, "examples", "demo.sh")],
        cwd=ROOT,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    recaps = re.findall(r"localhost\s+: ok=\d+\s+changed=(\d+)", proc.stdout)
    assert recaps == ["1", "0"], proc.stdout
    assert '"name": "Main Line AA - Test"' in proc.stdout
    assert "201 POST /v1/telephony/config/locations/" in proc.stdout
    assert "wxc-sim-admin-token" not in proc.stdout
    # The secret scan of every ansible-playbook run (the demo starts its own simulator with the default secrets).
    assert_no_secret(
        {"stdout": proc.stdout, "stderr": proc.stderr},
        {
            "access token": DEFAULT_TOKEN,
            "read-only token": DEFAULT_READ_ONLY_TOKEN,
            "client secret": DEFAULT_CLIENT_SECRET,
            "refresh token": DEFAULT_REFRESH_TOKEN,
            "minted token": "wxc-sim-minted-",
        },
    )
