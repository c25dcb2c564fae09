"""The order of a site's writes: targets first, cycles in two passes, deletes last unless a write needs one first."""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._site import graph


def placed(steps):
    return [(step.key, step.action, step.level, step.second) for step in steps]


def test_targets_before_referrers_and_independent_objects_in_one_wave():
    writes = [
        ("office", "schedules", "create"),
        ("welcome", "announcements", "create"),
        ("front", "auto_attendants", "create"),
        ("back", "auto_attendants", "create"),
        ("alone", "auto_attendants", "update"),
        ("front-forwarding", "forwarding", "update"),
    ]
    needs = {"front": {"back", "office", "welcome"}, "back": {"office"}, "front-forwarding": {"front"}}
    steps = graph.order(writes, [], needs)
    assert placed(steps) == [
        ("office", "create", 0, False),
        ("welcome", "create", 0, False),
        ("alone", "update", 0, False),
        ("back", "create", 1, False),
        ("front", "create", 2, False),
        ("front-forwarding", "update", 3, False),
    ]
    assert [len(wave) for wave in graph.waves(steps)] == [3, 1, 1, 1]


def test_a_cycle_is_broken_at_its_first_member_and_written_again_whole():
    writes = [("ping", "auto_attendants", "create"), ("pong", "auto_attendants", "create")]
    steps = graph.order(writes, [], {"ping": {"pong"}, "pong": {"ping"}})
    assert placed(steps) == [
        ("ping", "create", 0, False),
        ("pong", "create", 1, False),
        ("ping", "create", 2, True),
    ]
    assert steps[0].deferred == {"pong"} and steps[1].deferred == frozenset()
    assert steps[2].needs == {"ping", "pong"}


def test_an_object_that_only_waits_for_a_cycle_is_not_the_one_broken():
    # x -> a, a <-> b: the cycle is broken at a (its first member), never at x, which just waits for a.
    writes = [(key, "auto_attendants", "create") for key in ("x", "a", "b")]
    steps = graph.order(writes, [], {"x": {"a"}, "a": {"b"}, "b": {"a"}})
    assert placed(steps) == [
        ("a", "create", 0, False),
        ("x", "create", 1, False),
        ("b", "create", 1, False),
        ("a", "create", 2, True),
    ]
    assert steps[0].deferred == {"b"} and all(not step.deferred for step in steps[1:])


def test_declaration_order_is_kept_where_references_allow():
    writes = [
        ("c", "auto_attendants", "update"),
        ("a", "auto_attendants", "update"),
        ("b", "auto_attendants", "update"),
    ]
    steps = graph.order(writes, [], {})
    assert [step.key for step in steps] == ["c", "a", "b"] and {step.level for step in steps} == {0}


def test_deletes_come_last_attendants_then_greetings_then_schedules():
    writes = [("front", "auto_attendants", "update")]
    deletes = [
        ("old-schedule", "schedules", "delete"),
        ("old-greeting", "announcements", "delete"),
        ("back", "auto_attendants", "delete"),
    ]
    steps = graph.order(writes, deletes, {"back": {"front"}, "old-schedule": {"front"}})
    assert placed(steps) == [
        ("front", "update", 0, False),
        ("back", "delete", 1, False),
        ("old-greeting", "delete", 2, False),
        ("old-schedule", "delete", 3, False),
    ]
    assert steps[1].needs == {"front"} and steps[2].needs == set()


def test_a_delete_that_frees_what_a_write_takes_comes_first():
    writes = [("main-line", "auto_attendants", "create"), ("other", "auto_attendants", "update")]
    deletes = [("main", "auto_attendants", "delete"), ("unrelated", "auto_attendants", "delete")]
    steps = graph.order(writes, deletes, {"main-line": {"main"}})
    assert placed(steps) == [
        ("main", "delete", 0, False),
        ("other", "update", 0, False),
        ("main-line", "create", 1, False),
        ("unrelated", "delete", 2, False),
    ]


def test_only_written_objects_order():
    """A need on an object that writes nothing (or is not declared) orders nothing."""
    steps = graph.order([("front", "auto_attendants", "update")], [], {"front": {"back", "office"}})
    assert placed(steps) == [("front", "update", 0, False)] and steps[0].needs == set()


def test_a_dependency_cycle_after_breaking_is_a_loud_error():
    steps = [graph.Step("a", "schedules", "create", {"b"}), graph.Step("b", "schedules", "create", {"a"})]
    with pytest.raises(ValueError, match="dependency cycle"):
        graph._levels(steps, {step.key: step for step in steps})
