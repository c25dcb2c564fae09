"""webex_auto_attendants' converge() and run() (the site engine restricted to auto attendants) called in this process
against the simulator over HTTP: every path (create, update, nothing, delete, purge, check mode, diff, references,
refusals, per-item failures and reruns, organisations, a 429 storm, requests overlapping up to the concurrency),
asserted on the exact result and on the simulator's request log.

What the engine proves for every kind is in tests/component/test_site.py and tests/unit/plugins/module_utils/_site/;
a rule proved there is not proved again here (the comment in its place names the test).
"""

import copy
import threading

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import bulk
from ansible_collections.wxc.calling.plugins.module_utils._site.purge import SiteRefused
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.builders import AA_LIST_PATH, DENVER, HQ, key, menu
from tests.builders import aa_options as item  # a declared attendant: item(name, extension, location, **options)
from tests.component.helpers import Failed, Module, create_aa, params_of, writes
from tests.simulator.seed import ORG_ID as SIM_ORG_ID

AA_LIST = "/v1" + AA_LIST_PATH
ANNOUNCEMENTS = "/v1/telephony/config/announcements"
# A creation's fields: the options it sets, sorted (the engine's, _site/converge.py).
CREATED_FIELDS = ["after_hours_menu", "business_hours_menu", "business_schedule", "extension", "name"]
OTHER_ORG = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vdGhlcg"


def absent(name, location=HQ):
    return {"name": name, "location": location, "state": "absent"}


def keys_to(*targets):
    """A menu whose keys 1, 2, ... transfer to the attendants TARGETS, given by reference."""
    return menu(
        *(key(number + 1, "TRANSFER_WITHOUT_PROMPT", auto_attendant=target) for number, target in enumerate(targets))
    )


def task(*items, **options):
    """The module's params as AnsibleModule makes them from the bulk argument spec (defaults filled in)."""
    return params_of(bulk.argument_spec(), **dict({"auto_attendants": list(items)}, **options))


def converge(client, params, check_mode=False, diff=False):
    """(result, warnings) of one run."""
    warnings = []
    return bulk.converge(client, params, check_mode=check_mode, diff=diff, warn=warnings.append), warnings


def names_in(sim, location=HQ):
    location_id = sim.location_id(location)
    listing = sim.api("GET", AA_LIST[3:], params={"locationId": location_id}).json()["autoAttendants"]
    return sorted(entry["name"] for entry in listing)


def listed(sim, location=HQ):
    location_id = sim.location_id(location)
    return {
        entry["name"]: entry
        for entry in sim.api("GET", AA_LIST[3:], params={"locationId": location_id}).json()["autoAttendants"]
    }


def actions(result):
    return [(entry["name"], entry["action"]) for entry in result["results"]]


def summary(create=0, update=0, delete=0, nothing=0, failed=0):
    return {"create": create, "update": update, "delete": delete, "nothing": nothing, "failed": failed}


def seeded(sim, location, count, prefix):
    """Attendants stored behind the module's back (extensions from 7000); the request log is emptied after."""
    ids = sim.seed_auto_attendants(location, count, prefix=prefix)
    sim.clear_requests()
    return ids


# -- the options -----------------------------------------------------------------------------------------------------


def test_the_task_options_and_their_defaults():
    assert bulk.argument_spec() == {
        "auto_attendants": {"type": "list", "elements": "dict", "required": True},
        "purge": {"type": "bool", "default": False},
        "purge_limit": {"type": "int", "default": 10},
        "concurrency": {"type": "int", "default": 10},
    }
    assert task() == {"auto_attendants": [], "purge": False, "purge_limit": 10, "concurrency": 10}


def test_invalid_options_never_reach_a_run(sim, client):
    sim.clear_requests()
    with pytest.raises(ValueError) as raised:
        bulk.converge(client, task(item("A", "x"), purge_limit=-2))
    assert str(raised.value) == (
        "invalid options reached the run: purge_limit: -2 is negative (0 means no limit); "
        "auto_attendants[0] ('A'): extension: 'x' must be 2 to 10 digits"
    )
    assert sim.requests() == []


def test_a_run_without_check_mode_or_diff_given_writes_and_returns_no_diff(sim, client):
    """converge(client, params) alone is a real run (it writes) without diff (no diff list in the result)."""
    hq = sim.location_id(HQ)
    sim.clear_requests()
    result = bulk.converge(client, task(item("Bulk A", "2101")))
    assert sorted(result) == ["changed", "results", "summary", "undeclared"]
    assert result["changed"] is True and result["summary"] == summary(create=1) and result["undeclared"] == []
    [entry] = result["results"]
    assert {key: value for key, value in entry.items() if key != "auto_attendant"} == {
        "name": "Bulk A",
        "location": "Headquarters",
        "location_id": hq,
        "action": "create",
        "changed": True,
        "differing_fields": CREATED_FIELDS,
    }
    assert writes(sim) == [("POST", 201)]


# -- create, nothing, update, delete ---------------------------------------------------------------------------------


def test_create_in_two_locations_then_nothing_with_one_lookup_and_one_list_per_location(sim, client):
    items = [item("Bulk A", "2101"), item("Bulk B", "2102"), item("Denver A", "3101", DENVER)]
    hq, denver = sim.location_id(HQ), sim.location_id(DENVER)
    sim.clear_requests()
    result, warnings = converge(client, task(*items))
    assert warnings == []
    assert result["changed"] is True and "failed" not in result and "diff" not in result
    assert result["summary"] == summary(create=3)
    assert result["undeclared"] == []
    created = listed(sim)
    assert [{key: value for key, value in entry.items() if key != "auto_attendant"} for entry in result["results"]] == [
        {
            "name": "Bulk A",
            "location": "Headquarters",
            "location_id": hq,
            "action": "create",
            "changed": True,
            "differing_fields": CREATED_FIELDS,
        },
        {
            "name": "Bulk B",
            "location": "Headquarters",
            "location_id": hq,
            "action": "create",
            "changed": True,
            "differing_fields": CREATED_FIELDS,
        },
        {
            "name": "Denver A",
            "location": DENVER,
            "location_id": denver,
            "action": "create",
            "changed": True,
            "differing_fields": CREATED_FIELDS,
        },
    ]
    first = result["results"][0]["auto_attendant"]
    assert first["id"] == created["Bulk A"]["id"] and first["extension"] == "2101" and first["location_id"] == hq
    assert first["business_hours_menu"]["key_configurations"] == [{"key": "0", "action": "EXIT"}]
    assert sorted(entry["body"]["name"] for entry in sim.writes()) == ["Bulk A", "Bulk B", "Denver A"]
    assert {method for method, _status in writes(sim)} == {"POST"}

    sim.clear_requests()
    result, warnings = converge(client, task(*items))
    assert warnings == [] and writes(sim) == []
    assert result["changed"] is False and result["summary"] == summary(nothing=3)
    assert actions(result) == [("Bulk A", "nothing"), ("Bulk B", "nothing"), ("Denver A", "nothing")]
    assert all(entry["differing_fields"] == [] and entry["changed"] is False for entry in result["results"])
    assert [entry["auto_attendant"]["id"] for entry in result["results"]] == [
        created["Bulk A"]["id"],
        created["Bulk B"]["id"],
        listed(sim, DENVER)["Denver A"]["id"],
    ]
    requests = sim.requests()[:-2]  # without the two listings made by listed() above
    lookups = sorted(entry["query"]["name"] for entry in requests if entry["path"] == "/v1/locations")
    assert lookups == [DENVER, "Headquarters"]  # each distinct location resolved once
    lists = [entry for entry in requests if entry["path"] == AA_LIST]
    # One name-less list per location, every page (of the largest size), never a lookup by name.
    assert sorted(entry["query"]["locationId"] for entry in lists) == sorted([hq, denver])
    assert [sorted(entry["query"].items()) for entry in lists] == [
        [("locationId", entry["query"]["locationId"]), ("max", "1000")] for entry in lists
    ]
    # Each location's details once: the organisation the service reports for it is the canonical one.
    details = sorted(entry["path"] for entry in requests if entry["path"].startswith("/v1/locations/"))
    assert details == sorted("/v1/locations/" + location_id for location_id in (hq, denver))
    # Each location's schedules once, listed with its attendants (a write's schedule is checked against that list).
    schedules = sorted(entry["path"] for entry in requests if entry["path"].endswith("/schedules"))
    assert schedules == sorted("/v1/telephony/config/locations/%s/schedules" % lid for lid in (hq, denver))
    # Lookups, location details, attendant and schedule lists, one details read per declared attendant.
    assert len(requests) == 2 + 2 + 2 + 2 + 3


@pytest.mark.parametrize("check_mode", [True, False])
def test_update_nothing_and_delete_with_diff(sim, client, check_mode):
    items = [item("Bulk A", "2101"), item("Bulk B", "2102"), item("Bulk C", "2103")]
    converge(client, task(*items))
    changed = copy.deepcopy(items)
    changed[0]["business_hours_menu"]["key_configurations"].append(
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100"}
    )
    changed[2] = absent("Bulk C")
    sim.clear_requests()
    # One at a time: the order of the writes is the order of the run (the writes, then the deletions that free nothing
    # a write takes: test_a_deletion_that_frees_an_extension_comes_before_the_write_that_takes_it).
    result, warnings = converge(client, task(*changed, concurrency=1), check_mode=check_mode, diff=True)
    assert warnings == []
    assert result["changed"] is True and result["summary"] == summary(update=1, delete=1, nothing=1)
    assert actions(result) == [("Bulk A", "update"), ("Bulk B", "nothing"), ("Bulk C", "delete")]
    assert [entry["differing_fields"] for entry in result["results"]] == [
        ["business_hours_menu.key_configurations (key 1)"],
        [],
        [],
    ]
    assert [entry["changed"] for entry in result["results"]] == [True, False, True]
    assert result["results"][2]["auto_attendant"] is None
    assert [(entry["before_header"], entry["after_header"]) for entry in result["diff"]] == [
        ("Bulk A (Headquarters)", "Bulk A (Headquarters)"),
        ("Bulk C (Headquarters)", "Bulk C (Headquarters)"),
    ]
    keys = result["diff"][0]["after"]["business_hours_menu"]["key_configurations"]
    assert keys[-1] == {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100"}
    # A deletion shows what it deletes: its details are read in diff mode.
    assert result["diff"][1]["after"] == {} and result["diff"][1]["before"]["name"] == "Bulk C"
    assert result["diff"][1]["before"]["extension"] == "2103"
    assert all("_diff" not in entry and "_written" not in entry for entry in result["results"])
    if check_mode:
        assert writes(sim) == [] and names_in(sim) == ["Bulk A", "Bulk B", "Bulk C"]
    else:
        assert writes(sim) == [("PUT", 200), ("DELETE", 204)]  # a deletion after the writes
        assert names_in(sim) == ["Bulk A", "Bulk B"]
        assert [
            key.get("value")
            for key in result["results"][0]["auto_attendant"]["business_hours_menu"]["key_configurations"]
        ] == [None, "1100"]


def test_a_deletion_that_frees_an_extension_comes_before_the_write_that_takes_it(sim, client):
    """Bulk B gives up 2102 (it is deleted) and Bulk A takes it: the deletion first, whatever the list order."""
    converge(client, task(item("Bulk A", "2101"), item("Bulk B", "2102")))
    sim.clear_requests()
    result, warnings = converge(client, task(item("Bulk A", "2102"), absent("Bulk B"), concurrency=1))
    assert warnings == [] and actions(result) == [("Bulk A", "update"), ("Bulk B", "delete")]
    assert [(entry["method"], entry["body"]) for entry in sim.writes()] == [
        ("DELETE", None),
        ("PUT", {"extension": "2102"}),
    ]
    assert listed(sim)["Bulk A"]["extension"] == "2102"


def test_without_diff_no_diff_list_and_changes_only_where_made(sim, client):
    converge(client, task(item("Bulk A", "2101"), item("Bulk B", "2102")))
    sim.clear_requests()
    result, _warnings = converge(client, task(item("Bulk A", "2101", name_dialing="GROUP"), item("Bulk B", "2102")))
    assert "diff" not in result
    assert [(entry["action"], entry["changed"]) for entry in result["results"]] == [
        ("update", True),
        ("nothing", False),
    ]
    assert result["results"][0]["differing_fields"] == ["name_dialing"]
    assert result["results"][0]["auto_attendant"]["name_dialing"] == "GROUP"
    assert writes(sim) == [("PUT", 200)]


def test_a_declared_absent_attendant_that_does_not_exist_is_nothing(sim, client):
    sim.clear_requests()
    result, _warnings = converge(client, task(absent("Never")), diff=True)
    assert result == {
        "changed": False,
        "results": [
            {
                "name": "Never",
                "location": "Headquarters",
                "location_id": sim.location_id(HQ),
                "action": "nothing",
                "changed": False,
                "auto_attendant": None,
                "differing_fields": [],
            }
        ],
        "summary": summary(nothing=1),
        "undeclared": [],
        "diff": [],
    }
    assert writes(sim) == []


# -- undeclared and purge --------------------------------------------------------------------------------------------


def test_undeclared_attendants_are_reported_in_listed_locations_only(sim, client):
    converge(client, task(item("Bulk A", "2101")))
    ids = seeded(sim, "Headquarters", 2, "Extra ")
    seeded(sim, DENVER, 1, "Elsewhere ")
    hq = sim.location_id(HQ)
    sim.clear_requests()
    result, _warnings = converge(client, task(item("Bulk A", "2101")))
    assert result["changed"] is False and writes(sim) == []
    assert result["undeclared"] == [
        {
            "name": "Extra 0001",
            "location": "Headquarters",
            "location_id": hq,
            "id": ids[0],
            "extension": "7000",
            "esn": "80017000",
        },
        {
            "name": "Extra 0002",
            "location": "Headquarters",
            "location_id": hq,
            "id": ids[1],
            "extension": "7001",
            "esn": "80017001",
        },
    ]
    assert len(result["results"]) == 1


def test_an_undeclared_attendant_carries_every_number_it_has(sim, client, hq):
    """Its extension, phone number and ESN; a number it lacks is left out (test_undeclared_attendants_are_reported_in_
    listed_locations_only)."""
    found = create_aa(sim, hq, "Old", "7100", phoneNumber="+19705550001")
    result, _warnings = converge(client, task(item("Bulk A", "2101")), check_mode=True)
    assert result["undeclared"] == [
        {
            "name": "Old",
            "location": "Headquarters",
            "location_id": hq,
            "id": found,
            "extension": "7100",
            "phone_number": "+19705550001",
            "esn": "80017100",
        }
    ]


@pytest.mark.parametrize("check_mode", [True, False])
def test_purge_deletes_the_undeclared_of_listed_locations(sim, client, check_mode):
    converge(client, task(item("Bulk A", "2101")))
    ids = seeded(sim, "Headquarters", 2, "Extra ")
    seeded(sim, DENVER, 1, "Elsewhere ")
    hq = sim.location_id(HQ)
    result, warnings = converge(client, task(item("Bulk A", "2101"), purge=True), check_mode=check_mode, diff=True)
    assert warnings == []
    assert result["changed"] is True and result["summary"] == summary(delete=2, nothing=1)
    assert result["results"][1:] == [
        {
            "name": "Extra 0001",
            "location": "Headquarters",
            "location_id": hq,
            "action": "delete",
            "changed": True,
            "auto_attendant": None,
            "differing_fields": [],
            "purged": True,
        },
        {
            "name": "Extra 0002",
            "location": "Headquarters",
            "location_id": hq,
            "action": "delete",
            "changed": True,
            "auto_attendant": None,
            "differing_fields": [],
            "purged": True,
        },
    ]
    assert [entry["before"]["name"] for entry in result["diff"]] == ["Extra 0001", "Extra 0002"]
    assert [entry["before_header"] for entry in result["diff"]] == [
        "Extra 0001 (Headquarters)",
        "Extra 0002 (Headquarters)",
    ]
    assert [entry["id"] for entry in result["undeclared"]] == ids
    if check_mode:
        assert writes(sim) == []
    else:
        assert writes(sim) == [("DELETE", 204), ("DELETE", 204)]
        assert sorted(entry["path"].rsplit("/", 1)[1] for entry in sim.writes()) == sorted(ids)
        assert names_in(sim) == ["Bulk A"] and names_in(sim, DENVER) == ["Elsewhere 0001"]


def test_purge_off_or_with_nothing_undeclared_deletes_nothing(sim, client):
    converge(client, task(item("Bulk A", "2101")))
    result, _warnings = converge(client, task(item("Bulk A", "2101"), purge=True))
    assert result["changed"] is False and result["undeclared"] == [] and len(result["results"]) == 1
    seeded(sim, "Headquarters", 1, "Extra ")
    result, _warnings = converge(client, task(item("Bulk A", "2101")))
    assert result["changed"] is False and len(result["results"]) == 1 and len(result["undeclared"]) == 1
    assert writes(sim) == []


def test_purge_beyond_the_limit_is_refused_before_any_write_and_warned_in_check_mode(sim, client):
    converge(client, task(item("Bulk A", "2101")))
    seeded(sim, "Headquarters", 3, "Extra ")
    message = (
        "purge would delete 3 auto attendants, more than purge_limit 2: Extra 0001 (Headquarters), Extra 0002 "
        "(Headquarters), Extra 0003 (Headquarters); raise purge_limit (0 means no limit) if that is meant"
    )
    with pytest.raises(SiteRefused) as refused:
        converge(client, task(item("Bulk A", "2101"), purge=True, purge_limit=2))
    assert str(refused.value) == message
    assert writes(sim) == []
    result, warnings = converge(client, task(item("Bulk A", "2101"), purge=True, purge_limit=2), check_mode=True)
    assert warnings == [message + " (check mode: the real run refuses)"]
    assert result["summary"] == summary(delete=3, nothing=1) and writes(sim) == []
    # Without a WARN, the warning goes nowhere.
    result = bulk.converge(client, task(item("Bulk A", "2101"), purge=True, purge_limit=2), check_mode=True)
    assert result["summary"] == summary(delete=3, nothing=1)
    # Exactly at the limit: no refusal.
    result, warnings = converge(client, task(item("Bulk A", "2101"), purge=True, purge_limit=3), check_mode=True)
    assert warnings == [] and result["summary"]["delete"] == 3
    # 0 means no limit.
    result, warnings = converge(client, task(item("Bulk A", "2101"), purge=True, purge_limit=0))
    assert warnings == [] and result["summary"] == summary(delete=3, nothing=1)
    assert writes(sim) == [("DELETE", 204)] * 3


def test_the_default_purge_limit_is_ten(sim, client):
    seeded(sim, "Headquarters", 11, "Extra ")
    with pytest.raises(SiteRefused) as refused:
        converge(client, task(item("Bulk A", "2101"), purge=True))
    assert str(refused.value).startswith("purge would delete 11 auto attendants, more than purge_limit 10: ")
    assert writes(sim) == []


def test_purge_keeps_what_a_key_or_a_call_treatment_transfers_to_by_any_of_its_numbers(sim, client, hq):
    """Main's key dials Old 0001 by its ESN, its call treatment Lined by its phone number: purge keeps both, saying
    why, and deletes Old 0002, which nothing dials. (By extension, through a reference by name:
    test_site.py::test_purge_keeps_what_a_declared_attendant_refers_to.)"""
    seeded(sim, HQ, 2, "Old ")  # extensions 7000 (ESN 80017000) and 7001
    create_aa(sim, hq, "Lined", "7100", phoneNumber="+19705550001")
    treatment = {"action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "transfer_call_to": "+19705550001"}}
    main = item(
        "Main",
        "2101",
        business_hours_menu=menu(key(5, "TRANSFER_WITHOUT_PROMPT", value="80017000")),
        after_hours_menu=menu(call_treatment=treatment),
    )
    result, warnings = converge(client, task(main, purge=True))
    assert warnings == [
        "purge keeps auto attendant %r (a key of auto_attendants[0] ('Main') transfers to it): a declared object refers "
        "to it" % name
        for name in ("Old 0001", "Lined")
    ]
    assert actions(result) == [("Main", "create"), ("Old 0002", "delete")] and result["results"][1]["purged"] is True
    assert [(entry["method"], entry["status"]) for entry in sim.writes()] == [("POST", 201), ("DELETE", 204)]
    assert names_in(sim) == ["Lined", "Main", "Old 0001"]


# test_purge_reference_warnings_name_every_referrer_and_number: purge keeps what is still dialled now (the test above)


# -- refusals before any write ---------------------------------------------------------------------------------------


# test_the_same_attendant_by_location_name_and_id_is_refused_before_any_write: the engine's identity rule,
# test_site.py::test_one_attendant_declared_under_two_spellings_of_its_location_is_refused


def test_the_same_name_in_two_organisations_is_not_a_duplicate_after_resolution(sim, client):
    hq = sim.location_id(HQ)
    items = [item("Twice", "2101", location=hq), item("Twice", "2101", location=hq, org_id=OTHER_ORG)]
    result, _warnings = converge(client, task(*items))
    assert [entry.get("failed", False) for entry in result["results"]] == [False, True]


MISSING = "business_hours_menu.key_configurations (key 1).auto_attendant: %r: no auto attendant %r in location %s"


def test_a_reference_to_an_attendant_nobody_declares_or_has_fails_that_item_before_its_write(sim, client):
    """Main names Nowhere: Main fails, named in the task's message, before any write of its own, in check mode as in
    the real run (check mode is the plan); Sales converges. Headquarters' list answers for its attendants, declared or
    not: no look-up by name."""
    items = [item("Main", "2101", business_hours_menu=keys_to("Nowhere", "Sales")), item("Sales", "2102")]
    message = MISSING % ("Nowhere", "Nowhere", "Headquarters")
    sim.clear_requests()
    planned, warnings = converge(client, task(*items), check_mode=True)
    assert warnings == [] and writes(sim) == []
    result, warnings = converge(client, task(*items))
    assert warnings == []
    for outcome in (planned, result):
        assert actions(outcome) == [("Main", "nothing"), ("Sales", "create")]
        assert outcome["summary"] == summary(create=1, failed=1) and outcome["changed"] is True
        assert outcome["results"][0]["failed"] is True and outcome["results"][0]["msg"] == message
        assert (
            outcome["msg"] == "1 of 2 auto attendants failed (the others converged): Main in Headquarters: " + message
        )
    assert [(entry["method"], entry["body"]["name"]) for entry in sim.writes()] == [("POST", "Sales")]
    lookups = [entry["query"] for entry in sim.requests() if entry["path"] == AA_LIST and "name" in entry["query"]]
    assert lookups == []


def test_a_reference_to_an_attendant_the_task_deletes_fails_that_item(sim, client):
    """Gone exists and the task deletes it: Main, which names it, fails (check mode says so too); Gone is deleted."""
    converge(client, task(item("Gone", "2102")))
    items = [item("Main", "2101", business_hours_menu=keys_to("Gone")), absent("Gone")]
    planned, warnings = converge(client, task(*items), check_mode=True)
    assert warnings == [] and actions(planned) == [("Main", "nothing"), ("Gone", "delete")]
    assert planned["results"][0]["msg"] == MISSING % ("Gone", "Gone", "Headquarters")
    sim.clear_requests()
    result, _warnings = converge(client, task(*items))
    assert actions(result) == actions(planned) and result["results"][0]["msg"] == planned["results"][0]["msg"]
    assert writes(sim) == [("DELETE", 204)] and names_in(sim) == []


def test_a_reference_that_resolves_to_the_stored_number_is_no_difference(sim, client):
    converge(client, task(item("Sales", "2202"), item("Main", "2201", business_hours_menu=keys_to("Sales"))))
    sim.clear_requests()
    items = [item("Sales", "2202"), item("Main", "2201", business_hours_menu=keys_to("Sales"), name_dialing="GROUP")]
    result, _warnings = converge(client, task(*items))
    assert actions(result) == [("Sales", "nothing"), ("Main", "update")]
    assert result["results"][1]["differing_fields"] == ["name_dialing"]
    assert [entry["body"] for entry in sim.writes()] == [{"nameDialing": "GROUP"}]


def test_a_reference_to_an_existing_undeclared_attendant_is_resolved(sim, client):
    seeded(sim, "Headquarters", 1, "Old ")  # extension 7000
    seeded(sim, DENVER, 1, "Far ")  # extension 7000 in Denver
    items = [
        item(
            "Main",
            "2101",
            business_hours_menu=keys_to("Old 0001", {"name": "Far 0001", "location": DENVER}),
            after_hours_menu=keys_to({"name": "Far 0001", "location": DENVER}),
        ),
    ]
    result, warnings = converge(client, task(*items))
    assert warnings == [] and result["summary"] == summary(create=1)
    keys = sim.writes()[0]["body"]["businessHoursMenu"]["keyConfigurations"]
    assert [key["value"] for key in keys] == ["7000", "80037000"]
    keys = sim.writes()[0]["body"]["afterHoursMenu"]["keyConfigurations"]
    assert [key["value"] for key in keys] == ["80037000"]
    # The plan: Denver is not a location of the list, so Far 0001 is looked up by name, once for both keys (Headquarters'
    # list answers for Old 0001). The write: each distinct target once more, against what the run has written so far.
    lookups = [
        entry["query"]["name"] for entry in sim.requests() if entry["path"] == AA_LIST and "name" in entry["query"]
    ]
    assert lookups == ["Far 0001", "Old 0001", "Far 0001"]


def greeted(name, extension):
    """An attendant whose greeting is Headquarters' "HQ After Hours" and whose key 6 plays the organisation's Welcome,
    both given by announcement name."""
    entry = item(name, extension)
    entry["business_hours_menu"] = {
        "greeting": "CUSTOM",
        "audio_announcement_file": {"name": "HQ After Hours", "level": "LOCATION"},
        "extension_enabled": True,
        "key_configurations": [
            {"key": "0", "action": "EXIT"},
            {
                "key": "6",
                "action": "PLAY_ANNOUNCEMENT",
                "audio_announcement_file": {"name": "Welcome", "level": "ORGANIZATION"},
            },
        ],
    }
    return entry


def test_announcement_names_are_looked_up_once_for_the_whole_task_in_the_right_repository(sim, client):
    """Two attendants naming the same two greetings: one lookup per (repository, name) for the task, the LOCATION
    one in the attendant's location's repository, and both POSTs carry the stored files."""
    hq = sim.location_id(HQ)
    stored = {
        entry["name"]: entry["id"]
        for entry in sim.api("GET", "/telephony/config/announcements", params={"locationId": "all"}).json()[
            "announcements"
        ]
    }
    sim.clear_requests()
    result, warnings = converge(client, task(greeted("Bulk A", "2101"), greeted("Bulk B", "2102")))
    assert warnings == [] and "failed" not in result and result["summary"] == summary(create=2)
    lookups = [(entry["method"], entry["query"]) for entry in sim.requests() if entry["path"] == ANNOUNCEMENTS]
    assert sorted(lookups, key=str) == sorted(
        [("GET", {"name": "HQ After Hours", "locationId": hq}), ("GET", {"name": "Welcome"})], key=str
    )
    menu = {
        "greeting": "CUSTOM",
        "audioAnnouncementFile": {
            "id": stored["HQ After Hours"],
            "fileName": "hq-after-hours.wav",
            "mediaFileType": "WAV",
            "level": "LOCATION",
        },
        "extensionEnabled": True,
        "keyConfigurations": [
            {"key": "0", "action": "EXIT"},
            {
                "key": "6",
                "action": "PLAY_ANNOUNCEMENT",
                "audioAnnouncementFile": {
                    "id": stored["Welcome"],
                    "fileName": "welcome.wav",
                    "mediaFileType": "WAV",
                    "level": "ORGANIZATION",
                },
            },
        ],
    }
    assert [(entry["method"], entry["body"]["businessHoursMenu"]) for entry in sim.writes()] == [("POST", menu)] * 2


# test_every_missing_reference_is_listed_in_the_refusal: dropped; there is no task-wide refusal any more, an item fails
# at its first missing target (test_a_reference_to_an_attendant_nobody_declares_or_has_fails_that_item_before_its_write)

# test_missing_reference_targets_looks_each_undeclared_name_up_once: _site/test_compare.py::
# test_the_directory_answers_managed_names_and_asks_the_service_only_for_the_others


def test_a_reference_to_itself_or_from_an_attendant_being_deleted_orders_and_refuses_nothing(sim, client):
    """Self names itself: its own extension, in one POST. Gone is deleted: its keys (to Nobody, to Self) are neither
    checked nor ordered, so nothing is refused and nothing waits."""
    converge(client, task(item("Gone", "2102")))
    sim.clear_requests()
    gone = dict(item("Gone", "2102", business_hours_menu=keys_to("Nobody", "Self")), state="absent")
    result, warnings = converge(client, task(item("Self", "2101", business_hours_menu=keys_to("Self")), gone))
    assert warnings == [] and actions(result) == [("Self", "create"), ("Gone", "delete")]
    assert [entry["method"] for entry in sim.writes()] == ["POST", "DELETE"]
    assert sim.writes()[0]["body"]["businessHoursMenu"]["keyConfigurations"] == [
        {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2101"}
    ]


# test_a_refused_reference_names_the_item_by_its_place_in_the_task_after_a_deletion: dropped; no refusal message
# counts items any more: the failure is the item's own entry of results (input order), named by name and location


def test_an_item_whose_location_does_not_resolve_is_no_target(sim, client):
    """Lost fails alone (its location), so its own reference is not checked and it is no target: Main, which names
    Lost, fails in Headquarters; Other converges."""
    items = [
        item("Main", "2103", business_hours_menu=keys_to("Lost")),
        item("Lost", "2101", "Nowhere", business_hours_menu=keys_to("Q")),
        item("Other", "2102"),
    ]
    result, warnings = converge(client, task(*items))
    assert warnings == [] and result["summary"] == summary(create=1, failed=2)
    assert result["results"][0]["msg"] == MISSING % ("Lost", "Lost", "Headquarters")
    assert result["results"][1]["msg"].startswith("location 'Nowhere' not found")
    assert [entry["body"]["name"] for entry in sim.writes()] == ["Other"]


def test_a_reference_matches_a_target_that_names_the_task_organisation_itself(sim, client):
    """Main inherits the task's org_id, Sales gives the same one: one organisation, so Sales is created first."""
    items = [item("Main", "2101", business_hours_menu=keys_to("Sales")), item("Sales", "2202", org_id=SIM_ORG_ID)]
    result, warnings = converge(client, dict(task(*items), org_id=SIM_ORG_ID))
    assert warnings == [] and result["summary"] == summary(create=2)
    posted = [entry["body"]["name"] for entry in sim.writes()]
    assert posted == ["Sales", "Main"]
    keys = sim.writes()[1]["body"]["businessHoursMenu"]["keyConfigurations"]
    assert [key["value"] for key in keys] == ["2202"]


def test_references_targets_first_and_a_cycle_in_two_passes(sim, client):
    items = [
        item("Main", "2201", business_hours_menu=keys_to("Sales")),
        item("Sales", "2202"),
        item("Ping", "2203", business_hours_menu=keys_to("Pong")),
        item("Pong", "2204", business_hours_menu=keys_to("Ping")),
    ]
    sim.clear_requests()
    result, warnings = converge(client, task(*items), check_mode=True)
    assert warnings == [] and writes(sim) == []  # targets declared in the same list: no warning
    assert result["summary"] == summary(create=4)

    result, warnings = converge(client, task(*items))
    assert warnings == []
    assert actions(result) == [("Main", "create"), ("Sales", "create"), ("Ping", "create"), ("Pong", "create")]
    assert result["summary"] == summary(create=4) and result["changed"] is True
    posts = [entry["body"]["name"] for entry in sim.writes() if entry["method"] == "POST"]
    # Pass 1: the targets and the cycle's first item (without its key); pass 2: what names them; pass 3: the rest.
    assert sorted(posts[:2]) == ["Ping", "Sales"] and sorted(posts[2:]) == ["Main", "Pong"]
    main_post = [entry for entry in sim.writes() if entry["method"] == "POST" and entry["body"]["name"] == "Main"][0]
    assert main_post["body"]["businessHoursMenu"]["keyConfigurations"][0]["value"] == "2202"
    # The cycle: Ping is created without its key to Pong, then updated with it; it stays a creation.
    assert [entry["method"] for entry in sim.writes()] == ["POST"] * 4 + ["PUT"]
    ping_id = listed(sim)["Ping"]["id"]
    assert sim.writes()[-1]["path"].endswith(ping_id)
    ping = result["results"][2]
    # Its two writes are one creation: the creation's fields, as check mode planned them (the engine's contract,
    # test_site.py::test_check_mode_is_the_plan_and_one_run_converges[cycle_of_new_attendants]).
    assert ping["changed"] is True
    assert ping["differing_fields"] == CREATED_FIELDS
    assert [key["value"] for key in ping["auto_attendant"]["business_hours_menu"]["key_configurations"]] == ["2204"]
    assert [
        key["value"] for key in result["results"][3]["auto_attendant"]["business_hours_menu"]["key_configurations"]
    ] == ["2203"]

    sim.clear_requests()
    result, _warnings = converge(client, task(*items))
    assert result["summary"] == summary(nothing=4) and writes(sim) == []


def test_a_cycle_whose_first_attendant_exists_is_written_in_order_without_a_second_pass(sim, client):
    converge(client, task(item("Ping", "2203")))
    items = [
        item("Ping", "2203", business_hours_menu=keys_to("Pong")),
        item("Pong", "2204", business_hours_menu=keys_to("Ping")),
    ]
    sim.clear_requests()
    result, _warnings = converge(client, task(*items))
    assert actions(result) == [("Ping", "update"), ("Pong", "create")]
    assert result["results"][0]["differing_fields"] == ["business_hours_menu.key_configurations (key 0, 1)"]
    assert [
        (entry["method"], entry["body"]["name"] if entry["method"] == "POST" else None) for entry in sim.writes()
    ] == [
        ("POST", "Pong"),
        ("PUT", None),
    ]


# -- failures of one item --------------------------------------------------------------------------------------------


def test_one_failed_item_lets_the_others_converge_and_is_listed(sim, client):
    items = [item("Austin Line", "4101", "Branch Office Austin"), item("Bulk A", "2101"), item("Bulk B", "2102")]
    austin = sim.location_id("Branch Office Austin")
    sim.fault(method="POST", path=austin, status=400, count=1)
    sim.clear_requests()
    result, _warnings = converge(client, task(*items, concurrency=1))
    assert result["failed"] is True and result["changed"] is True
    assert result["summary"] == summary(create=2, failed=1)
    failed = result["results"][0]
    path = "/telephony/config/locations/%s/autoAttendants" % austin
    assert failed["api_error"]["status"] == 400 and failed["api_error"]["method"] == "POST"
    assert failed["api_error"]["path"] == path
    assert failed["failed"] is True and failed["changed"] is False and failed["action"] == "create"
    # What was under way: the creation's fields (as check mode plans them), nothing returned.
    assert failed["auto_attendant"] is None and failed["differing_fields"] == CREATED_FIELDS
    assert failed["msg"] == str(_api_error_text(failed["api_error"]))
    assert result["msg"] == (
        "1 of 3 auto attendants failed (the others converged): Austin Line in Branch Office Austin: %s" % failed["msg"]
    )
    # The items written after the failed one have their results.
    assert [(entry["changed"], entry["differing_fields"]) for entry in result["results"][1:]] == [
        (True, CREATED_FIELDS),
        (True, CREATED_FIELDS),
    ]
    assert [entry["auto_attendant"]["extension"] for entry in result["results"][1:]] == ["2101", "2102"]
    assert names_in(sim) == ["Bulk A", "Bulk B"] and names_in(sim, "Branch Office Austin") == []


def test_a_rerun_after_a_failed_item_writes_only_what_is_left(sim, client):
    items = [item("Bulk A", "2101"), item("Bulk B", "2102"), item("Austin Line", "4101", "Branch Office Austin")]
    sim.fault(method="POST", path=sim.location_id("Branch Office Austin"), status=400, count=1)
    result, _warnings = converge(client, task(*items))
    assert result["summary"] == summary(create=2, failed=1) and result["results"][2]["failed"] is True
    sim.clear_requests()
    result, _warnings = converge(client, task(*items))
    assert "failed" not in result and result["summary"] == summary(create=1, nothing=2)
    assert [(entry["method"], entry["body"]["name"]) for entry in sim.writes()] == [("POST", "Austin Line")]


def _api_error_text(error):
    text = "%s %s failed: HTTP %s" % (error["method"], error["path"], error["status"])
    if error["error_code"] is not None:
        text += ", errorCode %s" % error["error_code"]
    if error["message"]:
        text += ": %s" % error["message"]
    if error["tracking_id"]:
        text += " (trackingId %s)" % error["tracking_id"]
    return text


def test_a_location_that_does_not_exist_fails_its_items_only(sim, client):
    items = [item("Bulk A", "2101"), item("Lost", "2102", "Nowhere"), item("Lost too", "2103", "Nowhere")]
    sim.clear_requests()
    result, _warnings = converge(client, task(*items))
    message = "location 'Nowhere' not found: no location has exactly that name (give its exact name or id)"
    assert result["results"][1:] == [
        {
            "name": name,
            "location": "Nowhere",
            "location_id": None,
            "action": "nothing",  # could not be planned (the module's choices have no null)
            "changed": False,
            "auto_attendant": None,
            "differing_fields": [],
            "failed": True,
            "msg": message,
        }
        for name in ("Lost", "Lost too")
    ]
    assert result["summary"] == summary(create=1, failed=2)
    assert result["msg"] == (
        "2 of 3 auto attendants failed (the others converged): Lost in Nowhere: %s; Lost too in Nowhere: %s"
        % (message, message)
    )
    assert [entry["query"]["name"] for entry in sim.requests() if entry["path"] == "/v1/locations"].count(
        "Nowhere"
    ) == 1


def test_a_location_whose_listing_fails_fails_its_items_only(sim, client):
    hq, denver = sim.location_id(HQ), sim.location_id(DENVER)
    seeded(sim, "Headquarters", 1, "Extra ")
    seeded(sim, DENVER, 1, "Extra ")
    # With concurrency 1 the locations are listed in id order: the first listing fails.
    failing, listed_fine = sorted([hq, denver])
    names = {hq: "Headquarters", denver: DENVER}
    sim.fault(method="GET", path="autoAttendants$", status=403, count=1)
    items = [item("A", "3101", failing), item("B", "3102", failing), item("C", "3103", listed_fine)]
    result, _warnings = converge(client, task(*items, concurrency=1))
    assert [entry.get("failed", False) for entry in result["results"]] == [True, True, False]
    assert [entry["location_id"] for entry in result["results"]] == [failing, failing, listed_fine]
    assert [entry.get("api_error", {}).get("status") for entry in result["results"]] == [403, 403, None]
    assert [entry["action"] for entry in result["results"]] == ["nothing", "nothing", "create"]
    assert [(entry["name"], entry["location"]) for entry in result["undeclared"]] == [("Extra 0001", listed_fine)]
    assert [entry["body"]["name"] for entry in sim.writes()] == ["C"]
    assert names_in(sim, names[listed_fine]) == ["C", "Extra 0001"]


class ThreadRecordingClient(WebexClient):
    """A client that notes the thread of every request (its copies for other organisations share the notes)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.threads = set()

    def request(self, method, path, **options):
        self.threads.add(threading.get_ident())
        return super().request(method, path, **options)


@pytest.mark.parametrize("concurrency", [1, 4])
def test_concurrency_bounds_the_workers(sim, concurrency):
    client = ThreadRecordingClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None)
    items = [item("A", "2101"), item("B", "2102"), item("Denver", "3101", DENVER)]
    result, _warnings = converge(client, task(*items, concurrency=concurrency))
    assert result["summary"] == summary(create=3)
    if concurrency == 1:
        assert client.threads == {threading.get_ident()}  # one at a time, in the task's own thread
    else:
        # Worker threads (a single read runs in the task's own thread). Each phase has its own pool, so the threads
        # of a run may outnumber CONCURRENCY; the bound at any moment: test_requests_overlap_up_to_the_concurrency_...
        assert len(client.threads - {threading.get_ident()}) > 1


def test_a_429_storm_with_concurrency_10_loses_and_duplicates_nothing(sim, client):
    items = [item("Storm %02d" % number, str(5000 + number)) for number in range(20)]
    sim.rate_limit(every=10, retry_after="0")
    sim.clear_requests()
    result, _warnings = converge(client, task(*items, concurrency=10))
    assert "failed" not in result and result["summary"] == summary(create=20)
    log = sim.requests()
    sim.clear_rate_limit()  # the checks below read the simulator themselves
    assert sum(entry["status"] == 429 for entry in log) >= 3
    created = [entry["body"]["name"] for entry in log if entry["method"] == "POST" and entry["status"] == 201]
    assert sorted(created) == sorted(entry["name"] for entry in items)
    assert names_in(sim) == sorted(entry["name"] for entry in items)  # each stored once
    sim.rate_limit(every=10, retry_after="0")
    sim.clear_requests()
    result, _warnings = converge(client, task(*items, concurrency=10))
    assert result["summary"] == summary(nothing=20) and writes(sim) == []


def test_requests_overlap_up_to_the_concurrency_at_the_service(sim, client):
    items = [item("Overlap %d" % number, str(6000 + number)) for number in range(6)]
    converge(client, task(*items))
    sim.latency(0.05)  # long enough that concurrent details reads overlap
    sim.clear_requests()
    result, _warnings = converge(client, task(*items, concurrency=3))
    assert result["summary"] == summary(nothing=6)
    assert 1 < sim.stats()["max_in_flight"] <= 3
    sim.clear_requests()
    result, _warnings = converge(client, task(*items, concurrency=1))
    assert result["summary"] == summary(nothing=6)
    assert sim.stats()["max_in_flight"] == 1


def test_items_of_another_organisation_use_a_client_with_its_org_id(sim, client):
    items = [item("Bulk A", "2101"), item("Bulk B", "2102", org_id=OTHER_ORG)]
    sim.clear_requests()
    result, _warnings = converge(client, task(*items))
    assert result["summary"] == summary(create=1, failed=1)
    assert result["results"][1]["api_error"]["status"] == 403
    other = [entry for entry in sim.requests() if entry["query"].get("orgId") == OTHER_ORG]
    assert [entry["path"] for entry in other] == ["/v1/locations"]
    assert all("orgId" not in entry["query"] for entry in sim.requests() if entry not in other)


def test_the_task_org_id_applies_to_items_without_their_own(sim, client):
    hq = sim.location_id(HQ)
    params = dict(task(item("Bulk A", "2101", location=hq)), org_id=OTHER_ORG)
    sim.clear_requests()
    result, _warnings = converge(client, params)
    assert result["results"][0]["api_error"]["status"] == 403
    assert [entry["query"].get("orgId") for entry in sim.requests()] == [OTHER_ORG]


def test_an_item_org_id_overrides_the_task_org_id(sim):
    client = WebexClient(sim.url, sim.token, org_id=OTHER_ORG, timeout=10, sleep=lambda seconds: None)
    hq = sim.location_id(HQ)
    items = [item("Bulk A", "2101", location=hq, org_id=SIM_ORG_ID), item("Bulk B", "2102", location=hq)]
    sim.clear_requests()
    result, _warnings = converge(client, dict(task(*items), org_id=OTHER_ORG))
    assert [(entry["action"], entry.get("failed", False)) for entry in result["results"]] == [
        ("create", False),
        ("nothing", True),
    ]
    assert result["results"][1]["api_error"]["status"] == 403
    # Bulk B's location is read in the task's organisation (refused: its details, which name the organisation);
    # everything of Bulk A goes to its own.
    other = [(entry["method"], entry["path"]) for entry in sim.requests() if entry["query"].get("orgId") == OTHER_ORG]
    assert other == [("GET", "/v1/locations/" + hq)]
    assert all(entry["query"].get("orgId") in (OTHER_ORG, SIM_ORG_ID) for entry in sim.requests())
    assert [entry["query"].get("orgId") for entry in sim.writes()] == [SIM_ORG_ID]


# test_clients_share_the_task_client_per_organisation: test_webex_client.py::test_with_org_shares_the_session_and_gate


def test_a_look_up_after_an_ambiguous_create_asks_the_service_not_the_list_read_before(sim, client):
    """The list read before any write answers the first look-up (no request by name); after a POST whose answer was
    lost, the look-up asks the service, which has it: created once, never posted again."""
    sim.fault(method="POST", path="/autoAttendants$", drop_after_commit=True)
    sim.clear_requests()
    result, _warnings = converge(client, task(item("Bulk A", "2101")))
    assert "failed" not in result and actions(result) == [("Bulk A", "create")] and result["changed"] is True
    calls = [
        (entry["method"], entry["query"].get("name"))
        for entry in sim.requests()
        if entry["path"] == AA_LIST or entry["method"] == "POST"
    ]
    assert calls == [("GET", None), ("POST", None), ("GET", "Bulk A")]
    assert names_in(sim) == ["Bulk A"]


def test_a_write_the_service_does_not_apply_is_reported_with_its_fields(sim, client):
    converge(client, task(item("Bulk A", "2101")))
    sim.fault(method="PUT", path="autoAttendants", ignore_write=True, count=1)
    result, _warnings = converge(client, task(item("Bulk A", "2101", name_dialing="GROUP")))
    entry = result["results"][0]
    assert entry["failed"] is True and entry["not_applied"] == ["name_dialing"]
    assert "api_error" not in entry and entry["changed"] is True and entry["action"] == "update"


def test_a_failed_purge_deletion_keeps_every_field_of_its_result(sim, client):
    """A purge deletion the service refuses is reported with the same fields as any result (auto_attendant None,
    nothing changed), plus purged and what failed."""
    hq = sim.location_id(HQ)
    seeded(sim, HQ, 1, "Extra ")
    sim.fault(method="DELETE", path="autoAttendants", status=400, count=1)
    result, _warnings = converge(client, task(item("Bulk A", "2101"), purge=True))
    assert result["summary"] == summary(create=1, failed=1)
    entry = result["results"][1]
    error = entry["api_error"]
    assert {key: value for key, value in entry.items() if key != "api_error"} == {
        "name": "Extra 0001",
        "location": "Headquarters",
        "location_id": hq,
        "action": "delete",
        "changed": False,
        "auto_attendant": None,
        "differing_fields": [],
        "purged": True,
        "failed": True,
        "msg": "DELETE %s failed: HTTP 400: Injected fault 400. (trackingId %s)"
        % (error["path"], error["tracking_id"]),
    }
    assert (error["method"], error["status"], error["message"]) == ("DELETE", 400, "Injected fault 400.")


def test_a_failed_update_or_deletion_keeps_the_action_under_way(sim, client):
    converge(client, task(item("Bulk A", "2101"), item("Bulk B", "2102")))
    seeded(sim, "Headquarters", 1, "Extra ")
    sim.fault(method="PUT", path="autoAttendants", status=400, count=1)
    sim.fault(method="DELETE", path="autoAttendants", status=400, count=2)
    params = task(item("Bulk A", "2101", name_dialing="GROUP"), absent("Bulk B"), purge=True)
    result, _warnings = converge(client, params)
    assert [(entry["action"], entry["failed"], entry["api_error"]["method"]) for entry in result["results"]] == [
        ("update", True, "PUT"),
        ("delete", True, "DELETE"),
        ("delete", True, "DELETE"),
    ]
    assert [(entry["changed"], entry["differing_fields"]) for entry in result["results"]] == [
        (False, ["name_dialing"]),
        (False, []),
        (False, []),
    ]
    assert result["results"][2]["name"] == "Extra 0001" and result["results"][2]["purged"] is True
    assert result["changed"] is False and result["summary"] == summary(failed=3)


# test_error_fields_say_what_failed: tests/unit/plugins/module_utils/_site/test_converge.py::test_error_fields_say_what_failed


# -- run(): the module's RUN -----------------------------------------------------------------------------------------


def test_run_returns_the_result_and_fails_listing_each_failed_item(sim, client):
    module = Module(task(item("Bulk A", "2101")), check_mode=True, diff=True)
    result = bulk.run(module, client)
    assert result["summary"] == summary(create=1) and len(result["diff"]) == 1 and writes(sim) == []
    assert module.failed_with is None

    module = Module(task(item("Bulk A", "2101"), item("Lost", "2102", "Nowhere")))
    with pytest.raises(Failed):
        bulk.run(module, client)
    failed = module.failed_with
    assert "failed" not in failed and failed["changed"] is True and failed["summary"] == summary(create=1, failed=1)
    assert failed["msg"].startswith("1 of 2 auto attendants failed (the others converged): Lost in Nowhere: location")


def test_run_fails_a_refused_task_unchanged(sim, client):
    seeded(sim, "Headquarters", 2, "Extra ")
    module = Module(task(item("Bulk A", "2101"), purge=True, purge_limit=1))
    with pytest.raises(Failed):
        bulk.run(module, client)
    assert module.failed_with == {
        "msg": "purge would delete 2 auto attendants, more than purge_limit 1: Extra 0001 (Headquarters), Extra 0002 "
        "(Headquarters); raise purge_limit (0 means no limit) if that is meant",
        "changed": False,
    }
    assert writes(sim) == []


def test_run_passes_warnings_to_the_module(sim, client):
    seeded(sim, "Headquarters", 2, "Extra ")
    module = Module(task(item("Bulk A", "2101"), purge=True, purge_limit=1), check_mode=True)
    result = bulk.run(module, client)
    assert result["summary"] == summary(create=1, delete=2)
    assert module.warnings == [
        "purge would delete 2 auto attendants, more than purge_limit 1: Extra 0001 (Headquarters), Extra 0002 "
        "(Headquarters); raise purge_limit (0 means no limit) if that is meant (check mode: the real run refuses)"
    ]
