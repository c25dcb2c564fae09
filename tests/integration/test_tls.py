"""TLS: certificates are verified by default; validate_certs: false works only when asked, and says so in a warning.

The simulator speaks plain HTTP, so these tests put a small TLS-terminating proxy with a throwaway self-signed
certificate (made with the openssl command line) in front of it: https://127.0.0.1:PORT/v1 -> the simulator.
"""

import os
import shutil
import socket
import ssl
import subprocess
import threading

import pytest

from tests.integration.runner import run_playbook, write_playbook

AA = "wxc.calling.webex_auto_attendant"
INFO = "wxc.calling.webex_auto_attendant_info"
MENU = {"greeting": "DEFAULT", "extension_enabled": True, "key_configurations": [{"key": "0", "action": "EXIT"}]}
ARGS = {
    "location": "Headquarters",
    "name": "Reception",
    "extension": "2100",
    "business_schedule": "AUTOATTENDANT-BUSINESS-HOURS",
    "business_hours_menu": MENU,
    "after_hours_menu": MENU,
}
WARNING = "validate_certs is false: the TLS certificate of"

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command line")


class TlsProxy:
    """Accepts TLS on a free port and pipes the decrypted bytes to the simulator's plain HTTP port."""

    def __init__(self, cert, key, target_port):
        self.target_port = target_port
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.handshake_failures = 0
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self._closed:
            try:
                client, _address = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        try:
            secure = self.context.wrap_socket(client, server_side=True)
        except (ssl.SSLError, OSError):
            self.handshake_failures += 1
            client.close()
            return
        upstream = socket.create_connection(("127.0.0.1", self.target_port))
        threading.Thread(target=self._pipe, args=(upstream, secure), daemon=True).start()
        self._pipe(secure, upstream)

    @staticmethod
    def _pipe(source, target):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                try:
                    sock.close()
                except OSError:
                    pass

    def close(self):
        self._closed = True
        self.listener.close()


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tls")
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            key,
            "-out",
            cert,
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.fixture
def https_url(sim, certificate):
    proxy = TlsProxy(certificate[0], certificate[1], sim.port)
    yield "https://127.0.0.1:%d/v1" % proxy.port, proxy
    proxy.close()


def test_certificates_are_verified_unless_validate_certs_is_false(sim, tmp_path, https_url):
    """Every case a task of one playbook: the API URL of each task in its environment (the self-signed proxy, or the
    plain simulator). The refused cases use Branch Office Austin, which no other task names: had one of them reached
    the API, the request log would show it."""
    url, proxy = https_url
    over_tls = {"WEBEX_API_URL": url}
    refresh_only = dict(over_tls, WEBEX_ACCESS_TOKEN="")  # the refresh credentials of the process environment
    tasks = [
        {"name": "Self-signed, refused", AA: dict(ARGS, location="Branch Office Austin"), "environment": over_tls},
        {"name": "Refresh token request", INFO: {"location": "Branch Office Austin"}, "environment": refresh_only},
        {"name": "Attendant, validate_certs false", AA: dict(ARGS, validate_certs=False), "environment": over_tls},
        {
            "name": "Info, validate_certs false",
            INFO: {"location": "Headquarters", "validate_certs": False},
            "environment": over_tls,
        },
        {"name": "Plain HTTP, default validate_certs", INFO: {}},
    ]
    for entry in tasks[:2]:
        entry["ignore_errors"] = True
    austin = sim.location_id("Branch Office Austin")
    sim.clear_requests()
    env = {
        "WEBEX_CLIENT_ID": sim.client_id,
        "WEBEX_CLIENT_SECRET": sim.client_secret,
        "WEBEX_REFRESH_TOKEN": sim.refresh_token,
    }
    run = run_playbook(write_playbook(tmp_path, tasks), sim, env=env)
    assert run.rc == 0, run

    # Refused by default: at once, a message that says the certificate was not verified and what to do, no warning.
    refused = run.one("Self-signed, refused")
    assert refused["failed"], refused
    result = refused["result"]
    assert "certificate" in result["msg"].lower() and "validate_certs" in result["msg"], result["msg"]
    assert result["api_error"]["status"] is None
    assert not result.get("warnings")
    assert proxy.handshake_failures >= 2
    # The token request is verified too.
    minted = run.one("Refresh token request")
    assert minted["failed"], minted
    assert "certificate" in minted["result"]["msg"].lower(), minted
    assert minted["result"]["api_error"]["path"] == "/access_token", minted
    # Nothing of the refused tasks got past the TLS handshake: no token request, nothing about their location.
    assert not [entry for entry in sim.requests() if entry["path"] == "/v1/access_token" or austin in str(entry)]
    assert not [entry for entry in sim.requests() if "Branch Office Austin" in str(entry)]

    # validate_certs false works, and says so in a warning naming the URL, in the result and in the output.
    for name in ("Attendant, validate_certs false", "Info, validate_certs false"):
        result = run.one(name)["result"]
        assert not run.one(name)["failed"], result
        assert any(WARNING in warning and url in warning for warning in result.get("warnings", [])), result
    assert "[WARNING]: " + WARNING in run.stdout + run.stderr
    assert [entry["method"] for entry in sim.writes()] == ["POST"]  # the attendant, through the proxy

    # Plain HTTP with the default validate_certs: no warning.
    plain = run.one("Plain HTTP, default validate_certs")
    assert not plain["failed"] and not plain["result"].get("warnings"), plain
