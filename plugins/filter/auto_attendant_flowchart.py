# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""Turn auto attendants into call-flow diagrams: a graph per location, rendered as Mermaid and as Graphviz DOT."""

from __future__ import annotations

DOCUMENTATION = r"""
name: auto_attendant_flowchart
short_description: Draw the call flow of auto attendants as Mermaid and Graphviz diagrams
version_added: 0.2.0
author:
  - wxc.calling contributors
description:
  - Takes auto attendants in any of the collection's forms and returns one diagram per location.
  - "Each diagram follows a call: the attendant, its business-hours and after-hours menus (with the schedule names),
    every key with its description, where the key sends the caller (a number, an extension, another attendant,
    the operator, a mailbox, dial by name, dial by extension, an announcement, the menu again, disconnect) and what
    happens when the caller presses nothing (the call treatment)."
  - A transfer whose destination is another attendant of the list (by a reference by name, by its extension in the
    same location, or by its phone number) is drawn as an edge between the two attendants. An attendant of another
    location appears in the diagram as a node naming its location.
  - Each diagram is returned as its graph (C(nodes) and C(edges), the model that the renderers draw), as Mermaid text
    (for Markdown files, which Git hosting sites and many wikis render) and as Graphviz DOT text (for C(dot -Tsvg)).
  - Names and descriptions are data. They are escaped in both renderings, so that no name can end a label, add
    nodes or carry a Mermaid directive.
positional: _input, defaults
options:
  _input:
    description:
      - The auto attendants, in one of three forms.
      - The items of the P(wxc.calling.auto_attendant#role) role's C(auto_attendant_list) (menus described with
        C(business_hours) and C(after_hours)); give the role's C(auto_attendant_defaults) as O(defaults). The list is
        read in this form when O(defaults) is given or when an item has C(business_hours) or C(after_hours).
      - Options of M(wxc.calling.webex_auto_attendant) (C(name), C(location), C(extension), C(business_hours_menu), ...),
        for example the C(export) of M(wxc.calling.webex_auto_attendant_info) or a file written by the
        C(wxc.calling.export_auto_attendants) playbook.
      - Items with C(state=absent) are left out.
    type: list
    elements: dict
    required: true
  defaults:
    description:
      - The role's C(auto_attendant_defaults), merged under every item as the role merges them.
    type: dict
  direction:
    description:
      - Direction of the diagrams, V(LR) (left to right) or V(TB) (top to bottom).
    type: str
    default: LR
    choices: [LR, TB]
"""

EXAMPLES = r"""
- name: Write the call flows of the attendants of a vars file as Markdown
  ansible.builtin.copy:
    dest: call-flows.md
    mode: "0644"
    content: |
      {% for diagram in webex_auto_attendants | wxc.calling.auto_attendant_flowchart %}
      ## {{ diagram.location }}

      ```mermaid
      {{ diagram.mermaid }}
      ```

      {% endfor %}

- name: The call flows of the role's list
  ansible.builtin.set_fact:
    call_flows: "{{ auto_attendant_list | wxc.calling.auto_attendant_flowchart(auto_attendant_defaults) }}"

- name: Render each diagram with Graphviz
  ansible.builtin.command:
    argv: [dot, -Tsvg, -o, "call-flows-{{ item.slug }}.svg"]
    stdin: "{{ item.dot }}"
  loop: "{{ call_flows }}"
  changed_when: true
"""

RETURN = r"""
_value:
  description:
    - One diagram per location, sorted by location.
  type: list
  elements: dict
  contains:
    location:
      description: The location, as the attendants name it (a name or an id).
      type: str
    slug:
      description: The location reduced to lower-case letters, digits and dashes, unique among the diagrams; for file names.
      type: str
    title:
      description: C(Call flows) and the location.
      type: str
    nodes:
      description:
        - "The nodes, each with C(id) (V(n1), V(n2), ...: never taken from a name), C(kind) (V(attendant), V(menu),
          V(key), V(number), V(extension), V(operator), V(mailbox), V(dial_by_name), V(dial_by_extension),
          V(announcement), V(disconnect), V(call_treatment)), C(label) (a list of lines) and the fields that kind has:
          C(attendant) and C(location) (the attendant it belongs to), C(menu) (V(business_hours) or V(after_hours)),
          C(key), C(action), C(value), C(external) (an attendant of another location)."
      type: list
      elements: dict
    edges:
      description: The edges, each with C(source) and C(target) (node ids) and C(label) (may be empty).
      type: list
      elements: dict
    mermaid:
      description: The diagram as a Mermaid flowchart (without the Markdown fence).
      type: str
    dot:
      description: The diagram as a Graphviz DOT digraph.
      type: str
"""

import re

from ansible.errors import AnsibleFilterError

from ansible_collections.wxc.calling.plugins.module_utils import menus, numbers
from ansible_collections.wxc.calling.plugins.plugin_utils.plain_data import plain
from ansible_collections.wxc.calling.plugins.plugin_utils.standard_menus import auto_attendant_module_args

# Each menu: its option, its name in the diagram's node data (the role's spelling) and its title.
MENUS = tuple(zip(menus.MENUS, ("business_hours", "after_hours"), ("Business hours", "After hours")))
ACTION_TEXT = {
    "PLAY_ANNOUNCEMENT": "Announcement",
    "TRANSFER_WITH_PROMPT": "Transfer (with prompt)",
    "TRANSFER_WITHOUT_PROMPT": "Transfer",
    "TRANSFER_TO_OPERATOR": "Operator",
    "TRANSFER_TO_MAILBOX": "Voicemail",
    "NAME_DIALING": "Dial by name",
    "EXTENSION_DIALING": "Dial by extension",
    "REPEAT_MENU": "Repeat menu",
    "EXIT": "Exit",
    "PLAY_MESSAGE_AND_DISCONNECT": "Message, then disconnect",
    "DISCONNECT": "Disconnect",
}
# Transfers say "with prompt" on their edge; a plain transfer needs no words.
EDGE_TEXT = {"TRANSFER_WITH_PROMPT": "with prompt", "PLAY_MESSAGE_AND_DISCONNECT": "message"}
RETRIES = {
    "NO_REPEAT": "no repeat",
    "ONE_TIME": "repeat once",
    "TWO_TIMES": "repeat twice",
    "THREE_TIMES": "repeat 3 times",
}
ROLE_FIELDS = ("business_hours", "after_hours")


# -- input -> attendants (module options) ------------------------------------------------------------------------


def _text(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _attendants(items, defaults):
    """The present attendants as module options, whatever form ITEMS is in."""
    if items is None:
        return []
    if not isinstance(items, list):
        raise AnsibleFilterError(
            "auto_attendant_flowchart expects a list of auto attendants, got %s" % type(items).__name__
        )
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise AnsibleFilterError(
                "auto_attendant_flowchart: item %d must be a dictionary, got %s" % (index, type(item).__name__)
            )
    if defaults is not None or any(field in item for item in items for field in ROLE_FIELDS):
        items = auto_attendant_module_args(items, defaults or {}, state="present")
    result = []
    for index, item in enumerate(items):
        for field in ("name", "location"):
            if not isinstance(item.get(field), (str, int)) or not _text(item[field]).strip():
                raise AnsibleFilterError(
                    "auto_attendant_flowchart: item %d (%s): %s is missing"
                    % (index, _text(item.get("name")) or "no name", field)
                )
        if _text(item.get("state") or "present") == "absent":
            continue
        result.append(item)
    return result


def reference_target(reference, location):
    """(location, name) of a reference by name: a name (same LOCATION) or a dict with name and optional location."""
    if isinstance(reference, dict):
        return (_text(reference.get("location") or location), _text(reference.get("name")))
    return (location, _text(reference))


# -- the graph ---------------------------------------------------------------------------------------------------


class _Graph:
    """Nodes (deduplicated by a semantic key that never leaves this class) and edges of one location's diagram."""

    def __init__(self, location):
        self.location = location
        self.nodes = []
        self.edges = []
        self._ids = {}

    def node(self, identity, kind, label, **fields):
        if identity not in self._ids:
            node = {"id": "n%d" % (len(self.nodes) + 1), "kind": kind, "label": [line for line in label if line]}
            node.update(fields)
            self.nodes.append(node)
            self._ids[identity] = node["id"]
        return self._ids[identity]

    def edge(self, source, target, label=""):
        edge = {"source": source, "target": target, "label": label or ""}
        if edge not in self.edges:
            self.edges.append(edge)


class _Directory:
    """Finds the attendant a destination means: by reference, by extension in the same location, by phone number."""

    def __init__(self, attendants):
        self.by_name = {}
        self.by_extension = {}
        self.by_number = {}
        for item in attendants:
            identity = (_text(item["location"]), _text(item["name"]))
            self.by_name[identity] = item
            if item.get("extension"):
                self.by_extension[(identity[0], _text(item["extension"]))] = item
            alternates = [
                alt.get("phone_number") for alt in item.get("alternate_numbers") or [] if isinstance(alt, dict)
            ]
            for number in [item.get("phone_number")] + alternates:
                if number:
                    self.by_number[numbers.canonical(number)] = item

    def find(self, location, value):
        value = _text(value)
        if not value:
            return None
        return self.by_extension.get((location, value)) or (
            self.by_number.get(numbers.canonical(value)) if value.startswith("+") else None
        )


def _attendant_label(item):
    numbers = []
    if item.get("extension"):
        numbers.append("ext %s" % _text(item["extension"]))
    if item.get("phone_number"):
        numbers.append(_text(item["phone_number"]))
    return [_text(item["name"]), " / ".join(numbers)]


def _attendant_node(graph, location, name, item):
    """The node of the attendant (LOCATION, NAME); ITEM is None when the list does not hold it."""
    if location == graph.location:
        label = _attendant_label(item) if item else [name, "(not in this list)"]
        return graph.node(
            ("attendant", location, name), "attendant", label, attendant=name, location=location, external=False
        )
    label = [name, "in %s" % location] + (_attendant_label(item)[1:] if item else ["(not in this list)"])
    return graph.node(
        ("attendant", location, name), "attendant", label, attendant=name, location=location, external=True
    )


def _destination(graph, directory, owner, action, value, reference, menu_node):
    """(node id, edge label) of where ACTION sends the caller; None when there is nothing to draw."""
    location, name = _text(owner["location"]), _text(owner["name"])
    here = ("attendant-of", location, name)
    if reference is not None and action != "TRANSFER_TO_MAILBOX":
        target_location, target_name = reference_target(reference, location)
        return _attendant_node(
            graph, target_location, target_name, directory.by_name.get((target_location, target_name))
        ), EDGE_TEXT.get(action, "")
    if action in menus.TRANSFER_ACTIONS:
        target = directory.find(location, value)
        if target is not None:
            return _attendant_node(graph, _text(target["location"]), _text(target["name"]), target), EDGE_TEXT.get(
                action, ""
            )
        value = _text(value) or "?"
        kind = "number" if value.startswith("+") else "extension"
        return graph.node(
            ("destination", value), kind, [value if kind == "number" else "ext %s" % value], value=value
        ), EDGE_TEXT.get(action, "")
    if action == "TRANSFER_TO_MAILBOX":
        if reference is not None:
            target_location, target_name = reference_target(reference, location)
            value = target_name if target_location == location else "%s (%s)" % (target_name, target_location)
        value = _text(value) or "?"
        return graph.node(("mailbox", value), "mailbox", ["Voicemail", value], value=value), ""
    if action == "TRANSFER_TO_OPERATOR":
        return graph.node(here + ("operator",), "operator", ["Operator"], attendant=name, location=location), ""
    if action == "NAME_DIALING":
        scope = _text(owner.get("name_dialing"))
        return graph.node(
            here + ("dial_by_name",),
            "dial_by_name",
            ["Dial by name", scope and "scope: %s" % scope],
            attendant=name,
            location=location,
        ), ""
    if action == "EXTENSION_DIALING":
        scope = _text(owner.get("extension_dialing"))
        return graph.node(
            here + ("dial_by_extension",),
            "dial_by_extension",
            ["Dial by extension", scope and "scope: %s" % scope],
            attendant=name,
            location=location,
        ), ""
    if action == "REPEAT_MENU":
        return menu_node, "repeat"
    if action in ("EXIT", "DISCONNECT", "PLAY_MESSAGE_AND_DISCONNECT"):
        return graph.node(
            here + ("disconnect",), "disconnect", ["Disconnect"], attendant=name, location=location
        ), EDGE_TEXT.get(action, "")
    return None


def _audio_name(audio):
    if not isinstance(audio, dict):
        return None
    # A file given by its announcement name shows that name (the module resolves it, the diagram does not).
    return _text(audio.get("file_name") or audio.get("name") or audio.get("id"))


def _menu_label(item, menu_name, title, menu):
    lines = [title]
    if menu_name == "business_hours":
        lines.append(item.get("business_schedule") and "schedule: %s" % _text(item["business_schedule"]))
    else:
        lines.append(item.get("business_schedule") and "outside %s" % _text(item["business_schedule"]))
        lines.append(item.get("holiday_schedule") and "holidays: %s" % _text(item["holiday_schedule"]))
    greeting = _text(menu.get("greeting"))
    if greeting == "CUSTOM":
        lines.append("greeting: %s" % (_audio_name(menu.get("audio_announcement_file")) or "custom"))
    return lines


def _draw_menu(graph, directory, item, attendant_node, option, menu_name, title):
    menu = item.get(option)
    if not isinstance(menu, dict):
        return
    location, name = _text(item["location"]), _text(item["name"])
    menu_node = graph.node(
        ("menu", location, name, menu_name),
        "menu",
        _menu_label(item, menu_name, title, menu),
        attendant=name,
        location=location,
        menu=menu_name,
    )
    graph.edge(attendant_node, menu_node, title.lower())
    for place in menus.places({option: menu}, kinds=("key",)):
        entry = place.holder
        key, action = _text(entry.get("key")), _text(entry.get("action"))
        description = _text(entry.get("description")) or ACTION_TEXT.get(action, action)
        key_node = graph.node(
            ("key", location, name, menu_name, key),
            "key",
            ["%s: %s" % (key, description)],
            attendant=name,
            location=location,
            menu=menu_name,
            key=key,
            action=action,
        )
        graph.edge(menu_node, key_node)
        if action == "PLAY_ANNOUNCEMENT":
            file_name = _audio_name(entry.get("audio_announcement_file")) or "?"
            target = graph.node(
                ("announcement", location, name, menu_name, key),
                "announcement",
                ["Announcement", file_name],
                attendant=name,
                location=location,
                value=file_name,
            )
            graph.edge(key_node, target)
            continue
        drawn = _destination(graph, directory, item, action, entry.get("value"), entry.get("auto_attendant"), menu_node)
        if drawn:
            graph.edge(key_node, drawn[0], drawn[1])
    treatment = menu.get("call_treatment")
    if isinstance(treatment, dict) and treatment:
        performed = treatment.get("action_to_be_performed") or {}
        lines = ["No input"]
        if treatment.get("retry_attempt_for_no_input"):
            lines.append(
                RETRIES.get(
                    _text(treatment["retry_attempt_for_no_input"]), _text(treatment["retry_attempt_for_no_input"])
                )
            )
        if treatment.get("no_input_timer") is not None:
            lines.append("wait %s s" % _text(treatment["no_input_timer"]))
        action = _text(performed.get("action"))
        if action:
            lines.append(ACTION_TEXT.get(action, action))
        treatment_node = graph.node(
            ("treatment", location, name, menu_name),
            "call_treatment",
            lines,
            attendant=name,
            location=location,
            menu=menu_name,
            action=action,
        )
        graph.edge(menu_node, treatment_node, "no input")
        drawn = (
            _destination(
                graph,
                directory,
                item,
                action,
                performed.get("transfer_call_to"),
                performed.get("auto_attendant"),
                menu_node,
            )
            if action
            else None
        )
        if drawn:
            graph.edge(treatment_node, drawn[0], drawn[1])


def _slug(location, taken):
    base = re.sub(r"[^a-z0-9]+", "-", location.lower()).strip("-") or "location"
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = "%s-%d" % (base, number)
    taken.add(slug)
    return slug


def flowchart_graphs(items, defaults=None):
    """One graph per location: [{location, slug, title, nodes, edges}], sorted by location."""
    attendants = _attendants(plain(items), plain(defaults))
    directory = _Directory(attendants)
    locations = sorted(set(_text(item["location"]) for item in attendants))
    taken = set()
    graphs = []
    for location in locations:
        graph = _Graph(location)
        for item in attendants:
            if _text(item["location"]) != location:
                continue
            attendant_node = _attendant_node(graph, location, _text(item["name"]), item)
            for option, menu_name, title in MENUS:
                _draw_menu(graph, directory, item, attendant_node, option, menu_name, title)
        graphs.append(
            {
                "location": location,
                "slug": _slug(location, taken),
                "title": "Call flows: %s" % location,
                "nodes": graph.nodes,
                "edges": graph.edges,
            }
        )
    return graphs


# -- renderers ---------------------------------------------------------------------------------------------------

_MERMAID_SAFE = re.compile(r"[A-Za-z0-9 _.,:/+*=@()-]")
MERMAID_SHAPES = {
    "attendant": ('[["', '"]]'),
    "menu": ('(["', '"])'),
    "key": ('["', '"]'),
    "number": ('[/"', '"/]'),
    "extension": ('[/"', '"/]'),
    "call_treatment": ('{{"', '"}}'),
    "disconnect": ('(("', '"))'),
}


def mermaid_text(text):
    """TEXT for a quoted Mermaid label: every character outside a small safe set as an entity code (#35; for #)."""
    return "".join(char if _MERMAID_SAFE.match(char) else "#%d;" % ord(char) for char in _text(text))


def to_mermaid(graph, direction="LR"):
    lines = ["flowchart %s" % direction]
    for node in graph["nodes"]:
        start, end = MERMAID_SHAPES.get(node["kind"], ('("', '")'))
        label = "<br/>".join(mermaid_text(line) for line in node["label"])
        lines.append("  %s%s%s%s" % (node["id"], start, label, end))
    for edge in graph["edges"]:
        arrow = ' -->|"%s"| ' % mermaid_text(edge["label"]) if edge["label"] else " --> "
        lines.append("  %s%s%s" % (edge["source"], arrow, edge["target"]))
    lines.append("  classDef attendant fill:#dbeafe,stroke:#1d4ed8")
    lines.append("  classDef menu fill:#fef3c7,stroke:#b45309")
    attendants = [node["id"] for node in graph["nodes"] if node["kind"] == "attendant"]
    menus = [node["id"] for node in graph["nodes"] if node["kind"] == "menu"]
    if attendants:
        lines.append("  class %s attendant" % ",".join(attendants))
    if menus:
        lines.append("  class %s menu" % ",".join(menus))
    return "\n".join(lines) + "\n"


DOT_SHAPES = {
    "attendant": 'shape=box3d, style=filled, fillcolor="#dbeafe"',
    "menu": 'shape=box, style="rounded,filled", fillcolor="#fef3c7"',
    "key": "shape=box",
    "number": "shape=parallelogram",
    "extension": "shape=parallelogram",
    "call_treatment": "shape=hexagon",
    "disconnect": "shape=doublecircle",
}


def dot_text(text):
    """TEXT for a quoted DOT string: backslashes and quotes escaped (so no \\N-style escapes), no control characters.

    Graphviz also decodes HTML entities in plain labels: & is written as &amp; so that a name shows as it is.
    """
    text = re.sub(r"[\x00-\x1f\x7f]", " ", _text(text)).replace("&", "&amp;")
    return text.replace("\\", "\\\\").replace('"', '\\"')


def to_dot(graph, direction="LR"):
    lines = [
        "digraph call_flows {",
        '  graph [rankdir=%s, label="%s", labelloc=t, fontname="Helvetica"];' % (direction, dot_text(graph["title"])),
        '  node [fontname="Helvetica", fontsize=11, shape=box, style=rounded];',
        '  edge [fontname="Helvetica", fontsize=10];',
    ]
    for node in graph["nodes"]:
        label = "\\n".join(dot_text(line) for line in node["label"])
        lines.append(
            '  %s [label="%s", %s];' % (node["id"], label, DOT_SHAPES.get(node["kind"], "shape=box, style=rounded"))
        )
    for edge in graph["edges"]:
        label = ' [label="%s"]' % dot_text(edge["label"]) if edge["label"] else ""
        lines.append("  %s -> %s%s;" % (edge["source"], edge["target"], label))
    lines.append("}")
    return "\n".join(lines) + "\n"


def auto_attendant_flowchart(items, defaults=None, direction="LR"):
    """The diagrams of ITEMS, one per location, with their graph, Mermaid text and DOT text (see DOCUMENTATION)."""
    direction = _text(direction or "LR").upper()
    if direction not in ("LR", "TB"):
        raise AnsibleFilterError("auto_attendant_flowchart: direction is %r, expected LR or TB" % direction)
    if defaults is not None and not isinstance(defaults, dict):
        raise AnsibleFilterError(
            "auto_attendant_flowchart: defaults must be a dictionary, got %s" % type(defaults).__name__
        )
    diagrams = []
    for graph in flowchart_graphs(items, defaults):
        diagram = dict(graph)
        diagram["mermaid"] = to_mermaid(graph, direction)
        diagram["dot"] = to_dot(graph, direction)
        diagrams.append(diagram)
    return diagrams


class FilterModule:
    """wxc.calling call-flow diagrams."""

    def filters(self):
        return {"auto_attendant_flowchart": auto_attendant_flowchart}
