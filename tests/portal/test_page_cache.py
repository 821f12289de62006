from io import StringIO

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from portal.page_cache import content_changed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


@pytest.fixture
def seeded(db):
    from django.core.management import call_command

    call_command("seed", stdout=StringIO())
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def queries_for(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return response, len(queries)


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
def test_anonymous_visitors_get_the_cached_page(client):
    first, first_queries = queries_for(client, "/standards/tasks/representative_payee/")
    second, second_queries = queries_for(client, "/standards/tasks/representative_payee/")
    assert second.content == first.content
    assert second_queries < first_queries
    assert second_queries <= 1  # only the content revision


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
def test_a_saved_edit_is_shown_at_once(client):
    from standards.models import ProhibitedTask

    url = "/standards/tasks/representative_payee/"
    client.get(url)
    task = ProhibitedTask.objects.get(slug="representative_payee")
    task.title = "Serving as representative payee (edited)"
    task.save()
    assert "Serving as representative payee (edited)" in client.get(url).content.decode()


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
def test_unpublished_content_disappears_at_once(client):
    from standards.models import ProhibitedTask

    url = "/standards/tasks/representative_payee/"
    assert client.get(url).status_code == 200
    task = ProhibitedTask.objects.get(slug="representative_payee")
    task.status = "draft"
    task.save()
    assert client.get(url).status_code == 404


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
def test_signed_in_people_never_get_a_cached_page(client, user):
    client.get("/standards/")
    client.force_login(user)
    html = client.get("/standards/").content.decode()
    assert "Sign out" in html


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
def test_search_results_are_cached_per_query(client):
    payee = client.get("/search/", {"q": "payee"}).content.decode()
    ethics = client.get("/search/", {"q": "privacy"}).content.decode()
    assert payee != ethics
    content_changed()
    assert client.get("/search/", {"q": "payee"}).content.decode() == payee


URL = "/standards/tasks/representative_payee/"


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
def test_a_foreign_host_gets_400_not_the_cached_page(client):
    cached, _ = queries_for(client, URL)
    response = client.get(URL, HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.content != cached.content
    assert "We couldn't understand that request" in response.content.decode()


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60)
def test_http_and_https_are_cached_apart(client):
    queries_for(client, URL)
    assert queries_for(client, URL, secure=True)[1] > 1  # rendered, not the http entry
    assert queries_for(client, URL, secure=True)[1] <= 1
    assert queries_for(client, URL)[1] <= 1


@override_settings(PUBLIC_PAGE_CACHE_SECONDS=60,
                   ALLOWED_HOSTS=["portal.example.org", "peers.example.org"])
def test_each_allowed_host_has_its_own_entries(client):
    queries_for(client, URL, HTTP_HOST="portal.example.org")
    assert queries_for(client, URL, HTTP_HOST="peers.example.org")[1] > 1
    assert queries_for(client, URL, HTTP_HOST="peers.example.org")[1] <= 1
    assert queries_for(client, URL, HTTP_HOST="portal.example.org")[1] <= 1
