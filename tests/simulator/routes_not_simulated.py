"""Routes of the vendored OpenAPI document that the simulator does not play: each answers 501 naming the route.

Every operation of ``spec/webex-calling-openapi-2026-04.yaml`` is either simulated or listed here, so that a client
never meets a 404 "no such route" for a documented route (tests/simulator/tests/test_routes.py checks each one).
"""

from .errors import ApiError

ERR_NOT_SIMULATED = 501


def not_simulated(method, template, summary):
    """A handler answering 501 "<METHOD> <template> (<summary>) is not simulated"."""

    def handler(request, **_params):
        raise ApiError(
            501,
            "%s %s (%s) is documented in the Webex Calling API but not simulated (tests/simulator/README.md)"
            % (method, template, summary),
        )

    handler.__doc__ = "501: %s %s is not simulated." % (method, template)
    return handler


def route(method, template, summary, pattern):
    """(method, pattern, 501 handler) for a route table."""
    return (method, pattern, not_simulated(method, template, summary))


LOCATION = r"(?P<location_id>[^/]+)"

ROUTES = [
    route("POST", "/v1/locations", "Create a Location", "/v1/locations"),
    route("PUT", "/v1/locations/{locationId}", "Update a Location", "/v1/locations/" + LOCATION),
    route("DELETE", "/v1/locations/{locationId}", "Delete Location", "/v1/locations/" + LOCATION),
    route(
        "POST",
        "/v1/telephony/config/locations",
        "Enable a Location for Webex Calling",
        "/v1/telephony/config/locations",
    ),
    route(
        "PUT",
        "/v1/telephony/config/locations/{locationId}",
        "Update Location Webex Calling Details",
        "/v1/telephony/config/locations/" + LOCATION,
    ),
]
