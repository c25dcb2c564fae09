# -*- coding: utf-8 -*-
# Copyright (c) 2026, the wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""The exact diagrams of ATTENDANTS (test_auto_attendant_flowchart.py): the whole graph, Mermaid text and DOT text.

Checked by hand against the attendants: every key, destination, label line, shape and edge label is what the
attendants say. A change of the drawing shows here as a diff to review.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

BRANCH_GRAPH = {
    "location": "Branch",
    "slug": "branch",
    "title": "Call flows: Branch",
    "nodes": [
        {
            "id": "n1",
            "kind": "attendant",
            "label": ["Branch Desk", "ext 2000 / +15555550300"],
            "attendant": "Branch Desk",
            "location": "Branch",
            "external": False,
        },
        {
            "id": "n2",
            "kind": "menu",
            "label": ["Business hours", "schedule: Branch Hours"],
            "attendant": "Branch Desk",
            "location": "Branch",
            "menu": "business_hours",
        },
        {
            "id": "n3",
            "kind": "key",
            "label": ["1: Headquarters"],
            "attendant": "Branch Desk",
            "location": "Branch",
            "menu": "business_hours",
            "key": "1",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {
            "id": "n4",
            "kind": "attendant",
            "label": ["Main Line", "in Headquarters", "ext 2000 / +15555550100"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "external": True,
        },
        {
            "id": "n5",
            "kind": "key",
            "label": ["2: Local 2100"],
            "attendant": "Branch Desk",
            "location": "Branch",
            "menu": "business_hours",
            "key": "2",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {"id": "n6", "kind": "extension", "label": ["ext 2100"], "value": "2100"},
        {
            "id": "n7",
            "kind": "menu",
            "label": ["After hours", "outside Branch Hours"],
            "attendant": "Branch Desk",
            "location": "Branch",
            "menu": "after_hours",
        },
        {
            "id": "n8",
            "kind": "key",
            "label": ["0: Operator"],
            "attendant": "Branch Desk",
            "location": "Branch",
            "menu": "after_hours",
            "key": "0",
            "action": "TRANSFER_TO_OPERATOR",
        },
        {"id": "n9", "kind": "operator", "label": ["Operator"], "attendant": "Branch Desk", "location": "Branch"},
    ],
    "edges": [
        {"source": "n1", "target": "n2", "label": "business hours"},
        {"source": "n2", "target": "n3", "label": ""},
        {"source": "n3", "target": "n4", "label": ""},
        {"source": "n2", "target": "n5", "label": ""},
        {"source": "n5", "target": "n6", "label": ""},
        {"source": "n1", "target": "n7", "label": "after hours"},
        {"source": "n7", "target": "n8", "label": ""},
        {"source": "n8", "target": "n9", "label": ""},
    ],
}

BRANCH_MERMAID = """\
flowchart LR
  n1[["Branch Desk<br/>ext 2000 / +15555550300"]]
  n2(["Business hours<br/>schedule: Branch Hours"])
  n3["1: Headquarters"]
  n4[["Main Line<br/>in Headquarters<br/>ext 2000 / +15555550100"]]
  n5["2: Local 2100"]
  n6[/"ext 2100"/]
  n7(["After hours<br/>outside Branch Hours"])
  n8["0: Operator"]
  n9("Operator")
  n1 -->|"business hours"| n2
  n2 --> n3
  n3 --> n4
  n2 --> n5
  n5 --> n6
  n1 -->|"after hours"| n7
  n7 --> n8
  n8 --> n9
  classDef attendant fill:#dbeafe,stroke:#1d4ed8
  classDef menu fill:#fef3c7,stroke:#b45309
  class n1,n4 attendant
  class n2,n7 menu
"""

BRANCH_DOT = r"""digraph call_flows {
  graph [rankdir=LR, label="Call flows: Branch", labelloc=t, fontname="Helvetica"];
  node [fontname="Helvetica", fontsize=11, shape=box, style=rounded];
  edge [fontname="Helvetica", fontsize=10];
  n1 [label="Branch Desk\next 2000 / +15555550300", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n2 [label="Business hours\nschedule: Branch Hours", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n3 [label="1: Headquarters", shape=box];
  n4 [label="Main Line\nin Headquarters\next 2000 / +15555550100", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n5 [label="2: Local 2100", shape=box];
  n6 [label="ext 2100", shape=parallelogram];
  n7 [label="After hours\noutside Branch Hours", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n8 [label="0: Operator", shape=box];
  n9 [label="Operator", shape=box, style=rounded];
  n1 -> n2 [label="business hours"];
  n2 -> n3;
  n3 -> n4;
  n2 -> n5;
  n5 -> n6;
  n1 -> n7 [label="after hours"];
  n7 -> n8;
  n8 -> n9;
}
"""

HEADQUARTERS_GRAPH = {
    "location": "Headquarters",
    "slug": "headquarters",
    "title": "Call flows: Headquarters",
    "nodes": [
        {
            "id": "n1",
            "kind": "attendant",
            "label": ["Main Line", "ext 2000 / +15555550100"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "external": False,
        },
        {
            "id": "n2",
            "kind": "menu",
            "label": ["Business hours", "schedule: Office Hours", "greeting: welcome.wav"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
        },
        {
            "id": "n3",
            "kind": "key",
            "label": ["0: Operator"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "0",
            "action": "TRANSFER_TO_OPERATOR",
        },
        {"id": "n4", "kind": "operator", "label": ["Operator"], "attendant": "Main Line", "location": "Headquarters"},
        {
            "id": "n5",
            "kind": "key",
            "label": ["1: Billing"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "1",
            "action": "TRANSFER_WITH_PROMPT",
        },
        {"id": "n6", "kind": "number", "label": ["+15555550199"], "value": "+15555550199"},
        {
            "id": "n7",
            "kind": "key",
            "label": ["2: Support"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "2",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {
            "id": "n8",
            "kind": "attendant",
            "label": ["Support Menu", "ext 2100"],
            "attendant": "Support Menu",
            "location": "Headquarters",
            "external": False,
        },
        {
            "id": "n9",
            "kind": "key",
            "label": ["3: Support by extension"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "3",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {
            "id": "n10",
            "kind": "key",
            "label": ["4: Leave a message"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "4",
            "action": "TRANSFER_TO_MAILBOX",
        },
        {"id": "n11", "kind": "mailbox", "label": ["Voicemail", "2000"], "value": "2000"},
        {
            "id": "n12",
            "kind": "key",
            "label": ["5: Dial by name"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "5",
            "action": "NAME_DIALING",
        },
        {
            "id": "n13",
            "kind": "dial_by_name",
            "label": ["Dial by name", "scope: GROUP"],
            "attendant": "Main Line",
            "location": "Headquarters",
        },
        {
            "id": "n14",
            "kind": "key",
            "label": ["6: Dial by extension"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "6",
            "action": "EXTENSION_DIALING",
        },
        {
            "id": "n15",
            "kind": "dial_by_extension",
            "label": ["Dial by extension"],
            "attendant": "Main Line",
            "location": "Headquarters",
        },
        {
            "id": "n16",
            "kind": "key",
            "label": ["7: Opening hours"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "7",
            "action": "PLAY_ANNOUNCEMENT",
        },
        {
            "id": "n17",
            "kind": "announcement",
            "label": ["Announcement", "hours.wav"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "value": "hours.wav",
        },
        {
            "id": "n18",
            "kind": "key",
            "label": ["8: Transfer"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "8",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {
            "id": "n19",
            "kind": "attendant",
            "label": ["Branch Desk", "in Branch", "ext 2000 / +15555550300"],
            "attendant": "Branch Desk",
            "location": "Branch",
            "external": True,
        },
        {
            "id": "n20",
            "kind": "key",
            "label": ["9: Sales"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "9",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {"id": "n21", "kind": "extension", "label": ["ext 1100"], "value": "1100"},
        {
            "id": "n22",
            "kind": "key",
            "label": ["*: Repeat menu"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "*",
            "action": "REPEAT_MENU",
        },
        {
            "id": "n23",
            "kind": "key",
            "label": ["#: Goodbye"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "#",
            "action": "EXIT",
        },
        {
            "id": "n24",
            "kind": "disconnect",
            "label": ["Disconnect"],
            "attendant": "Main Line",
            "location": "Headquarters",
        },
        {
            "id": "n25",
            "kind": "call_treatment",
            "label": ["No input", "repeat twice", "wait 15 s", "Transfer (with prompt)"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "business_hours",
            "action": "TRANSFER_WITH_PROMPT",
        },
        {
            "id": "n26",
            "kind": "menu",
            "label": ["After hours", "outside Office Hours", "holidays: Holidays"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "after_hours",
        },
        {
            "id": "n27",
            "kind": "key",
            "label": ["1: Voicemail"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "after_hours",
            "key": "1",
            "action": "TRANSFER_TO_MAILBOX",
        },
        {
            "id": "n28",
            "kind": "key",
            "label": ["*: Repeat menu"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "after_hours",
            "key": "*",
            "action": "REPEAT_MENU",
        },
        {
            "id": "n29",
            "kind": "call_treatment",
            "label": ["No input", "Message, then disconnect"],
            "attendant": "Main Line",
            "location": "Headquarters",
            "menu": "after_hours",
            "action": "PLAY_MESSAGE_AND_DISCONNECT",
        },
        {
            "id": "n30",
            "kind": "menu",
            "label": ["Business hours", "schedule: Office Hours"],
            "attendant": "Support Menu",
            "location": "Headquarters",
            "menu": "business_hours",
        },
        {
            "id": "n31",
            "kind": "key",
            "label": ["1: Hardware"],
            "attendant": "Support Menu",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "1",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {"id": "n32", "kind": "extension", "label": ["ext 1201"], "value": "1201"},
        {
            "id": "n33",
            "kind": "key",
            "label": ["9: Main menu"],
            "attendant": "Support Menu",
            "location": "Headquarters",
            "menu": "business_hours",
            "key": "9",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {
            "id": "n34",
            "kind": "call_treatment",
            "label": ["No input", "Transfer"],
            "attendant": "Support Menu",
            "location": "Headquarters",
            "menu": "business_hours",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {
            "id": "n35",
            "kind": "menu",
            "label": ["After hours", "outside Office Hours"],
            "attendant": "Support Menu",
            "location": "Headquarters",
            "menu": "after_hours",
        },
        {
            "id": "n36",
            "kind": "key",
            "label": ["#: Exit"],
            "attendant": "Support Menu",
            "location": "Headquarters",
            "menu": "after_hours",
            "key": "#",
            "action": "EXIT",
        },
        {
            "id": "n37",
            "kind": "disconnect",
            "label": ["Disconnect"],
            "attendant": "Support Menu",
            "location": "Headquarters",
        },
    ],
    "edges": [
        {"source": "n1", "target": "n2", "label": "business hours"},
        {"source": "n2", "target": "n3", "label": ""},
        {"source": "n3", "target": "n4", "label": ""},
        {"source": "n2", "target": "n5", "label": ""},
        {"source": "n5", "target": "n6", "label": "with prompt"},
        {"source": "n2", "target": "n7", "label": ""},
        {"source": "n7", "target": "n8", "label": ""},
        {"source": "n2", "target": "n9", "label": ""},
        {"source": "n9", "target": "n8", "label": ""},
        {"source": "n2", "target": "n10", "label": ""},
        {"source": "n10", "target": "n11", "label": ""},
        {"source": "n2", "target": "n12", "label": ""},
        {"source": "n12", "target": "n13", "label": ""},
        {"source": "n2", "target": "n14", "label": ""},
        {"source": "n14", "target": "n15", "label": ""},
        {"source": "n2", "target": "n16", "label": ""},
        {"source": "n16", "target": "n17", "label": ""},
        {"source": "n2", "target": "n18", "label": ""},
        {"source": "n18", "target": "n19", "label": ""},
        {"source": "n2", "target": "n20", "label": ""},
        {"source": "n20", "target": "n21", "label": ""},
        {"source": "n2", "target": "n22", "label": ""},
        {"source": "n22", "target": "n2", "label": "repeat"},
        {"source": "n2", "target": "n23", "label": ""},
        {"source": "n23", "target": "n24", "label": ""},
        {"source": "n2", "target": "n25", "label": "no input"},
        {"source": "n25", "target": "n21", "label": "with prompt"},
        {"source": "n1", "target": "n26", "label": "after hours"},
        {"source": "n26", "target": "n27", "label": ""},
        {"source": "n27", "target": "n11", "label": ""},
        {"source": "n26", "target": "n28", "label": ""},
        {"source": "n28", "target": "n26", "label": "repeat"},
        {"source": "n26", "target": "n29", "label": "no input"},
        {"source": "n29", "target": "n24", "label": "message"},
        {"source": "n8", "target": "n30", "label": "business hours"},
        {"source": "n30", "target": "n31", "label": ""},
        {"source": "n31", "target": "n32", "label": ""},
        {"source": "n30", "target": "n33", "label": ""},
        {"source": "n33", "target": "n1", "label": ""},
        {"source": "n30", "target": "n34", "label": "no input"},
        {"source": "n34", "target": "n1", "label": ""},
        {"source": "n8", "target": "n35", "label": "after hours"},
        {"source": "n35", "target": "n36", "label": ""},
        {"source": "n36", "target": "n37", "label": ""},
    ],
}

HEADQUARTERS_MERMAID = """\
flowchart LR
  n1[["Main Line<br/>ext 2000 / +15555550100"]]
  n2(["Business hours<br/>schedule: Office Hours<br/>greeting: welcome.wav"])
  n3["0: Operator"]
  n4("Operator")
  n5["1: Billing"]
  n6[/"+15555550199"/]
  n7["2: Support"]
  n8[["Support Menu<br/>ext 2100"]]
  n9["3: Support by extension"]
  n10["4: Leave a message"]
  n11("Voicemail<br/>2000")
  n12["5: Dial by name"]
  n13("Dial by name<br/>scope: GROUP")
  n14["6: Dial by extension"]
  n15("Dial by extension")
  n16["7: Opening hours"]
  n17("Announcement<br/>hours.wav")
  n18["8: Transfer"]
  n19[["Branch Desk<br/>in Branch<br/>ext 2000 / +15555550300"]]
  n20["9: Sales"]
  n21[/"ext 1100"/]
  n22["*: Repeat menu"]
  n23["#35;: Goodbye"]
  n24(("Disconnect"))
  n25{{"No input<br/>repeat twice<br/>wait 15 s<br/>Transfer (with prompt)"}}
  n26(["After hours<br/>outside Office Hours<br/>holidays: Holidays"])
  n27["1: Voicemail"]
  n28["*: Repeat menu"]
  n29{{"No input<br/>Message, then disconnect"}}
  n30(["Business hours<br/>schedule: Office Hours"])
  n31["1: Hardware"]
  n32[/"ext 1201"/]
  n33["9: Main menu"]
  n34{{"No input<br/>Transfer"}}
  n35(["After hours<br/>outside Office Hours"])
  n36["#35;: Exit"]
  n37(("Disconnect"))
  n1 -->|"business hours"| n2
  n2 --> n3
  n3 --> n4
  n2 --> n5
  n5 -->|"with prompt"| n6
  n2 --> n7
  n7 --> n8
  n2 --> n9
  n9 --> n8
  n2 --> n10
  n10 --> n11
  n2 --> n12
  n12 --> n13
  n2 --> n14
  n14 --> n15
  n2 --> n16
  n16 --> n17
  n2 --> n18
  n18 --> n19
  n2 --> n20
  n20 --> n21
  n2 --> n22
  n22 -->|"repeat"| n2
  n2 --> n23
  n23 --> n24
  n2 -->|"no input"| n25
  n25 -->|"with prompt"| n21
  n1 -->|"after hours"| n26
  n26 --> n27
  n27 --> n11
  n26 --> n28
  n28 -->|"repeat"| n26
  n26 -->|"no input"| n29
  n29 -->|"message"| n24
  n8 -->|"business hours"| n30
  n30 --> n31
  n31 --> n32
  n30 --> n33
  n33 --> n1
  n30 -->|"no input"| n34
  n34 --> n1
  n8 -->|"after hours"| n35
  n35 --> n36
  n36 --> n37
  classDef attendant fill:#dbeafe,stroke:#1d4ed8
  classDef menu fill:#fef3c7,stroke:#b45309
  class n1,n8,n19 attendant
  class n2,n26,n30,n35 menu
"""

HEADQUARTERS_DOT = r"""digraph call_flows {
  graph [rankdir=LR, label="Call flows: Headquarters", labelloc=t, fontname="Helvetica"];
  node [fontname="Helvetica", fontsize=11, shape=box, style=rounded];
  edge [fontname="Helvetica", fontsize=10];
  n1 [label="Main Line\next 2000 / +15555550100", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n2 [label="Business hours\nschedule: Office Hours\ngreeting: welcome.wav", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n3 [label="0: Operator", shape=box];
  n4 [label="Operator", shape=box, style=rounded];
  n5 [label="1: Billing", shape=box];
  n6 [label="+15555550199", shape=parallelogram];
  n7 [label="2: Support", shape=box];
  n8 [label="Support Menu\next 2100", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n9 [label="3: Support by extension", shape=box];
  n10 [label="4: Leave a message", shape=box];
  n11 [label="Voicemail\n2000", shape=box, style=rounded];
  n12 [label="5: Dial by name", shape=box];
  n13 [label="Dial by name\nscope: GROUP", shape=box, style=rounded];
  n14 [label="6: Dial by extension", shape=box];
  n15 [label="Dial by extension", shape=box, style=rounded];
  n16 [label="7: Opening hours", shape=box];
  n17 [label="Announcement\nhours.wav", shape=box, style=rounded];
  n18 [label="8: Transfer", shape=box];
  n19 [label="Branch Desk\nin Branch\next 2000 / +15555550300", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n20 [label="9: Sales", shape=box];
  n21 [label="ext 1100", shape=parallelogram];
  n22 [label="*: Repeat menu", shape=box];
  n23 [label="#: Goodbye", shape=box];
  n24 [label="Disconnect", shape=doublecircle];
  n25 [label="No input\nrepeat twice\nwait 15 s\nTransfer (with prompt)", shape=hexagon];
  n26 [label="After hours\noutside Office Hours\nholidays: Holidays", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n27 [label="1: Voicemail", shape=box];
  n28 [label="*: Repeat menu", shape=box];
  n29 [label="No input\nMessage, then disconnect", shape=hexagon];
  n30 [label="Business hours\nschedule: Office Hours", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n31 [label="1: Hardware", shape=box];
  n32 [label="ext 1201", shape=parallelogram];
  n33 [label="9: Main menu", shape=box];
  n34 [label="No input\nTransfer", shape=hexagon];
  n35 [label="After hours\noutside Office Hours", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n36 [label="#: Exit", shape=box];
  n37 [label="Disconnect", shape=doublecircle];
  n1 -> n2 [label="business hours"];
  n2 -> n3;
  n3 -> n4;
  n2 -> n5;
  n5 -> n6 [label="with prompt"];
  n2 -> n7;
  n7 -> n8;
  n2 -> n9;
  n9 -> n8;
  n2 -> n10;
  n10 -> n11;
  n2 -> n12;
  n12 -> n13;
  n2 -> n14;
  n14 -> n15;
  n2 -> n16;
  n16 -> n17;
  n2 -> n18;
  n18 -> n19;
  n2 -> n20;
  n20 -> n21;
  n2 -> n22;
  n22 -> n2 [label="repeat"];
  n2 -> n23;
  n23 -> n24;
  n2 -> n25 [label="no input"];
  n25 -> n21 [label="with prompt"];
  n1 -> n26 [label="after hours"];
  n26 -> n27;
  n27 -> n11;
  n26 -> n28;
  n28 -> n26 [label="repeat"];
  n26 -> n29 [label="no input"];
  n29 -> n24 [label="message"];
  n8 -> n30 [label="business hours"];
  n30 -> n31;
  n31 -> n32;
  n30 -> n33;
  n33 -> n1;
  n30 -> n34 [label="no input"];
  n34 -> n1;
  n8 -> n35 [label="after hours"];
  n35 -> n36;
  n36 -> n37;
}
"""
ODD_LOCATION_GRAPH = {
    "location": "!!!",
    "slug": "location",
    "title": "Call flows: !!!",
    "nodes": [
        {
            "id": "n1",
            "kind": "attendant",
            "label": ["Unnamed"],
            "attendant": "Unnamed",
            "location": "!!!",
            "external": False,
        }
    ],
    "edges": [],
}

ODD_LOCATION_MERMAID = """\
flowchart TB
  n1[["Unnamed"]]
  classDef attendant fill:#dbeafe,stroke:#1d4ed8
  classDef menu fill:#fef3c7,stroke:#b45309
  class n1 attendant
"""

ODD_LOCATION_DOT = r"""digraph call_flows {
  graph [rankdir=TB, label="Call flows: !!!", labelloc=t, fontname="Helvetica"];
  node [fontname="Helvetica", fontsize=11, shape=box, style=rounded];
  edge [fontname="Helvetica", fontsize=10];
  n1 [label="Unnamed", shape=box3d, style=filled, fillcolor="#dbeafe"];
}
"""

ODD_LAB_CO_GRAPH = {
    "location": "Lab & Co",
    "slug": "lab-co",
    "title": "Call flows: Lab & Co",
    "nodes": [
        {
            "id": "n1",
            "kind": "attendant",
            "label": ["Odd", "ext 3000"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "external": False,
        },
        {
            "id": "n2",
            "kind": "menu",
            "label": ["Business hours", "greeting: file-7"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
        },
        {
            "id": "n3",
            "kind": "key",
            "label": ["1: Voicemail"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "1",
            "action": "TRANSFER_TO_MAILBOX",
        },
        {"id": "n4", "kind": "mailbox", "label": ["Voicemail", "Odd"], "value": "Odd"},
        {
            "id": "n5",
            "kind": "key",
            "label": ["2: Voicemail"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "2",
            "action": "TRANSFER_TO_MAILBOX",
        },
        {"id": "n6", "kind": "mailbox", "label": ["Voicemail", "Far (Elsewhere)"], "value": "Far (Elsewhere)"},
        {
            "id": "n7",
            "kind": "key",
            "label": ["3: Voicemail"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "3",
            "action": "TRANSFER_TO_MAILBOX",
        },
        {"id": "n8", "kind": "mailbox", "label": ["Voicemail", "?"], "value": "?"},
        {
            "id": "n9",
            "kind": "key",
            "label": ["4: Transfer"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "4",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {"id": "n10", "kind": "extension", "label": ["ext ?"], "value": "?"},
        {
            "id": "n11",
            "kind": "key",
            "label": ["5: Transfer"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "5",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {
            "id": "n12",
            "kind": "key",
            "label": ["6: RETURN_TO_PREVIOUS_MENU"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "6",
            "action": "RETURN_TO_PREVIOUS_MENU",
        },
        {
            "id": "n13",
            "kind": "key",
            "label": ["7: Announcement"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "7",
            "action": "PLAY_ANNOUNCEMENT",
        },
        {
            "id": "n14",
            "kind": "announcement",
            "label": ["Announcement", "?"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "value": "?",
        },
        {
            "id": "n15",
            "kind": "key",
            "label": ["8: Dial by extension"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "8",
            "action": "EXTENSION_DIALING",
        },
        {
            "id": "n16",
            "kind": "dial_by_extension",
            "label": ["Dial by extension", "scope: ENTERPRISE"],
            "attendant": "Odd",
            "location": "Lab & Co",
        },
        {
            "id": "n17",
            "kind": "key",
            "label": ["9: Dial by name"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "9",
            "action": "NAME_DIALING",
        },
        {"id": "n18", "kind": "dial_by_name", "label": ["Dial by name"], "attendant": "Odd", "location": "Lab & Co"},
        {
            "id": "n19",
            "kind": "key",
            "label": ["0: Disconnect"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "0",
            "action": "DISCONNECT",
        },
        {"id": "n20", "kind": "disconnect", "label": ["Disconnect"], "attendant": "Odd", "location": "Lab & Co"},
        {
            "id": "n21",
            "kind": "key",
            "label": ["#: Transfer (with prompt)"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "key": "#",
            "action": "TRANSFER_WITH_PROMPT",
        },
        {
            "id": "n22",
            "kind": "attendant",
            "label": ["Twin", "(not in this list)"],
            "attendant": "Twin",
            "location": "Lab & Co",
            "external": False,
        },
        {
            "id": "n23",
            "kind": "call_treatment",
            "label": ["No input", "FOUR_TIMES", "wait 0 s"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "business_hours",
            "action": None,
        },
        {
            "id": "n24",
            "kind": "menu",
            "label": ["After hours", "greeting: custom"],
            "attendant": "Odd",
            "location": "Lab & Co",
            "menu": "after_hours",
        },
    ],
    "edges": [
        {"source": "n1", "target": "n2", "label": "business hours"},
        {"source": "n2", "target": "n3", "label": ""},
        {"source": "n3", "target": "n4", "label": ""},
        {"source": "n2", "target": "n5", "label": ""},
        {"source": "n5", "target": "n6", "label": ""},
        {"source": "n2", "target": "n7", "label": ""},
        {"source": "n7", "target": "n8", "label": ""},
        {"source": "n2", "target": "n9", "label": ""},
        {"source": "n9", "target": "n10", "label": ""},
        {"source": "n2", "target": "n11", "label": ""},
        {"source": "n11", "target": "n1", "label": ""},
        {"source": "n2", "target": "n12", "label": ""},
        {"source": "n2", "target": "n13", "label": ""},
        {"source": "n13", "target": "n14", "label": ""},
        {"source": "n2", "target": "n15", "label": ""},
        {"source": "n15", "target": "n16", "label": ""},
        {"source": "n2", "target": "n17", "label": ""},
        {"source": "n17", "target": "n18", "label": ""},
        {"source": "n2", "target": "n19", "label": ""},
        {"source": "n19", "target": "n20", "label": ""},
        {"source": "n2", "target": "n21", "label": ""},
        {"source": "n21", "target": "n22", "label": "with prompt"},
        {"source": "n2", "target": "n23", "label": "no input"},
        {"source": "n1", "target": "n24", "label": "after hours"},
    ],
}

ODD_LAB_CO_MERMAID = """\
flowchart TB
  n1[["Odd<br/>ext 3000"]]
  n2(["Business hours<br/>greeting: file-7"])
  n3["1: Voicemail"]
  n4("Voicemail<br/>Odd")
  n5["2: Voicemail"]
  n6("Voicemail<br/>Far (Elsewhere)")
  n7["3: Voicemail"]
  n8("Voicemail<br/>#63;")
  n9["4: Transfer"]
  n10[/"ext #63;"/]
  n11["5: Transfer"]
  n12["6: RETURN_TO_PREVIOUS_MENU"]
  n13["7: Announcement"]
  n14("Announcement<br/>#63;")
  n15["8: Dial by extension"]
  n16("Dial by extension<br/>scope: ENTERPRISE")
  n17["9: Dial by name"]
  n18("Dial by name")
  n19["0: Disconnect"]
  n20(("Disconnect"))
  n21["#35;: Transfer (with prompt)"]
  n22[["Twin<br/>(not in this list)"]]
  n23{{"No input<br/>FOUR_TIMES<br/>wait 0 s"}}
  n24(["After hours<br/>greeting: custom"])
  n1 -->|"business hours"| n2
  n2 --> n3
  n3 --> n4
  n2 --> n5
  n5 --> n6
  n2 --> n7
  n7 --> n8
  n2 --> n9
  n9 --> n10
  n2 --> n11
  n11 --> n1
  n2 --> n12
  n2 --> n13
  n13 --> n14
  n2 --> n15
  n15 --> n16
  n2 --> n17
  n17 --> n18
  n2 --> n19
  n19 --> n20
  n2 --> n21
  n21 -->|"with prompt"| n22
  n2 -->|"no input"| n23
  n1 -->|"after hours"| n24
  classDef attendant fill:#dbeafe,stroke:#1d4ed8
  classDef menu fill:#fef3c7,stroke:#b45309
  class n1,n22 attendant
  class n2,n24 menu
"""

ODD_LAB_CO_DOT = r"""digraph call_flows {
  graph [rankdir=TB, label="Call flows: Lab &amp; Co", labelloc=t, fontname="Helvetica"];
  node [fontname="Helvetica", fontsize=11, shape=box, style=rounded];
  edge [fontname="Helvetica", fontsize=10];
  n1 [label="Odd\next 3000", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n2 [label="Business hours\ngreeting: file-7", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n3 [label="1: Voicemail", shape=box];
  n4 [label="Voicemail\nOdd", shape=box, style=rounded];
  n5 [label="2: Voicemail", shape=box];
  n6 [label="Voicemail\nFar (Elsewhere)", shape=box, style=rounded];
  n7 [label="3: Voicemail", shape=box];
  n8 [label="Voicemail\n?", shape=box, style=rounded];
  n9 [label="4: Transfer", shape=box];
  n10 [label="ext ?", shape=parallelogram];
  n11 [label="5: Transfer", shape=box];
  n12 [label="6: RETURN_TO_PREVIOUS_MENU", shape=box];
  n13 [label="7: Announcement", shape=box];
  n14 [label="Announcement\n?", shape=box, style=rounded];
  n15 [label="8: Dial by extension", shape=box];
  n16 [label="Dial by extension\nscope: ENTERPRISE", shape=box, style=rounded];
  n17 [label="9: Dial by name", shape=box];
  n18 [label="Dial by name", shape=box, style=rounded];
  n19 [label="0: Disconnect", shape=box];
  n20 [label="Disconnect", shape=doublecircle];
  n21 [label="#: Transfer (with prompt)", shape=box];
  n22 [label="Twin\n(not in this list)", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n23 [label="No input\nFOUR_TIMES\nwait 0 s", shape=hexagon];
  n24 [label="After hours\ngreeting: custom", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n1 -> n2 [label="business hours"];
  n2 -> n3;
  n3 -> n4;
  n2 -> n5;
  n5 -> n6;
  n2 -> n7;
  n7 -> n8;
  n2 -> n9;
  n9 -> n10;
  n2 -> n11;
  n11 -> n1;
  n2 -> n12;
  n2 -> n13;
  n13 -> n14;
  n2 -> n15;
  n15 -> n16;
  n2 -> n17;
  n17 -> n18;
  n2 -> n19;
  n19 -> n20;
  n2 -> n21;
  n21 -> n22 [label="with prompt"];
  n2 -> n23 [label="no input"];
  n1 -> n24 [label="after hours"];
}
"""

ODD_LAB_CO_2_GRAPH = {
    "location": "Lab / Co",
    "slug": "lab-co-2",
    "title": "Call flows: Lab / Co",
    "nodes": [
        {
            "id": "n1",
            "kind": "attendant",
            "label": ["Twin", "+15555550500"],
            "attendant": "Twin",
            "location": "Lab / Co",
            "external": False,
        },
        {
            "id": "n2",
            "kind": "menu",
            "label": ["Business hours"],
            "attendant": "Twin",
            "location": "Lab / Co",
            "menu": "business_hours",
        },
        {
            "id": "n3",
            "kind": "key",
            "label": ["1: Transfer"],
            "attendant": "Twin",
            "location": "Lab / Co",
            "menu": "business_hours",
            "key": "1",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {"id": "n4", "kind": "extension", "label": ["ext 3000"], "value": "3000"},
        {
            "id": "n5",
            "kind": "key",
            "label": ["2: Transfer (with prompt)"],
            "attendant": "Twin",
            "location": "Lab / Co",
            "menu": "business_hours",
            "key": "2",
            "action": "TRANSFER_WITH_PROMPT",
        },
        {
            "id": "n6",
            "kind": "attendant",
            "label": ["Far", "in Elsewhere", "(not in this list)"],
            "attendant": "Far",
            "location": "Elsewhere",
            "external": True,
        },
        {
            "id": "n7",
            "kind": "key",
            "label": ["3: Transfer"],
            "attendant": "Twin",
            "location": "Lab / Co",
            "menu": "business_hours",
            "key": "3",
            "action": "TRANSFER_WITHOUT_PROMPT",
        },
        {
            "id": "n8",
            "kind": "attendant",
            "label": ["Unnamed", "in !!!"],
            "attendant": "Unnamed",
            "location": "!!!",
            "external": True,
        },
        {
            "id": "n9",
            "kind": "call_treatment",
            "label": ["No input", "Voicemail"],
            "attendant": "Twin",
            "location": "Lab / Co",
            "menu": "business_hours",
            "action": "TRANSFER_TO_MAILBOX",
        },
        {"id": "n10", "kind": "mailbox", "label": ["Voicemail", "3000"], "value": "3000"},
    ],
    "edges": [
        {"source": "n1", "target": "n2", "label": "business hours"},
        {"source": "n2", "target": "n3", "label": ""},
        {"source": "n3", "target": "n4", "label": ""},
        {"source": "n2", "target": "n5", "label": ""},
        {"source": "n5", "target": "n6", "label": "with prompt"},
        {"source": "n2", "target": "n7", "label": ""},
        {"source": "n7", "target": "n8", "label": ""},
        {"source": "n2", "target": "n9", "label": "no input"},
        {"source": "n9", "target": "n10", "label": ""},
    ],
}

ODD_LAB_CO_2_MERMAID = """\
flowchart TB
  n1[["Twin<br/>+15555550500"]]
  n2(["Business hours"])
  n3["1: Transfer"]
  n4[/"ext 3000"/]
  n5["2: Transfer (with prompt)"]
  n6[["Far<br/>in Elsewhere<br/>(not in this list)"]]
  n7["3: Transfer"]
  n8[["Unnamed<br/>in #33;#33;#33;"]]
  n9{{"No input<br/>Voicemail"}}
  n10("Voicemail<br/>3000")
  n1 -->|"business hours"| n2
  n2 --> n3
  n3 --> n4
  n2 --> n5
  n5 -->|"with prompt"| n6
  n2 --> n7
  n7 --> n8
  n2 -->|"no input"| n9
  n9 --> n10
  classDef attendant fill:#dbeafe,stroke:#1d4ed8
  classDef menu fill:#fef3c7,stroke:#b45309
  class n1,n6,n8 attendant
  class n2 menu
"""

ODD_LAB_CO_2_DOT = r"""digraph call_flows {
  graph [rankdir=TB, label="Call flows: Lab / Co", labelloc=t, fontname="Helvetica"];
  node [fontname="Helvetica", fontsize=11, shape=box, style=rounded];
  edge [fontname="Helvetica", fontsize=10];
  n1 [label="Twin\n+15555550500", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n2 [label="Business hours", shape=box, style="rounded,filled", fillcolor="#fef3c7"];
  n3 [label="1: Transfer", shape=box];
  n4 [label="ext 3000", shape=parallelogram];
  n5 [label="2: Transfer (with prompt)", shape=box];
  n6 [label="Far\nin Elsewhere\n(not in this list)", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n7 [label="3: Transfer", shape=box];
  n8 [label="Unnamed\nin !!!", shape=box3d, style=filled, fillcolor="#dbeafe"];
  n9 [label="No input\nVoicemail", shape=hexagon];
  n10 [label="Voicemail\n3000", shape=box, style=rounded];
  n1 -> n2 [label="business hours"];
  n2 -> n3;
  n3 -> n4;
  n2 -> n5;
  n5 -> n6 [label="with prompt"];
  n2 -> n7;
  n7 -> n8;
  n2 -> n9 [label="no input"];
  n9 -> n10;
}
"""
