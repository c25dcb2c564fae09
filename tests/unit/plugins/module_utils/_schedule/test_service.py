"""_schedule/service.py: the paths it builds, and ScheduleService.find() over a scripted HTTP exchange (requests-mock):
the list filters it sends and its exact match.

The list filter name= matches every name that contains the value; a schedule is identified by its type and exact name,
so find() asks the service for both and still checks both in the answer.
"""

import pytest

from ansible_collections.wxc.calling.plugins.module_utils._schedule import service as sc_service
from ansible_collections.wxc.calling.plugins.module_utils._schedule.service import ScheduleService
from ansible_collections.wxc.calling.plugins.module_utils.resource import AmbiguousName
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.unit.plugins.module_utils.scripted_http import API, TOKEN


def test_paths_quote_ids():
    assert (
        sc_service.schedule_path("L", "holidays", "a/b+c")
        == "/telephony/config/locations/L/schedules/holidays/a%2Fb%2Bc"
    )


SCHEDULES = API + "/telephony/config/locations/L1/schedules"


@pytest.fixture(name="service")
def fixture_service():
    return ScheduleService(WebexClient(API, TOKEN, sleep=lambda seconds: None))


def test_find_asks_for_the_type_and_the_name_and_keeps_the_exact_name(exchange, service):
    """The list request carries type= and name=; of the names containing it, only the exact one is the schedule."""
    answer = {
        "schedules": [
            {"id": "S2", "name": "Office hours 2", "type": "businessHours"},
            {"id": "S1", "name": "Office hours", "type": "businessHours"},
        ]
    }
    exchange.expect("GET", SCHEDULES + "?type=businessHours&name=Office+hours", 200, answer)
    assert service.find("L1", "businessHours", "Office hours") == {
        "id": "S1",
        "name": "Office hours",
        "type": "businessHours",
    }


def test_find_never_takes_a_schedule_of_the_other_type_with_the_same_name(exchange, service):
    """A holidays schedule called like the business-hours one (in an answer that ignored type=) is not it."""
    holidays = {"id": "H1", "name": "Office hours", "type": "holidays"}
    business = {"id": "B1", "name": "Office hours", "type": "businessHours"}
    url = SCHEDULES + "?type=businessHours&name=Office+hours"
    exchange.expect("GET", url, 200, {"schedules": [holidays, business]})
    exchange.expect("GET", url, 200, {"schedules": [holidays]})
    assert service.find("L1", "businessHours", "Office hours") == business
    assert service.find("L1", "businessHours", "Office hours") is None


def test_find_refuses_two_schedules_of_the_same_type_and_name(exchange, service):
    """Two holidays schedules with that exact name: an error naming the count, the type, the name and the ids."""
    answer = {
        "schedules": [
            {"id": "H1", "name": "Closed", "type": "holidays"},
            {"id": "B1", "name": "Closed", "type": "businessHours"},
            {"id": "H2", "name": "Closed", "type": "holidays"},
        ]
    }
    exchange.expect("GET", SCHEDULES + "?type=holidays&name=Closed", 200, answer)
    with pytest.raises(AmbiguousName) as caught:
        service.find("L1", "holidays", "Closed")
    assert str(caught.value) == (
        "2 holidays schedules are called 'Closed' in this location (ids: H1, H2); remove the duplicates first"
    )
