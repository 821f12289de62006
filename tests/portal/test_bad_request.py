"""Requests Django refuses before any view runs get a page that says the limits."""

import pytest
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = reverse("quick_check")


def assert_limits_page(response):
    assert response.status_code == 400
    page = response.content.decode()
    assert "<h1>That was too much to send at once</h1>" in page
    assert "at most 5 MB" in page
    assert "at most 50,000 characters" in page


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=100_000)
def test_an_over_large_form_gets_a_page_that_says_the_limits(client):
    assert_limits_page(client.post(URL, {"text": "x" * 200_000}))


def test_a_form_with_too_many_fields_gets_the_same_page(client):
    fields = {f"field{number}": "x" for number in range(1_500)}
    assert_limits_page(client.post(URL, fields))


@override_settings(CHECK_MAX_CHARS=30_000)
def test_the_page_reads_the_text_limit_from_the_settings(client):
    fields = {f"field{number}": "x" for number in range(1_500)}
    assert "at most 30,000 characters" in client.post(URL, fields).content.decode()
