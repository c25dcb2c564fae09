"""OpenAPI validation of what the simulator handles: the ``--validate-openapi`` switch (the test harness turns it on).

Every 2xx exchange on a path the vendored subset (``spec/webex-calling-aa-openapi.yaml``) describes is validated,
request and response, with openapi-core (a test-only dependency, imported only when the switch is on). A mismatch is
recorded; ``GET /_sim/openapi`` reports mismatches and the paths the subset does not describe (skipped, so that nobody
mistakes them for coverage). Error answers are checked by the simulator's own tests instead.
"""

import json
import os
import re
import threading

SPEC_FILE = os.path.join(os.path.dirname(__file__), "spec", "webex-calling-aa-openapi.yaml")
API_HOST = "https://webexapis.com"
# An id in a path (Webex ids are long base64 strings): replaced by {id} in the list of skipped paths.
ID_SEGMENT = re.compile(r"/[A-Za-z0-9_=-]{20,}(?=/|\Z)")

LIST_ITEMS_CHECKED = 50
WEBEX_ID_PREFIX = "Y2lzY29zcGFyazovL"  # base64 of "ciscospark://"
ANNOUNCEMENT_LIST_ITEM = (
    "Fetch_list_of_announcement_greetings_on_location_and_organization_level_200_response_announcements_inner"
)
# Values wxc_sdk knows and attendants made outside the API carry (tests/simulator/README.md, "Live-verified behaviour").
EXTRA_KEY_ACTIONS = ("RETURN_TO_PREVIOUS_MENU",)
EXTRA_AUDIO_LEVELS = ("ENTITY",)


def _walk(node, visit):
    """Call visit(mapping) for every mapping in the document, depth first."""
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def patch_spec(doc):
    """Correct the vendored subset where it disagrees with the wire; every patch says why. Returns doc."""
    schemas = doc["components"]["schemas"]

    # The server URL ends with "/", so every path would start with "//" when joined.
    doc["servers"] = [{"url": API_HOST + "/v1"}]

    def fix(node):
        enum = node.get("enum")
        if isinstance(enum, list) and any(
            isinstance(value, str) and value.startswith(WEBEX_ID_PREFIX) for value in enum
        ):
            # An example id copied into an enum (announcements' locationId: all, locations, <one id>): any id goes.
            del node["enum"]
            enum = None
        if isinstance(enum, list):
            # Duplicate enum entries (level ORGANIZATION twice, state ACTIVE twice...) stop strict loaders.
            unique = []
            for value in enum:
                if value not in unique:
                    unique.append(value)
            node["enum"] = unique
            # RETURN_TO_PREVIOUS_MENU and audio level ENTITY exist in attendants made elsewhere (wxc_sdk knows both);
            # the service reads them back.
            if "EXIT" in enum and "REPEAT_MENU" in enum:
                node["enum"] += [value for value in EXTRA_KEY_ACTIONS if value not in node["enum"]]
            if enum[:2] == ["ORGANIZATION", "LOCATION"]:
                node["enum"] += [value for value in EXTRA_AUDIO_LEVELS if value not in node["enum"]]
            # The "*" key reads as null in the generated document; the wire carries "*".
            if "#" in enum and "0" in enum and "*" not in enum:
                node["enum"] = [value for value in node["enum"] if value not in (None, "none")] + ["*"]
        props = node.get("properties")
        if isinstance(props, dict) and isinstance(props.get("keyConfigurations"), dict):
            # keyConfigurations is typed as an object; on the wire it is an array of those objects.
            key_schema = props["keyConfigurations"]
            if key_schema.get("type") != "array":
                description = key_schema.pop("description", None)
                props["keyConfigurations"] = {"type": "array", "items": key_schema}
                if description:
                    props["keyConfigurations"]["description"] = description
        if isinstance(node.get("content"), dict) and not node["content"] and "description" in node:
            # A "204" with `content: {}` means "no body"; left empty, some validators look for a media type.
            del node["content"]

    _walk(doc, fix)

    for name, schema in schemas.items():
        required = schema.get("required")
        if name.startswith("Get_Details_for_an_Auto_Attendant") and isinstance(required, list):
            # firstName/lastName are deprecated and omitted by the service (and by an attendant made with
            # directLineCallerIdName); the 2025 document still marks them required.
            schema["required"] = [field for field in required if field not in ("firstName", "lastName")]

    listed = schemas[ANNOUNCEMENT_LIST_ITEM]
    # The list holds organisation-level files too (locationId=all, or none): level ORGANIZATION, without a location.
    listed["properties"]["level"]["enum"] = ["ORGANIZATION", "LOCATION"]
    listed["required"] = [field for field in listed["required"] if field != "location"]

    create = doc["paths"]["/telephony/config/locations/{locationId}/autoAttendants"]["post"]
    create_body = schemas[create["requestBody"]["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[-1]]
    for field in ("phoneNumber", "extension"):
        # wxc_sdk's AutoAttendant.create() sends "phoneNumber": null when only an extension is given (its tests
        # against live organisations create attendants that way): the service takes null as "not set".
        create_body["properties"][field]["nullable"] = True

    for path, item in doc["paths"].items():
        put = item.get("put")
        if put and path.endswith("/autoAttendants/{autoAttendantId}") and "200" not in put["responses"]:
            # PUT on an auto attendant answers 200 with an empty body (live); the document knows only 204.
            put["responses"]["200"] = {"description": "OK (seen live)"}
    return doc


class OpenApiCheck:
    """Validates exchanges against the patched subset; loads it in the background (the simulator starts at once)."""

    def __init__(self, spec_file=SPEC_FILE):
        self._lock = threading.Lock()
        self._loaded = threading.Event()
        self._openapi = None
        self._load_error = None
        self._not_described = ()  # openapi-core's "no such path / operation / server" errors
        self._mock_request = self._mock_response = None
        self.mismatches = []
        self.skipped = set()
        self.checked = 0
        threading.Thread(target=self._load, args=(spec_file,), daemon=True).start()

    def _load(self, spec_file):
        try:
            import yaml  # pylint: disable=import-outside-toplevel

            # Every import happens here, once: importing in the request threads as well can deadlock on module locks.
            from openapi_core import Config, OpenAPI  # pylint: disable=import-outside-toplevel
            from openapi_core.templating.paths import exceptions  # pylint: disable=import-outside-toplevel
            from openapi_core.testing import MockRequest, MockResponse  # pylint: disable=import-outside-toplevel

            self._not_described = (exceptions.PathNotFound, exceptions.OperationNotFound, exceptions.ServerNotFound)
            self._mock_request, self._mock_response = MockRequest, MockResponse
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            with open(spec_file, encoding="utf-8") as handle:
                doc = patch_spec(yaml.load(handle, Loader=loader))  # nosec - SafeLoader
            # The patched document is validated once by the simulator's own tests; skip it at each start.
            self._openapi = OpenAPI.from_dict(doc, config=Config(spec_validator_cls=None))
            # Build the validator's lazy caches now, not in the first request a test times (seconds on a busy machine).
            self._openapi.unmarshal_request(MockRequest(API_HOST, "GET", "/v1/locations"))
        except Exception as exc:  # pylint: disable=broad-except
            self._load_error = "%s: %s" % (type(exc).__name__, exc)
        finally:
            self._loaded.set()

    def check(self, method, path, query, headers, raw_body, status, response_headers, payload):
        """Validate one 2xx exchange (PATH begins with /v1); record a mismatch or a skipped path."""
        if not 200 <= status < 300:
            return
        self._loaded.wait()
        if self._openapi is None:
            with self._lock:
                self.mismatches.append(
                    {"method": method, "path": path, "error": "spec not loaded: %s" % self._load_error}
                )
            return
        payload = _first_items(payload)
        request_content_type = (headers.get("Content-Type") or "application/json").lower()
        request = self._mock_request(
            API_HOST,
            method,
            path,
            args=query,
            headers=dict(headers.items()),
            data=raw_body or None,
            content_type=request_content_type,
        )
        response = self._mock_response(
            payload or b"",
            status_code=status,
            headers=dict(response_headers),
            content_type=response_headers.get("Content-Type", "").lower() or "application/json",
        )
        problems = []
        try:
            request_result = self._openapi.unmarshal_request(request)
            response_result = self._openapi.unmarshal_response(request, response)
        except self._not_described:
            with self._lock:
                self.skipped.add("%s %s" % (method, ID_SEGMENT.sub("/{id}", path)))
            return
        for kind, result in (("request", request_result), ("response", response_result)):
            for error in result.errors:
                if isinstance(error, self._not_described):
                    with self._lock:
                        self.skipped.add("%s %s" % (method, ID_SEGMENT.sub("/{id}", path)))
                    return
                problems.append("%s: %s" % (kind, _describe(error)))
        with self._lock:
            self.checked += 1
            if problems:
                self.mismatches.append(
                    {
                        "method": method,
                        "path": path,
                        "status": status,
                        "error": "; ".join(problems),
                        "request": _preview(raw_body),
                        "response": _preview(payload),
                    }
                )

    def report(self, clear=False):
        """{"checked", "mismatches", "skipped"}; clear=True forgets the mismatches reported."""
        with self._lock:
            result = {
                "loaded": self._loaded.is_set(),
                "checked": self.checked,
                "mismatches": list(self.mismatches),
                "skipped": sorted(self.skipped),
            }
            if clear:
                self.mismatches = []
        return result


def _describe(error):
    """The error and its causes (schema errors nest the useful part)."""
    text = str(error)
    cause = error.__cause__
    while cause is not None:
        details = getattr(cause, "schema_errors", None)
        if details:
            text += " [%s]" % "; ".join("%s at %s" % (item.message, "/".join(map(str, item.path))) for item in details)
        else:
            text += " (%s)" % cause
        cause = cause.__cause__
    return text


def _first_items(payload, keep=LIST_ITEMS_CHECKED):
    """A list page with its first KEEP items only: a 1000-item page takes seconds to validate, and items are alike."""
    body = _preview(payload)
    if not isinstance(body, dict) or not any(isinstance(value, list) and len(value) > keep for value in body.values()):
        return payload
    return json.dumps({key: value[:keep] if isinstance(value, list) else value for key, value in body.items()}).encode(
        "utf-8"
    )


def _preview(raw):
    if not raw:
        return None
    try:
        return json.loads(raw)
    except (TypeError, ValueError, UnicodeDecodeError):
        return None
