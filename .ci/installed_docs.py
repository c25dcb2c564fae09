"""Every plugin and role of the installed collection has its documentation: `make package` runs this after installing
the built tarball (ANSIBLE_COLLECTIONS_PATH names the installation).

One `ansible-doc --json` per plugin type, naming every plugin the checkout holds (the filters as the installed
collection lists them, at least one per filter file): a plugin missing from the answer, or without its doc, fails.
ansible-doc itself only warns (exit code 0) about a plugin it cannot find or read, hence the check of its answer.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir))
ANSIBLE_DOC = os.path.join(os.path.dirname(sys.executable), "ansible-doc")
PREFIX = "wxc.calling."


def ansible_doc(*args):
    proc = subprocess.run([ANSIBLE_DOC, "--json", *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.exit("ansible-doc %s failed:\n%s%s" % (" ".join(args), proc.stdout, proc.stderr))
    return json.loads(proc.stdout)


def names(folder):
    """The plugins of plugins/FOLDER, by file name."""
    path = os.path.join(ROOT, "plugins", folder)
    return sorted(PREFIX + name[: -len(".py")] for name in os.listdir(path) if name.endswith(".py"))


def main():
    filters = sorted(ansible_doc("-t", "filter", "-l", "wxc.calling"))
    if len(filters) < len(names("filter")):
        sys.exit("the installed collection lists %d filters for %d filter files" % (len(filters), len(names("filter"))))
    roles = sorted(PREFIX + name for name in os.listdir(os.path.join(ROOT, "roles")))
    wanted = {"module": names("modules"), "filter": filters, "inventory": names("inventory"), "role": roles}
    problems = []
    for plugin_type, plugins in wanted.items():
        answer = ansible_doc("-t", plugin_type, *plugins)
        for plugin in plugins:
            entry = answer.get(plugin) or {}
            # A role's documentation is per entry point; a plugin's is its doc.
            if not (entry.get("entry_points") if plugin_type == "role" else entry.get("doc")):
                problems.append("%s %s: no documentation in the installed collection" % (plugin_type, plugin))
        print("%s: %s" % (plugin_type, ", ".join(plugins)))
    if problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    main()
