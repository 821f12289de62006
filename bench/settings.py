"""The production settings plus one trivial view, for bench_load.py only.

The only change is the URL conf: bench.urls adds /bench/trivial, a view that
does nothing through the full middleware stack, as the throughput ceiling.
"""

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
