"""Tests of the Webex Calling auto-attendant API simulator."""
