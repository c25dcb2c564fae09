"""The private pytest and mutmut names that .ci/mutation_runner.py and .ci/mutation.py use, checked one by one.

requirements-mutation.txt pins the versions they were written against. A pin raised to a release that moved one of
them fails here, naming each, before any mutant is made: not as a run whose verdicts quietly mean something else.
"""

import importlib
import inspect

MOVED = "pytest/mutmut internals moved"

# (module, attribute, the parameters the code passes it by name or position; None: not called).
USED = (
    # pytest.main()'s own steps, which mutation_runner.py takes one by one to collect the tests once.
    ("_pytest.config", "_prepareconfig", ("args", "plugins")),
    ("_pytest.config", "Config._do_configure", ()),
    ("_pytest.main", "Session.from_config", ("config",)),
    ("_pytest.main", "Session.Failed", None),
    ("_pytest.hookspec", "pytest_sessionstart", ("session",)),
    ("_pytest.hookspec", "pytest_collection", ("session",)),
    ("_pytest.hookspec", "pytest_runtestloop", ("session",)),
    ("_pytest.hookspec", "pytest_runtest_logreport", ("report",)),
    ("pytest", "exit.Exception", None),
    # mutmut's runner classes, which mutation_runner.py subclasses, and the name through which it puts its own in.
    ("mutmut.__main__", "cli", None),
    ("mutmut.__main__", "get_mutant_runner", ("max_workers",)),
    ("mutmut.runners.harness", "PytestRunner.run_tests", ("mutant_name", "tests")),
    ("mutmut.runners.harness", "PytestRunner._pytest_args_regular_run", ("tests",)),
    ("mutmut.utils.file_utils", "change_cwd", ("path",)),
    ("mutmut.workers.isolation", "ForkRunner", ("max_workers", "test_runner")),
    ("mutmut.workers.isolation", "ForkRunner.startup", ()),
    # What mutation.py reads back: mutmut's names for its exit codes, and its diff of a mutant.
    ("mutmut.stats", "status_by_exit_code", None),
    ("mutmut.mutation.diff_apply", "get_diff_for_mutant", ("mutant_name", "path")),
)
# Attributes an object only gets in its __init__ (module, class, attributes): looked for in that __init__'s source.
SET_IN_INIT = (
    ("_pytest.main", "Session", ("testsfailed", "testscollected", "items")),
    ("mutmut.runners.harness", "PytestRunner", ("_pytest_add_cli_args",)),
    ("mutmut.workers.isolation", "ForkRunner", ("test_runner",)),
)
# mutation_runner.py replaces mutmut.__main__.get_mutant_runner: that works while the function that runs the mutants
# looks the name up in that module.
LOOKS_UP = (("mutmut.__main__", "_run", "get_mutant_runner"),)


def _resolve(module_name, dotted):
    value = importlib.import_module(module_name)
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


def missing():
    """What USED, SET_IN_INIT and LOOKS_UP name and the installed pytest and mutmut lack, one line each."""
    problems = []
    for module_name, dotted, parameters in USED:
        try:
            value = _resolve(module_name, dotted)
        except (ImportError, AttributeError) as error:
            problems.append("%s.%s (%s)" % (module_name, dotted, error))
            continue
        if parameters:
            accepted = inspect.signature(value).parameters
            lacking = [name for name in parameters if name not in accepted]
            if lacking:
                problems.append("%s.%s takes no parameter %s" % (module_name, dotted, ", ".join(lacking)))
    for module_name, class_name, attributes in SET_IN_INIT:
        try:
            source = inspect.getsource(_resolve(module_name, class_name).__init__)
        except (ImportError, AttributeError, OSError, TypeError) as error:
            problems.append("%s.%s.__init__ (%s)" % (module_name, class_name, error))
            continue
        for attribute in attributes:
            if "self.%s" % attribute not in source:
                problems.append("%s.%s.__init__ sets no self.%s" % (module_name, class_name, attribute))
    for module_name, function, name in LOOKS_UP:
        try:
            names = _resolve(module_name, function).__code__.co_names
        except (ImportError, AttributeError) as error:
            problems.append("%s.%s (%s)" % (module_name, function, error))
            continue
        if name not in names:
            problems.append("%s.%s no longer looks up %s" % (module_name, function, name))
    return problems


def require():
    """Stop, naming every moved internal, unless all of them are where the runner expects them."""
    problems = missing()
    if problems:
        raise SystemExit(
            "%s: %s\n(.ci/mutation_runner.py was written against the versions in requirements-mutation.txt)"
            % (MOVED, "; ".join(problems))
        )


if __name__ == "__main__":
    require()
