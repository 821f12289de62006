"""The rate limits' counter: exact under parallel requests, windows that end are cleaned up."""

import threading

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from portal import ratelimit
from portal.models import RateCounter

URL = reverse("quick_check")
START = 1_800_000_000  # a window boundary for every period


@pytest.fixture
def clock(monkeypatch):
    """The rate limit's clock, fixed (so no test straddles a window) and movable."""
    now = [START + 0.5]
    monkeypatch.setattr(ratelimit, "time", lambda: now[0])
    return now


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="PostgreSQL only: SQLite's in-memory test database serialises writers")
@pytest.mark.django_db(transaction=True)
@override_settings(QUICK_CHECK_RATE_LIMIT="20/m")
def test_quick_check_limit_holds_under_60_parallel_requests(clock):
    barrier = threading.Barrier(60)
    statuses = []

    def post():
        try:  # each thread has its own database connection
            client = Client()
            barrier.wait(timeout=60)
            statuses.append(client.post(URL, {"text": "Share lived experience."}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(60)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)  # a hang guard
    assert (statuses.count(200), statuses.count(429)) == (20, 40)
    assert RateCounter.objects.get().hits == 60


@pytest.mark.django_db
def test_the_counter_counts_each_request_exactly(clock):
    assert [ratelimit.allow("quick_check", "3/m", "192.0.2.1") for _ in range(5)] == [
        True, True, True, False, False
    ]
    assert ratelimit.allow("quick_check", "3/m", "192.0.2.2")  # another client
    assert ratelimit.allow("workspace_check", "3/m", "192.0.2.1")  # another action
    clock[0] += 60
    assert ratelimit.allow("quick_check", "3/m", "192.0.2.1")  # a new window


@pytest.mark.django_db
def test_windows_that_have_ended_are_deleted_when_a_new_one_starts(clock):
    for client in ("192.0.2.1", "192.0.2.2"):
        ratelimit.allow("quick_check", "3/m", client)
    assert RateCounter.objects.count() == 2
    clock[0] += 60
    ratelimit.allow("quick_check", "3/m", "192.0.2.1")
    assert list(RateCounter.objects.values_list("key", "hits")) == [
        (f"quick_check:192.0.2.1:{START // 60 + 1}", 1)
    ]


@pytest.mark.django_db
@override_settings(QUICK_CHECK_RATE_LIMIT="1/m", ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_clients_behind_the_proxy_are_counted_by_their_own_address(client, clock):
    def post(address):
        return client.post(URL, {"text": "x"}, HTTP_X_FORWARDED_FOR=address).status_code

    assert [post("198.51.100.7"), post("198.51.100.7"), post("198.51.100.8")] == [200, 429, 200]


@pytest.mark.django_db
@override_settings(QUICK_CHECK_RATE_LIMIT="1/h")
def test_refused_quick_check_says_how_long_to_wait(client, clock):
    client.post(URL, {"text": "x"})
    clock[0] += 30 * 60
    response = client.post(URL, {"text": "x"})
    assert response.status_code == 429
    assert "Please wait 30 minutes and try again" in response.content.decode()
    assert response["Retry-After"] == str(30 * 60)
