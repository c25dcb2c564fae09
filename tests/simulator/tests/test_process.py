"""The simulator as a process: ready line, state file, clean exit on signals."""

import signal
import subprocess
import sys

import requests

from tests.simulator.harness import ROOT, Simulator

from .helpers import aa_path, minimal_body


def test_state_file_survives_a_restart(tmp_path):
    state_file = tmp_path / "state.json"
    with Simulator(state_file=state_file) as first:
        location_id = first.location_id("Headquarters")
        auto_attendant_id = first.api("POST", aa_path(location_id), json=minimal_body("Persistent")).json()["id"]
        first.api("PUT", aa_path(location_id, auto_attendant_id), json={"nameDialing": "GROUP"})
    assert state_file.exists()
    with Simulator(state_file=state_file) as second:
        details = second.api("GET", aa_path(location_id, auto_attendant_id))
        assert details.status_code == 200
        assert details.json()["name"] == "Persistent" and details.json()["nameDialing"] == "GROUP"


def test_sigterm_and_sigint_exit_cleanly():
    for signum in (signal.SIGTERM, signal.SIGINT):
        simulator = Simulator().start()
        assert simulator.url == "http://127.0.0.1:%d/v1" % simulator.port
        simulator.process.send_signal(signum)
        assert simulator.process.wait(timeout=10) == 0
        assert "Traceback" not in simulator.stderr_text()
        simulator.stop()


def test_ready_line_is_the_only_stdout_and_the_token_is_never_printed():
    process = subprocess.Popen(  # pylint: disable=consider-using-with
        [sys.executable, "-m", "tests.simulator", "--port", "0", "--token", "super-secret-token"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline()
    assert line.startswith("wxc simulator listening on http://127.0.0.1:") and line.endswith("/v1\n")
    url = line.split(" on ")[1].strip()
    requests.get(url + "/locations", headers={"Authorization": "Bearer super-secret-token"}, timeout=5)
    process.terminate()
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0
    assert out == "" and "super-secret-token" not in err and "GET /v1/locations 200" in err
