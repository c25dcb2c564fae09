"""POST /v1/access_token (refresh-token grant), minted tokens, their expiry, and secrets kept out of the request log."""

import json
import time

import pytest
import requests

from tests.builders import AA_LIST_PATH
from tests.simulator.harness import Simulator

from .helpers import aa_path, assert_webex_error, minimal_body


def mint(sim, **changes):
    form = {
        "grant_type": "refresh_token",
        "client_id": sim.client_id,
        "client_secret": sim.client_secret,
        "refresh_token": sim.refresh_token,
    }
    form.update(changes)
    return requests.post(sim.url + "/access_token", data={k: v for k, v in form.items() if v is not None}, timeout=30)


def test_refresh_grant_mints_a_token_that_reads_and_writes(sim):
    response = mint(sim)
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access_token", "expires_in", "refresh_token", "refresh_token_expires_in", "token_type"}
    assert body["token_type"] == "Bearer" and body["expires_in"] == 3600 and body["refresh_token"] == sim.refresh_token
    token = body["access_token"]
    assert token not in (sim.token, sim.read_only_token)
    assert sim.api("GET", AA_LIST_PATH, token=token).status_code == 200
    location_id = sim.location_id("Headquarters")
    assert sim.api("POST", aa_path(location_id), token=token, json=minimal_body()).status_code == 201
    assert mint(sim).json()["access_token"] != token  # every grant mints a new token


@pytest.mark.parametrize(
    "changes, status",
    [
        ({"client_id": "someone-else"}, 401),
        ({"client_secret": "wrong-secret"}, 401),
        ({"refresh_token": "wrong-refresh"}, 400),
        ({"grant_type": "client_credentials"}, 400),
        ({"refresh_token": None}, 400),
    ],
)
def test_bad_grant_is_refused_webex_shaped(sim, changes, status):
    body = assert_webex_error(mint(sim, **changes), status)
    assert body["message"] and body["trackingId"]
    for secret in (sim.client_secret, sim.refresh_token, "wrong-secret", "wrong-refresh"):
        assert secret not in json.dumps(body)


def test_token_endpoint_needs_a_form_and_post(sim):
    assert_webex_error(sim.api("GET", "/access_token", token=None), 405)
    assert_webex_error(sim.api("POST", "/access_token", token=None, json={"grant_type": "refresh_token"}), 415)


def test_expire_tokens_makes_minted_tokens_401_but_not_the_fixed_ones(sim):
    token = mint(sim).json()["access_token"]
    assert sim.expire_tokens() == 1
    assert_webex_error(sim.api("GET", AA_LIST_PATH, token=token), 401)
    assert sim.api("GET", AA_LIST_PATH).status_code == 200
    assert sim.api("GET", AA_LIST_PATH, token=sim.read_only_token).status_code == 200
    fresh = mint(sim).json()["access_token"]
    assert sim.api("GET", AA_LIST_PATH, token=fresh).status_code == 200


def test_reset_forgets_minted_tokens(sim):
    token = mint(sim).json()["access_token"]
    sim.reset()
    assert_webex_error(sim.api("GET", AA_LIST_PATH, token=token), 401)


def test_the_log_masks_secrets_and_never_holds_tokens(sim):
    token = mint(sim).json()["access_token"]
    sim.api("GET", AA_LIST_PATH, token=token)
    log = sim.requests()
    assert [(e["method"], e["path"], e["status"]) for e in log] == [
        ("POST", "/v1/access_token", 200),
        ("GET", "/v1" + AA_LIST_PATH, 200),
    ]
    assert log[0]["body"] == {
        "grant_type": "refresh_token",
        "client_id": sim.client_id,
        "client_secret": "***",
        "refresh_token": "***",
    }
    text = json.dumps(log)
    for secret in (sim.client_secret, sim.refresh_token, token, sim.token):
        assert secret not in text


def test_faults_apply_to_the_token_endpoint(sim):
    sim.fault(method="POST", path="/access_token$", status=503)
    assert_webex_error(mint(sim), 503)
    assert mint(sim).status_code == 200


def test_minted_tokens_expire_after_the_ttl():
    # A one-second token: no OpenAPI validation, whose start-up load could eat that second on a busy machine.
    with Simulator(
        extra_args=["--minted-token-ttl", "1", "--client-secret", "other-secret"], validate_openapi=False
    ) as sim:
        sim.client_secret = "other-secret"
        token = mint(sim).json()["access_token"]
        assert sim.api("GET", AA_LIST_PATH, token=token).status_code == 200
        time.sleep(1.2)
        assert_webex_error(sim.api("GET", AA_LIST_PATH, token=token), 401)
