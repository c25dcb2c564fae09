# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""What a filter is given, as plain dicts and lists."""

from __future__ import annotations


def plain(value):
    """VALUE with a new plain dict or list at every level (the leaves are shared: they are immutable).

    ansible-core 2.19 hands filters lazy containers that template their values on access. Copying one with
    copy.deepcopy copies its templating context too: about 0.4 s per copy with a role's variables in scope (the role
    spent 20 s of a 60-site run there), and outside that context a nested template may fail to load its filter.
    Reading the container once, here, templates each value where it belongs; the filters copy plain data after that.
    """
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value
