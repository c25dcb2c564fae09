"""Injected faults: the next N requests matching a method and a path regex get a status, a delay, a dropped answer,
or (writes only) a normal answer while nothing is stored."""

import re
import threading

from . import errors

FAULT_KINDS = ("status", "delay", "drop_after_commit", "ignore_write")
WRITE_METHODS = ("POST", "PUT", "DELETE", "PATCH")
# What a status fault answers instead of the Webex JSON error body: a gateway's HTML page, the same page echoing the
# request headers (as some proxies' error pages do, the token included), a Webex-shaped JSON error whose message
# echoes them, an empty body or a JSON string (both with a JSON content type), or any JSON value sent as is.
PAGE_BODIES = ("html", "echo_headers", "echo_headers_json", "empty", "json_string")


def parse_fault(spec):
    """Validate a fault spec from POST /_sim/faults and return the stored form."""
    if not isinstance(spec, dict):
        raise errors.bad_request("fault must be a JSON object")
    allowed = ("method", "path", "count") + FAULT_KINDS + ("retry_after", "body")
    unknown = sorted(set(spec) - set(allowed))
    if unknown:
        raise errors.bad_request("unknown fault fields: %s" % ", ".join(unknown))
    kinds = [kind for kind in FAULT_KINDS if spec.get(kind) not in (None, False)]
    if len(kinds) != 1:
        raise errors.bad_request("a fault needs exactly one of status, delay, drop_after_commit or ignore_write")
    path = spec.get("path") or ""
    try:
        re.compile(path)
    except re.error as exc:
        raise errors.bad_request("path is not a valid regex: %s" % exc) from exc
    count = spec.get("count", 1)
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise errors.bad_request("count must be a positive integer")
    status = spec.get("status")
    if status is not None and (isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599):
        raise errors.bad_request("status must be an HTTP status code")
    delay = spec.get("delay")
    if delay is not None and (isinstance(delay, bool) or not isinstance(delay, (int, float)) or delay < 0):
        raise errors.bad_request("delay must be a non-negative number of seconds")
    retry_after = spec.get("retry_after")
    if retry_after is not None and not isinstance(retry_after, str):
        raise errors.bad_request("retry_after must be a string (it is sent verbatim)")
    body = spec.get("body")
    if body is not None and (status is None or (isinstance(body, str) and body not in PAGE_BODIES)):
        raise errors.bad_request(
            "body goes with status and is %s or a JSON value other than a string" % " or ".join(PAGE_BODIES)
        )
    method = spec.get("method")
    return {
        "method": method.upper() if isinstance(method, str) else None,
        "path": path,
        "count": count,
        "status": status,
        "retry_after": retry_after,
        "delay": delay,
        "drop_after_commit": bool(spec.get("drop_after_commit")),
        "body": body,
        # The write is answered as if it took (201 with a new id, 200/204) but the state is left as it was.
        "ignore_write": bool(spec.get("ignore_write")),
    }


class FaultRegistry:
    """Pending faults, matched in the order they were added; thread-safe."""

    def __init__(self):
        self._lock = threading.Lock()
        self._faults = []

    def add(self, spec):
        """Parse and queue a fault; return its stored form."""
        fault = parse_fault(spec)
        with self._lock:
            self._faults.append(fault)
        return dict(fault)

    def pending(self):
        """Return a copy of the pending faults."""
        with self._lock:
            return [dict(fault) for fault in self._faults]

    def clear(self):
        """Drop every pending fault."""
        with self._lock:
            self._faults = []

    def take(self, method, path):
        """Consume one use of the first fault matching the request and return it, or None."""
        with self._lock:
            for fault in self._faults:
                if fault["method"] not in (None, method):
                    continue
                if fault["ignore_write"] and method not in WRITE_METHODS:
                    continue
                if not re.search(fault["path"], path):
                    continue
                fault["count"] -= 1
                if fault["count"] <= 0:
                    self._faults.remove(fault)
                return dict(fault)
        return None
