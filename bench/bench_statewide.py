"""In-process time and query count of the curators' statewide picture on the load
benchmark's population (200 organizations, 2,000 versions with real reviews).

    python bench/bench_statewide.py

Migrates and seeds a temporary SQLite database, builds the population with
bench_load's own builder, signs a curator in (with the second factor, as the tests
do) and times the page and the all-tables CSV with Django's test Client, median of
7 requests after one warm-up. Prints figures; asserts nothing.
"""

import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ.update({
    "DEBUG": "1", "DATABASE_URL": f"sqlite:///{DB}", "DJANGO_SETTINGS_MODULE": "portal.settings",
})

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.bench_load import make_data  # noqa: E402
from tests.conftest import make_curator, sign_in  # noqa: E402

RUNS = 7


def timed(client, url) -> tuple[float, int]:
    client.get(url)  # warm-up
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(url)
        times.append(1000 * (time.perf_counter() - started))
        assert response.status_code == 200, response.status_code
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return sorted(times)[RUNS // 2], len(queries)


def main():
    call_command("migrate", verbosity=0)
    call_command("seed", stdout=io.StringIO())
    data = make_data()
    setup_test_environment()
    client = Client()
    sign_in(client, make_curator("bench.curator@transcom.example"))
    print(f"Data: {data['organizations']} organizations, {data['versions']} versions, "
          f"{data['findings']} findings (SQLite, in-process, median of {RUNS})")
    for name, url in (("statewide picture", reverse("statewide:overview")),
                      ("every table as CSV", reverse("statewide:all_csv"))):
        milliseconds, queries = timed(client, url)
        print(f"{name}: {milliseconds:.0f} ms, {queries} queries")


if __name__ == "__main__":
    main()
