# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Unit tests of the auto_attendant_flowchart filter: the graph (every key, destination and edge) and its renderings."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import os
import re
import subprocess
from xml.etree import ElementTree

import pytest
import yaml
from ansible.errors import AnsibleFilterError

from ansible_collections.wxc.calling.plugins.filter.auto_attendant_flowchart import (
    FilterModule,
    auto_attendant_flowchart,
    dot_text,
    flowchart_graphs,
    mermaid_text,
    to_dot,
    to_mermaid,
)
from tests.graphviz import requires_dot
from tests.unit.plugins.filter.flowchart_expected import (
    BRANCH_DOT,
    BRANCH_GRAPH,
    BRANCH_MERMAID,
    HEADQUARTERS_DOT,
    HEADQUARTERS_GRAPH,
    HEADQUARTERS_MERMAID,
    ODD_LAB_CO_2_DOT,
    ODD_LAB_CO_2_GRAPH,
    ODD_LAB_CO_2_MERMAID,
    ODD_LAB_CO_DOT,
    ODD_LAB_CO_GRAPH,
    ODD_LAB_CO_MERMAID,
    ODD_LOCATION_DOT,
    ODD_LOCATION_GRAPH,
    ODD_LOCATION_MERMAID,
)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, os.pardir, os.pardir))


def menu(keys, call_treatment=None, greeting="DEFAULT", audio=None):
    result = {"greeting": greeting, "extension_enabled": True, "key_configurations": keys}
    if call_treatment:
        result["call_treatment"] = call_treatment
    if audio:
        result["audio_announcement_file"] = audio
    return result


# Module options (the export form) that use every key action, a reference by name in the same location and one in
# another location, a transfer to another attendant's extension, one to its phone number and one to an alternate
# number, and both call treatments.
MAIN = {
    "name": "Main Line",
    "location": "Headquarters",
    "extension": "2000",
    "phone_number": "+15555550100",
    "business_schedule": "Office Hours",
    "holiday_schedule": "Holidays",
    "name_dialing": "GROUP",
    "business_hours_menu": menu(
        [
            {"key": "0", "action": "TRANSFER_TO_OPERATOR", "description": "Operator"},
            {"key": "1", "action": "TRANSFER_WITH_PROMPT", "value": "+15555550199", "description": "Billing"},
            {
                "key": "2",
                "action": "TRANSFER_WITHOUT_PROMPT",
                "auto_attendant": "Support Menu",
                "description": "Support",
            },
            {"key": "3", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100", "description": "Support by extension"},
            {"key": "4", "action": "TRANSFER_TO_MAILBOX", "value": "2000", "description": "Leave a message"},
            {"key": "5", "action": "NAME_DIALING"},
            {"key": "6", "action": "EXTENSION_DIALING"},
            {
                "key": "7",
                "action": "PLAY_ANNOUNCEMENT",
                "audio_announcement_file": {"file_name": "hours.wav"},
                "description": "Opening hours",
            },
            {
                "key": "8",
                "action": "TRANSFER_WITHOUT_PROMPT",
                "auto_attendant": {"location": "Branch", "name": "Branch Desk"},
            },
            {"key": "9", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100", "description": "Sales"},
            {"key": "*", "action": "REPEAT_MENU"},
            {"key": "#", "action": "EXIT", "description": "Goodbye"},
        ],
        call_treatment={
            "retry_attempt_for_no_input": "TWO_TIMES",
            "no_input_timer": 15,
            "action_to_be_performed": {"action": "TRANSFER_WITH_PROMPT", "transfer_call_to": "1100"},
        },
        greeting="CUSTOM",
        audio={"file_name": "welcome.wav"},
    ),
    "after_hours_menu": menu(
        [
            {"key": "1", "action": "TRANSFER_TO_MAILBOX", "value": "2000"},
            {"key": "*", "action": "REPEAT_MENU"},
        ],
        call_treatment={"action_to_be_performed": {"action": "PLAY_MESSAGE_AND_DISCONNECT"}},
    ),
}
SUPPORT = {
    "name": "Support Menu",
    "location": "Headquarters",
    "extension": "2100",
    "business_schedule": "Office Hours",
    "business_hours_menu": menu(
        [
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1201", "description": "Hardware"},
            {"key": "9", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2000", "description": "Main menu"},
        ],
        call_treatment={"action_to_be_performed": {"action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Main Line"}},
    ),
    "after_hours_menu": menu([{"key": "#", "action": "EXIT"}]),
}
BRANCH = {
    "name": "Branch Desk",
    "location": "Branch",
    "extension": "2000",
    "phone_number": "+15555550300",
    "alternate_numbers": [{"phone_number": "+15555550301", "ring_pattern": "NORMAL"}],
    "business_schedule": "Branch Hours",
    "business_hours_menu": menu(
        [
            {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+15555550100", "description": "Headquarters"},
            # 2100 is Support Menu's extension in Headquarters, not in Branch: a plain extension here.
            {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100", "description": "Local 2100"},
        ]
    ),
    "after_hours_menu": menu([{"key": "0", "action": "TRANSFER_TO_OPERATOR"}]),
}
ATTENDANTS = [MAIN, SUPPORT, BRANCH]


def diagram(graphs, location):
    found = [graph for graph in graphs if graph["location"] == location]
    assert len(found) == 1, [graph["location"] for graph in graphs]
    return found[0]


def the_node(graph, kind, **fields):
    found = [
        node for node in graph["nodes"] if node["kind"] == kind and all(node.get(k) == v for k, v in fields.items())
    ]
    assert len(found) == 1, (kind, fields, found)
    return found[0]


def edges_from(graph, node):
    return [(edge["target"], edge["label"]) for edge in graph["edges"] if edge["source"] == node["id"]]


def by_id(graph, node_id):
    return [node for node in graph["nodes"] if node["id"] == node_id][0]


def destination(graph, attendant, menu_name, key):
    """(kind, first label line, edge label) of where KEY of ATTENDANT's MENU_NAME sends the caller."""
    menu_node = the_node(graph, "menu", attendant=attendant, menu=menu_name)
    key_node = the_node(graph, "key", attendant=attendant, menu=menu_name, key=key)
    assert (key_node["id"], "") in edges_from(graph, menu_node)
    targets = edges_from(graph, key_node)
    assert len(targets) == 1, targets
    target = by_id(graph, targets[0][0])
    return target["kind"], target["label"][0] if target["kind"] != "mailbox" else target["label"][1], targets[0][1]


def test_every_key_and_its_destination():
    hq = diagram(flowchart_graphs(ATTENDANTS), "Headquarters")
    expected = {
        "0": ("operator", "Operator", ""),
        "1": ("number", "+15555550199", "with prompt"),
        "2": ("attendant", "Support Menu", ""),
        "3": ("attendant", "Support Menu", ""),
        "4": ("mailbox", "2000", ""),
        "5": ("dial_by_name", "Dial by name", ""),
        "6": ("dial_by_extension", "Dial by extension", ""),
        "7": ("announcement", "Announcement", ""),
        "8": ("attendant", "Branch Desk", ""),
        "9": ("extension", "ext 1100", ""),
        "*": ("menu", "Business hours", "repeat"),
        "#": ("disconnect", "Disconnect", ""),
    }
    found = dict((key, destination(hq, "Main Line", "business_hours", key)) for key in expected)
    assert found == expected
    keys = [
        node
        for node in hq["nodes"]
        if node["kind"] == "key" and node["attendant"] == "Main Line" and node["menu"] == "business_hours"
    ]
    assert sorted(node["key"] for node in keys) == sorted(expected)
    assert the_node(hq, "key", attendant="Main Line", menu="business_hours", key="4")["label"] == ["4: Leave a message"]
    assert the_node(hq, "key", attendant="Main Line", menu="business_hours", key="5")["label"] == ["5: Dial by name"]
    assert the_node(hq, "announcement", attendant="Main Line")["label"] == ["Announcement", "hours.wav"]
    assert the_node(hq, "dial_by_name", attendant="Main Line")["label"] == ["Dial by name", "scope: GROUP"]
    assert destination(hq, "Main Line", "after_hours", "1") == ("mailbox", "2000", "")
    assert destination(hq, "Main Line", "after_hours", "*") == ("menu", "After hours", "repeat")
    assert destination(hq, "Support Menu", "business_hours", "1") == ("extension", "ext 1201", "")
    assert destination(hq, "Support Menu", "business_hours", "9") == ("attendant", "Main Line", "")


def test_the_whole_diagrams():
    """Every node (id, kind, label, fields), every edge and both renderings, exactly."""
    assert auto_attendant_flowchart(ATTENDANTS) == [
        dict(BRANCH_GRAPH, mermaid=BRANCH_MERMAID, dot=BRANCH_DOT),
        dict(HEADQUARTERS_GRAPH, mermaid=HEADQUARTERS_MERMAID, dot=HEADQUARTERS_DOT),
    ]


# Attendants that draw every fallback: a mailbox named by reference (here, elsewhere) or by nothing, a transfer with no
# value, a number that is another attendant's alternate number (written with spaces and dashes), an action the diagram
# does not know, an announcement without a file, scopes, a reference to an attendant that is not in the list (here and
# elsewhere), a call treatment with an unknown retry value and no action, an empty one, a menu that is not a dictionary,
# locations whose slugs collide or are empty, and an absent item.
ODD = [
    {
        "name": "Odd",
        "location": "Lab & Co",
        "extension": 3000,
        "alternate_numbers": ["+15555550400", {"ring_pattern": "NORMAL"}, {"phone_number": "+1 (555) 555-0401"}],
        "extension_dialing": "ENTERPRISE",
        "business_hours_menu": {
            "greeting": "CUSTOM",
            "audio_announcement_file": {"id": "file-7"},
            "key_configurations": [
                "not a key",
                {"key": 1, "action": "TRANSFER_TO_MAILBOX", "auto_attendant": "Odd"},
                {
                    "key": "2",
                    "action": "TRANSFER_TO_MAILBOX",
                    "auto_attendant": {"location": "Elsewhere", "name": "Far"},
                },
                {"key": "3", "action": "TRANSFER_TO_MAILBOX"},
                {"key": "4", "action": "TRANSFER_WITHOUT_PROMPT"},
                {"key": "5", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+15555550401"},
                {"key": "6", "action": "RETURN_TO_PREVIOUS_MENU"},
                {"key": "7", "action": "PLAY_ANNOUNCEMENT"},
                {"key": "8", "action": "EXTENSION_DIALING"},
                {"key": "9", "action": "NAME_DIALING"},
                {"key": "0", "action": "DISCONNECT"},
                {"key": "#", "action": "TRANSFER_WITH_PROMPT", "auto_attendant": {"name": "Twin"}},
            ],
            "call_treatment": {
                "retry_attempt_for_no_input": "FOUR_TIMES",
                "no_input_timer": 0,
                "action_to_be_performed": {},
            },
        },
        "after_hours_menu": {"greeting": "CUSTOM", "key_configurations": [], "call_treatment": {}},
    },
    {
        "name": "Twin",
        "location": "Lab / Co",
        "holiday_schedule": "Closed days",
        "after_hours_menu": "raw text",
        "phone_number": "+15555550500",
        "business_hours_menu": {
            "greeting": "DEFAULT",
            "key_configurations": [
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "3000"},
                {
                    "key": "2",
                    "action": "TRANSFER_WITH_PROMPT",
                    "auto_attendant": {"location": "Elsewhere", "name": "Far"},
                },
                {
                    "key": "3",
                    "action": "TRANSFER_WITHOUT_PROMPT",
                    "auto_attendant": {"location": "!!!", "name": "Unnamed"},
                    "description": None,
                },
            ],
            "call_treatment": {"action_to_be_performed": {"action": "TRANSFER_TO_MAILBOX", "transfer_call_to": "3000"}},
        },
    },
    {"name": "Unnamed", "location": "!!!", "state": "present"},
    {"name": "Gone", "location": "Lab & Co", "state": "absent"},
]


def test_every_fallback_drawn_exactly_and_lower_case_direction():
    assert auto_attendant_flowchart(ODD, direction="tb") == [
        dict(ODD_LOCATION_GRAPH, mermaid=ODD_LOCATION_MERMAID, dot=ODD_LOCATION_DOT),
        dict(ODD_LAB_CO_GRAPH, mermaid=ODD_LAB_CO_MERMAID, dot=ODD_LAB_CO_DOT),
        dict(ODD_LAB_CO_2_GRAPH, mermaid=ODD_LAB_CO_2_MERMAID, dot=ODD_LAB_CO_2_DOT),
    ]


def test_menus_carry_the_schedules_and_the_greeting():
    hq = diagram(flowchart_graphs(ATTENDANTS), "Headquarters")
    main = the_node(hq, "attendant", attendant="Main Line")
    business = the_node(hq, "menu", attendant="Main Line", menu="business_hours")
    after = the_node(hq, "menu", attendant="Main Line", menu="after_hours")
    assert main["label"] == ["Main Line", "ext 2000 / +15555550100"] and main["external"] is False
    assert business["label"] == ["Business hours", "schedule: Office Hours", "greeting: welcome.wav"]
    assert after["label"] == ["After hours", "outside Office Hours", "holidays: Holidays"]
    assert sorted(edges_from(hq, main)) == sorted([(business["id"], "business hours"), (after["id"], "after hours")])


def test_call_treatments():
    hq = diagram(flowchart_graphs(ATTENDANTS), "Headquarters")
    business = the_node(hq, "menu", attendant="Main Line", menu="business_hours")
    treatment = the_node(hq, "call_treatment", attendant="Main Line", menu="business_hours")
    assert (treatment["id"], "no input") in edges_from(hq, business)
    assert treatment["label"] == ["No input", "repeat twice", "wait 15 s", "Transfer (with prompt)"]
    # The same extension as key 9: one shared node.
    assert edges_from(hq, treatment) == [(the_node(hq, "extension", value="1100")["id"], "with prompt")]
    closed = the_node(hq, "call_treatment", attendant="Main Line", menu="after_hours")
    assert edges_from(hq, closed) == [(the_node(hq, "disconnect", attendant="Main Line")["id"], "message")]
    support = the_node(hq, "call_treatment", attendant="Support Menu", menu="business_hours")
    assert edges_from(hq, support) == [(the_node(hq, "attendant", attendant="Main Line")["id"], "")]


def test_edges_between_attendants_and_across_locations():
    graphs = flowchart_graphs(ATTENDANTS)
    assert [graph["location"] for graph in graphs] == ["Branch", "Headquarters"]
    assert [graph["slug"] for graph in graphs] == ["branch", "headquarters"]
    hq, branch = diagram(graphs, "Headquarters"), diagram(graphs, "Branch")
    # Branch Desk is drawn in the Headquarters diagram as an attendant of another location, and the other way round.
    desk = the_node(hq, "attendant", attendant="Branch Desk")
    assert (
        desk["external"] is True and desk["location"] == "Branch" and desk["label"][:2] == ["Branch Desk", "in Branch"]
    )
    assert destination(branch, "Branch Desk", "business_hours", "1") == ("attendant", "Main Line", "")
    main_in_branch = the_node(branch, "attendant", attendant="Main Line")
    assert main_in_branch["external"] is True and main_in_branch["location"] == "Headquarters"
    # An extension is only another attendant's in that attendant's own location.
    assert destination(branch, "Branch Desk", "business_hours", "2") == ("extension", "ext 2100", "")
    assert [node["attendant"] for node in branch["nodes"] if node["kind"] == "attendant"] == [
        "Branch Desk",
        "Main Line",
    ]
    assert len([node for node in hq["nodes"] if node["kind"] == "attendant"]) == 3


def test_alternate_number_and_unknown_reference():
    caller = dict(
        SUPPORT,
        name="Caller",
        extension="2200",
        business_hours_menu=menu(
            [
                {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "+15555550301"},
                {"key": "2", "action": "TRANSFER_WITHOUT_PROMPT", "auto_attendant": "Nobody"},
            ]
        ),
    )
    hq = diagram(flowchart_graphs([caller, BRANCH]), "Headquarters")
    assert destination(hq, "Caller", "business_hours", "1") == ("attendant", "Branch Desk", "")
    nobody = the_node(hq, "attendant", attendant="Nobody")
    assert nobody["label"] == ["Nobody", "(not in this list)"]


def test_role_form_with_defaults_and_absent_items():
    with open(os.path.join(ROOT, "examples", "call_flows.yml"), encoding="utf-8") as handle:
        example = yaml.safe_load(handle)
    items = example["auto_attendant_list"] + [{"name": "Old", "location": "Headquarters", "state": "absent"}]
    graphs = flowchart_graphs(items, example["auto_attendant_defaults"])
    hq = diagram(graphs, "Headquarters")
    assert destination(hq, "Reception", "business_hours", "0") == ("extension", "ext 1000", "")
    assert destination(hq, "Reception", "business_hours", "2") == ("attendant", "Support Menu", "")
    assert destination(hq, "Reception", "business_hours", "3") == ("number", "+15555550199", "with prompt")
    assert destination(hq, "Reception", "business_hours", "4") == ("mailbox", "1000", "")
    assert destination(hq, "Support Menu", "business_hours", "9") == ("attendant", "Reception", "")
    assert destination(hq, "Reception", "after_hours", "1") == ("mailbox", "1000", "")
    assert not [node for node in hq["nodes"] if node.get("attendant") == "Old"]
    assert destination(diagram(graphs, "Branch"), "Branch Reception", "business_hours", "1") == (
        "attendant",
        "Reception",
        "",
    )


@pytest.mark.parametrize(
    "items, options, expected",
    [
        ({"name": "x"}, {}, "auto_attendant_flowchart expects a list of auto attendants, got dict"),
        ([MAIN, "x"], {}, "auto_attendant_flowchart: item 1 must be a dictionary, got str"),
        ([MAIN, {"name": "No Location"}], {}, "auto_attendant_flowchart: item 1 (No Location): location is missing"),
        ([{"location": "HQ"}], {}, "auto_attendant_flowchart: item 0 (no name): name is missing"),
        ([{"name": 5, "location": " "}], {}, "auto_attendant_flowchart: item 0 (5): location is missing"),
        ([{"name": ["a"], "location": "HQ"}], {}, "auto_attendant_flowchart: item 0 (['a']): name is missing"),
        ([MAIN], {"direction": "sideways"}, "auto_attendant_flowchart: direction is 'SIDEWAYS', expected LR or TB"),
        ([MAIN], {"direction": 5}, "auto_attendant_flowchart: direction is '5', expected LR or TB"),
        ([MAIN], {"defaults": []}, "auto_attendant_flowchart: defaults must be a dictionary, got list"),
        # The role's own checks run on the role form: when an item has business_hours, or when defaults are given.
        (
            [{"name": "x", "location": "y", "business_hours": {"operator": "1000"}}],
            {},
            "auto_attendant_list[0] (x): extension: an auto attendant needs an extension or a phone_number (or both)",
        ),
        (
            [{"name": "x", "location": "y", "extension": "1234"}],
            {"defaults": {}},
            "auto_attendant_list[0] (x): business_schedule: is required: "
            "the name of a business-hours schedule of the location",
        ),
    ],
)
def test_bad_input_names_the_item(items, options, expected):
    with pytest.raises(AnsibleFilterError) as caught:
        auto_attendant_flowchart(items, **options)
    assert str(caught.value) == expected


def test_nothing_to_draw():
    assert auto_attendant_flowchart([]) == []
    assert auto_attendant_flowchart(None) == []
    assert auto_attendant_flowchart([dict(MAIN, state="absent")]) == []
    # An absent item is skipped, not the end of the list.
    assert auto_attendant_flowchart([dict(MAIN, state="absent"), BRANCH]) == auto_attendant_flowchart([BRANCH])
    assert FilterModule().filters() == {"auto_attendant_flowchart": auto_attendant_flowchart}


def test_direction_defaults_to_left_to_right():
    (default,) = auto_attendant_flowchart([BRANCH])
    (none,) = auto_attendant_flowchart([BRANCH], direction=None)
    assert default == none
    assert default["mermaid"].startswith("flowchart LR\n") and "  graph [rankdir=LR, " in default["dot"]
    (graph,) = flowchart_graphs([BRANCH])
    assert to_mermaid(graph) == default["mermaid"] and to_dot(graph) == default["dot"]


# -- renderings ----------------------------------------------------------------------------------------------------

HOSTILE = (
    'Evil"]\n  x[("pwned")] --> y\n%%{init: {"theme": "dark"}}%% <b>&amp; # \\N {{ lookup(\'env\', \'HOME\') }} ; `md`'
)
# One Mermaid statement per line: a node with a quoted label in one of the shapes, an edge, or the class lines.
MERMAID_LINE = re.compile(
    r"^(flowchart (LR|TB)"
    r'|  n\d+(\[\["[^"\n]*"\]\]|\(\["[^"\n]*"\]\)|\["[^"\n]*"\]|\[/"[^"\n]*"/\]|\{\{"[^"\n]*"\}\}|\(\("[^"\n]*"\)\)|\("[^"\n]*"\))'
    r'|  n\d+ (-->|-->\|"[^"\n]*"\|) n\d+'
    r"|  classDef \w+ [\w:#,]+"
    r"|  class (n\d+,)*n\d+ \w+)$"
)


def hostile_attendants():
    evil = dict(MAIN, name=HOSTILE, location=HOSTILE, business_schedule=HOSTILE)
    evil["business_hours_menu"] = menu(
        [{"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "1100", "description": HOSTILE}]
    )
    return [evil, dict(SUPPORT, location=HOSTILE)]


def test_mermaid_escapes_every_label():
    (evil,) = auto_attendant_flowchart(hostile_attendants())
    text = evil["mermaid"]
    assert text.endswith("\n")
    for line in text.splitlines():
        assert MERMAID_LINE.match(line), line
    # Exactly the graph's nodes and edges, nothing a name added.
    assert len([line for line in text.splitlines() if re.match(r"^  n\d+[\[({]", line)]) == len(evil["nodes"])
    assert len([line for line in text.splitlines() if "-->" in line]) == len(evil["edges"])
    assert "%%" not in text and 'pwned"' not in text and "<b>" not in text and "`" not in text
    assert mermaid_text('a"b#c<') == "a#34;b#35;c#60;"
    assert mermaid_text("Ünïcode") == "#220;n#239;code"


@requires_dot
def test_dot_renders_hostile_names_as_text():
    (evil,) = auto_attendant_flowchart(hostile_attendants())
    svg = subprocess.run(["dot", "-Tsvg"], input=evil["dot"], capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(svg)
    namespace = {"svg": "http://www.w3.org/2000/svg"}
    groups = root.findall(".//svg:g", namespace)
    nodes = [group for group in groups if group.get("class") == "node"]
    edges = [group for group in groups if group.get("class") == "edge"]
    assert len(nodes) == len(evil["nodes"]) and len(edges) == len(evil["edges"])
    texts = ["".join(text.itertext()).replace("\xa0", " ") for text in root.iter("{http://www.w3.org/2000/svg}text")]
    # The name is drawn as it is (control characters as spaces), quotes, backslash, markup and entity included.
    assert HOSTILE.replace("\n", " ") in texts
    assert "Call flows: " + HOSTILE.replace("\n", " ") in texts


def test_renderers_draw_the_same_graph():
    graphs = flowchart_graphs(ATTENDANTS)
    for graph, result in zip(graphs, auto_attendant_flowchart(ATTENDANTS, direction="TB")):
        assert result["nodes"] == graph["nodes"] and result["edges"] == graph["edges"]
        assert result["mermaid"] == to_mermaid(graph, "TB") and result["mermaid"].startswith("flowchart TB\n")
        assert result["dot"] == to_dot(graph, "TB") and "rankdir=TB" in result["dot"]
        for edge in graph["edges"]:
            assert "%s -> %s" % (edge["source"], edge["target"]) in result["dot"]
            assert re.search(r'^  %s -->(\|"[^"]*"\|)? %s$' % (edge["source"], edge["target"]), result["mermaid"], re.M)


def test_a_greeting_given_by_announcement_name_shows_the_name():
    item = dict(
        MAIN,
        business_hours_menu=menu(
            [
                {
                    "key": "9",
                    "action": "PLAY_ANNOUNCEMENT",
                    "audio_announcement_file": {"name": "Hours", "level": "LOCATION"},
                }
            ],
            greeting="CUSTOM",
            audio={"name": "Welcome", "level": "LOCATION"},
        ),
    )
    hq = diagram(flowchart_graphs([item]), "Headquarters")
    business = the_node(hq, "menu", attendant="Main Line", menu="business_hours")
    assert business["label"][-1] == "greeting: Welcome"
    assert the_node(hq, "announcement", attendant="Main Line")["label"] == ["Announcement", "Hours"]


def test_text_escaping_exactly():
    assert mermaid_text("Az09 _.,:/+*=@()-") == "Az09 _.,:/+*=@()-"
    assert mermaid_text('|[]{}<>"#;&%`') == "#124;#91;#93;#123;#125;#60;#62;#34;#35;#59;#38;#37;#96;"
    assert mermaid_text(True) == "true" and mermaid_text(False) == "false" and mermaid_text(5) == "5"
    # DOT: quotes and backslashes escaped, & as an entity, every control character a space.
    assert dot_text('a"b\\c&d\ne\x7f\x00\x1ff') == 'a\\"b\\\\c&amp;d e   f'
    assert dot_text(5) == "5"


def _pair(name, extension, other, treatment):
    keys = [
        {"key": "0", "action": "TRANSFER_TO_OPERATOR"},
        {"key": "1", "action": "NAME_DIALING"},
        {"key": "2", "action": "EXTENSION_DIALING"},
        {"key": "3", "action": "TRANSFER_WITH_PROMPT", "value": other},
        {"key": "4", "action": "TRANSFER_WITHOUT_PROMPT", "value": "12345678"},
        {"key": "5", "action": "PLAY_ANNOUNCEMENT", "audio_announcement_file": {"id": "hours"}},
        {"key": "#", "action": "EXIT"},
    ]
    return {"name": name, "location": "Lab", "extension": extension, "business_hours_menu": menu(keys, treatment)}


def test_each_attendant_has_its_own_operator_dialers_and_disconnect():
    """Two attendants of one location: their own operator, dial-by nodes and disconnect; a with-prompt transfer to the
    other's extension is an edge to the other attendant; an extension is never looked up as a phone number."""
    far = {"name": "C", "location": "Far", "phone_number": "+12345678"}
    # A's no-input action is one the diagram does not know; B's names an attendant but no action: nothing to draw.
    a = _pair("A", "1001", "1002", {"action_to_be_performed": {"action": "SOMETHING_NEW"}})
    b = _pair("B", "1002", "1001", {"no_input_timer": 5, "action_to_be_performed": {"auto_attendant": "A"}})
    lab = diagram(flowchart_graphs([a, b, far]), "Lab")
    assert [(node["id"], node["kind"], node.get("attendant", node.get("value"))) for node in lab["nodes"]] == [
        ("n1", "attendant", "A"),
        ("n2", "menu", "A"),
        ("n3", "key", "A"),
        ("n4", "operator", "A"),
        ("n5", "key", "A"),
        ("n6", "dial_by_name", "A"),
        ("n7", "key", "A"),
        ("n8", "dial_by_extension", "A"),
        ("n9", "key", "A"),
        ("n10", "attendant", "B"),
        ("n11", "key", "A"),
        ("n12", "extension", "12345678"),
        ("n13", "key", "A"),
        ("n14", "announcement", "A"),
        ("n15", "key", "A"),
        ("n16", "disconnect", "A"),
        ("n17", "call_treatment", "A"),
        ("n18", "menu", "B"),
        ("n19", "key", "B"),
        ("n20", "operator", "B"),
        ("n21", "key", "B"),
        ("n22", "dial_by_name", "B"),
        ("n23", "key", "B"),
        ("n24", "dial_by_extension", "B"),
        ("n25", "key", "B"),
        ("n26", "key", "B"),
        ("n27", "key", "B"),
        ("n28", "announcement", "B"),
        ("n29", "key", "B"),
        ("n30", "disconnect", "B"),
        ("n31", "call_treatment", "B"),
    ]
    assert [(edge["source"], edge["target"], edge["label"]) for edge in lab["edges"]] == [
        ("n1", "n2", "business hours"),
        ("n2", "n3", ""),
        ("n3", "n4", ""),
        ("n2", "n5", ""),
        ("n5", "n6", ""),
        ("n2", "n7", ""),
        ("n7", "n8", ""),
        ("n2", "n9", ""),
        ("n9", "n10", "with prompt"),
        ("n2", "n11", ""),
        ("n11", "n12", ""),
        ("n2", "n13", ""),
        ("n13", "n14", ""),
        ("n2", "n15", ""),
        ("n15", "n16", ""),
        ("n2", "n17", "no input"),
        ("n10", "n18", "business hours"),
        ("n18", "n19", ""),
        ("n19", "n20", ""),
        ("n18", "n21", ""),
        ("n21", "n22", ""),
        ("n18", "n23", ""),
        ("n23", "n24", ""),
        ("n18", "n25", ""),
        ("n25", "n1", "with prompt"),
        ("n18", "n26", ""),
        ("n26", "n12", ""),
        ("n18", "n27", ""),
        ("n27", "n28", ""),
        ("n18", "n29", ""),
        ("n29", "n30", ""),
        ("n18", "n31", "no input"),
    ]
    assert [node["label"] for node in lab["nodes"] if node["kind"] in ("announcement", "call_treatment")] == [
        ["Announcement", "hours"],
        ["No input", "SOMETHING_NEW"],
        ["Announcement", "hours"],
        ["No input", "wait 5 s"],
    ]
