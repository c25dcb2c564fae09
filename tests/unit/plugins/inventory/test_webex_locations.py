"""plugins/inventory/webex_locations.py: the plugin's own code with its options given directly (as Ansible's
configuration would hand them over, origins included), the HTTP exchanges scripted. Reading the inventory file, the
cache plugin and ansible-inventory itself are tested in tests/integration/test_webex_locations.py."""

import pytest
import requests_mock
import yaml
from ansible.errors import AnsibleParserError
from ansible.template import trust_as_template

from ansible_collections.wxc.calling.plugins.inventory import webex_locations
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import DEFAULT_API_URL, webex_argument_spec
from tests.builders import locations_inventory as plugin
from tests.unit.plugins.module_utils.scripted_http import API, TOKEN, Exchange
from tests.unit.plugins.plugin_utils.test_location_hosts import DENVER, DENVER_CALLING, DENVER_ID, calling, location_id


@pytest.fixture(name="exchange")
def fixture_exchange():
    with requests_mock.Mocker() as mocker:
        exchange = Exchange(mocker)
        yield exchange
        exchange.done()


def test_the_connection_options_are_every_option_of_the_modules_documented_in_the_one_fragment():
    assert set(plugin().connection_options()) == set(webex_argument_spec())
    documentation = yaml.safe_load(webex_locations.DOCUMENTATION)
    assert "wxc.calling.webex" in documentation["extends_documentation_fragment"]
    assert not set(documentation["options"]) & set(webex_argument_spec())  # documented there, not again here


def test_an_unset_option_falls_back_to_the_modules_environment_variable(monkeypatch):
    monkeypatch.setenv("WEBEX_ACCESS_TOKEN", "from-the-environment")
    monkeypatch.setenv("WEBEX_API_URL", "https://proxy.example/v1")
    monkeypatch.setenv("WEBEX_ORG_ID", "org-from-env")
    monkeypatch.setenv("WEBEX_CLIENT_ID", "client-from-env")
    params = plugin().connection_options()
    assert params["access_token"] == "from-the-environment"
    assert params["api_url"] == "https://proxy.example/v1"  # the default gives way to the environment
    assert (params["org_id"], params["client_id"]) == ("org-from-env", "client-from-env")


def test_a_value_in_the_inventory_file_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("WEBEX_ACCESS_TOKEN", "from-the-environment")
    monkeypatch.setenv("WEBEX_API_URL", "https://proxy.example/v1")
    params = plugin(access_token="from-the-file", api_url=DEFAULT_API_URL).connection_options()
    assert (params["access_token"], params["api_url"]) == ("from-the-file", DEFAULT_API_URL)


def test_without_the_environment_the_defaults_hold(monkeypatch):
    for name in ("WEBEX_ACCESS_TOKEN", "WEBEX_API_URL", "WEBEX_ORG_ID"):
        monkeypatch.delenv(name, raising=False)
    params = plugin().connection_options()
    assert (params["access_token"], params["api_url"], params["org_id"]) == (None, DEFAULT_API_URL, None)


class Vaulted:
    """Stands for a vaulted value: an object whose text is the secret."""

    def __str__(self):
        return "vaulted-token"


def test_a_text_option_is_taken_as_text():
    assert plugin(access_token=Vaulted()).connection_options()["access_token"] == "vaulted-token"


def test_the_cache_key_names_the_file_the_api_and_the_organisation_never_a_secret(monkeypatch):
    found = plugin()
    monkeypatch.setattr(found, "get_cache_key", lambda path: "key_of_" + path)
    base = dict(api_url=API, org_id=None, access_token="token-one", client_secret="secret-one")
    key = found.cache_key("a.yml", base)
    assert key == found.cache_key("a.yml", dict(base, access_token="token-two", client_secret="secret-two"))
    assert key.startswith("key_of_a.yml_") and "token" not in key and "secret" not in key
    assert key != found.cache_key("a.yml", dict(base, org_id="another-org"))
    assert key != found.cache_key("a.yml", dict(base, api_url="https://other.example/v1"))
    assert key != found.cache_key("b.yml", base)


def test_records_are_read_from_both_lists_over_every_page(exchange):
    other = calling("9cc74481-97f0-4055-ba21-a440d253e778", "Denver-2")
    exchange.expect(
        "GET",
        API + "/telephony/config/locations",
        body={"locations": [DENVER_CALLING]},
        headers={"Link": '<%s/telephony/config/locations?max=1&start=1>; rel="next"' % API},
    )
    exchange.expect("GET", API + "/telephony/config/locations?max=1&start=1", body={"locations": [other]})
    exchange.expect("GET", API + "/locations", body={"items": [DENVER]})
    found = plugin(api_url=API, access_token=TOKEN).read_records(
        plugin(api_url=API, access_token=TOKEN).connection_options()
    )
    assert found == [
        {"location": DENVER, "calling": DENVER_CALLING},
        {"location": {"id": other["id"], "name": "Denver-2"}, "calling": other},
    ]
    assert all(request.headers["Authorization"] == "Bearer " + TOKEN for request in exchange.requests)


def test_org_id_reads_the_lists_of_that_organisation(exchange):
    exchange.expect("GET", API + "/telephony/config/locations?orgId=ORG", body={"locations": []})
    exchange.expect("GET", API + "/locations?orgId=ORG", body={"items": []})
    source = plugin(api_url=API, access_token=TOKEN, org_id="ORG")
    assert source.read_records(source.connection_options()) == []


def test_a_failed_list_fails_the_source_with_the_service_error_and_never_the_token(exchange):
    exchange.expect(
        "GET",
        API + "/telephony/config/locations",
        status=403,
        body={"message": "Forbidden", "errors": [{"description": "Forbidden", "errorCode": 4003}], "trackingId": "T1"},
    )
    source = plugin(api_url=API, access_token=TOKEN)
    with pytest.raises(AnsibleParserError) as caught:
        source.read_records(source.connection_options())
    assert str(caught.value) == (
        "wxc.calling.webex_locations: GET /telephony/config/locations failed: HTTP 403, errorCode 4003: Forbidden "
        "(trackingId T1)"
    )
    assert TOKEN not in str(caught.value)


def test_unusable_credentials_fail_before_any_request_naming_the_option_not_the_value(monkeypatch):
    monkeypatch.delenv("WEBEX_ACCESS_TOKEN", raising=False)
    source = plugin(api_url=API, client_id="client", refresh_token="bad refresh token")
    with pytest.raises(AnsibleParserError) as caught:
        source.read_records(source.connection_options())
    assert str(caught.value) == (
        "wxc.calling.webex_locations: Invalid options: refresh_token: holds whitespace, control or non-ASCII "
        "characters inside the value (not shown); give the value alone, exactly as Webex issued it"
    )


def populated(source, *found):
    source.populate(list(found))
    return source.inventory


DENVER_RECORD = {"location": DENVER, "calling": DENVER_CALLING}
LONDON_RECORD = {
    "location": {
        "id": location_id("00000000-0000-4000-8000-0000000000aa"),
        "name": "London Office",
        "timeZone": "Europe/London",
        "address": {"city": "London", "country": "GB"},
    },
    "calling": calling("00000000-0000-4000-8000-0000000000aa", "London Office"),
}


def test_populate_makes_one_host_per_location_with_its_variables_in_its_groups():
    inventory = populated(plugin(), DENVER_RECORD, LONDON_RECORD)
    assert sorted(inventory.hosts) == ["denver", "london-office"]
    assert inventory.get_host("denver").get_vars()["webex_location_id"] == DENVER_ID
    assert inventory.get_host("denver").get_vars()["webex_calling"]["routing_prefix"] == "3"
    groups = {name: sorted(host.name for host in group.hosts) for name, group in inventory.groups.items()}
    assert groups == {
        "all": [],
        "ungrouped": [],
        "webex_locations": ["denver", "london-office"],
        "webex_country_US": ["denver"],
        "webex_state_US_Goodstate": ["denver"],
        "webex_time_zone_America_Chicago": ["denver"],
        "webex_country_GB": ["london-office"],
        "webex_time_zone_Europe_London": ["london-office"],
    }


def test_group_by_chooses_the_groups_by_place_and_hostnames_the_names():
    inventory = populated(plugin(group_by=["time_zone"], hostnames="id"), DENVER_RECORD)
    assert list(inventory.hosts) == [DENVER_ID]
    assert sorted(inventory.groups) == ["all", "ungrouped", "webex_locations", "webex_time_zone_America_Chicago"]


def test_filters_keep_the_locations_for_which_every_condition_holds():
    conditions = [
        trust_as_template("webex_time_zone is match('Europe/')"),
        trust_as_template("'-' in inventory_hostname"),
    ]
    inventory = populated(plugin(filters=conditions), DENVER_RECORD, LONDON_RECORD)
    assert list(inventory.hosts) == ["london-office"]


def test_a_filter_on_a_variable_a_location_lacks_leaves_it_out_or_fails_with_strict():
    condition = [trust_as_template("webex_notes.startswith('Suite')")]  # London has no notes
    assert list(populated(plugin(filters=condition), DENVER_RECORD, LONDON_RECORD).hosts) == ["denver"]
    with pytest.raises(AnsibleParserError, match=r"filters\[0\] .*webex_notes.* for location 'London Office'"):
        populated(plugin(filters=condition, strict=True), DENVER_RECORD, LONDON_RECORD)


@pytest.mark.parametrize("condition", ["webex_time_zone ==", "webex_time_zone"])
def test_a_filter_that_is_no_condition_fails_naming_it_strict_or_not(condition):
    conditions = [trust_as_template("true"), trust_as_template(condition)]
    with pytest.raises(AnsibleParserError, match=r"^wxc.calling.webex_locations: filters\[1\] '%s': " % condition):
        populated(plugin(filters=conditions), DENVER_RECORD)


def test_compose_groups_and_keyed_groups_see_the_host_variables():
    source = plugin(
        compose={"main_number": trust_as_template("webex_calling.calling_line_id.phone_number")},
        groups={"needs_e911": trust_as_template("webex_calling.e911_setup_required")},
        keyed_groups=[{"key": trust_as_template("webex_preferred_language"), "prefix": "language"}],
    )
    inventory = populated(source, dict(DENVER_RECORD, calling=dict(DENVER_CALLING, e911SetupRequired=True)))
    assert inventory.get_host("denver").get_vars()["main_number"] == "+12145556985"
    assert [host.name for host in inventory.groups["needs_e911"].hosts] == ["denver"]
    assert [host.name for host in inventory.groups["language_en_us"].hosts] == ["denver"]


def test_an_unknown_hostnames_style_fails_the_source():
    with pytest.raises(AnsibleParserError, match="hostnames: 'name'; choose one of slug, id"):
        populated(plugin(hostnames="name"), DENVER_RECORD)


def test_the_source_is_a_file_named_webex_locations(tmp_path):
    for name, expected in (("webex_locations.yml", True), ("prod.webex_locations.yaml", True), ("hosts.yml", False)):
        path = tmp_path / name
        path.write_text("plugin: wxc.calling.webex_locations\n", encoding="utf-8")
        assert plugin().verify_file(str(path)) is expected
    assert plugin().verify_file(str(tmp_path / "missing.webex_locations.yml")) is False
