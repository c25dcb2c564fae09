"""Locations given by id or by name, and the export's warning about forwarding the module would refuse.

decode_webex_id() decides whether a location option is an id (used in URLs as given) or a name (looked up); the export
warns, in one message, of every problem the forwarding module would find in what was read.
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._auto_attendant.export import read_attendants as read_back
from ansible_collections.wxc.calling.plugins.module_utils._location.service import (
    LocationNotFound,
    decode_webex_id,
    is_location_id,
    resolve_location,
)
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.simulator_tests.helpers import create
from tests.unit.plugins.module_utils.test_locations import HQ_ID, ListingClient


@pytest.mark.parametrize("value", [HQ_ID + "\n", " " + HQ_ID, HQ_ID[:12] + "-" + HQ_ID[12:]])
def test_an_id_with_a_stray_character_is_a_name_not_an_id(value):
    """A location id with a newline, a space or a dash in it is not an id (base64 is checked strictly).

    It is looked up as a name, which no location has, instead of being put into request URLs as it is.
    """
    assert decode_webex_id(value) is None and is_location_id(value) is False
    client = ListingClient([{"id": HQ_ID, "name": "Headquarters"}])
    with pytest.raises(LocationNotFound) as caught:
        resolve_location(client, value)
    assert str(caught.value) == (
        "location %r not found: no location has exactly that name (give its exact name or id)" % value
    )
    assert client.calls == [("/locations", "items", {"name": value})]


def test_export_lists_every_forwarding_problem_in_one_warning_separated_by_semicolons(sim):
    """Two destinations the forwarding module would refuse: one warning, the problems joined with "; "."""
    client = WebexClient(sim.url, sim.token, timeout=10, sleep=lambda seconds: None)
    location_id, auto_attendant_id = create(sim)
    path = "/telephony/config/locations/%s/autoAttendants/%s/callForwarding" % (location_id, auto_attendant_id)
    body = {
        "callForwarding": {
            "always": {"enabled": True, "destination": "+999-12345678901234"},
            "selective": {"destination": "+888-12345678901234"},
        }
    }
    assert sim.api("PUT", path, json=body).status_code == 204
    export, warnings = [], []
    read_back(client, location_id, "Minimal AA", export_location="id", forwarding_export=export, warn=warnings.append)
    assert warnings == [
        "call forwarding of auto attendant 'Minimal AA': webex_auto_attendant_forwarding would refuse the export: "
        "always.destination: '+999-12345678901234' is not an E.164 number (like +19705550006), an extension or an "
        "ESN; selective.destination: '+888-12345678901234' is not an E.164 number (like +19705550006), an extension "
        "or an ESN"
    ]
    assert [(options["always"]["destination"], options["selective"]["destination"]) for options in export] == [
        ("+999-12345678901234", "+888-12345678901234")
    ]
