"""The webex_locations inventory plugin through ansible-inventory and ansible-doc: what only Ansible shows (the file
found by its name, options and environment variables read by Ansible's configuration, the cache plugin, --list,
--graph, --flush-cache). The plugin's logic is tested in-process (tests/unit/plugins/inventory/,
tests/unit/plugins/plugin_utils/test_location_hosts.py, tests/component/test_webex_locations.py).
"""

import json
import os
import re
import shutil
import subprocess
import sys

from tests.environment import child_environment
from tests.integration.secret_scan import assert_no_secret, simulator_secrets
from tests.simulator.harness import ROOT

BIN = os.path.dirname(sys.executable)
EXAMPLE = os.path.join(ROOT, "examples", "per_location", "webex_locations.yml")
SEEDED = 300  # with the seed's four and the two below: four pages of both lists at the simulator's 100 a page
ELSEWHERE = [
    ("London Office", "Europe/London", {"city": "London", "state": "", "postalCode": "EC1A 1BB", "country": "GB"}),
    ("Zürich Büro", "Europe/Zurich", {"city": "Zürich", "state": "ZH", "postalCode": "8001", "country": "CH"}),
]


def ansible(sim, tool, *args, env=None):
    """Run an ansible-* TOOL with the suite's environment and ENV; the secret scan covers its output."""
    settings = {"ANSIBLE_NOCOLOR": "1", "PYTHONWARNINGS": "ignore"}
    settings.update(env or {})
    proc = subprocess.run(
        [os.path.join(BIN, tool), *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=child_environment(settings),
    )
    assert_no_secret({"stdout": proc.stdout, "stderr": proc.stderr}, simulator_secrets(sim))
    return proc


def plain(value):
    """VALUE from ansible-inventory --list without the marks of its "inventory_legacy" profile: a string the service
    gave (data, never a template) is written {"__ansible_unsafe": "..."}."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return value["__ansible_unsafe"]
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def cache_texts(directory):
    found = {}
    for name in os.listdir(directory):
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            found["cache file " + name] = handle.read()
    return found


def test_list_then_graph_from_the_cache_every_location_its_variables_and_groups(sim, tmp_path):
    sim.seed_locations(SEEDED, prefix="Scale ")
    for name, time_zone, address in ELSEWHERE:
        sim.add_location(name, time_zone=time_zone, address=address)
    warehouse = sim.add_location("Warehouse", calling=False)
    everything = {}
    for path, key in (("/locations", "items"), ("/telephony/config/locations", "locations")):
        url, params = path, {"max": 1000}
        everything[key] = {item["id"]: item for item in sim.api("GET", url, params=params).json()[key]}
    assert warehouse in everything["items"] and warehouse not in everything["locations"]

    # The example inventory source, with a cache of its own; a service app's refresh credentials in the environment
    # and the access token empty, as the collection's AWX credential type injects them.
    source = tmp_path / "webex_locations.yml"
    shutil.copy(EXAMPLE, source)
    cache = tmp_path / "cache"
    with open(source, "a", encoding="utf-8") as handle:
        handle.write("cache: true\ncache_plugin: ansible.builtin.jsonfile\ncache_connection: %s\n" % cache)
    env = {
        "WEBEX_API_URL": sim.url,
        "WEBEX_ACCESS_TOKEN": "",
        "WEBEX_ORG_ID": "",
        "WEBEX_CLIENT_ID": sim.client_id,
        "WEBEX_CLIENT_SECRET": sim.client_secret,
        "WEBEX_REFRESH_TOKEN": sim.refresh_token,
    }
    sim.clear_requests()

    listed = ansible(sim, "ansible-inventory", "-i", str(source), "--list", env=env)

    assert listed.returncode == 0 and "[WARNING]" not in listed.stderr, listed.stderr
    inventory = plain(json.loads(listed.stdout))
    hostvars = inventory["_meta"]["hostvars"]
    calling = everything["locations"]
    assert len(hostvars) == len(calling) == 4 + SEEDED + len(ELSEWHERE)
    by_id = {variables["webex_location_id"]: (host, variables) for host, variables in hostvars.items()}
    assert set(by_id) == set(calling)
    for location_id, (_host, variables) in by_id.items():
        location = everything["items"][location_id]
        assert variables["webex_location_name"] == location["name"]
        assert variables["webex_time_zone"] == location["timeZone"]
        assert variables["webex_org_id"] == location["orgId"]
        assert variables["webex_address"]["postal_code"] == location["address"]["postalCode"]
        assert variables["webex_calling"]["routing_prefix"] == calling[location_id]["routingPrefix"]
        assert variables["site_main_number"] == calling[location_id]["callingLineId"]["phoneNumber"]  # compose
    ids = {location["name"]: location_id for location_id, location in everything["items"].items()}
    host, variables = by_id[ids["Branch Office Denver"]]
    assert host == "branch-office-denver"
    assert variables["webex_address"] == {
        "address1": "1600 Glenarm Place",
        "address2": "",
        "city": "Denver",
        "state": "CO",
        "postal_code": "80202",
        "country": "US",
    }
    assert variables["webex_calling"] == {
        "announcement_language": "en_us",
        "calling_line_id": {"name": "Branch Office Denver", "phone_number": "+17205550100"},
        "e911_setup_required": False,
        "enforce_outside_dial_digit": False,
        "outside_dial_digit": "9",
        "routing_prefix": "8003",
        # The 2026 document's further fields, as the simulator makes them up for this location.
        "external_caller_id_name": "Branch Office Denver",
        "user_limit": 500000,
        "connection": {"id": calling[ids["Branch Office Denver"]]["connection"]["id"], "type": "TRUNK"},
        "default_domain": calling[ids["Branch Office Denver"]]["defaultDomain"],
    }

    def members(group):
        return sorted(inventory.get(group, {}).get("hosts", []))

    assert len(members("webex_locations")) == len(calling)
    assert members("webex_country_GB") == ["london-office"]
    assert members("webex_country_CH") == members("webex_state_CH_ZH") == ["zurich-buro"]
    assert members("webex_state_US_CA") == ["headquarters", "headquarters-annex"]
    assert members("webex_time_zone_Europe_Zurich") == ["zurich-buro"]
    assert len(members("webex_state_US_NY")) == len(members("webex_time_zone_America_New_York")) == SEEDED
    assert len(members("webex_country_US")) == 4 + SEEDED
    assert members("language_es_es") == ["branch-office-austin"]  # keyed_groups of the example
    assert "e911_setup_required" not in inventory  # groups of the example: no location needs it
    # Both lists read over every page (pages of 100), and nothing per location.
    paths = [entry["path"] for entry in sim.requests() if entry["method"] == "GET"]
    assert sorted(set(paths)) == ["/v1/locations", "/v1/telephony/config/locations"]
    assert paths.count("/v1/locations") == paths.count("/v1/telephony/config/locations") == 4
    # The cache holds the locations, and no credential (nor the token minted from them).
    assert_no_secret(cache_texts(cache), simulator_secrets(sim))
    assert ids["Zürich Büro"] in "".join(cache_texts(cache).values())

    # From the cache: no request at all, the same hosts and groups.
    sim.clear_requests()
    graph = ansible(sim, "ansible-inventory", "-i", str(source), "--graph", env=env)
    assert graph.returncode == 0, graph.stderr
    assert sim.requests() == []
    assert "@webex_country_CH:\n  |  |--zurich-buro\n" in graph.stdout
    assert "@webex_state_US_CA:\n  |  |--headquarters\n  |  |--headquarters-annex\n" in graph.stdout
    # Each seeded location in webex_locations, webex_country_US, webex_state_US_NY, the time zone and language_en_us.
    assert graph.stdout.count("|--scale-") == 5 * SEEDED
    assert "warehouse" not in graph.stdout

    # --flush-cache reads the service again (with the access token this time).
    env = {"WEBEX_API_URL": sim.url, "WEBEX_ACCESS_TOKEN": sim.token}
    flushed = ansible(sim, "ansible-inventory", "-i", str(source), "--graph", "--flush-cache", env=env)
    assert flushed.returncode == 0 and flushed.stdout == graph.stdout, flushed.stderr
    assert len(sim.requests()) == 8


def test_a_refused_token_fails_the_source_with_the_service_error_and_no_token(sim, tmp_path):
    source = tmp_path / "webex_locations.yml"
    source.write_text("plugin: wxc.calling.webex_locations\n", encoding="utf-8")
    env = {
        "WEBEX_API_URL": sim.url,
        "WEBEX_ACCESS_TOKEN": "wxc-not-a-valid-token-9f3a",
        "ANSIBLE_INVENTORY_UNPARSED_FAILED": "1",
    }
    proc = ansible(sim, "ansible-inventory", "-i", str(source), "--list", env=env)
    assert proc.returncode != 0
    assert_no_secret({"stderr": proc.stderr}, {"given token": "wxc-not-a-valid-token-9f3a"})
    assert "wxc.calling.webex_locations: GET /telephony/config/locations failed: HTTP 401" in proc.stderr
    assert "trackingId" in proc.stderr


def test_ansible_doc_documents_the_inventory_plugin():
    proc = subprocess.run(
        [os.path.join(BIN, "ansible-doc"), "-t", "inventory", "wxc.calling.webex_locations"],
        capture_output=True,
        text=True,
        check=False,
        env=child_environment({"ANSIBLE_NOCOLOR": "1"}),
    )
    assert proc.returncode == 0, proc.stderr
    for option in ("access_token", "refresh_token", "org_id", "hostnames", "group_by", "filters", "keyed_groups"):
        assert re.search(r"^[-=] %s\b" % option, proc.stdout, re.MULTILINE), option
    assert "cache_plugin" in proc.stdout and "EXAMPLES:" in proc.stdout
