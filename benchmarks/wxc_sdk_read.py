"""The reference: wxc_sdk's async client reads the same attendants as a no-op of the bulk module would.

``python benchmarks/wxc_sdk_read.py API_URL CONCURRENCY LOCATION_ID...`` (token from WEBEX_ACCESS_TOKEN): one list of
each location (every page), then the details of every attendant, CONCURRENCY requests at a time. Prints
{"auto_attendants": N}. wxc-sdk is a benchmark and test dependency only (requirements-test.txt).
"""

import asyncio
import json
import os
import sys

from wxc_sdk.as_api import AsWebexSimpleApi
from wxc_sdk.as_rest import AsRestSession


async def read_all(concurrency, location_ids):
    async with AsWebexSimpleApi(tokens=os.environ["WEBEX_ACCESS_TOKEN"], concurrent_requests=concurrency) as api:
        listings = await asyncio.gather(
            *[api.telephony.auto_attendant.list(location_id=location_id) for location_id in location_ids]
        )
        details = await asyncio.gather(
            *[
                api.telephony.auto_attendant.details(
                    location_id=item.location_id, auto_attendant_id=item.auto_attendant_id
                )
                for listing in listings
                for item in listing
            ]
        )
    return len(details)


def main(argv):
    api_url, concurrency, location_ids = argv[0], int(argv[1]), argv[2:]
    AsRestSession.BASE = api_url.rstrip("/")  # the simulator instead of webexapis.com
    print(json.dumps({"auto_attendants": asyncio.run(read_all(concurrency, location_ids))}))


if __name__ == "__main__":
    main(sys.argv[1:])
