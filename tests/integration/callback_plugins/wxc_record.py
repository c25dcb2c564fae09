"""Test-only callback: writes every task result as one JSON line to the file named by WXC_RECORD_FILE."""

from __future__ import annotations

DOCUMENTATION = r"""
name: wxc_record
type: aggregate
short_description: Record task results for the test suite
description:
  - Appends one JSON object per task result to the file named by the E(WXC_RECORD_FILE) environment variable.
requirements:
  - the E(WXC_RECORD_FILE) environment variable
"""

import json
import os

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    """Write each result (ok, changed, failed, skipped) with its task name and loop item label."""

    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "wxc_record"
    CALLBACK_NEEDS_ENABLED = True

    def _record(self, result, status):
        path = os.environ.get("WXC_RECORD_FILE")
        if not path:
            return
        data = dict(result._result)  # pylint: disable=protected-access
        entry = {
            "task": result._task.get_name(),  # pylint: disable=protected-access
            "host": result._host.get_name(),  # pylint: disable=protected-access
            "status": status,
            "changed": bool(data.get("changed", False)),
            "failed": status == "failed",
            "result": data,
        }
        with open(path, "a", encoding="utf-8") as record:
            record.write(json.dumps(entry, default=str) + "\n")

    def v2_runner_on_ok(self, result):
        self._record(result, "ok")

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result, "failed")

    def v2_runner_on_skipped(self, result):
        self._record(result, "skipped")
