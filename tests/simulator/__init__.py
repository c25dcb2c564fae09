"""Local simulator of the Webex Calling auto-attendant API, used by the collection's tests.

Start it with ``python -m tests.simulator --port PORT`` from the repository root; see README.md.
"""
