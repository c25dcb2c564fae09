"""Offset pagination with RFC 5988 ``Link: <…>; rel="next"`` headers, as the Webex list APIs do it."""

from urllib.parse import urlencode

from . import errors

DEFAULT_PAGE_SIZE = 100  # our choice: Webex does not document the AA/schedule/location defaults
MAX_PAGE_SIZE = 1000  # our choice: a larger max is silently reduced to this (the next link keeps the client's max)


def _non_negative_int(request, name, default):
    raw = request.query.get(name)
    if raw is None or raw == "":
        return default
    if not raw.isdigit():
        raise errors.invalid(name, "%r is not a non-negative integer" % raw)
    return int(raw)


def paginate(request, items, item_key, filter_names):
    """Return (body, headers) for one page of items.

    filter_names lists the query parameters (in order) that the next link must carry besides max and start.
    """
    start = _non_negative_int(request, "start", 0)
    requested_max = _non_negative_int(request, "max", DEFAULT_PAGE_SIZE)
    if requested_max < 1:
        raise errors.invalid("max", "must be at least 1")
    page_size = min(requested_max, MAX_PAGE_SIZE)
    end = start + page_size
    page = items[start:end]
    headers = {}
    next_start = start + len(page)
    if page and next_start < len(items):
        params = [(name, request.query[name]) for name in filter_names if request.query.get(name) not in (None, "")]
        params += [("max", str(requested_max)), ("start", str(next_start))]
        headers["Link"] = '<%s%s?%s>; rel="next"' % (request.root_url, request.path, urlencode(params))
    return {item_key: page}, headers
