"""The scale-out example (examples/scale_out, forks=4) under steady 429s: no duplicates, every 429 retried.

The API calls per operation (see docs/docsite/rst/performance.rst) are counted in tests/component/test_call_counts.py.
"""

import os

from tests.integration.runner import run_playbook

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))


def test_scale_out_example_under_steady_429s(sim, tmp_path):
    """examples/scale_out with forks=4 while every 5th request is rate limited: no duplicates, every 429 retried."""
    sim.rate_limit(5, retry_after="0")
    inventory = os.path.join(ROOT, "examples", "scale_out", "inventory.yml")
    playbook = os.path.join(ROOT, "examples", "scale_out", "site.yml")
    run = run_playbook(playbook, sim, extra_args=("-i", inventory, "--forks", "4"))
    assert run.rc == 0, run
    log = sim.requests()
    sim.clear_rate_limit()
    by_connection = {}
    for entry in log:
        by_connection.setdefault(entry["connection"], []).append(entry)
    limited = [
        (entries, position)
        for entries in by_connection.values()
        for position, entry in enumerate(entries)
        if entry["status"] == 429
    ]
    assert len(limited) == len(log) // 5
    for entries, position in limited:
        retry = entries[position + 1]
        assert [retry[key] for key in ("method", "path", "query", "body")] == [
            entries[position][key] for key in ("method", "path", "query", "body")
        ]
    names = [
        (item["locationId"], item["name"])
        for item in sim.api("GET", "/telephony/config/autoAttendants").json()["autoAttendants"]
    ]
    assert len(names) == len(set(names)) == 5
    assert sum(1 for entry in log if entry["method"] == "POST" and entry["status"] == 201) == 5
