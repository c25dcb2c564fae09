"""Command line: ``python -m tests.simulator [--host H] [--port P] [--token T] [--read-only-token R] [--state-file F] [--latency S] [--quiet]``."""

import argparse
import signal
import sys
import threading

from .routes_tokens import (
    DEFAULT_CLIENT_ID,
    DEFAULT_CLIENT_SECRET,
    DEFAULT_MINTED_TOKEN_TTL,
    DEFAULT_REFRESH_TOKEN,
    TokenIssuer,
)
from .server import DEFAULT_READ_ONLY_TOKEN, DEFAULT_TOKEN, App, SimulatorServer


def parse_args(argv):
    """Parse the command line."""
    parser = argparse.ArgumentParser(
        prog="python -m tests.simulator", description="Webex Calling auto-attendant API simulator"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8765, help="port to bind; 0 picks a free port (default 8765)")
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="bearer token allowed to read and write")
    parser.add_argument("--read-only-token", default=DEFAULT_READ_ONLY_TOKEN, help="bearer token allowed to read only")
    parser.add_argument("--state-file", help="JSON file that keeps the state across restarts")
    parser.add_argument("--client-id", default=DEFAULT_CLIENT_ID, help="client id accepted by POST /v1/access_token")
    parser.add_argument(
        "--client-secret", default=DEFAULT_CLIENT_SECRET, help="client secret accepted by POST /v1/access_token"
    )
    parser.add_argument(
        "--refresh-token", default=DEFAULT_REFRESH_TOKEN, help="refresh token accepted by POST /v1/access_token"
    )
    parser.add_argument(
        "--minted-token-ttl",
        type=int,
        default=DEFAULT_MINTED_TOKEN_TTL,
        help="seconds a minted access token is valid (default %d)" % DEFAULT_MINTED_TOKEN_TTL,
    )
    parser.add_argument(
        "--latency",
        type=float,
        default=0.0,
        help="seconds to hold every API request before answering it, a modelled round trip (default 0)",
    )
    parser.add_argument("--quiet", action="store_true", help="do not log each request to stderr")
    parser.add_argument(
        "--validate-openapi",
        action="store_true",
        help="check every 2xx request and response against the vendored OpenAPI subset (needs openapi-core)",
    )
    return parser.parse_args(argv)


def build_server(args):
    """The simulator's HTTP server for parsed ARGS, bound but not yet serving."""
    tokens = TokenIssuer(args.client_id, args.client_secret, args.refresh_token, args.minted_token_ttl)
    app = App(
        token=args.token,
        read_only_token=args.read_only_token,
        state_file=args.state_file,
        quiet=args.quiet,
        tokens=tokens,
        validate_openapi=args.validate_openapi,
    )
    app.default_latency = app.latency = args.latency
    return SimulatorServer((args.host, args.port), app)


def main(argv=None):
    """Run the simulator until SIGINT or SIGTERM; return the exit status."""
    server = build_server(parse_args(argv))

    def stop(_signum, _frame):
        # shutdown() waits for serve_forever() to return, so it cannot run in the serving thread itself.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    host, port = server.server_address[:2]
    sys.stdout.write("wxc simulator listening on http://%s:%d/v1\n" % (host, port))
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
