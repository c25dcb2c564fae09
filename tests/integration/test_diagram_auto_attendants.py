"""The diagram playbook, run by real ansible-playbook: from a vars file, and from the simulator's organisation."""

import os
import re
from xml.etree import ElementTree

import yaml

from ansible_collections.wxc.calling.plugins.filter.auto_attendant_flowchart import flowchart_graphs
from ansible_collections.wxc.calling.plugins.plugin_utils.markdown import markdown_text
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


def write_plays(path, plays):
    path.write_text(yaml.safe_dump(plays, sort_keys=False), encoding="utf-8")
    return str(path)


def split_by_run(results):
    """The recorded results of a playbook that imports the diagram playbook several times: one list per import."""
    names = [entry["task"] for entry in results]
    starts = [index for index, name in enumerate(names) if name == names[0]] + [len(results)]
    return [results[start:end] for start, end in zip(starts, starts[1:])]


@requires_dot
def test_from_a_vars_file_into_the_current_directory_and_again(sim, tmp_path):
    """One process, the vars file given with -e @file: the diagrams, then the same run again (nothing changed)."""
    with open(EXAMPLE, encoding="utf-8") as handle:
        example = yaml.safe_load(handle)
    graphs = flowchart_graphs(example["auto_attendant_list"], example["auto_attendant_defaults"])
    plays = [{"import_playbook": PLAYBOOK}, {"import_playbook": PLAYBOOK}]
    run = run_playbook(
        write_plays(tmp_path / "plays.yml", plays), sim, extra_args=["-e", "@" + EXAMPLE], env={"PWD": str(tmp_path)}
    )
    assert run.rc == 0, run
    first, again = split_by_run(run.results)
    assert sim.requests() == []  # a vars file needs no API
    markdown = (tmp_path / "call-flows.md").read_text(encoding="utf-8")
    blocks = mermaid_blocks(markdown)
    assert [graph["location"] for graph in graphs] == ["Branch", "Headquarters"] and len(blocks) == 2
    for graph, block in zip(graphs, blocks):
        assert "## %s" % graph["location"] in markdown
        title = markdown_text("Call flows: %s" % graph["location"])  # Markdown text there: Call flows\: Branch
        assert "![%s](call-flows-%s.svg)" % (title, graph["slug"]) in markdown
        labels, edges = mermaid_graph(block)
        assert len(labels) == len(graph["nodes"]) and len(edges) == len(graph["edges"])
        counts, texts = svg_shapes(tmp_path / ("call-flows-%s.svg" % graph["slug"]))
        assert counts == {"node": len(graph["nodes"]), "edge": len(graph["edges"])}
        assert "Call flows: %s" % graph["location"] in texts
    labels, edges = mermaid_graph(blocks[1])
    assert ("2: Support", "Support Menu<br/>ext 2100") in edges
    assert ("9: Main menu", "Reception<br/>ext 2000 / +15555550100") in edges
    # Run again: the same files, nothing changed.
    assert any(entry["changed"] for entry in first)
    assert [entry["task"] for entry in again] == [entry["task"] for entry in first]
    assert not any(entry["changed"] for entry in again), again


def test_without_graphviz_markdown_only_works_and_svgs_fail_clearly(sim, tmp_path):
    """Graphviz missing, in one process: the Markdown alone is written; asking for the SVGs too fails with a clear
    message and writes nothing (last: it fails)."""
    markdown_only, with_svgs = tmp_path / "markdown-only", tmp_path / "with-svgs"
    markdown_only.mkdir()
    with_svgs.mkdir()
    missing = {"diagram_dot": "/nonexistent/dot"}
    plays = [
        {
            "import_playbook": PLAYBOOK,
            "vars": dict(missing, diagram_file=str(markdown_only / "flows.md"), diagram_svg=False),
        },
        {"import_playbook": PLAYBOOK, "vars": dict(missing, diagram_file=str(with_svgs / "flows.md"))},
    ]
    run = run_playbook(write_plays(tmp_path / "plays.yml", plays), sim, extra_args=["-e", "@" + EXAMPLE])
    first, second = split_by_run(run.results)
    assert not any(entry["failed"] for entry in first), run
    assert [path.name for path in markdown_only.iterdir()] == ["flows.md"]
    markdown = (markdown_only / "flows.md").read_text(encoding="utf-8")
    assert len(mermaid_blocks(markdown)) == 2 and "![" not in markdown
    assert run.rc != 0
    [failed] = [entry for entry in second if entry["failed"]]
    assert "Graphviz (/nonexistent/dot) is needed to render the SVGs" in failed["result"]["msg"], failed
    assert list(with_svgs.iterdir()) == []


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

    # The whole organisation; then only one location, Markdown only, in the same process.
    denver = target.parent / "denver.md"
    plays = [
        {"import_playbook": PLAYBOOK, "vars": {"diagram_file": str(target)}},
        {
            "import_playbook": PLAYBOOK,
            "vars": {"diagram_file": str(denver), "diagram_location": "Branch Office Denver", "diagram_svg": False},
        },
    ]
    run = run_playbook(write_plays(tmp_path / "plays.yml", plays), sim)
    assert run.rc == 0, run
    assert sim.writes() == []
    assert sorted(path.name for path in target.parent.iterdir()) == [
        "denver.md",
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
    assert len(mermaid_blocks(denver.read_text(encoding="utf-8"))) == 1
    assert "![" not in denver.read_text(encoding="utf-8")
