"""mutmut 3 with each mutant's test process forked from one pytest session that has already collected every test.

.ci/mutation.py runs this in place of the `mutmut` command (same arguments). mutmut forks a child per mutant, and
each child calls pytest.main(): configuration, plugin set-up and collection of up to hundreds of named tests, a fifth
of a second before the first test runs, 14,600 times in a cold run. Here the parent builds that session once, just
before the mutants run (after mutmut's own whole-suite runs: stats, clean tests, forced failure, which keep
pytest.main()), and each child only picks the items mutmut names and runs them through pytest's own test loop: the
same fixtures, hooks, -x and exit codes, so the verdicts do not change.

In the child, a mutant's tests start with those that killed the most earlier mutants of the same function (mutmut runs
a function's mutants one after another and stops at the first failing test), recorded in BUILD/mutation/killers. A
test mutmut names that the session did not collect is written to BUILD/mutation/collection-errors, which fails the run.
An exception that escapes pytest's test loop in a child counts as killed, as pytest.main() counts an internal error;
its traceback goes to BUILD/mutation/internal-errors, which the canary treats as a failure.

It drives pytest through _pytest.config._prepareconfig, Config._do_configure and Session.from_config, as pytest.main()
does (pytest 9), and subclasses mutmut's runners: the exact versions are pinned (requirements-mutation.txt), every
private name it uses is checked by .ci/mutation_internals.py, and `make mutation-canary` compares its verdicts with
mutmut's own runner on one small file, before any full run.
"""

import collections
import os
import sys
import traceback

import mutmut.__main__ as mutmut_cli
import pytest
from mutmut.runners.harness import PytestRunner
from mutmut.utils.file_utils import change_cwd
from mutmut.workers.isolation import ForkRunner

# pytest.main()'s exit codes as mutmut reads them: 1 a test failed (killed), 2 interrupted, 3 pytest's internal error
# (killed); and mutmut's 35, suspicious: a named test missing (the run fails on collection-errors).
TESTS_FAILED, INTERRUPTED, INTERNAL_ERROR, SUSPICIOUS = 1, 2, 3, 35


class KillerLog:
    """A pytest plugin: the tests that fail under a mutant, appended to KILLERS/<mutated function>."""

    def __init__(self, killers):
        self.killers = killers
        self.function = None

    def pytest_runtest_logreport(self, report):
        if self.function is not None and report.failed:
            with open(os.path.join(self.killers, self.function), "a", encoding="utf-8") as handle:
                handle.write(report.nodeid + "\n")

    def order(self, items):
        """ITEMS with the tests that killed most of this function's earlier mutants first (stable otherwise)."""
        try:
            with open(os.path.join(self.killers, self.function), encoding="utf-8") as handle:
                kills = collections.Counter(handle.read().split())
        except FileNotFoundError:
            return items
        return sorted(items, key=lambda item: -kills[item.nodeid])


class CollectedSessionRunner(PytestRunner):
    """mutmut's pytest runner; a mutant's tests run in the session collected once by collect_once()."""

    def __init__(self, work):
        super().__init__()
        self.work = work
        self.killer_log = KillerLog(os.path.join(work, "killers"))
        self.session = None
        self.items = {}

    def collect_once(self):
        # pylint: disable=import-outside-toplevel,protected-access
        from _pytest.config import _prepareconfig
        from _pytest.main import Session

        # -s: no output capture set up in this process (a child writes to /dev/null anyway); capsys and capfd still work.
        args = ["--rootdir=.", "--tb=native", "-s"]
        args += self._pytest_args_regular_run([]) + self._pytest_add_cli_args
        quiet = open(os.devnull, "w", encoding="utf-8")  # pylint: disable=consider-using-with  # kept by the reporter
        saved = sys.stdout
        sys.stdout = quiet  # the terminal reporter keeps the file it is made with: this one, in every child too
        try:
            with change_cwd("mutants"):
                config = _prepareconfig(args, [self.killer_log])
                session = Session.from_config(config)
                config._do_configure()
                config.hook.pytest_sessionstart(session=session)
                config.hook.pytest_collection(session=session)
        finally:
            sys.stdout = saved
        if session.testsfailed:
            raise SystemExit("collecting the tests once for every mutant failed: %d errors" % session.testsfailed)
        self.session = session
        self.items = {item.nodeid: item for item in session.items}
        print("    %d tests collected once for every mutant" % len(self.items))

    def run_tests(self, *, mutant_name, tests):
        if self.session is None or not mutant_name:  # mutmut's whole-suite runs
            return super().run_tests(mutant_name=mutant_name, tests=tests)
        # In the forked child of one mutant.
        os.chdir(os.path.join(self.work, "mutants"))
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        missing = [name for name in tests if name not in self.items]
        if missing:  # a test left out could let a mutant survive unseen
            with open(os.path.join(self.work, "collection-errors"), "a", encoding="utf-8") as handle:
                handle.write("%s: %d named tests not collected, e.g. %s\n" % (mutant_name, len(missing), missing[0]))
            return SUSPICIOUS
        self.killer_log.function = mutant_name.rsplit("__mutmut_", 1)[0]
        session = self.session
        session.items = self.killer_log.order([self.items[name] for name in tests])
        session.testscollected = len(session.items)
        try:
            session.config.hook.pytest_runtestloop(session=session)
        except session.Failed:  # -x: the first failing test stops the loop
            return TESTS_FAILED
        except (KeyboardInterrupt, pytest.exit.Exception) as stop:  # as pytest.main() reports them
            return getattr(stop, "returncode", None) or INTERRUPTED
        except BaseException:  # pylint: disable=broad-except  # as pytest.main() reports it: an internal error
            # Also what a moved pytest internal looks like: every mutant killed. Kept for the canary to see.
            with open(os.path.join(self.work, "internal-errors"), "a", encoding="utf-8") as handle:
                handle.write("%s:\n%s\n" % (mutant_name, traceback.format_exc()))
            return INTERNAL_ERROR
        return TESTS_FAILED if session.testsfailed else 0


class CollectedSessionForkRunner(ForkRunner):
    """mutmut's fork runner; the session is collected in the parent right before the first mutant is forked."""

    def startup(self):
        self.test_runner.collect_once()
        super().startup()


def mutant_runner(max_workers=1):
    return CollectedSessionForkRunner(max_workers=max_workers, test_runner=CollectedSessionRunner(os.getcwd()))


if __name__ == "__main__":
    mutmut_cli.get_mutant_runner = mutant_runner
    mutmut_cli.cli()  # pylint: disable=no-value-for-parameter  # click reads sys.argv
