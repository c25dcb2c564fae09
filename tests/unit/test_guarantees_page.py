"""Every guarantee on the guarantees page keeps a test: each test, file and case the page names exists."""

import os
import re

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
PAGE = os.path.join(ROOT, "docs", "docsite", "rst", "guarantees.rst")
TESTS = os.path.join(ROOT, "tests")


def _sources():
    found = {}
    for directory, _dirs, files in os.walk(TESTS):
        for name in files:
            if name.endswith(".py"):
                with open(os.path.join(directory, name), encoding="utf-8") as handle:
                    found[os.path.relpath(os.path.join(directory, name), ROOT)] = handle.read()
    return found


def _literals():
    with open(PAGE, encoding="utf-8") as handle:
        return sorted(set(re.findall(r"``([^`]+)``", handle.read())))


def test_every_test_named_on_the_guarantees_page_exists():
    sources = _sources()
    defined = set()
    for text in sources.values():
        defined.update(re.findall(r"^\s*def (test_\w+)\(", text, flags=re.M))
    missing = [
        literal
        for literal in _literals()
        for name in re.findall(r"\b(test_\w+)\b(?!\.py)", literal)
        if name not in defined
    ]
    assert missing == []


def test_every_test_file_named_on_the_guarantees_page_exists():
    sources = _sources()
    basenames = {os.path.basename(path) for path in sources}
    missing = []
    for literal in _literals():
        for path in re.findall(r"((?:tests/)?[\w/]*test_\w+\.py)", literal):
            if path.startswith("tests/") and path not in sources or os.path.basename(path) not in basenames:
                missing.append(path)
    assert missing == []


def test_every_case_id_named_on_the_guarantees_page_exists():
    text = "\n".join(_sources().values())
    cases = [literal for literal in _literals() if re.fullmatch(r"[a-z]+(-[a-z0-9]+){3,}", literal)]
    assert cases and [case for case in cases if case not in text] == []
