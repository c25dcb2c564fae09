# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""plugin_utils/plain_data.py, and the filters that read what Ansible gives them through it, never by deepcopy (a
deepcopy of ansible-core's lazy containers copies their templating context: 20 s of a 60-site role run)."""

from __future__ import annotations

import pytest

from ansible_collections.wxc.calling.plugins.filter.auto_attendant_flowchart import flowchart_graphs
from ansible_collections.wxc.calling.plugins.plugin_utils.plain_data import plain
from ansible_collections.wxc.calling.plugins.plugin_utils.site_declaration import site_declaration
from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args


class Lazy(dict):
    """Stands in for ansible-core's lazy dict: readable item by item, never to be deep-copied."""

    def __deepcopy__(self, memo):
        raise AssertionError("a filter deep-copied a container Ansible gave it")


class LazyList(list):
    def __deepcopy__(self, memo):
        raise AssertionError("a filter deep-copied a container Ansible gave it")


def lazy(value):
    if isinstance(value, dict):
        return Lazy({key: lazy(item) for key, item in value.items()})
    if isinstance(value, list):
        return LazyList(lazy(item) for item in value)
    return value


ITEMS = [
    {
        "name": "Main",
        "location": "Headquarters",
        "extension": "2000",
        "business_hours": {"operator": "1000", "departments": [{"name": "Sales", "destination": "1100"}]},
        "forwarding": {"always": {"enabled": False}},
    }
]
DEFAULTS = {"business_schedule": "AUTOATTENDANT-BUSINESS-HOURS", "after_hours": {"shape": "closed"}}


def test_plain_gives_equal_data_in_new_plain_containers_at_every_level():
    given = lazy({"a": [{"b": "c"}, "d"], "e": 1})
    result = plain(given)
    assert result == {"a": [{"b": "c"}, "d"], "e": 1}
    assert not isinstance(result, Lazy) and not isinstance(result["a"], LazyList)
    assert not isinstance(result["a"][0], Lazy)
    assert result["a"][0] is not given["a"][0]


@pytest.mark.parametrize(
    "call",
    [
        lambda: auto_attendant_module_args(lazy(ITEMS), lazy(DEFAULTS)),
        lambda: site_declaration(lazy(ITEMS), lazy(DEFAULTS), schedules=lazy([{"name": "Hours"}])),
        lambda: flowchart_graphs(lazy(ITEMS), lazy(DEFAULTS)),
    ],
    ids=["auto_attendant_module_args", "auto_attendant_site", "auto_attendant_flowchart"],
)
def test_the_filters_read_what_they_are_given_without_deep_copying_it(call):
    assert call() == call()  # ran twice: the given data is left as it was
