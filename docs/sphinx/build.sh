#!/usr/bin/env bash
# Copyright (c) Ansible Project
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# Created with antsibull-docs 2.28.0

set -e

pushd "$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )"
trap "{ popd; }" EXIT

# Create collection documentation
mkdir -p rst
chmod og-w rst  # antsibull-docs wants that directory only readable by itself
antsibull-docs \
    --config-file antsibull-docs.cfg \
    collection \
    --cleanup everything \
    --use-current \
    --dest-dir rst \
    wxc.calling

# The call-flow example of the guide: drawn from the repository's example by the collection's own playbook, into the
# generated tree only (nothing generated is committed). Without Graphviz (make goes on without it where it cannot
# install it), the Markdown only, and in the picture's place a stand-in that says why.
example="$PWD/rst/collections/wxc/calling/docsite/call-flows-example"
if command -v dot > /dev/null; then
    ansible-playbook ../../playbooks/diagram_auto_attendants.yml -e @../../examples/call_flows.yml \
        -e diagram_file="$example.md"
else
    echo "Graphviz dot is not installed: the call-flow example is a stand-in" >&2
    ansible-playbook ../../playbooks/diagram_auto_attendants.yml -e @../../examples/call_flows.yml \
        -e diagram_file="$example.md" -e diagram_svg=false
    cat > "$example-headquarters.svg" << 'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="780" height="60" viewBox="0 0 780 60">
  <rect x="1" y="1" width="778" height="58" fill="#fff" stroke="#999"/>
  <text x="390" y="35" font-family="sans-serif" font-size="15" text-anchor="middle">The call-flow diagram is drawn by Graphviz, which was not installed when these docs were built.</text>
</svg>
SVG
fi
test -s "$example-headquarters.svg"

# The call-flow tests example of the guide "Testing call flows", included as the repository holds it.
cp ../../examples/call_flow_tests/call_flow_tests.yml ../../examples/call_flow_tests/check_call_flows.yml \
    rst/collections/wxc/calling/docsite/

# Build Sphinx site
sphinx-build -M html rst build -c . -W --keep-going
