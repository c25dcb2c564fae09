"""OpenAPI validation of what the simulator handles: the ``--validate-openapi`` switch (the test harness turns it on).

Every 2xx exchange on a path the vendored document (``spec/webex-calling-openapi-2026-04.yaml``) describes is validated,
request and response, with openapi-core (a test-only dependency, imported only when the switch is on). A mismatch is
recorded; ``GET /_sim/openapi`` reports mismatches and the paths the subset does not describe (skipped, so that nobody
mistakes them for coverage). Error answers are checked by the simulator's own tests instead.
"""

import copy
import json
import os
import re
import threading

SPEC_FILE = os.path.join(os.path.dirname(__file__), "spec", "webex-calling-openapi-2026-04.yaml")
API_HOST = "https://webexapis.com"
# An id in a path (Webex ids are long base64 strings): replaced by {id} in the list of skipped paths.
ID_SEGMENT = re.compile(r"/[A-Za-z0-9_=-]{20,}(?=/|\Z)")

LIST_ITEMS_CHECKED = 50
WEBEX_ID_PREFIX = "Y2lzY29zcGFyazovL"  # base64 of "ciscospark://"
# Values attendants made outside the API carry and the service reads back (tests/simulator/README.md, "Live-verified
# behaviour"): wxc_sdk knows both.
LEGACY_KEY_ACTION = "RETURN_TO_PREVIOUS_MENU"
ENTITY_LEVEL = "ENTITY"
ANNOUNCEMENT_PATHS = (
    "/telephony/config/announcements",
    "/telephony/config/announcements/{announcementId}",
    "/telephony/config/locations/{locationId}/announcements",
    "/telephony/config/locations/{locationId}/announcements/{announcementId}",
)


def _walk(node, visit):
    """Call visit(mapping) for every mapping in the document, depth first."""
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _walk(value, visit)
    elif isinstance(node, list):
        for value in node:
            _walk(value, visit)


def _ref(name):
    return {"$ref": "#/components/schemas/" + name}


def _generic_fixes(node):
    """What any strict loader trips over, wherever it is."""
    enum = node.get("enum")
    if isinstance(enum, list) and any(isinstance(value, str) and value.startswith(WEBEX_ID_PREFIX) for value in enum):
        # An example id copied into an enum: any id goes.
        del node["enum"]
        enum = None
    if isinstance(enum, list):
        # Duplicate enum entries stop strict loaders.
        node["enum"] = [value for index, value in enumerate(enum) if value not in enum[:index]]
    props = node.get("properties")
    if isinstance(props, dict) and isinstance(props.get("keyConfigurations"), dict):
        # keyConfigurations is typed as one key object; on the wire (and in every example) it is an array of them.
        key_schema = props["keyConfigurations"]
        if key_schema.get("type") != "array":
            description = key_schema.pop("description", None)
            props["keyConfigurations"] = {"type": "array", "items": key_schema}
            if description:
                props["keyConfigurations"]["description"] = description
    if isinstance(node.get("content"), dict) and not node["content"] and "description" in node:
        # A "204" with `content: {}` means "no body"; left empty, some validators look for a media type.
        del node["content"]


def patch_spec(doc):
    """Correct the vendored document where it disagrees with the wire; every patch says why. Returns doc."""
    schemas = doc["components"]["schemas"]
    paths = doc["paths"]
    doc["servers"] = [{"url": API_HOST + "/v1"}]
    _walk(doc, _generic_fixes)

    # Attendants made in Control Hub read back with the legacy key action and with files of their own (level ENTITY);
    # a write may name the attendant's own file. The legacy action is read only: no request may carry it.
    schemas["KeyConfigurationsGetObject"]["properties"]["action"]["enum"].append(LEGACY_KEY_ACTION)
    for name in ("AudioAnnouncementFileObject", "AudioAnnouncementFileGetObject"):
        properties = schemas[name]["properties"]
        properties["level"]["enum"].append(ENTITY_LEVEL)
        # The audio file of a menu lists WAV only; the repository (mediaType) and Cisco's help article take WMA too.
        properties["mediaFileType"]["enum"].append("WMA")

    # A request's call treatment names its audio file as the menu and the keys do (id, or file name, type and level:
    # AudioAnnouncementFileObject's own description): the document reuses the read schema there, which requires all
    # four. wxc_sdk 1.41 sends noInputTimer as an integer (its model's type), the document types it as a string.
    action = copy.deepcopy(schemas["ActionToBePerformedObject"])
    action["properties"]["audioAnnouncementFile"] = dict(
        _ref("AudioAnnouncementFileObject"), description=action["properties"]["audioAnnouncementFile"]["description"]
    )
    schemas["ActionToBePerformedRequestObject"] = action
    treatment = copy.deepcopy(schemas["CallTreatmentObject"])
    treatment["properties"]["actionToBePerformed"] = _ref("ActionToBePerformedRequestObject")
    timer = treatment["properties"]["noInputTimer"]
    treatment["properties"]["noInputTimer"] = {
        "description": timer["description"],
        "oneOf": [{"type": "string"}, {"type": "integer"}],
    }
    schemas["CallTreatmentRequestObject"] = treatment
    for name in ("HoursMenuObject", "PostHoursMenuObject"):
        schemas[name]["properties"]["callTreatment"] = _ref("CallTreatmentRequestObject")

    # firstName/lastName are deprecated and omitted by the service (and by an attendant made with
    # directLineCallerIdName); the document still marks them required in the details.
    details = schemas["GetAutoAttendantObject"]
    details["required"] = [field for field in details["required"] if field not in ("firstName", "lastName")]

    # wxc_sdk's AutoAttendant.create() sends "phoneNumber": null when only an extension is given (its tests against
    # live organisations create attendants that way): the service takes null as "not set".
    for field in ("phoneNumber", "extension"):
        schemas["PostAutoAttendantObject"]["properties"][field]["nullable"] = True

    # PUT on an auto attendant answers 200 with an empty body (live); the document knows only 204.
    put = paths["/telephony/config/locations/{locationId}/autoAttendants/{autoAttendantId}"]["put"]
    put["responses"]["200"] = {"description": "OK (seen live)"}

    # The list holds organisation-level files too (locationId=all, or none): level ORGANIZATION, without a location.
    listed = schemas["AnnouncementsListResponse"]
    listed["properties"]["level"]["enum"] = ["ORGANIZATION", "LOCATION"]
    listed["required"] = [field for field in listed["required"] if field != "location"]

    # An attendant whose forwarding has no operating mode has no current one: the GET leaves currentOperatingModeId
    # and exceptionType out (wxc_sdk's ForwardOperatingModes has both optional; the document requires them).
    modes = schemas["AutoAttendantCallForwardSettingsDetailsObject"]["properties"]["operatingModes"]
    modes["required"] = ["enabled"]

    # The operating modes list filters by location only when asked: wxc_sdk 1.41 leaves limitToLocationId out unless
    # given, and the document's own description ("Use query parameters to filter the result set by location or
    # level") makes it a filter; the document marks it required.
    for parameter in paths["/telephony/config/operatingModes"]["get"]["parameters"]:
        if parameter["name"] == "limitToLocationId":
            parameter["required"] = False

    # A local greeting file is uploaded as multipart/form-data (name + file part), as the reference documented until
    # 2026 and wxc_sdk 1.41 and wxcadm still send; the 2026 document lists only the JSON body with a fileUri. In that
    # JSON body wxc_sdk 1.41 sends is_text_to_speech (a string) instead of isTextToSpeech.
    body = schemas["AnnouncementRequestBody"]
    body["required"] = [field for field in body["required"] if field != "isTextToSpeech"]
    for path in ANNOUNCEMENT_PATHS:
        for method in ("post", "put"):
            operation = paths[path].get(method)
            if operation:
                operation["requestBody"]["content"]["multipart/form-data"] = {
                    "schema": {
                        "type": "object",
                        "required": ["name", "file"],
                        "properties": {"name": {"type": "string"}, "file": {"type": "string", "format": "binary"}},
                    }
                }
    return doc


def read_spec(spec_file=SPEC_FILE):
    """The document as published (patch_spec() makes the validator's copy), read with libyaml where PyYAML has it: the
    pure-Python reader takes seconds over this document."""
    import yaml  # pylint: disable=import-outside-toplevel

    with open(spec_file, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # nosec - a safe loader


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
            # Every import happens here (read_spec's too), once: importing in the request threads as well can deadlock on module locks.
            from openapi_core import Config, OpenAPI  # pylint: disable=import-outside-toplevel
            from openapi_core.templating.paths import exceptions  # pylint: disable=import-outside-toplevel
            from openapi_core.testing import MockRequest, MockResponse  # pylint: disable=import-outside-toplevel

            self._not_described = (exceptions.PathNotFound, exceptions.OperationNotFound, exceptions.ServerNotFound)
            self._mock_request, self._mock_response = MockRequest, MockResponse
            doc = patch_spec(read_spec(spec_file))
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
