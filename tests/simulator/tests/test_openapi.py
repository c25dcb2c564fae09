"""The OpenAPI check itself: the patched subset is a valid document, and a response it does not allow is caught."""

import pytest
import yaml
from openapi_spec_validator import validate

from tests.simulator.harness import OpenApiMismatch
from tests.simulator.openapi_check import SPEC_FILE, patch_spec

from .helpers import aa_path


def test_the_patched_subset_is_a_valid_openapi_document():
    with open(SPEC_FILE, encoding="utf-8") as handle:
        validate(patch_spec(yaml.safe_load(handle)))


def test_a_response_outside_the_subset_fails_and_an_undescribed_path_is_skipped(sim):
    # Stored as given by the control route, a greeting the API does not know reads back and breaks the schema.
    menu = {"greeting": "PLAYLIST", "extensionEnabled": True, "keyConfigurations": [{"key": "0", "action": "EXIT"}]}
    stored = sim._session.post(
        sim.base_url + "/_sim/auto_attendants",
        timeout=30,
        json={  # pylint: disable=protected-access
            "location": "Headquarters",
            "data": {
                "name": "Odd",
                "extension": "2300",
                "businessSchedule": "AUTOATTENDANT-BUSINESS-HOURS",
                "businessHoursMenu": menu,
                "afterHoursMenu": menu,
            },
        },
    )
    location_id = sim.location_id("Headquarters")
    assert sim.api("GET", aa_path(location_id, stored.json()["id"])).status_code == 200
    sim.api("GET", "/telephony/config/locations/" + location_id)
    report = sim.openapi_report()
    assert report["enabled"] is True and report["checked"] > 0
    assert "GET /v1/telephony/config/locations/{id}" in report["skipped"]
    with pytest.raises(OpenApiMismatch, match="PLAYLIST"):
        sim.check_openapi()
