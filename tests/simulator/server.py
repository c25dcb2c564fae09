"""HTTP front end: request parsing, auth, routing, faults, the request log and the JSON answers."""

import json
import re
import sys
import threading
import time
import traceback
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

from . import errors
from .errors import ApiError
from .faults import FaultRegistry
from .multipart import is_multipart, parse_multipart
from .responses import Response
from .routes_announcements import CONTROL_ROUTES as ANNOUNCEMENT_CONTROL_ROUTES
from .routes_announcements import ROUTES as ANNOUNCEMENT_ROUTES
from .routes_auto_attendants import ROUTES as AUTO_ATTENDANT_ROUTES
from .routes_call_routing import ROUTES as CALL_ROUTING_ROUTES
from .routes_control import ROUTES as CONTROL_ROUTES
from .routes_forwarding import CONTROL_ROUTES as FORWARDING_CONTROL_ROUTES
from .routes_forwarding import ROUTES as FORWARDING_ROUTES
from .routes_locations import ROUTES as LOCATION_ROUTES
from .routes_not_simulated import ROUTES as NOT_SIMULATED_ROUTES
from .routes_operating_modes import ROUTES as OPERATING_MODE_ROUTES
from .routes_schedules import ROUTES as SCHEDULE_ROUTES
from .routes_tokens import TOKEN_PATH, TokenIssuer, masked_form
from .state import State

API_PREFIX = "/v1"
CONTROL_PREFIX = "/_sim"
WRITE_METHODS = ("POST", "PUT", "DELETE", "PATCH")
DEFAULT_TOKEN = "wxc-sim-admin-token"
DEFAULT_READ_ONLY_TOKEN = "wxc-sim-readonly-token"


class Request:
    """What a route handler sees of one request."""

    def __init__(self, app, method, path, query, body, root_url):
        self.app = app
        self.state = app.state
        self.method = method
        self.path = path
        self.query = query
        self.body = body
        self.root_url = root_url


class Router:
    """Ordered route table of (method, path regex, handler); the first full match wins."""

    def __init__(self, routes):
        self.routes = [(method, re.compile(pattern), handler) for method, pattern, handler in routes]

    def resolve(self, method, path):
        """Return (handler, path params) or raise 404 / 405."""
        path_known = False
        for route_method, pattern, handler in self.routes:
            match = pattern.fullmatch(path)
            if not match:
                continue
            path_known = True
            if route_method == method:
                return handler, {name: unquote(value) for name, value in match.groupdict().items()}
        if path_known:
            raise ApiError(405, "Method %s is not allowed on %s" % (method, path))
        raise ApiError(404, "The requested resource could not be found.")


class App:
    """The simulator: state, faults, request log and the two route tables."""

    def __init__(
        self,
        token=DEFAULT_TOKEN,
        read_only_token=DEFAULT_READ_ONLY_TOKEN,
        state_file=None,
        quiet=False,
        tokens=None,
        validate_openapi=False,
    ):
        self.token = token
        self.read_only_token = read_only_token
        self.tokens = tokens or TokenIssuer()  # the refresh-token client and its minted access tokens
        self.quiet = quiet
        self.state = State(state_file)
        self.faults = FaultRegistry()
        # Steady rate limit (POST /_sim/rate_limit): every Nth API request answers 429; None when off.
        self.rate_limit = None
        self._rate_lock = threading.Lock()
        self._rate_counter = 0
        self.api_router = Router(
            AUTO_ATTENDANT_ROUTES
            + LOCATION_ROUTES
            + SCHEDULE_ROUTES
            + ANNOUNCEMENT_ROUTES
            + FORWARDING_ROUTES
            + OPERATING_MODE_ROUTES
            + CALL_ROUTING_ROUTES
            + NOT_SIMULATED_ROUTES
        )
        self.control_router = Router(CONTROL_ROUTES + ANNOUNCEMENT_CONTROL_ROUTES + FORWARDING_CONTROL_ROUTES)
        self._log_lock = threading.Lock()
        self._request_log = []
        # Seconds every API request is held before it is answered (POST /_sim/latency, --latency): a modelled round trip.
        self.default_latency = self.latency = 0.0
        self._in_flight = self.max_in_flight = (
            0  # API requests being handled now / at most at once since the last reset
        )
        # --validate-openapi: every 2xx exchange is checked against the vendored OpenAPI subset (openapi_check.py).
        self.openapi = None
        if validate_openapi:
            from .openapi_check import OpenApiCheck  # pylint: disable=import-outside-toplevel

            self.openapi = OpenApiCheck()

    # Request log -------------------------------------------------------------------------------------------

    def log_request(self, entry):
        """Append one API request to the log."""
        with self._log_lock:
            self._request_log.append(entry)

    def request_log(self):
        """Return a copy of the log, oldest first."""
        with self._log_lock:
            return list(self._request_log)

    def clear_request_log(self):
        """Empty the log (and its in-flight maximum)."""
        with self._log_lock:
            self._request_log = []
            self.max_in_flight = self._in_flight

    def api_request_started(self):
        """Count one more API request in flight and hold it for the latency."""
        with self._log_lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        if self.latency:
            time.sleep(self.latency)

    def api_request_finished(self):
        """One API request fewer in flight."""
        with self._log_lock:
            self._in_flight -= 1

    def stats(self):
        """{"max_in_flight": API requests handled at once at most, since the last reset or log clearing;
        "in_flight": how many are being handled now (a request an earlier test abandoned may still be)}."""
        with self._log_lock:
            return {"max_in_flight": self.max_in_flight, "in_flight": self._in_flight}

    def reset(self):
        """Back to the seed state, no faults, empty log."""
        with self.state.lock:
            self.state.reset()
            self.state.save()
        self.faults.clear()
        self.tokens.reset()
        self.set_rate_limit(None)
        self.latency = self.default_latency
        self.clear_request_log()

    def set_rate_limit(self, spec):
        """SPEC {"every": N, "retry_after": "1"} turns the steady rate limit on (counting afresh); None turns it off."""
        with self._rate_lock:
            self.rate_limit = dict(spec) if spec else None
            self._rate_counter = 0

    def take_rate_limit(self):
        """The Retry-After value when this API request is the Nth since the last 429, else None (no 429)."""
        with self._rate_lock:
            if not self.rate_limit:
                return None
            self._rate_counter += 1
            if self._rate_counter % self.rate_limit["every"]:
                return None
            return self.rate_limit["retry_after"]

    # Dispatch ----------------------------------------------------------------------------------------------

    def _authorise(self, headers):
        """Return "write" or "read" for the bearer token, or raise 401."""
        scheme, _sep, token = (headers.get("Authorization") or "").partition(" ")
        token = token.strip()
        if scheme.lower() == "bearer" and token:
            if token == self.token or self.tokens.is_valid(token):
                return "write"
            if token == self.read_only_token:
                return "read"
        raise ApiError(401, errors.INVALID_TOKEN_MESSAGE)

    def dispatch_api(self, method, path, query, headers, raw_body, root_url, ignore_write=False):
        """Handle one /v1 request and return a Response (errors are raised as ApiError).

        ignore_write: answer as usual but keep nothing of the change (the "ignore_write" fault).
        """
        if path == TOKEN_PATH:  # the OAuth token endpoint needs no bearer token
            return self.tokens.handle(method, headers, raw_body)
        role = self._authorise(headers)
        handler, params = self.api_router.resolve(method, path)
        org_id = query.get("orgId")
        if org_id not in (None, "", self.state.org_id):
            raise ApiError(403, "Not authorized to access organization %s" % org_id, errors.ERR_ORG_FORBIDDEN)
        if method in WRITE_METHODS and role != "write":
            raise ApiError(
                403, "The read-only access token cannot perform %s requests" % method, errors.ERR_READ_ONLY_TOKEN
            )
        if getattr(handler, "accepts_multipart", False) and is_multipart(headers.get("Content-Type")):
            body = parse_multipart(headers.get("Content-Type"), raw_body)  # the announcement upload
        else:
            body = parse_json_body(headers, raw_body)
        request = Request(self, method, path, query, body, root_url)
        with self.state.lock:
            before = self.state.snapshot() if ignore_write else None
            response = handler(request, **params)
            if before is not None:
                self.state.restore(before)
            elif method in WRITE_METHODS and response.status < 300:
                self.state.save()
        return response


def parse_json_body(headers, raw_body):
    """Return the parsed JSON body (None when empty); 415 for a non-JSON content type, 400 for malformed JSON."""
    if not raw_body:
        return None
    content_type = (headers.get("Content-Type") or "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(
            415,
            "Content type %r is not supported; use application/json" % content_type,
            errors.ERR_UNSUPPORTED_MEDIA_TYPE,
        )
    try:
        return json.loads(raw_body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, "Malformed JSON body: %s" % exc, errors.ERR_MALFORMED_BODY) from exc


def body_for_log(raw_body, path=None, content_type=None):
    """The request body as parsed JSON, or None when absent or not JSON; the token request's form with secrets masked.

    A multipart upload is logged as its text fields and, per file, name, type, size and sha256 (never the bytes).
    """
    if not raw_body:
        return None
    if is_multipart(content_type):
        try:
            return parse_multipart(content_type, raw_body).for_log()
        except ApiError:
            return None
    if path == TOKEN_PATH:
        return masked_form(raw_body)
    try:
        return json.loads(raw_body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


class Handler(BaseHTTPRequestHandler):
    """One HTTP exchange; the App is reached through the server."""

    protocol_version = "HTTP/1.1"
    # Buffered writes send headers and body in one segment (unbuffered, the client's delayed ACK costs ~40 ms a request).
    wbufsize = 1 << 16
    server_version = "wxc-simulator"

    def version_string(self):
        """Server header without the Python version."""
        return self.server_version

    def do_GET(self):  # noqa: N802 - http.server naming
        """Handle GET."""
        self._handle()

    def do_POST(self):  # noqa: N802
        """Handle POST."""
        self._handle()

    def do_PUT(self):  # noqa: N802
        """Handle PUT."""
        self._handle()

    def do_DELETE(self):  # noqa: N802
        """Handle DELETE."""
        self._handle()

    def do_PATCH(self):  # noqa: N802
        """Handle PATCH."""
        self._handle()

    def log_message(self, format, *args):  # pylint: disable=redefined-builtin
        """Silence http.server's own log; _handle logs a line without headers (so never the token)."""

    def _root_url(self):
        host = self.headers.get("Host") or "%s:%d" % self.server.server_address[:2]
        return "http://%s" % host

    def _handle(self):
        app = self.server.app
        split = urlsplit(self.path)
        path = split.path
        query = dict(parse_qsl(split.query, keep_blank_values=True))
        length = int(self.headers.get("Content-Length") or 0)
        raw_body = self.rfile.read(length) if length > 0 else b""
        tracking_id = self.headers.get("TrackingID") or "ROUTER_%s" % uuid.uuid4()

        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            response = self._control(app, path, query, raw_body, tracking_id)
            self._send(response, tracking_id)
            return
        if not (path == API_PREFIX or path.startswith(API_PREFIX + "/")):
            self._send(
                error_response(ApiError(404, "The requested resource could not be found."), tracking_id), tracking_id
            )
            return

        app.api_request_started()
        finished = []  # the request stops counting as in flight once handled, before its answer is written

        def finish():
            if not finished:
                finished.append(True)
                app.api_request_finished()

        try:
            self._handle_api(app, path, query, raw_body, tracking_id, finish)
        finally:
            finish()

    def _handle_api(self, app, path, query, raw_body, tracking_id, finish):
        # connection: the client's host:port, the same for every request sent over one keep-alive connection.
        entry = {
            "method": self.command,
            "path": path,
            "query": query,
            "body": body_for_log(raw_body, path, self.headers.get("Content-Type")),
            "status": None,
            "connection": "%s:%s" % tuple(self.client_address[:2]),
        }
        retry_after = app.take_rate_limit()
        fault = app.faults.take(self.command, path) if retry_after is None else None
        if fault and fault["delay"]:
            time.sleep(fault["delay"])
        if retry_after is not None:
            response = error_response(
                ApiError(429, _fault_message(429), headers={"Retry-After": retry_after}), tracking_id
            )
        elif fault and fault["status"] and fault.get("body") is not None:
            response = _fault_body_response(fault, self.headers)
        elif fault and fault["status"]:
            headers = {"Retry-After": fault["retry_after"]} if fault["retry_after"] is not None else {}
            response = error_response(
                ApiError(fault["status"], _fault_message(fault["status"]), headers=headers), tracking_id
            )
        else:
            try:
                response = app.dispatch_api(
                    self.command,
                    path,
                    query,
                    self.headers,
                    raw_body,
                    self._root_url(),
                    ignore_write=bool(fault and fault["ignore_write"]),
                )
            except ApiError as exc:
                response = error_response(exc, tracking_id)
            except Exception as exc:  # pylint: disable=broad-except
                # A bug of the simulator answers 500 naming it, never a dropped connection (which a client reads as
                # a network failure, and retries).
                response = error_response(simulator_bug(self.command, path, exc), tracking_id)
        if fault and fault["drop_after_commit"]:
            # The change is made; the client never hears about it.
            app.log_request(entry)
            self._log_line(path, "dropped")
            self.close_connection = True
            return
        entry["status"] = response.status
        app.log_request(entry)
        if app.openapi is not None and not (fault and fault["status"]):  # an injected answer is off-contract on purpose
            payload, headers = _wire(response)
            app.openapi.check(self.command, path, query, self.headers, raw_body, response.status, headers, payload)
        # Counted out before the answer is written: the client may send its next request as soon as it has read it.
        finish()
        self._send(response, tracking_id)
        self._log_line(path, response.status)

    def _control(self, app, path, query, raw_body, tracking_id):
        try:
            handler, params = app.control_router.resolve(self.command, path)
            body = parse_json_body(self.headers, raw_body)
            return handler(Request(app, self.command, path, query, body, self._root_url()), **params)
        except ApiError as exc:
            return error_response(exc, tracking_id)
        except Exception as exc:  # pylint: disable=broad-except
            return error_response(simulator_bug(self.command, path, exc), tracking_id)

    def _log_line(self, path, status):
        if not self.server.app.quiet:
            sys.stderr.write("%s %s %s\n" % (self.command, path, status))
            sys.stderr.flush()

    def _send(self, response, tracking_id):
        payload, headers = _wire(response)
        self.send_response(response.status)
        self.send_header("trackingid", tracking_id)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        if payload:
            self.wfile.write(payload)
        self.wfile.flush()


def _wire(response):
    """The body bytes and the headers (Content-Type first) a Response is sent with."""
    if isinstance(response.body, bytes):  # a fault's page, sent as is with its own Content-Type
        return response.body, dict(response.headers)
    payload = b"" if response.body is None else json.dumps(response.body).encode("utf-8")
    headers = {"Content-Type": "application/json;charset=UTF-8"} if response.body is not None else {}
    headers.update(response.headers)
    return payload, headers


def _fault_message(status):
    if status == 429:
        return "Too Many Requests: the request has been rate limited."
    if status >= 500:
        return "The server encountered an error (injected fault %d)." % status
    return "Injected fault %d." % status


def _fault_body_response(fault, request_headers):
    """A status fault's own body: an HTML page (optionally echoing the request headers) or a JSON value."""
    if fault["body"] not in ("html", "echo_headers", "echo_headers_json", "empty", "json_string"):
        return Response(fault["status"], fault["body"])
    if fault["body"] in ("empty", "json_string"):
        payload = b"" if fault["body"] == "empty" else b'"OK"'
        return Response(fault["status"], payload, {"Content-Type": "application/json;charset=UTF-8"})
    if fault["body"] == "echo_headers_json":
        echoed = "; ".join("%s: %s" % item for item in request_headers.items())
        return Response(
            fault["status"],
            {
                "message": "Bad request headers: %s" % echoed,
                "errors": [{"description": "Bad request headers: %s" % echoed}],
                "trackingId": "ECHO_%d" % fault["status"],
            },
        )
    echoed = ""
    if fault["body"] == "echo_headers":
        echoed = "<pre>%s</pre>" % "".join("%s: %s\n" % item for item in request_headers.items())
    page = "<html><head><title>%d</title></head><body><h1>Gateway error</h1>%s</body></html>" % (
        fault["status"],
        echoed,
    )
    return Response(fault["status"], page.encode("utf-8"), {"Content-Type": "text/html; charset=utf-8"})


def simulator_bug(method, path, exc):
    """The 500 a handler's unexpected exception becomes (the traceback goes to stderr): the route and the exception."""
    traceback.print_exc(file=sys.stderr)
    return ApiError(500, "Simulator error in %s %s: %s: %s" % (method, path, type(exc).__name__, exc))


def error_response(error, tracking_id):
    """Turn an ApiError into a Response with the Webex error body."""
    return Response(error.status, error.body(tracking_id), error.headers)


class SimulatorServer(ThreadingHTTPServer):
    """Threading HTTP server that carries the App."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address, app):
        super().__init__(address, Handler)
        self.app = app
