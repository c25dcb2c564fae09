# -*- coding: utf-8 -*-
# Copyright (c) wxc.calling contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)

"""Bounded concurrency: a worker pool, and the rate-limit gate the threads of one client share (WebexClient.shared).

Threads, not asyncio: the client is requests-based and a module is one short process. What makes it safe:
- one requests session for every worker, its connection pool sized to the number of workers (keep-alive reused,
  never more connections than workers);
- one RateLimitGate: a 429 seen by any worker pauses every worker until Retry-After has passed, so the pool backs off
  as a whole instead of each worker hammering on (the wait is parsed and capped by the client, as for one thread).
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

DEFAULT_CONCURRENCY = 10
MAX_CONCURRENCY = 50


class RateLimitGate:
    """Shared by the threads of one client: pause(seconds) holds every later wait() until that moment."""

    def __init__(self, sleep=time.sleep, clock=time.monotonic):
        self._sleep = sleep
        self._clock = clock
        self._lock = threading.Lock()
        self._until = None

    def pause(self, seconds):
        """Nobody sends before SECONDS from now (a longer pause already set is kept)."""
        with self._lock:
            until = self._clock() + seconds
            if self._until is None or until > self._until:
                self._until = until

    def wait(self):
        """Return once no pause is pending; sleep again only when another thread lengthened the pause meanwhile."""
        slept_until = None
        while True:
            with self._lock:
                until = self._until
            if until is None or until == slept_until:
                return
            remaining = until - self._clock()
            if remaining <= 0:
                return
            self._sleep(remaining)
            slept_until = until


def run_all(calls, concurrency):
    """Run each of CALLS (functions without arguments), at most CONCURRENCY at once.

    Returns one (value, error) per call, in the order of CALLS: error is the exception the call raised (any
    Exception: one failed item must not stop the others), value None then.
    """

    def guarded(call):
        try:
            return call(), None
        except Exception as error:  # pylint: disable=broad-except
            return None, error

    calls = list(calls)
    if not calls:
        return []
    if concurrency <= 1 or len(calls) == 1:
        return [guarded(call) for call in calls]
    with ThreadPoolExecutor(max_workers=min(concurrency, len(calls))) as pool:
        return list(pool.map(guarded, calls))
