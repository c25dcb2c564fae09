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


def run_task(sim, tmp_path, module, args, url, env=None):
    path = write_playbook(tmp_path, [{"name": "Task", module: args, "register": "result"}])
    run = run_playbook(path, sim, env=dict({"WEBEX_API_URL": url}, **(env or {})))
    return run, run.one("Task")["result"]


def test_self_signed_certificate_is_refused_by_default(sim, tmp_path, https_url):
    url, proxy = https_url
    run, result = run_task(sim, tmp_path, AA, ARGS, url)
    assert run.rc != 0, run
    assert "certificate" in result["msg"].lower() and "validate_certs" in result["msg"], result["msg"]
    assert result["api_error"]["status"] is None
    assert proxy.handshake_failures >= 1
    assert sim.requests() == []  # nothing got past the TLS handshake
    assert not result.get("warnings")


def test_refresh_token_request_is_verified_too(sim, tmp_path, https_url):
    url, _proxy = https_url
    env = {
        "WEBEX_ACCESS_TOKEN": "",
        "WEBEX_CLIENT_ID": sim.client_id,
        "WEBEX_CLIENT_SECRET": sim.client_secret,
        "WEBEX_REFRESH_TOKEN": sim.refresh_token,
    }
    run, result = run_task(sim, tmp_path, INFO, {}, url, env=env)
    assert run.rc != 0, run
    assert "certificate" in result["msg"].lower() and result["api_error"]["path"] == "/access_token", result
    assert sim.requests() == []


@pytest.mark.parametrize(
    "module, args", [(AA, ARGS), (INFO, {"location": "Headquarters"})], ids=["auto_attendant", "info"]
)
def test_validate_certs_false_works_with_a_warning(sim, tmp_path, https_url, module, args):
    url, _proxy = https_url
    run, result = run_task(sim, tmp_path, module, dict(args, validate_certs=False), url)
    assert run.rc == 0, run
    assert any(WARNING in warning and url in warning for warning in result.get("warnings", [])), result
    assert "[WARNING]: " + WARNING in run.stdout + run.stderr
    assert sim.requests()


def test_plain_http_with_default_validate_certs_gives_no_warning(sim, tmp_path):
    run, result = run_task(sim, tmp_path, INFO, {}, sim.url)
    assert run.rc == 0, run
    assert not result.get("warnings")
