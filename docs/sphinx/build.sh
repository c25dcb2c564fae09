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
# generated tree only (nothing generated is committed).
ansible-playbook ../../playbooks/diagram_auto_attendants.yml -e @../../examples/call_flows.yml \
    -e diagram_file="$PWD/rst/collections/wxc/calling/docsite/call-flows-example.md"
test -s rst/collections/wxc/calling/docsite/call-flows-example-headquarters.svg

# Build Sphinx site
sphinx-build -M html rst build -c . -W --keep-going
