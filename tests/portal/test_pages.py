from unittest import mock

import pytest
from django.db import DatabaseError
from django.urls import reverse


@pytest.mark.django_db
def test_home_page_speaks_to_each_audience(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Massachusetts Certified Peer Specialist standards, in one place</h1>" in html
    for heading in ("For peer specialists", "For employers", "For supervisors and policymakers"):
        assert heading in html
    assert 'href="#main"' in html  # skip link
    assert '<html lang="en">' in html


@pytest.mark.django_db
def test_layout_serves_bootstrap_locally_never_from_a_cdn(client):
    html = client.get("/").content.decode()
    assert "/static/bootstrap/css/bootstrap.min.css" in html
    assert "cdn" not in html.lower()
    assert "https://" not in html.split("<body")[0]


@pytest.mark.django_db
def test_healthz_reports_ok_when_database_answers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


@pytest.mark.django_db
def test_healthz_reports_503_when_database_fails(client):
    with mock.patch("portal.views.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["database"] == "error"


@pytest.mark.django_db
def test_unknown_page_gives_friendly_404_in_the_layout(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<h1>Page not found</h1>" in html
    assert "CPS Standards Portal" in html  # rendered inside the site layout


def test_server_error_page_renders_without_database(rf):
    from portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Something went wrong" in response.content.decode()
