"""webex_auto_attendants (many at once) run by real ansible-playbook against the simulator."""

import copy

from tests.integration.runner import run_playbook, write_playbook

MODULE = "wxc.calling.webex_auto_attendants"
AA_LIST = "/telephony/config/autoAttendants"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}


def item(name, extension, location="Headquarters", **extra):
    """A minimal declared attendant."""
    entry = {
        "name": name,
        "location": location,
        "extension": extension,
        "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
        "business_hours_menu": copy.deepcopy(MENU),
        "after_hours_menu": copy.deepcopy(MENU),
    }
    entry.update(extra)
    return entry


def three(location="Headquarters", first=2101):
    return [item("Bulk %d" % number, str(number), location) for number in range(first, first + 3)]


def bulk(sim, tmp_path, args, check=False, diff=False):
    """Run the module once with ARGS; return (the run, the task's result)."""
    path = write_playbook(tmp_path, [{"name": "Converge", MODULE: args, "register": "result"}])
    run = run_playbook(path, sim, check=check, diff=diff)
    return run, run.one("Converge")["result"]


def writes(sim, method=None):
    return [entry for entry in sim.writes() if method in (None, entry["method"])]


def names_in(sim, location="Headquarters"):
    location_id = sim.location_id(location)
    return sorted(
        entry["name"] for entry in sim.api("GET", AA_LIST, params={"locationId": location_id}).json()["autoAttendants"]
    )


def actions(result):
    return [(entry["name"], entry["action"]) for entry in result["results"]]


def test_create_then_no_op_with_one_list_per_location(sim, tmp_path):
    items = three() + three("Branch Office Denver", 3101)
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc == 0, run
    assert result["changed"] is True
    assert result["summary"] == {"create": 6, "update": 0, "delete": 0, "nothing": 0, "failed": 0}
    assert actions(result) == [(entry["name"], "create") for entry in items]
    assert sorted(entry["body"]["name"] for entry in writes(sim, "POST")) == sorted(entry["name"] for entry in items)
    assert all(entry["auto_attendant"]["id"] for entry in result["results"])
    assert result["results"][0]["differing_fields"] == [
        "name",
        "extension",
        "business_schedule",
        "business_hours_menu",
        "after_hours_menu",
    ]

    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc == 0, run
    assert result["changed"] is False and writes(sim) == []
    assert result["summary"] == {"create": 0, "update": 0, "delete": 0, "nothing": 6, "failed": 0}
    requests = sim.requests()
    location_lookups = [entry for entry in requests if entry["path"] == "/v1/locations"]
    lists = [entry for entry in requests if entry["path"] == "/v1" + AA_LIST]
    details = [entry for entry in requests if "/locations/" in entry["path"] and "/autoAttendants/" in entry["path"]]
    assert len(location_lookups) == 2  # each distinct location resolved once
    assert len(lists) == 2 and all("name" not in entry["query"] for entry in lists)  # one name-less list per location
    assert len(details) == 6 and len(requests) == 10
    assert all(entry["differing_fields"] == [] for entry in result["results"])


def test_check_mode_is_the_exact_plan_then_update_and_delete(sim, tmp_path):
    items = three()
    bulk(sim, tmp_path, {"auto_attendants": items})
    changed = copy.deepcopy(items)
    changed[0]["business_hours_menu"]["key_configurations"].append(
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100"}
    )
    changed[2] = {"name": items[2]["name"], "location": "Headquarters", "state": "absent"}
    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": changed}, check=True, diff=True)
    assert run.rc == 0, run
    assert writes(sim) == [] and all(entry["method"] == "GET" for entry in sim.requests())
    assert result["changed"] is True
    assert result["summary"] == {"create": 0, "update": 1, "delete": 1, "nothing": 1, "failed": 0}
    assert actions(result) == [("Bulk 2101", "update"), ("Bulk 2102", "nothing"), ("Bulk 2103", "delete")]
    assert result["results"][0]["differing_fields"] == ["business_hours_menu.key_configurations (key 1)"]
    assert [entry["before_header"] for entry in result["diff"]] == [
        "Bulk 2101 (Headquarters)",
        "Bulk 2103 (Headquarters)",
    ]
    assert "1100" in str(result["diff"][0]["after"]) and "1100" not in str(result["diff"][0]["before"])
    assert result["diff"][1]["after"] == {} and result["diff"][1]["before"]["name"] == "Bulk 2103"
    assert "Bulk 2101 (Headquarters)" in run.stdout  # the default callback prints the diff list
    assert names_in(sim) == ["Bulk 2101", "Bulk 2102", "Bulk 2103"]

    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": changed})
    assert run.rc == 0, run
    assert result["summary"] == {"create": 0, "update": 1, "delete": 1, "nothing": 1, "failed": 0}
    assert [entry["method"] for entry in writes(sim)] == ["DELETE", "PUT"]  # deletions first
    assert writes(sim, "PUT")[0]["body"].keys() == {"businessHoursMenu"}
    assert names_in(sim) == ["Bulk 2101", "Bulk 2102"]
    run, result = bulk(sim, tmp_path, {"auto_attendants": changed}, check=True)
    assert result["changed"] is False and result["summary"]["nothing"] == 3


def test_undeclared_are_listed_and_purge_deletes_them_in_listed_locations_only(sim, tmp_path):
    items = three()
    bulk(sim, tmp_path, {"auto_attendants": items})
    sim.seed_auto_attendants("Headquarters", 2, prefix="Extra ")
    sim.seed_auto_attendants("Branch Office Denver", 1, prefix="Elsewhere ")
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc == 0 and result["changed"] is False
    assert [(entry["name"], entry["location"]) for entry in result["undeclared"]] == [
        ("Extra 0001", "Headquarters"),
        ("Extra 0002", "Headquarters"),
    ]
    assert all(entry["id"] and entry["extension"] for entry in result["undeclared"])

    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "purge": True}, check=True)
    assert run.rc == 0, run
    assert writes(sim) == []
    assert result["summary"] == {"create": 0, "update": 0, "delete": 2, "nothing": 3, "failed": 0}
    assert [(entry["name"], entry["action"], entry.get("purged")) for entry in result["results"][3:]] == [
        ("Extra 0001", "delete", True),
        ("Extra 0002", "delete", True),
    ]

    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "purge": True})
    assert run.rc == 0, run
    assert [entry["method"] for entry in writes(sim)] == ["DELETE", "DELETE"]
    assert names_in(sim) == ["Bulk 2101", "Bulk 2102", "Bulk 2103"]
    assert names_in(sim, "Branch Office Denver") == ["Elsewhere 0001"]
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "purge": True})
    assert result["changed"] is False and result["undeclared"] == []


def test_purge_limit_refuses_before_any_write(sim, tmp_path):
    items = three()
    bulk(sim, tmp_path, {"auto_attendants": items})
    sim.seed_auto_attendants("Headquarters", 3, prefix="Extra ")
    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "purge": True, "purge_limit": 2})
    assert run.rc != 0
    assert "purge would delete 3 auto attendants, more than purge_limit 2" in result["msg"]
    assert "Extra 0003 (Headquarters)" in result["msg"]
    assert writes(sim) == []
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "purge": True, "purge_limit": 2}, check=True)
    assert run.rc == 0, run
    assert result["summary"]["delete"] == 3 and writes(sim) == []
    assert any("the real run refuses" in warning for warning in result["warnings"])
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "purge": True, "purge_limit": 0})
    assert run.rc == 0 and result["summary"]["delete"] == 3


def test_purge_warns_when_a_key_still_transfers_to_the_deleted_attendant(sim, tmp_path):
    sim.seed_auto_attendants("Headquarters", 1, prefix="Old ")  # extension 7000
    items = three()
    items[0]["business_hours_menu"]["key_configurations"].append(
        {"key": "5", "action": "TRANSFER_WITHOUT_PROMPT", "value": "7000"}
    )
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "purge": True})
    assert run.rc == 0, run
    assert any(
        "purge deletes auto attendant 'Old 0001'" in warning and "'Bulk 2101'" in warning
        for warning in result["warnings"]
    )


def test_partial_failure_converges_the_others_and_a_rerun_does_what_is_left(sim, tmp_path):
    items = three() + [item("Austin Line", "4101", "Branch Office Austin")]
    austin = sim.location_id("Branch Office Austin")
    sim.fault(method="POST", path=austin, status=400, count=1)
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc != 0
    assert result["changed"] is True
    assert result["summary"] == {"create": 3, "update": 0, "delete": 0, "nothing": 0, "failed": 1}
    failed = result["results"][3]
    assert failed["failed"] is True and failed["action"] == "create" and failed["api_error"]["status"] == 400
    assert "1 of 4 auto attendants failed" in result["msg"] and "Austin Line in Branch Office Austin" in result["msg"]
    assert names_in(sim) == ["Bulk 2101", "Bulk 2102", "Bulk 2103"]

    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc == 0, run
    assert result["summary"] == {"create": 1, "update": 0, "delete": 0, "nothing": 3, "failed": 0}
    assert [entry["body"]["name"] for entry in writes(sim)] == ["Austin Line"]


def test_a_429_storm_with_concurrency_10_loses_and_duplicates_nothing(sim, tmp_path):
    items = [item("Storm %02d" % number, str(5000 + number)) for number in range(20)]
    sim.rate_limit(every=10, retry_after="0")
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "concurrency": 10})
    assert run.rc == 0, run
    assert result["summary"]["create"] == 20
    log = sim.requests()
    sim.clear_rate_limit()  # the checks below read the simulator themselves
    assert sum(entry["status"] == 429 for entry in log) >= 3
    created = [entry for entry in log if entry["method"] == "POST" and entry["status"] == 201]
    assert sorted(entry["body"]["name"] for entry in created) == sorted(entry["name"] for entry in items)
    assert names_in(sim) == sorted(entry["name"] for entry in items)  # each stored once
    sim.rate_limit(every=10, retry_after="0")
    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "concurrency": 10})
    assert run.rc == 0 and result["summary"]["nothing"] == 20 and writes(sim) == []


def test_requests_overlap_up_to_the_concurrency(sim, tmp_path):
    items = [item("Overlap %d" % number, str(6000 + number)) for number in range(6)]
    bulk(sim, tmp_path, {"auto_attendants": items})
    sim.latency(0.05)  # the one test with latency: long enough that concurrent details overlap
    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "concurrency": 3})
    assert run.rc == 0 and result["summary"]["nothing"] == 6
    assert 1 < sim.stats()["max_in_flight"] <= 3
    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "concurrency": 1})
    assert run.rc == 0 and result["summary"]["nothing"] == 6
    assert sim.stats()["max_in_flight"] == 1


def test_every_item_is_validated_before_any_request(sim, tmp_path):
    items = [
        item("Good", "2101"),
        item("Bad extension", "x1"),
        {"name": "No location", "extension": "2102"},
        item("Good", "2103"),
        item("Bad choice", "2104", state="gone", colour="blue"),
    ]
    run, result = bulk(sim, tmp_path, {"auto_attendants": items, "concurrency": 0})
    assert run.rc != 0
    assert sim.requests() == []
    errors = result["errors"]
    assert any(error.startswith("auto_attendants[1] ('Bad extension'): extension:") for error in errors)
    assert "auto_attendants[2] ('No location'): missing required arguments: location" in errors
    assert any(
        error.startswith(
            "auto_attendants[3] ('Good'): declared twice in location 'Headquarters' (also auto_attendants[0])"
        )
        for error in errors
    )
    assert any(error.startswith("auto_attendants[4] ('Bad choice'): value of state must be one of") for error in errors)
    assert any(error.startswith("auto_attendants[4] ('Bad choice'): colour") for error in errors)
    assert any(error.startswith("concurrency: 0 is out of range") for error in errors)


def test_the_same_attendant_by_location_name_and_id_is_refused_before_any_write(sim, tmp_path):
    items = [item("Twice", "2101"), item("Twice", "2101", location=sim.location_id("Headquarters"))]
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert (
        run.rc != 0 and "auto_attendants[1] ('Twice'): the same auto attendant as auto_attendants[0]" in result["msg"]
    )
    assert writes(sim) == []


def test_items_carry_their_own_org_id(sim, tmp_path):
    items = three()
    items[1]["org_id"] = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vdGhlcg"
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc != 0
    assert result["summary"] == {"create": 2, "update": 0, "delete": 0, "nothing": 0, "failed": 1}
    assert result["results"][1]["api_error"]["status"] == 403
    assert any(entry["query"].get("orgId") == items[1]["org_id"] for entry in sim.requests())


def _keys_to(*targets):
    return {
        "greeting": "DEFAULT",
        "extension_enabled": True,
        "key_configurations": [
            {"key": str(number + 1), "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": target}
            for number, target in enumerate(targets)
        ],
    }


def test_references_targets_first_and_a_cycle_in_two_passes(sim, tmp_path):
    items = [
        item("Main", "2201", business_hours_menu=_keys_to("Sales")),
        item("Sales", "2202"),
        item("Ping", "2203", business_hours_menu=_keys_to("Pong")),
        item("Pong", "2204", business_hours_menu=_keys_to("Ping")),
    ]
    run, result = bulk(sim, tmp_path, {"auto_attendants": items}, check=True)
    assert run.rc == 0, run
    assert writes(sim) == [] and not result.get("warnings")  # targets declared in the same list: no warning
    assert result["summary"]["create"] == 4

    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc == 0, run
    assert actions(result) == [("Main", "create"), ("Sales", "create"), ("Ping", "create"), ("Pong", "create")]
    posts = [entry["body"]["name"] for entry in writes(sim, "POST")]
    assert posts.index("Sales") < posts.index("Main")
    main_post = [entry for entry in writes(sim, "POST") if entry["body"]["name"] == "Main"][0]
    assert main_post["body"]["businessHoursMenu"]["keyConfigurations"][0]["value"] == "2202"
    # The cycle: one of the two is created without its key to the other, then updated with it.
    assert len(writes(sim, "PUT")) == 1
    location_id = sim.location_id("Headquarters")
    listing = {
        entry["name"]: entry
        for entry in sim.api("GET", AA_LIST, params={"locationId": location_id}).json()["autoAttendants"]
    }
    for name, target in (("Ping", "2204"), ("Pong", "2203")):
        details = sim.api(
            "GET", "/telephony/config/locations/%s/autoAttendants/%s" % (location_id, listing[name]["id"])
        ).json()
        assert [entry.get("value") for entry in details["businessHoursMenu"]["keyConfigurations"]] == [target]

    sim.clear_requests()
    run, result = bulk(sim, tmp_path, {"auto_attendants": items})
    assert run.rc == 0 and result["summary"]["nothing"] == 4 and writes(sim) == []
