#!/usr/bin/env bash
# make demo: start the simulator, converge the documentation example twice (changed, then ok), print it, stop.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=.venv/bin/python
mkdir -p .demo
rm -f .demo/state.json .demo/simulator.out

"$PY" -m tests.simulator --port 0 --state-file .demo/state.json > .demo/simulator.out 2> .demo/simulator.err &
SIM_PID=$!
trap 'kill "$SIM_PID" 2>/dev/null; wait "$SIM_PID" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  grep -q listening .demo/simulator.out 2>/dev/null && break
  sleep 0.1
done
URL=$(grep -o 'http://[^ ]*' .demo/simulator.out) || { cat .demo/simulator.err; exit 1; }
echo "Simulator of the Webex Calling API: $URL"

export WEBEX_API_URL="$URL" WEBEX_ACCESS_TOKEN=wxc-sim-admin-token
export ANSIBLE_COLLECTIONS_PATH="${ANSIBLE_COLLECTIONS_PATH:-$PWD/build/links}" ANSIBLE_NOCOLOR=1
echo; echo "=== First run: creates the auto attendant (changed)"
.venv/bin/ansible-playbook -i examples/inventory.ini examples/demo.yml
echo; echo "=== Second run: nothing to do (ok, changed=0), and the result"
.venv/bin/ansible-playbook -i examples/inventory.ini examples/demo.yml -e show_result=true
echo; echo "=== What the simulator received"
"$PY" -c 'import json, sys, urllib.request
for r in json.load(urllib.request.urlopen(sys.argv[1] + "/_sim/requests")):
    print(r["status"], r["method"], r["path"])' "${URL%/v1}"
