"""_auto_attendant/bulk.py, the pure half of webex_auto_attendants: the task as a site declaration of attendants only,
every problem of its options (each item judged by the site engine's rulebook, naming the item), the summary.

The old engine's pure half (write passes, the listed service, missing targets, purge warnings) is the site engine's
now: each of those tests is named below with the test that proves its rule.
"""

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.bulk import (
    site_params,
    summary_of,
    validate_options,
)
from tests.builders import menu


def params(*items, **task):
    return dict({"auto_attendants": list(items), "purge": False, "purge_limit": 10, "concurrency": 10}, **task)


def test_the_task_is_a_site_declaration_of_its_attendants_only():
    items = [{"name": "A", "location": "HQ"}]
    assert site_params(params(*items, purge=True, purge_limit=3, concurrency=4, org_id="O")) == {
        "schedules": [],
        "announcements": [],
        "auto_attendants": items,
        "forwarding": [],
        "purge": {"auto_attendants": True},
        "purge_limit": 3,
        "concurrency": 4,
        "org_id": "O",
        "base_dir": None,
        "plan": None,
        "plan_max_age": 0,
    }
    assert site_params({"auto_attendants": None})["purge"] == {"auto_attendants": False}


def test_valid_items_have_no_problem():
    assert (
        validate_options(
            params(
                {"name": "A", "location": "HQ", "extension": "2001"},
                {"name": "A", "location": "Denver", "org_id": "other"},
            )
        )
        == []
    )


# test_valid_items_get_the_single_module_defaults: _site/test_options.py::
# test_a_valid_declaration_has_no_problem_and_items_get_their_defaults


def test_every_problem_of_every_item_names_the_item_and_the_option():
    problems = validate_options(
        params(
            {"name": "A", "location": "HQ", "extension": "x"},
            {
                "name": "B",
                "location": "HQ",
                "business_hours_menu": menu({"key": "1", "action": "TRANSFER_WITH_PROMPT"}),
            },
            {"location": "HQ"},
            {"name": "C", "location": "HQ"},
            {"name": "C", "location": "HQ"},
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
    assert problems[-1] == (
        "auto_attendants[4] ('C'): declared twice in location 'HQ' (also auto_attendants[3]); declare each auto "
        "attendant once"
    )


def test_the_same_name_in_two_organisations_is_not_a_duplicate():
    assert (
        validate_options(
            params({"name": "A", "location": "HQ", "org_id": "one"}, {"name": "A", "location": "HQ", "org_id": "two"})
        )
        == []
    )


# test_differing_fields_are_the_single_module_comparison: tests/component/test_bulk.py::
# test_without_diff_no_diff_list_and_changes_only_where_made (update), CREATED_FIELDS there (create)


# test_purge_warns_about_attendants_a_key_still_transfers_to: purge keeps them now: tests/component/test_bulk.py::
# test_purge_keeps_what_a_key_or_a_call_treatment_transfers_to_by_any_of_its_numbers


def test_summary_counts_failed_items_apart():
    results = [{"action": "create"}, {"action": "nothing"}, {"action": "update", "failed": True}, {"action": "delete"}]
    assert summary_of(results) == {"create": 1, "update": 0, "delete": 1, "nothing": 1, "failed": 1}
    # An item that could not be planned (action null) counts as failed.
    assert summary_of([{"action": None, "failed": True}])["failed"] == 1


# test_one_write_pass_until_references_are_ordered: _site/test_graph.py::test_declaration_order_is_kept_where_references_allow


# test_only_the_first_lookup_of_a_name_comes_from_the_listing: _site/test_reads.py (the list answers look-ups by name)
# and tests/component/test_bulk.py::test_a_look_up_after_an_ambiguous_create_asks_the_service_not_the_list_read_before


# test_write_passes_put_targets_first_and_break_a_cycle_only_while_it_is_new: _site/test_graph.py::
# test_a_cycle_is_broken_at_its_first_member_and_written_again_whole


def test_task_option_bounds_are_inclusive():
    assert validate_options(params(purge_limit=0, concurrency=1)) == []
    assert validate_options(params(concurrency=50)) == []
    assert validate_options(params(concurrency=0)) == ["concurrency: 0 is out of range (1 to 50)"]
    assert validate_options(params(purge_limit=None, concurrency=None)) == []
    assert validate_options({"auto_attendants": None}) == []


def test_items_that_are_not_dictionaries_or_lack_a_usable_name_are_named_by_index():
    problems = validate_options(
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
    assert validate_options(params({"name": "A", "location": "HQ"})) == []
    assert validate_options(params("x")) == [
        "auto_attendants[0] (no name): must be a dictionary of webex_auto_attendant options"
    ]


# test_item_labels: the messages above, and _site/test_options.py::
# test_every_problem_of_every_item_names_the_kind_the_item_and_the_option


# test_item_options_are_the_single_module_options_and_org_id: _site/test_options.py::test_an_item_takes_its_modules_options_and_org_id


# test_created_fields_follow_the_module_option_order_unknown_last: a creation's fields are the engine's now (sorted,
# _site/converge.py); component test_bulk.py asserts them on every creation (CREATED_FIELDS)


# test_write_passes_edges: tests/component/test_bulk.py::
# test_a_reference_to_itself_or_from_an_attendant_being_deleted_orders_and_refuses_nothing and (organisations)
# test_a_reference_matches_a_target_that_names_the_task_organisation_itself


# test_missing_reference_targets_skip_items_being_deleted_and_match_within_the_organisation: the same two component
# tests


# test_missing_reference_targets_look_a_name_up_in_each_organisation_that_refers_to_it: _site/test_compare.py::
# test_the_directory_answers_managed_names_and_asks_the_service_only_for_the_others
