"""_operating_mode/service.py over a scripted HTTP exchange: the path of a mode's details, the id quoted."""

from ansible_collections.wxc.calling.plugins.module_utils._operating_mode.service import OperatingModeService
from ansible_collections.wxc.calling.plugins.module_utils.webex_client import WebexClient
from tests.unit.plugins.module_utils.scripted_http import API, TOKEN


def test_details_reads_the_mode_by_its_id(exchange):
    mode = {"id": "M/1", "name": "Day", "type": "NONE", "level": "ORGANIZATION"}
    exchange.expect("GET", API + "/telephony/config/operatingModes/M%2F1", 200, mode)
    assert OperatingModeService(WebexClient(API, TOKEN, sleep=lambda seconds: None)).details("M/1") == mode
