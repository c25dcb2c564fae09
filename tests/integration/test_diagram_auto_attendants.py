"""The diagram playbook, run by real ansible-playbook: from a vars file, and from the simulator's organisation."""

import os
import re
from xml.etree import ElementTree

import yaml

from ansible_collections.wxc.calling.plugins.filter.auto_attendant_flowchart import flowchart_graphs
from tests.graphviz import requires_dot
from tests.integration.runner import run_playbook

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
PLAYBOOK = os.path.join(ROOT, "playbooks", "diagram_auto_attendants.yml")
EXAMPLE = os.path.join(ROOT, "examples", "call_flows.yml")
SVG = "{http://www.w3.org/2000/svg}"


def mermaid_blocks(markdown):
    return re.findall(r"^```mermaid\n(.*?)^```$", markdown, re.S | re.M)


def mermaid_graph(text):
    """{node id: label} and [(source label, target label)] read back from a Mermaid flowchart."""
    labels = dict(re.findall(r'^  (n\d+)(?:\[\[|\(\[|\[/|\{\{|\(\(|\[|\()"([^"]*)"', text, re.M))
    edges = [(labels[source], labels[target]) for source, target in re.findall(r"^  (n\d+) -->.*? (n\d+)$", text, re.M)]
    return labels, edges


def svg_shapes(path):
    root = ElementTree.parse(path).getroot()
    assert root.tag == SVG + "svg"
    groups = root.iter(SVG + "g")
    counts = {"node": 0, "edge": 0}
    texts = []
    for group in groups:
        if group.get("class") in counts:
            counts[group.get("class")] += 1
    for text in root.iter(SVG + "text"):
        texts.append("".join(text.itertext()).replace("\xa0", " "))
    return counts, texts


@requires_dot
def test_from_a_vars_file_into_the_current_directory(sim, tmp_path):
    with open(EXAMPLE, encoding="utf-8") as handle:
        example = yaml.safe_load(handle)
    graphs = flowchart_graphs(example["auto_attendant_list"], example["auto_attendant_defaults"])
    run = run_playbook(PLAYBOOK, sim, extra_args=["-e", "@" + EXAMPLE], env={"PWD": str(tmp_path)})
    assert run.rc == 0, run
    assert sim.requests() == []  # a vars file needs no API
    markdown = (tmp_path / "call-flows.md").read_text(encoding="utf-8")
    blocks = mermaid_blocks(markdown)
    assert [graph["location"] for graph in graphs] == ["Branch", "Headquarters"] and len(blocks) == 2
    for graph, block in zip(graphs, blocks):
        assert "## %s" % graph["location"] in markdown
        assert "![Call flows: %s](call-flows-%s.svg)" % (graph["location"], graph["slug"]) in markdown
        labels, edges = mermaid_graph(block)
        assert len(labels) == len(graph["nodes"]) and len(edges) == len(graph["edges"])
        counts, texts = svg_shapes(tmp_path / ("call-flows-%s.svg" % graph["slug"]))
        assert counts == {"node": len(graph["nodes"]), "edge": len(graph["edges"])}
        assert "Call flows: %s" % graph["location"] in texts
    labels, edges = mermaid_graph(blocks[1])
    assert ("2: Support", "Support Menu<br/>ext 2100") in edges
    assert ("9: Main menu", "Reception<br/>ext 2000 / +15555550100") in edges
    # Run again: the same files, nothing changed.
    again = run_playbook(PLAYBOOK, sim, extra_args=["-e", "@" + EXAMPLE], env={"PWD": str(tmp_path)})
    assert again.rc == 0 and again.changed == 0, again


def create(sim, location, body):
    response = sim.api("POST", "/telephony/config/locations/%s/autoAttendants" % sim.location_id(location), json=body)
    assert response.status_code == 201, response.text
    return response.json()["id"]


def menu(keys):
    return {"greeting": "DEFAULT", "extensionEnabled": True, "keyConfigurations": keys}


@requires_dot
def test_from_the_organisation_and_check_mode(sim, tmp_path):
    create(
        sim,
        "Headquarters",
        {
            "name": "Main Line",
            "extension": "2000",
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": menu(
                [
                    {"key": "1", "action": "TRANSFER_WITHOUT_PROMPT", "value": "2100", "description": "Support"},
                    {
                        "key": "2",
                        "action": "TRANSFER_WITH_PROMPT",
                        "value": "+19175551092",
                        "description": 'Sales "East" & <West>',
                    },
                ]
            ),
            "afterHoursMenu": menu([{"key": "#", "action": "EXIT"}]),
        },
    )
    create(
        sim,
        "Headquarters",
        {
            "name": "Support Menu",
            "extension": "2100",
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": menu([{"key": "0", "action": "TRANSFER_TO_OPERATOR"}]),
            "afterHoursMenu": menu([{"key": "0", "action": "TRANSFER_TO_MAILBOX", "value": "2100"}]),
        },
    )
    create(
        sim,
        "Branch Office Denver",
        {
            "name": "Reception",
            "extension": "3000",
            "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
            "businessHoursMenu": menu([{"key": "#", "action": "NAME_DIALING"}]),
            "afterHoursMenu": menu([{"key": "#", "action": "EXIT"}]),
        },
    )
    target = tmp_path / "flows" / "org.md"
    target.parent.mkdir()
    sim.clear_requests()
    checked = run_playbook(PLAYBOOK, sim, extra_vars={"diagram_file": str(target)}, check=True, diff=True)
    assert checked.rc == 0, checked
    assert list(target.parent.iterdir()) == []
    assert sim.requests() and sim.writes() == []

    run = run_playbook(PLAYBOOK, sim, extra_vars={"diagram_file": str(target)})
    assert run.rc == 0, run
    assert sim.writes() == []
    assert sorted(path.name for path in target.parent.iterdir()) == [
        "org-branch-office-denver.svg",
        "org-headquarters.svg",
        "org.md",
    ]
    blocks = mermaid_blocks(target.read_text(encoding="utf-8"))
    assert len(blocks) == 2
    labels, edges = mermaid_graph(blocks[1])
    assert ("1: Support", "Support Menu<br/>ext 2100") in edges
    assert "2: Sales #34;East#34; #38; #60;West#62;" in labels.values()
    counts, texts = svg_shapes(target.parent / "org-headquarters.svg")
    assert 'Sales "East" & <West>' in " ".join(texts) and counts["node"] == len(labels)

    # Only one location, Markdown only.
    (target.parent / "org.md").unlink()
    run = run_playbook(
        PLAYBOOK,
        sim,
        extra_vars={"diagram_file": str(target), "diagram_location": "Branch Office Denver", "diagram_svg": False},
    )
    assert run.rc == 0, run
    assert len(mermaid_blocks(target.read_text(encoding="utf-8"))) == 1
    assert "![" not in target.read_text(encoding="utf-8")


def test_markdown_only_needs_no_graphviz(sim, tmp_path):
    run = run_playbook(
        PLAYBOOK,
        sim,
        extra_args=["-e", "@" + EXAMPLE],
        extra_vars={
            "diagram_file": str(tmp_path / "flows.md"),
            "diagram_svg": False,
            "diagram_dot": "/nonexistent/dot",
        },
    )
    assert run.rc == 0, run
    assert [path.name for path in tmp_path.iterdir()] == ["flows.md"]
    markdown = (tmp_path / "flows.md").read_text(encoding="utf-8")
    assert len(mermaid_blocks(markdown)) == 2 and "![" not in markdown


def test_without_graphviz_a_clear_message(sim, tmp_path):
    run = run_playbook(
        PLAYBOOK,
        sim,
        extra_args=["-e", "@" + EXAMPLE],
        extra_vars={"diagram_file": str(tmp_path / "flows.md"), "diagram_dot": "/nonexistent/dot"},
    )
    assert run.rc != 0
    assert "Graphviz (/nonexistent/dot) is needed to render the SVGs" in run.stdout + run.stderr
    assert list(tmp_path.iterdir()) == []
