"""_call_path/catalog.py: declared data as the tracer's catalog (what it accepts, and how it refuses what it cannot
read), the number look-ups both catalogs share (Directory), and what is said of an audio file."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._call_path.catalog import (
    DataError,
    DeclaredCatalog,
    Directory,
    describe_audio,
    dialled,
)
from tests.builders import DENVER, HQ, aa_options, site_data


def record(name, location, esn=None, **options):
    found = {"name": name, "location": location, "options": options}
    if esn:
        found["esn"] = esn
    return found


@pytest.fixture(name="directory")
def fixture_directory():
    directory = Directory()
    directory.add(
        record(
            "Main",
            DENVER,
            esn="80032100",
            extension="2100",
            phone_number="+17205550100",
            alternate_numbers=[{"phone_number": "+17205550102"}],
        )
    )
    directory.add(record("Desk", HQ, esn="80012100", extension="2100"))
    return directory


def test_an_extension_is_found_in_the_location_it_is_dialled_from(directory):
    assert directory.by_number("2100", DENVER) == (directory.attendant(DENVER, "Main"), None)
    assert directory.by_number("2100", HQ)[0]["name"] == "Desk"


def test_an_esn_reaches_the_attendant_of_another_location(directory):
    assert directory.by_number("80012100", DENVER)[0]["name"] == "Desk"


@pytest.mark.parametrize("number", ["+17205550100", "+1 720-555-0100", "7205550100", "+1-7205550102"])
def test_a_number_primary_or_alternate_in_any_form_is_found_anywhere(directory, number):
    assert directory.by_number(number, HQ)[0]["name"] == "Main"


def test_a_number_nobody_has_finds_nothing(directory):
    assert directory.by_number("+13035550100", DENVER) == (None, None)
    assert directory.by_number("2999", DENVER) == (None, None)


def test_a_number_two_attendants_have_is_a_problem_naming_them(directory):
    directory.add(record("Twin", HQ, phone_number="+17205550100"))
    assert directory.by_number("+17205550100", DENVER) == (
        None,
        "+17205550100 belongs to 2 auto attendants ('Main' in Branch Office Denver, 'Twin' in Headquarters)",
    )


def test_entry_texts(directory):
    assert directory.entry("+17205550100", None) == {
        "record": directory.attendant(DENVER, "Main"),
        "text": "Dialled +17205550100: auto attendant 'Main' (Branch Office Denver)",
    }
    assert directory.entry("2100", None)["destination"] == {
        "type": "unresolved",
        "reason": "extension 2100 belongs to auto attendants in 2 locations (Branch Office Denver, Headquarters): give "
        "the location",
    }
    assert directory.entry("2200", None)["destination"] == {
        "type": "extension",
        "value": "2200",
        "reason": "no auto attendant has 2200",
    }


def test_dialled_tells_numbers_from_extensions():
    assert dialled("+1 303 555 0100") == ("number", "+13035550100")
    assert dialled("3035550100") == ("number", "+13035550100")  # forwarding reads NANP numbers back without +
    assert dialled("2100") == ("extension", "2100")
    assert dialled("80032100") == ("extension", "80032100")


def test_describe_audio_completes_a_name_or_a_file_name_from_the_announcements():
    announcements = [{"name": "Welcome", "file_name": "welcome.wav", "text": "Hello"}]
    assert describe_audio({"file_name": "welcome.wav", "level": "ORGANIZATION", "id": "X"}, announcements) == {
        "name": "Welcome",
        "file_name": "welcome.wav",
        "level": "ORGANIZATION",
        "text": "Hello",
    }
    assert describe_audio({"name": "Welcome", "level": "LOCATION"}, announcements)["file_name"] == "welcome.wav"
    assert describe_audio({"name": "Other"}, announcements) == {"name": "Other"}
    assert describe_audio(None) is None


def test_the_declared_catalog_answers_from_the_data():
    catalog = DeclaredCatalog(site_data())
    main = catalog.attendant(DENVER, "Main Line")
    assert main["options"]["extension"] == "2100" and catalog.attendant(DENVER, "Ghost") is None
    assert catalog.time_zone(DENVER) == "America/Denver" and catalog.time_zone(HQ) is None
    assert [event["name"] for event in catalog.schedule(DENVER, "holidays", "Holidays")] == [
        "Christmas",
        "Founders day",
        "Thanksgiving",
    ]
    assert catalog.schedule(DENVER, "business_hours", "Holidays") is None
    assert [rule["name"] for rule in catalog.forwarding(main)["rules"]] == ["VIP", "Evenings"]
    assert catalog.forwarding(catalog.attendant(DENVER, "Sales")) == {}
    assert catalog.attendant_by_number("2200", DENVER)[0]["name"] == "Sales"
    assert catalog.entry("+17205550101", None)["record"]["name"] == "Front Desk"


def test_the_role_items_forwarding_new_names_routing_prefixes_and_absent_items():
    data = {
        "auto_attendants": [
            dict(aa_options("Main", "2100", DENVER), forwarding={"rules": [{"name": "Old", "new_name": "New"}]}),
            dict(aa_options("Gone", "2200", DENVER), state="absent"),
        ],
        "schedules": [{"location": DENVER, "type": "holidays", "name": "Off", "state": "absent"}],
        "locations": [{"name": DENVER, "time_zone": "America/Denver", "routing_prefix": "8003"}],
    }
    catalog = DeclaredCatalog(data)
    main = catalog.attendant(DENVER, "Main")
    assert "forwarding" not in main["options"] and main["esn"] == "80032100"
    assert catalog.forwarding(main)["rules"] == [{"name": "New", "new_name": "New"}]
    assert catalog.attendant(DENVER, "Gone") is None and catalog.schedule(DENVER, "holidays", "Off") is None
    assert catalog.attendant_by_number("80032100", HQ)[0]["name"] == "Main"


@pytest.mark.parametrize(
    "data, message",
    [
        (
            [],
            "data: must be a dictionary with auto_attendants, schedules, forwarding, locations, announcements, got list",
        ),
        (
            {"attendants": []},
            "data: unknown key(s) attendants (known: auto_attendants, schedules, forwarding, locations, announcements)",
        ),
        ({"schedules": {}}, "data.schedules: must be a list, got dict"),
        ({"auto_attendants": ["Main"]}, "data.auto_attendants[0]: must be a dictionary, got str"),
        ({"auto_attendants": [{"name": "Main"}]}, "data.auto_attendants[0].location: is missing"),
        ({"auto_attendants": [{"name": True, "location": DENVER}]}, "data.auto_attendants[0].name: is missing"),
        (
            {"auto_attendants": [aa_options("A", "1", DENVER), aa_options("A", "2", DENVER)]},
            "data.auto_attendants[1]: auto attendant 'A' of location Branch Office Denver is listed twice",
        ),
        (
            {"schedules": [{"location": DENVER, "name": "S", "type": "business"}]},
            "data.schedules[0].type: must be one of business_hours, holidays, got 'business'",
        ),
        (
            {"schedules": [{"location": DENVER, "name": "S", "type": "holidays", "events": ["Christmas"]}]},
            "data.schedules[0].events: must be a list of events",
        ),
        ({"forwarding": [{"location": DENVER}]}, "data.forwarding[0].auto_attendant: is missing"),
        (
            {"forwarding": [{"location": DENVER, "auto_attendant": "A", "rules": [{"enabled": True}]}]},
            "data.forwarding[0].rules: must be a list of rules, each with a name",
        ),
        (
            {"forwarding": [{"location": DENVER, "auto_attendant": "A"}, {"location": DENVER, "auto_attendant": "A"}]},
            "data.forwarding[1]: the forwarding of auto attendant 'A' (Branch Office Denver) is given twice",
        ),
        (
            {"auto_attendants": [dict(aa_options("A", "1", DENVER), forwarding="always")]},
            "data.auto_attendants[0].forwarding: must be a dictionary",
        ),
        ({"locations": [{"time_zone": "UTC"}]}, "data.locations[0].name: is missing"),
    ],
)
def test_data_the_catalog_cannot_read_is_refused_naming_where(data, message):
    with pytest.raises(DataError) as caught:
        DeclaredCatalog(data)
    assert str(caught.value) == message


def test_a_webex_site_declaration_is_taken_as_it_is_with_its_greetings_as_webex_announcement_options():
    data = dict(
        site_data(),
        purge={"auto_attendants": True},
        purge_limit=5,
        concurrency=4,
        base_dir="/srv/site",
        announcements=[
            {"name": "Welcome", "path": "files/welcome.wav", "level": "ORGANIZATION"},
            {
                "name": "Closed notice",
                "text": "We are closed.",
                "voice": "ashley",
                "level": "LOCATION",
                "location": DENVER,
            },
            {"name": "Old", "path": "files/old.wav", "state": "absent"},
        ],
    )
    catalog = DeclaredCatalog(data)
    main = catalog.attendant(DENVER, "Main Line")
    assert catalog.audio(main, {"file_name": "welcome.wav", "level": "ORGANIZATION"}) == {
        "name": "Welcome",
        "file_name": "welcome.wav",
        "level": "ORGANIZATION",
    }
    assert catalog.audio(main, {"name": "Closed notice", "level": "LOCATION"}) == {
        "name": "Closed notice",
        "file_name": "Closed-notice.wav",
        "level": "LOCATION",
        "text": "We are closed.",
    }
    assert catalog.audio(main, {"file_name": "old.wav"}) == {"file_name": "old.wav"}
