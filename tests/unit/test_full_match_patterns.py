"""No `$`-anchored regular expression in the plugins or the simulator: `$` also matches before a final newline, so
"2120\n" passed the extension, E.164 and destination checks and was sent. Patterns end with \\Z (or use fullmatch)."""

import ast
import os
import re

from ansible_collections.wxc.calling.plugins.module_utils import numbers
from ansible_collections.wxc.calling.plugins.module_utils._schedule import options as sc_options

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
SOURCES = ("plugins", os.path.join("tests", "simulator"))
REGEX_CALLS = ("compile", "match", "search", "fullmatch", "sub", "findall", "split")


def _regex_literals(tree):
    """The string literals given as the pattern of re.compile/match/search/... in TREE."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in REGEX_CALLS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.args
        ):
            for part in ast.walk(node.args[0]):
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    yield node.lineno, part.value


def test_no_pattern_is_anchored_with_a_dollar():
    found = []
    for source in SOURCES:
        for folder, _dirs, files in os.walk(os.path.join(ROOT, source)):
            for name in files:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    with open(path, encoding="utf-8") as handle:
                        tree = ast.parse(handle.read())
                    found += [
                        "%s:%d %r" % (os.path.relpath(path, ROOT), line, text)
                        for line, text in _regex_literals(tree)
                        if re.search(r"(?<!\\)\$", text)
                    ]
    assert not found, "use \\Z or re.fullmatch instead of $: %s" % found


def test_the_checks_refuse_a_trailing_newline():
    # noqa: E402
    from tests.simulator import validation  # noqa: E402

    for pattern, value in (
        (numbers.EXTENSION, "2120"),
        (numbers.E164, "+15551234567"),
        (numbers.DESTINATION, "2120"),
        (sc_options.DATE_PATTERN, "2027-01-01"),
        (sc_options.TIME_PATTERN, "08:00"),
    ):
        assert pattern.match(value) and not pattern.match(value + "\n"), pattern.pattern
    # The simulator's patterns are unanchored and always used with fullmatch.
    for pattern, value in (
        (validation.EXTENSION_PATTERN, "2120"),
        (validation.E164_PATTERN, "+15551234567"),
        (validation.DATE_PATTERN, "2027-01-01"),
        (validation.TIME_PATTERN, "08:00"),
    ):
        assert pattern.fullmatch(value) and not pattern.fullmatch(value + "\n"), pattern.pattern
