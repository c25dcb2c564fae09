"""API calls per operation held at the floor, counted from the simulator's request log (see docs/docsite/rst/performance.rst).

Floors, per module run: no-op 2 GETs (list + details), +1 GET when the location is given by name; create 1 POST and
3 GETs (the lookup, the pre-flight check that the business schedule exists, and the details of what was created,
which are the read-back); update 1 PUT after the 2 GETs and one GET to read back what the service stores (plus a
pre-flight GET only for a reference the update changes: a schedule, an audio file given by name, a new number); delete
1 DELETE after the lookup. One TCP connection per module run. None of it grows with the number of other attendants.

Each module run is webex_auto_attendant's work computed in this process (helpers.task_result) with a client of its
own, as each task of a playbook has. tests/integration/test_call_counts.py keeps the scale-out example under 429s.
"""

from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.builders import AA_MODULE as MODULE
from tests.component.helpers import task_result

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


class Run:
    """The module runs of one converge(): CHANGED counts the changed ones, as a playbook's recap does."""

    def __init__(self, results):
        self.results = results
        self.changed = sum(1 for result in results if result["changed"])


def converge(sim, *arg_sets):
    """One module run per ARG_SETS entry, each with a client of its own; return (the runs, their request log)."""
    sim.clear_requests()
    results = []
    for args in arg_sets:
        client = WebexClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None)
        results.append(task_result(client, MODULE, args))
        assert not results[-1]["failed"], results[-1]
    return Run(results), sim.requests()


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


def test_floors_with_location_id(sim):
    hq = sim.location_id("Headquarters")
    run, log = converge(sim, reception(hq))
    assert run.changed == 1
    assert calls(log) == [("GET", "list"), ("GET", "schedules"), ("POST", "collection"), ("GET", "item")]
    one_connection_per_run(log, 1)

    run, log = converge(sim, reception(hq))
    assert run.changed == 0
    assert calls(log) == [("GET", "list"), ("GET", "item")]
    assert log[0]["query"] == {"locationId": hq, "name": "Reception", "max": "1000"}

    updated = dict(MENU, key_configurations=MENU["key_configurations"][:1] + [{"key": "*", "action": "EXIT"}])
    run, log = converge(sim, reception(hq, business_hours_menu=updated))
    assert run.changed == 1
    assert calls(log) == [("GET", "list"), ("GET", "item"), ("PUT", "item"), ("GET", "item")]

    run, log = converge(sim, {"location": hq, "name": "Reception", "state": "absent"})
    assert run.changed == 1
    assert calls(log) == [("GET", "list"), ("DELETE", "item"), ("GET", "item")]  # the delete read back


def test_floors_with_location_name(sim):
    runs = [
        reception("Headquarters"),
        reception("Headquarters"),
        reception("Headquarters", extension="2101"),
        {"location": "Headquarters", "name": "Reception", "state": "absent"},
    ]
    run, log = converge(sim, *runs)
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
        ("GET", "item"),  # the delete read back
    ]
    one_connection_per_run(log, len(runs))


def test_calls_do_not_grow_with_other_attendants(sim):
    """10 or 300 other attendants in the location (and 300 elsewhere): the same two GETs for a no-op."""
    hq = sim.location_id("Headquarters")
    converge(sim, reception(hq))
    sim.seed_auto_attendants(hq, 10, prefix="Other AA ")
    _run, small = converge(sim, reception(hq))
    sim.seed_auto_attendants(hq, 290, prefix="More AA ")
    sim.seed_auto_attendants("Branch Office Denver", 300, prefix="Denver AA ")
    _run, large = converge(sim, reception(hq))
    assert calls(small) == calls(large) == [("GET", "list"), ("GET", "item")]


def test_similar_names_in_one_page_until_the_server_cap(sim):
    """The name filter only "contains": 300 names containing the target's come back in one page (max=1000)."""
    hq = sim.location_id("Headquarters")
    sim.seed_auto_attendants(hq, 300, prefix="Reception Desk ")
    run, log = converge(sim, reception(hq))
    assert run.changed == 1
    assert calls(log) == [("GET", "list"), ("GET", "schedules"), ("POST", "collection"), ("GET", "item")]
    _run, log = converge(sim, reception(hq))
    assert calls(log) == [("GET", "list"), ("GET", "item")]

    # Past the server's page cap (1000) the lookup still follows every page, on the same connection.
    sim.seed_auto_attendants(hq, 800, prefix="Reception Line ")
    run, log = converge(sim, reception(hq))
    assert run.changed == 0
    assert calls(log) == [("GET", "list"), ("GET", "list"), ("GET", "item")]
    assert log[1]["query"]["start"] == "1000"
    one_connection_per_run(log, 1)
