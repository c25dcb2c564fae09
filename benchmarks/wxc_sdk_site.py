"""The reference of the site bench: wxc_sdk's async client reads what a no-op of the site engine reads.

``python benchmarks/wxc_sdk_site.py API_URL CONCURRENCY LOCATION_ID`` (token from WEBEX_ACCESS_TOKEN): the location's
attendants (every page) and schedules, then every attendant's details and call forwarding and every schedule's
details, CONCURRENCY requests at a time. Prints {"auto_attendants": N, "schedules": M}. wxc-sdk is a benchmark and test
dependency only (requirements-test.txt).
"""

import asyncio
import json
import os
import sys

from wxc_sdk.as_api import AsWebexSimpleApi
from wxc_sdk.as_rest import AsRestSession


async def read_site(concurrency, location_id):
    async with AsWebexSimpleApi(tokens=os.environ["WEBEX_ACCESS_TOKEN"], concurrent_requests=concurrency) as api:
        attendants, schedules = await asyncio.gather(
            api.telephony.auto_attendant.list(location_id=location_id),
            api.telephony.schedules.list(obj_id=location_id),
        )
        aa = api.telephony.auto_attendant
        await asyncio.gather(
            *[aa.details(location_id=location_id, auto_attendant_id=item.auto_attendant_id) for item in attendants],
            *[
                aa.forwarding.settings(location_id=location_id, feature_id=item.auto_attendant_id)
                for item in attendants
            ],
            *[
                api.telephony.schedules.details(
                    obj_id=location_id, schedule_type=item.schedule_type, schedule_id=item.schedule_id
                )
                for item in schedules
            ],
        )
    return {"auto_attendants": len(attendants), "schedules": len(schedules)}


def main(argv):
    api_url, concurrency, location_id = argv[0], int(argv[1]), argv[2]
    AsRestSession.BASE = api_url.rstrip("/")  # the simulator instead of webexapis.com
    print(json.dumps(asyncio.run(read_site(concurrency, location_id))))


if __name__ == "__main__":
    main(sys.argv[1:])
