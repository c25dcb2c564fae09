"""API calls per operation held at the floor, counted from the simulator's request log (see docs/docsite/rst/performance.rst).

Floors, per module run: no-op 2 GETs (list + details), +1 GET when the location is given by name; create 1 POST and
3 GETs (the lookup, the pre-flight check that the business schedule exists, and the details of what was created,
which are the read-back); update 1 PUT after the 2 GETs and one GET to read back what the service stores (plus a
pre-flight GET only for a reference the update changes: a schedule, an audio file given by name, a new number); delete
1 DELETE after the lookup. One TCP connection per module run. None of it grows with the number of other attendants.
"""

import os

from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendant"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
LIST = "/v1/telephony/config/autoAttendants"
LOCATIONS = "/v1/locations"
MENU = {
    "greeting": "DEFAULT",
    "extension_enabled": True,
    "key_configurations": [
        {"key": "0", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1000", "description": "Operator"},
        {"key": "*", "action": "REPEAT_MENU"},
    ],
}


def reception(location, **changes):
    args = {
        "location": location,
        "name": "Reception",
        "extension": "2100",
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours_menu": MENU,
        "after_hours_menu": {
            "greeting": "DEFAULT",
            "extension_enabled": True,
            "key_configurations": [{"key": "0", "action": "EXIT"}],
        },
    }
    args.update(changes)
    return args


def converge(sim, tmp_path, *arg_sets):
    """One task per ARG_SETS entry, each a module run; return (the run, the request log of that run)."""
    tasks = [{"name": "Converge %d" % index, MODULE: args} for index, args in enumerate(arg_sets)]
    sim.clear_requests()
    run = run_playbook(write_playbook(tmp_path, tasks), sim)
    assert run.rc == 0, run
    return run, sim.requests()


def calls(log):
    """(method, path kind) per request: 'locations', 'list', 'item', 'schedules' or 'collection' (the POST target)."""
    shown = []
    for entry in log:
        path = entry["path"]
        kind = (
            "locations"
            if path == LOCATIONS
            else "list"
            if path == LIST
            else "schedules"
            if path.endswith("/schedules")
            else "item"
            if path.count("/autoAttendants/")
            else "collection"
        )
        shown.append((entry["method"], kind))
    return shown


def one_connection_per_run(log, runs):
    """Every module run used one keep-alive connection of its own, and the runs did not share one."""
    order = []
    for entry in log:
        if not order or order[-1] != entry["connection"]:
            order.append(entry["connection"])
    assert len(order) == runs, order
    assert len(set(order)) == runs, order


def test_floors_with_location_id(sim, tmp_path):
    hq = sim.location_id("Headquarters")
    run, log = converge(sim, tmp_path, reception(hq))
    assert run.changed == 1
    assert calls(log) == [("GET", "list"), ("GET", "schedules"), ("POST", "collection"), ("GET", "item")]
    one_connection_per_run(log, 1)

    run, log = converge(sim, tmp_path, reception(hq))
    assert run.changed == 0
    assert calls(log) == [("GET", "list"), ("GET", "item")]
    assert log[0]["query"] == {"locationId": hq, "name": "Reception", "max": "1000"}

    updated = dict(MENU, key_configurations=MENU["key_configurations"][:1] + [{"key": "*", "action": "EXIT"}])
    run, log = converge(sim, tmp_path, reception(hq, business_hours_menu=updated))
    assert run.changed == 1
    assert calls(log) == [("GET", "list"), ("GET", "item"), ("PUT", "item"), ("GET", "item")]

    run, log = converge(sim, tmp_path, {"location": hq, "name": "Reception", "state": "absent"})
    assert run.changed == 1
    assert calls(log) == [("GET", "list"), ("DELETE", "item")]


def test_floors_with_location_name(sim, tmp_path):
    runs = [
        reception("Headquarters"),
        reception("Headquarters"),
        reception("Headquarters", extension="2101"),
        {"location": "Headquarters", "name": "Reception", "state": "absent"},
    ]
    run, log = converge(sim, tmp_path, *runs)
    assert run.changed == 3
    location = ("GET", "locations")
    assert calls(log) == [
        location,
        ("GET", "list"),
        ("GET", "schedules"),
        ("POST", "collection"),
        ("GET", "item"),
        location,
        ("GET", "list"),
        ("GET", "item"),
        location,
        ("GET", "list"),
        ("GET", "item"),
        ("PUT", "item"),
        ("GET", "item"),
        location,
        ("GET", "list"),
        ("DELETE", "item"),
    ]
    one_connection_per_run(log, len(runs))


def test_calls_do_not_grow_with_other_attendants(sim, tmp_path):
    """10 or 300 other attendants in the location (and 300 elsewhere): the same two GETs for a no-op."""
    hq = sim.location_id("Headquarters")
    converge(sim, tmp_path, reception(hq))
    sim.seed_auto_attendants(hq, 10, prefix="Other AA ")
    _run, small = converge(sim, tmp_path, reception(hq))
    sim.seed_auto_attendants(hq, 290, prefix="More AA ")
    sim.seed_auto_attendants("Branch Office Denver", 300, prefix="Denver AA ")
    _run, large = converge(sim, tmp_path, reception(hq))
    assert calls(small) == calls(large) == [("GET", "list"), ("GET", "item")]


def test_similar_names_in_one_page_until_the_server_cap(sim, tmp_path):
    """The name filter only "contains": 300 names containing the target's come back in one page (max=1000)."""
    hq = sim.location_id("Headquarters")
    sim.seed_auto_attendants(hq, 300, prefix="Reception Desk ")
    run, log = converge(sim, tmp_path, reception(hq))
    assert run.changed == 1
    assert calls(log) == [("GET", "list"), ("GET", "schedules"), ("POST", "collection"), ("GET", "item")]
    _run, log = converge(sim, tmp_path, reception(hq))
    assert calls(log) == [("GET", "list"), ("GET", "item")]

    # Past the server's page cap (1000) the lookup still follows every page, on the same connection.
    sim.seed_auto_attendants(hq, 800, prefix="Reception Line ")
    run, log = converge(sim, tmp_path, reception(hq))
    assert run.changed == 0
    assert calls(log) == [("GET", "list"), ("GET", "list"), ("GET", "item")]
    assert log[1]["query"]["start"] == "1000"
    one_connection_per_run(log, 1)


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
