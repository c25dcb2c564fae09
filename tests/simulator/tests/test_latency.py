"""Latency (a modelled round trip) and the in-flight maximum of the request log."""

import threading
import time

import requests

from tests.builders import AA_LIST_PATH


def _get_list(sim):
    assert sim.api("GET", AA_LIST_PATH).status_code == 200


def test_latency_holds_every_api_request_and_reset_clears_it(sim):
    assert sim.latency(0.2) == {"seconds": 0.2}
    started = time.monotonic()
    _get_list(sim)
    assert time.monotonic() - started >= 0.2
    sim.reset()
    assert sim._control("GET", "/latency") == {"seconds": 0.0}


def test_latency_rejects_bad_values(sim):
    for body in ({"seconds": -1}, {"seconds": "1"}, {"seconds": True}, {"seconds": 11}, {"second": 1}, {}):
        response = sim._session.post(sim.base_url + "/_sim/latency", json=body, timeout=10)
        assert response.status_code == 400, body
        assert "seconds" in response.json()["message"]


def test_max_in_flight_counts_overlapping_api_requests(sim):
    assert sim.stats()["max_in_flight"] == 0
    _get_list(sim)
    _get_list(sim)
    assert sim.stats()["max_in_flight"] == 1  # one after the other never overlap
    sim.latency(0.3)

    # Three requests on connections of their own, sent at once: the latency holds all three together.
    def call():
        response = requests.get(sim.url + AA_LIST_PATH, headers={"Authorization": "Bearer %s" % sim.token}, timeout=10)
        assert response.status_code == 200

    threads = [threading.Thread(target=call) for _number in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sim.stats()["max_in_flight"] == 3
    sim.reset()
    assert sim.stats()["max_in_flight"] == 0


def test_command_line_latency_is_the_reset_default():
    from tests.simulator.harness import Simulator  # pylint: disable=import-outside-toplevel

    with Simulator(extra_args=["--latency", "0.05"]) as sim:
        assert sim._control("GET", "/latency") == {"seconds": 0.05}
        sim.latency(0)
        sim.reset()
        assert sim._control("GET", "/latency") == {"seconds": 0.05}
