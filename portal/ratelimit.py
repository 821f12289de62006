"""A small per-client rate limit for public endpoints that allauth does not cover.

Counts in the shared cache (database or Redis), so all workers agree. The client
address comes from allauth's helper, which honours ALLAUTH_TRUSTED_PROXY_COUNT.
"""

import time

from allauth.core.internal.httpkit import get_client_ip
from django.core.cache import cache


def parse_rate(rate: str) -> tuple[int, int]:
    """'30/m' -> (30, 60); '500/h' -> (500, 3600); '10/s' -> (10, 1)."""
    amount, _, period = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600}[period.strip() or "m"]
    return int(amount), seconds


def allow(request, action: str, rate: str) -> bool:
    """Count one request of `action` from this client; False once the rate is exceeded."""
    limit, period = parse_rate(rate)
    window = int(time.time() // period)
    key = f"ratelimit:{action}:{get_client_ip(request) or 'unknown'}:{window}"
    cache.add(key, 0, timeout=period + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=period + 5)
        count = 1
    return count <= limit
