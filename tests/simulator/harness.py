"""Start and drive a simulator process from tests."""

import os
import queue
import subprocess
import sys
import tempfile
import threading
import time

import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), os.pardir, os.pardir))
READY_PREFIX = "wxc simulator listening on "
START_TIMEOUT = 15
OPENAPI_LOAD_TIMEOUT = 120
DEFAULT_TOKEN = "wxc-sim-admin-token"
DEFAULT_READ_ONLY_TOKEN = "wxc-sim-readonly-token"
# The refresh-token client of POST /v1/access_token (the simulator's defaults, passed explicitly).
DEFAULT_CLIENT_ID = "wxc-sim-client-id"
DEFAULT_CLIENT_SECRET = "wxc-sim-client-secret"
DEFAULT_REFRESH_TOKEN = "wxc-sim-refresh-token"
WRITE_METHODS = ("POST", "PUT", "DELETE")
_WRITE_TOKEN = object()
# Set by `make mutation`: every simulator runs as a thread of the test process, without the OpenAPI check. mutmut runs
# each mutant in a new process, where starting a simulator process (and loading its validator) would cost more than
# the tests themselves; the check is about the simulator's fidelity, which mutants of the collection cannot change.
IN_THREAD_ENV = "WXC_SIMULATOR_IN_THREAD"
# Paths the OpenAPI subset does not describe, seen by any simulator of this test process (printed once per run).
OPENAPI_SKIPPED = set()


class OpenApiMismatch(AssertionError):
    """A 2xx exchange the vendored OpenAPI subset does not allow."""


class SimulatorError(RuntimeError):
    """The simulator process could not be started."""


class Simulator:
    """A simulator subprocess on a free port.

    Attributes once started: ``url`` (``http://127.0.0.1:PORT/v1``), ``base_url`` (``http://127.0.0.1:PORT``), ``port``,
    ``token``, ``read_only_token``, ``client_id``, ``client_secret``, ``refresh_token`` and ``process``.
    """

    def __init__(
        self,
        state_file=None,
        extra_args=(),
        token=DEFAULT_TOKEN,
        read_only_token=DEFAULT_READ_ONLY_TOKEN,
        validate_openapi=True,
    ):
        self.state_file = state_file
        # Tests validate every 2xx exchange against the OpenAPI subset (a mismatch fails the test that caused it).
        self.validate_openapi = validate_openapi
        self.extra_args = list(extra_args)
        self.token = token
        self.read_only_token = read_only_token
        self.client_id, self.client_secret, self.refresh_token = (
            DEFAULT_CLIENT_ID,
            DEFAULT_CLIENT_SECRET,
            DEFAULT_REFRESH_TOKEN,
        )
        self.process = None
        self._server = None
        self.port = None
        self.url = None
        self.base_url = None
        self._stderr = None
        self._session = requests.Session()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def start(self):
        """Spawn ``python -m tests.simulator --port 0 --quiet`` in the repository root and wait for its ready line."""
        command = [
            sys.executable,
            "-m",
            "tests.simulator",
            "--port",
            "0",
            "--quiet",
            "--token",
            self.token,
            "--read-only-token",
            self.read_only_token,
            "--client-id",
            self.client_id,
            "--client-secret",
            self.client_secret,
            "--refresh-token",
            self.refresh_token,
        ]
        if self.state_file:
            command += ["--state-file", str(self.state_file)]
        if os.environ.get(IN_THREAD_ENV):
            return self._start_in_thread(command[3:] + self.extra_args)
        if self.validate_openapi:
            command.append("--validate-openapi")
        command += self.extra_args
        # stderr goes to a file so that a chatty process can never block on a full pipe.
        self._stderr = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        self.process = subprocess.Popen(  # pylint: disable=consider-using-with
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=self._stderr, text=True, encoding="utf-8"
        )
        lines = queue.Queue()
        threading.Thread(target=lambda: lines.put(self.process.stdout.readline()), daemon=True).start()
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            line = ""
        if not line.startswith(READY_PREFIX):
            self.stop()
            raise SimulatorError(
                "simulator did not report ready within %ds (got %r); stderr:\n%s"
                % (START_TIMEOUT, line, self.stderr_text())
            )
        self.url = line.removeprefix(READY_PREFIX).strip()
        self.base_url = self.url[: -len("/v1")]
        self.port = int(self.base_url.rsplit(":", 1)[1])
        if self.validate_openapi:
            self._wait_for_openapi()
        return self

    def _start_in_thread(self, argv):
        from .__main__ import build_server, parse_args  # pylint: disable=import-outside-toplevel

        self.validate_openapi = False
        self._server = build_server(parse_args(argv))
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        host, port = self._server.server_address[:2]
        self.url = "http://%s:%d/v1" % (host, port)
        self.base_url = self.url[: -len("/v1")]
        self.port = port
        return self

    def _wait_for_openapi(self, timeout=OPENAPI_LOAD_TIMEOUT):
        """Hand the simulator out only once its OpenAPI validator is loaded: the first checked request of a test with
        a short client timeout must not pay for loading it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._control("GET", "/openapi").get("loaded", True):
                return
            time.sleep(0.1)
        raise SimulatorError("the simulator's OpenAPI validator did not load within %ds" % timeout)

    def stderr_text(self):
        """What the process wrote to stderr so far."""
        if self._stderr is None:
            return ""
        self._stderr.seek(0)
        return self._stderr.read()

    def stop(self, timeout=10):
        """Terminate the process (SIGTERM, then SIGKILL after timeout); return its exit status."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
            return 0
        if self.process is None:
            return None
        mismatches = self._openapi_mismatches() if self.process.poll() is None else None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process.stdout:
            self.process.stdout.close()
        self._session.close()
        self._session = requests.Session()
        if mismatches:
            raise OpenApiMismatch(_mismatch_text(mismatches))
        return self.process.returncode

    def _openapi_mismatches(self):
        """Collect the skipped paths; return the mismatches not yet reported (and forget them)."""
        if not (self.validate_openapi and self.base_url):
            return []
        try:
            report = self._control("GET", "/openapi")
            self._control("DELETE", "/openapi")
        except requests.RequestException:
            return []  # the process is going away (a test stopped it): nothing to collect
        OPENAPI_SKIPPED.update(report["skipped"])
        return report["mismatches"]

    def check_openapi(self):
        """Raise OpenApiMismatch when a 2xx exchange since the last check broke the OpenAPI subset."""
        mismatches = self._openapi_mismatches()
        if mismatches:
            raise OpenApiMismatch(_mismatch_text(mismatches))

    def forget_openapi_mismatches(self):
        """Drop the mismatches so far: for a test that sends what the API reference does not allow on purpose."""
        self._control("DELETE", "/openapi")

    def openapi_report(self):
        """{"enabled", "checked", "mismatches", "skipped"} from the running simulator."""
        return self._control("GET", "/openapi")

    # Control endpoints -------------------------------------------------------------------------------------

    def _control(self, method, path, json=None):
        response = self._session.request(method, self.base_url + "/_sim" + path, json=json, timeout=30)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self):
        """Back to the seed state, no faults, empty request log."""
        self._control("POST", "/reset")

    def requests(self):
        """The API request log, oldest first: dicts with method, path, query, body and status."""
        return self._control("GET", "/requests")

    def clear_requests(self):
        """Empty the request log."""
        self._control("DELETE", "/requests")

    def writes(self):
        """Only the POST/PUT/DELETE entries of the request log."""
        return [entry for entry in self.requests() if entry["method"] in WRITE_METHODS]

    def fault(self, **spec):
        """Queue a fault, e.g. ``fault(method="POST", path="autoAttendants", status=429, retry_after="2")``."""
        return self._control("POST", "/faults", json=spec)

    def expire_tokens(self):
        """Expire every access token minted by POST /v1/access_token; return how many were valid."""
        return self._control("POST", "/expire_tokens")["expired"]

    def faults(self):
        """Pending faults."""
        return self._control("GET", "/faults")

    def clear_faults(self):
        """Drop pending faults."""
        self._control("DELETE", "/faults")

    def seed_locations(self, count, prefix="Site "):
        """Add count locations (<prefix>NNN, two standard schedules, 50 free numbers each); return [{"id", "name"}]."""
        return self._control("POST", "/seed_locations", json={"count": count, "prefix": prefix})["locations"]

    def add_location(self, name, first=False, time_zone=None, address=None, calling=True):
        """Add a location called exactly NAME (at the start of the list with FIRST); return its id.

        TIME_ZONE and ADDRESS (some of address1, address2, city, state, postalCode, country) place it elsewhere than
        New York; CALLING False makes it a location without Webex Calling.
        """
        spec = {"name": name, "first": first, "calling": calling}
        if time_zone:
            spec["time_zone"] = time_zone
        if address:
            spec["address"] = address
        return self._control("POST", "/locations", json=spec)["id"]

    def rate_limit(self, every, retry_after="1"):
        """From now on every Nth API request answers 429 with ``Retry-After: retry_after``."""
        return self._control("POST", "/rate_limit", json={"every": every, "retry_after": retry_after})

    def clear_rate_limit(self):
        """Turn the steady rate limit off (reset() does too)."""
        self._control("DELETE", "/rate_limit")

    def latency(self, seconds):
        """From now on hold every API request SECONDS before answering it (reset() sets it back)."""
        return self._control("POST", "/latency", json={"seconds": seconds})

    def stats(self):
        """{"max_in_flight": the most API requests handled at once since the last reset}."""
        return self._control("GET", "/stats")

    def store_auto_attendant(self, location, data):
        """Store an attendant as given, without validation (as Control Hub may make one); return its id."""
        return self._control("POST", "/auto_attendants", json={"location": location, "data": data})["id"]

    def store_forwarding(self, auto_attendant_id, **parts):
        """Store parts of an attendant's call forwarding as given (always, selective, operatingModes), without
        validation: what the API cannot make (a mode switched to by hand, a wrong type). Returns the stored parts."""
        return self._control("PUT", "/auto_attendants/%s/forwarding" % auto_attendant_id, json=parts)

    def seed_auto_attendants(self, location, count, prefix="Seeded AA "):
        """Create count minimal auto attendants in location (id or name); return their ids."""
        return self._control(
            "POST", "/seed_auto_attendants", json={"location": location, "count": count, "prefix": prefix}
        )["ids"]

    # API ---------------------------------------------------------------------------------------------------

    def api(self, method, path, token=_WRITE_TOKEN, json=None, params=None, headers=None):  # pylint: disable=redefined-outer-name
        """Call the API (path relative to /v1) and return the requests.Response; token=None sends no Authorization."""
        if token is _WRITE_TOKEN:
            token = self.token
        all_headers = dict(headers or {})
        if token is not None:
            all_headers["Authorization"] = "Bearer %s" % token
        return self._session.request(method, self.url + path, json=json, params=params, headers=all_headers, timeout=30)

    def location_id(self, name):
        """Id of the location whose name is exactly name (the API filter is only "contains")."""
        url, params = self.url + "/locations", {"name": name}
        while url:
            response = self._session.get(
                url, params=params, headers={"Authorization": "Bearer %s" % self.token}, timeout=30
            )
            response.raise_for_status()
            for item in response.json()["items"]:
                if item["name"] == name:
                    return item["id"]
            url, params = response.links.get("next", {}).get("url"), None
        raise LookupError("no location named %r" % name)


def _mismatch_text(mismatches):
    lines = ["%d exchange(s) do not match the OpenAPI subset (tests/simulator/spec):" % len(mismatches)]
    for item in mismatches[:10]:
        lines.append("- %s %s -> %s: %s" % (item["method"], item["path"], item.get("status"), item["error"]))
    return "\n".join(lines)
