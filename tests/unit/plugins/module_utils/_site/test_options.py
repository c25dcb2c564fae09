"""webex_site's options: every item judged by its own module's rulebook, all problems at once, naming the item."""

from ansible_collections.wxc.calling.plugins.module_utils._announcement import options as announcement_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as attendant_options
from ansible_collections.wxc.calling.plugins.module_utils._forwarding import options as forwarding_options
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as schedule_options
from ansible_collections.wxc.calling.plugins.module_utils._site import options
from tests.builders import HQ, aa_options


def problems(**params):
    return options.checked_items(dict({"purge_limit": 10, "concurrency": 10}, **params))[1]


def test_a_valid_declaration_has_no_problem_and_items_get_their_defaults():
    items, found = options.checked_items(
        {
            "auto_attendants": [aa_options("Main", "2100")],
            "schedules": [{"location": HQ, "type": "holidays", "name": "Closed"}],
            "forwarding": [{"location": HQ, "auto_attendant": "Main"}],
        }
    )
    assert found == []
    assert items["schedules"][0]["state"] == "present" and items["forwarding"][0]["purge_rules"] is False
    assert items["auto_attendants"][0]["org_id"] is None and items["announcements"] == []


def test_an_item_takes_its_modules_options_and_org_id():
    """Each item is one task of its module (connection options aside), and may name its own organisation."""
    modules = {
        "schedules": schedule_options,
        "announcements": announcement_options,
        "auto_attendants": attendant_options,
        "forwarding": forwarding_options,
    }
    for kind, module in modules.items():
        spec = options.item_argument_spec(kind)
        assert spec.pop("org_id") == {"type": "str"}
        assert spec == module.argument_spec(), kind


def test_every_problem_of_every_item_names_the_kind_the_item_and_the_option():
    found = problems(
        auto_attendants=[aa_options("Main", "21x"), "not a dict"],
        schedules=[{"location": HQ, "type": "weekly", "name": "Closed"}],
        purge_limit=-1,
        concurrency=0,
    )
    assert found[0] == "purge_limit: -1 is negative (0 means no limit)"
    assert found[1] == "concurrency: 0 is out of range (1 to 50)"
    assert "schedules[0] ('Closed'): value of type must be one of: business_hours, holidays, got: weekly" in found
    assert "auto_attendants[0] ('Main'): extension: '21x' must be 2 to 10 digits" in found
    assert "auto_attendants[1] (no name): must be a dictionary of webex_auto_attendant options" in found


def test_an_object_declared_twice_under_one_spelling_is_refused():
    found = problems(
        auto_attendants=[aa_options("Main", "2100"), aa_options("Main", "2101")],
        schedules=[
            {"location": HQ, "type": "holidays", "name": "Old", "new_name": "Closed"},
            {"location": HQ, "type": "holidays", "name": "Closed"},
            {"location": HQ, "type": "business_hours", "name": "Closed"},
        ],
    )
    assert found == [
        "schedules[1] ('Closed'): declared twice in location 'Headquarters' (also schedules[0]); declare each "
        "schedule once",
        "auto_attendants[1] ('Main'): declared twice in location 'Headquarters' (also auto_attendants[0]); declare "
        "each auto attendant once",
    ]


def test_an_organisation_greeting_declared_twice_names_no_location():
    greeting = {"name": "Welcome", "text": "Hello", "voice": "ashley"}
    assert problems(announcements=[greeting, dict(greeting, text="Hi")]) == [
        "announcements[1] ('Welcome'): declared twice (also announcements[0]); declare each announcement once"
    ]


def test_forwarding_of_an_attendant_the_declaration_deletes_is_refused():
    found = problems(
        auto_attendants=[dict(aa_options("Main", "2100"), state="absent")],
        forwarding=[{"location": HQ, "auto_attendant": "Main"}, {"location": HQ, "auto_attendant": "Other"}],
    )
    assert found == [
        "forwarding[0] ('Main'): the declaration deletes auto attendant 'Main' (state absent); leave its forwarding out"
    ]


def test_a_relative_greeting_path_is_taken_from_base_dir(tmp_path):
    """The file does not exist: the message names it where base_dir puts it."""
    items, found = options.checked_items(
        {"announcements": [{"name": "Hello", "path": "hello.wav"}], "base_dir": str(tmp_path)}
    )
    assert items["announcements"] == [None] and str(tmp_path / "hello.wav") in " ".join(found)
