"""_auto_attendant/bulk.py, the pure half of webex_auto_attendants: item validation, write passes, differing fields,
purge warnings, the summary."""

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import compare as aa_compare
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant import options as aa_options
from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.bulk import (
    ListedService,
    checked_items,
    differing_fields,
    item_argument_spec,
    item_label,
    missing_reference_targets,
    purge_reference_warnings,
    summary_of,
    validate_options,
    write_passes,
)
from tests.builders import menu


def params(*items, **task):
    return dict({"auto_attendants": list(items), "purge": False, "purge_limit": 10, "concurrency": 10}, **task)


def test_valid_items_get_the_single_module_defaults():
    items, problems = checked_items(
        params(
            {"name": "A", "location": "HQ", "extension": "2001"}, {"name": "A", "location": "Denver", "org_id": "other"}
        )
    )
    assert problems == []
    assert items[0]["state"] == "present" and items[0]["business_hours_menu"] is None
    assert items[1]["org_id"] == "other"


def test_every_problem_of_every_item_names_the_item_and_the_option():
    _items, problems = checked_items(
        params(
            {"name": "A", "location": "HQ", "extension": "x"},
            {
                "name": "B",
                "location": "HQ",
                "business_hours_menu": menu({"key": "1", "action": "TRANSFER_WITH_PROMPT"}),
            },
            {"location": "HQ"},
            {"name": "A", "location": "HQ"},
            purge_limit=-1,
            concurrency=51,
        )
    )
    assert problems[:2] == [
        "purge_limit: -1 is negative (0 means no limit)",
        "concurrency: 51 is out of range (1 to 50)",
    ]
    assert "auto_attendants[0] ('A'): extension: 'x' must be 2 to 10 digits" in problems
    assert any(
        problem.startswith(
            "auto_attendants[1] ('B'): business_hours_menu.key_configurations (key 1): action "
            "TRANSFER_WITH_PROMPT needs a value"
        )
        for problem in problems
    )
    assert "auto_attendants[2] (no name): missing required arguments: name" in problems
    assert any(
        problem.startswith("auto_attendants[3] ('A'): declared twice in location 'HQ' (also auto_attendants[0])")
        for problem in problems
    )


def test_the_same_name_in_two_organisations_is_not_a_duplicate():
    _items, problems = checked_items(
        params({"name": "A", "location": "HQ", "org_id": "one"}, {"name": "A", "location": "HQ", "org_id": "two"})
    )
    assert problems == []


def test_differing_fields_are_the_single_module_comparison():
    item = {"name": "A", "extension": "2002", "business_hours_menu": None, "after_hours_menu": None}
    for field in aa_options.FIELDS:
        item.setdefault(field, None)
    current = {"name": "A", "extension": "2001"}
    plan = aa_compare.plan("present", aa_compare.desired_from_options(item), current)
    assert plan.action == "update" and differing_fields(plan) == ["extension"]
    create = aa_compare.plan("present", aa_compare.desired_from_options(item), None)
    assert differing_fields(create) == ["name", "extension"]
    assert differing_fields(aa_compare.plan("absent", {}, current)) == []


def test_purge_warns_about_attendants_a_key_still_transfers_to():
    purged = [
        {"name": "Old", "location": "HQ", "extension": "7000", "esn": "87007000"},
        {"name": "Lonely", "location": "HQ", "extension": "7001"},
    ]
    declared = [
        {
            "name": "Main",
            "action": "nothing",
            "auto_attendant": {
                "business_hours_menu": {
                    "key_configurations": [{"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "7000"}]
                }
            },
        },
        {
            "name": "Gone",
            "action": "delete",
            "auto_attendant": {
                "after_hours_menu": {
                    "key_configurations": [{"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "7001"}]
                }
            },
        },
    ]
    warnings = purge_reference_warnings(purged, declared)
    assert len(warnings) == 1 and "'Old'" in warnings[0] and "'Main'" in warnings[0]


def test_summary_counts_failed_items_apart():
    results = [{"action": "create"}, {"action": "nothing"}, {"action": "update", "failed": True}, {"action": "delete"}]
    assert summary_of(results) == {"create": 1, "update": 0, "delete": 1, "nothing": 1, "failed": 1}


def test_one_write_pass_until_references_are_ordered():
    plain = [{"name": name, "location": "HQ", "state": "present"} for name in ("a", "b", "c")]
    assert write_passes(plain) == [[(0, frozenset()), (1, frozenset()), (2, frozenset())]]


class FakeService:
    def __init__(self):
        self.finds = []

    def find(self, location_id, name):
        self.finds.append((location_id, name))
        return {"id": "asked", "name": name}

    def details(self, location_id, auto_attendant_id):
        return {"id": auto_attendant_id}


def test_only_the_first_lookup_of_a_name_comes_from_the_listing():
    service = FakeService()
    listed = ListedService(
        service, {"L1": [{"id": "listed", "name": "A"}, {"id": "d1", "name": "Dup"}, {"id": "d2", "name": "Dup"}]}
    )
    assert listed.find("L1", "A")["id"] == "listed"
    assert listed.find("L1", "B") is None  # not in the listing: absent, without a request
    assert service.finds == []
    assert listed.find("L1", "A")["id"] == "asked"  # a later lookup (after an ambiguous POST) asks the service
    assert listed.find("L1", "Dup")["id"] == "asked"  # duplicates: the service's own lookup reports them
    assert listed.find("L2", "A")["id"] == "asked"  # a location that was not listed
    assert listed.details("L1", "x") == {"id": "x"}
    assert service.finds == [("L1", "A"), ("L1", "Dup"), ("L2", "A")]


def test_write_passes_put_targets_first_and_break_a_cycle_only_while_it_is_new():
    def item(name, *targets):
        keys = [
            {"key": str(i + 1), "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": target}
            for i, target in enumerate(targets)
        ]
        return {
            "name": name,
            "location": "HQ",
            "state": "present",
            "business_hours_menu": {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": keys},
        }

    items = [item("Main", "Support", "Sales"), item("Support", "Main"), item("Sales"), item("Desk", "Elsewhere")]
    passes = write_passes(items)
    # Identities are (organisation, location, name); these items give no org_id.
    assert passes == [
        [(2, frozenset()), (3, frozenset())],
        [(0, frozenset({(None, "HQ", "Support")}))],
        [(1, frozenset())],
        [(0, frozenset())],
    ]
    # Once every one exists, references resolve as they are: one pass, nothing deferred.
    assert write_passes(items, existing=[0, 1, 2, 3]) == [
        [(0, frozenset()), (1, frozenset()), (2, frozenset()), (3, frozenset())]
    ]


def test_task_option_bounds_are_inclusive():
    assert checked_items(params(purge_limit=0, concurrency=1)) == ([], [])
    assert checked_items(params(concurrency=50)) == ([], [])
    assert checked_items(params(concurrency=0))[1] == ["concurrency: 0 is out of range (1 to 50)"]
    assert checked_items(params(purge_limit=None, concurrency=None)) == ([], [])
    assert checked_items({"auto_attendants": None}) == ([], [])


def test_items_that_are_not_dictionaries_or_lack_a_usable_name_are_named_by_index():
    items, problems = checked_items(
        params(
            "x",
            {"name": "  ", "location": "HQ", "extension": "2001"},
            {"name": 5, "location": "HQ"},
            {"name": "A", "location": "HQ"},
            {"name": "A", "location": "HQ", "org_id": "T"},
            org_id="T",
        )
    )
    assert problems == [
        "auto_attendants[0] (no name): must be a dictionary of webex_auto_attendant options",
        "auto_attendants[1] (no name): name: must not be empty",
        "auto_attendants[2] (no name): name: is the number 5, not text (YAML reads unquoted digits as a number: 0100 "
        'becomes 64, 1_000 becomes 1000); quote it, for example name: "0100"',
        # The task's org_id is the organisation of an item without its own: the same attendant twice.
        "auto_attendants[4] ('A'): declared twice in location 'HQ' (also auto_attendants[3]); declare each auto "
        "attendant once",
    ]
    assert items[:3] == [None, None, None] and items[3]["name"] == "A" and items[4]["org_id"] == "T"
    assert validate_options(params({"name": "A", "location": "HQ"})) == []
    assert validate_options(params("x")) == [
        "auto_attendants[0] (no name): must be a dictionary of webex_auto_attendant options"
    ]


def test_item_labels():
    assert item_label(3, {"name": "Main"}) == "auto_attendants[3] ('Main')"
    assert item_label(0, {"name": " "}) == "auto_attendants[0] (no name)"
    assert item_label(1, {}) == "auto_attendants[1] (no name)"
    assert item_label(2, ["Main"]) == "auto_attendants[2] (no name)"


def test_item_options_are_the_single_module_options_and_org_id():
    spec = item_argument_spec()
    assert spec.pop("org_id") == {"type": "str"}
    assert spec == aa_options.argument_spec()


def test_created_fields_follow_the_module_option_order_unknown_last():
    create = aa_compare.plan("present", {"afterHoursMenu": {}, "zzzUnknown": 1, "name": "A", "phoneNumber": "+1"}, None)
    assert differing_fields(create) == ["name", "phone_number", "after_hours_menu", "zzz_unknown"]
    assert differing_fields(aa_compare.plan("present", {"name": "A"}, {"name": "A"})) == []


def _menu_to(*targets):
    keys = [
        {"key": str(i + 1), "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": t} for i, t in enumerate(targets)
    ]
    return {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": keys}


def test_write_passes_edges():
    assert write_passes([]) == []
    # A reference to itself orders nothing.
    own = {"name": "A", "location": "HQ", "state": "present", "business_hours_menu": _menu_to("A")}
    assert write_passes([own]) == [[(0, frozenset())]]
    # An item being deleted refers to nothing: its keys make no cycle.
    items = [
        {"name": "X", "location": "HQ", "state": "present", "business_hours_menu": _menu_to("D")},
        {"name": "D", "location": "HQ", "state": "absent", "business_hours_menu": _menu_to("X")},
    ]
    assert write_passes(items) == [[(1, frozenset())], [(0, frozenset())]]
    # Targets are matched within the item's organisation.
    org_items = [
        {"name": "A", "location": "HQ", "state": "present", "org_id": "O", "business_hours_menu": _menu_to("B")},
        {"name": "B", "location": "HQ", "state": "present", "org_id": "O"},
    ]
    assert write_passes(org_items) == [[(1, frozenset())], [(0, frozenset())]]


def test_missing_reference_targets_skip_items_being_deleted_and_match_within_the_organisation():
    items = [
        {"name": "Gone", "location": "HQ", "state": "absent", "business_hours_menu": _menu_to("Z")},
        {"name": "A", "location": "HQ", "state": "present", "org_id": "O", "business_hours_menu": _menu_to("B", "Q")},
        {"name": "B", "location": "HQ", "state": "present", "org_id": "O"},
    ]
    asked = []
    assert missing_reference_targets(items, lambda owner, name: asked.append(name) or []) == [
        "auto_attendants[1] ('A'): business_hours_menu.key_configurations (key 2).auto_attendant: no auto attendant "
        "'Q' in location HQ, and the task does not declare it"
    ]
    assert asked == ["Q"]


def test_missing_reference_targets_look_a_name_up_in_each_organisation_that_refers_to_it():
    """Two organisations refer to the same name: each is asked, and only the one without it is refused."""
    items = [
        {"name": "A", "location": "HQ", "state": "present", "org_id": "O1", "business_hours_menu": _menu_to("Sales")},
        {"name": "A", "location": "HQ", "state": "present", "org_id": "O2", "business_hours_menu": _menu_to("Sales")},
        {"name": "C", "location": "HQ", "state": "present", "org_id": "O2", "business_hours_menu": _menu_to("Sales")},
    ]
    asked = []

    def lookup(owner, name):
        asked.append((owner["org_id"], name))
        return [{"name": name, "locationName": "HQ", "locationId": "L1"}] if owner["org_id"] == "O1" else []

    assert missing_reference_targets(items, lookup) == [
        "auto_attendants[%d] ('%s'): business_hours_menu.key_configurations (key 1).auto_attendant: no auto attendant "
        "'Sales' in location HQ, and the task does not declare it" % (index, name)
        for index, name in ((1, "A"), (2, "C"))
    ]
    assert asked == [("O1", "Sales"), ("O2", "Sales")]
