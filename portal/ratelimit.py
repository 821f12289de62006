"""Per-client rate limits for the portal's own costly actions (allauth limits sign-in).

Each request adds one to a counter for (action, client, time window) and is refused
once the counter passes the limit. The counter must be exact under parallel requests
from every worker, so the increment is one atomic statement on a RateCounter row:
the database cache's `incr` is a read then a write, which let 60 of 60 parallel
quick checks through a 20-per-minute limit.
"""

from math import ceil
from time import time

from allauth.account.adapter import get_adapter
from django.db import connection

from portal.models import RateCounter

PERIODS = {"s": 1, "m": 60, "h": 3600}
PER_PERIOD = {1: "a second", 60: "a minute", 3600: "an hour"}


def parse_rate(rate: str) -> tuple[int, int]:
    """'30/m' -> (30, 60); '500/h' -> (500, 3600); '10/s' -> (10, 1)."""
    amount, _, period = rate.partition("/")
    return int(amount), PERIODS[period.strip() or "m"]


def client_address(request) -> str:
    """The client's IP as allauth sees it (ALLAUTH_TRUSTED_PROXY_COUNT), so both limits agree."""
    return get_adapter(request).get_client_ip(request)


def allow(action: str, rate: str, client: str) -> bool:
    """Count one request of `action` by `client`; False once the rate is exceeded."""
    limit, period = parse_rate(rate)
    window = int(time() // period)
    hits = _count(f"{action}:{client}:{window}", expires_at=(window + 1) * period)
    return hits <= limit


def retry_after(rate: str) -> int:
    """Seconds until the current window of `rate` ends."""
    _limit, period = parse_rate(rate)
    return period - int(time()) % period


def wait_words(rate: str) -> str:
    """How long until the window ends, in words: 'a minute' or '42 minutes'."""
    seconds = retry_after(rate)
    return "a minute" if seconds <= 60 else f"{ceil(seconds / 60)} minutes"


def rate_words(rate: str) -> str:
    """'30/h' -> '30 times an hour'."""
    limit, period = parse_rate(rate)
    return f"{limit} times {PER_PERIOD[period]}"


def _count(key: str, *, expires_at: int) -> int:
    """Add one to the counter `key` and return its new value, atomically.

    INSERT ... ON CONFLICT DO UPDATE ... RETURNING runs as one statement on
    PostgreSQL and on SQLite (3.35 or newer).
    """
    table = connection.ops.quote_name(RateCounter._meta.db_table)
    key_column, hits, expires = (connection.ops.quote_name(c) for c in ("key", "hits", "expires_at"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({key_column}, {hits}, {expires}) VALUES (%s, 1, %s) "
            f"ON CONFLICT ({key_column}) DO UPDATE SET {hits} = {table}.{hits} + 1 "
            f"RETURNING {hits}",
            [key, expires_at],
        )
        (count,) = cursor.fetchone()
    if count == 1:
        # A window has started: a cheap moment to drop the windows that have ended.
        RateCounter.objects.filter(expires_at__lte=int(time())).delete()
    return count
