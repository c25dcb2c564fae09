"""Benchmark-only callback: writes the wall time of every task, as JSON lines, to the file named by WXC_BENCH_TIMER_FILE."""

from __future__ import annotations

DOCUMENTATION = r"""
name: bench_timer
type: aggregate
short_description: Record task wall times for the benchmark
description:
  - Appends one JSON object per task (name, start, end, seconds) to the file named by the E(WXC_BENCH_TIMER_FILE)
    environment variable. A task ends when the next one starts, or when the play recap is printed.
requirements:
  - the E(WXC_BENCH_TIMER_FILE) environment variable
"""

import json
import os
import time

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    """Time each task from its start to the start of the next task (or the end of the run)."""

    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "bench_timer"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._current = None

    def _close(self):
        path = os.environ.get("WXC_BENCH_TIMER_FILE")
        if self._current is None or not path:
            return
        name, start = self._current
        end = time.monotonic()
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps({"task": name, "seconds": end - start}) + "\n")
        self._current = None

    def v2_playbook_on_task_start(self, task, is_conditional):
        self._close()
        self._current = (task.get_name(), time.monotonic())

    def v2_playbook_on_handler_task_start(self, task):
        self._close()
        self._current = (task.get_name(), time.monotonic())

    def v2_playbook_on_stats(self, stats):
        self._close()
