import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import hostile_files
from tests.workspace.conftest import SAMPLE_JD

pytestmark = pytest.mark.django_db
URL = reverse("quick_check")


def test_quick_check_needs_no_account_and_says_nothing_is_stored(client):
    page = client.get(URL).content.decode()
    assert "<h1>Check a job description</h1>" in page
    assert "Nothing is stored" in page
    assert 'for="id_text"' in page and 'for="id_file"' in page


def test_quick_check_shows_the_report(client):
    page = client.post(URL, {"text": SAMPLE_JD}).content.decode()
    assert "duties conflict with the CPS role" in page
    assert "<mark" in page
    assert "/standards/tasks/medication_administration/" in page


def test_quick_check_accepts_an_upload(client):
    response = client.post(URL, {"file": SimpleUploadedFile("jd.docx", hostile_files.valid_docx())})
    assert "Share lived experience of recovery" in response.content.decode()


def test_quick_check_stores_nothing(client):
    secret = "Unique sentence 7f3a9: pass meds at the evening med pass."
    with CaptureQueriesContext(connection) as queries:
        response = client.post(URL, {"text": secret})
    assert response.status_code == 200
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(
        ("INSERT", "UPDATE", "DELETE"))]
    # Only the rate limit's counter and the cache (compiled rules) are written, never the text.
    assert all("portal_ratecounter" in sql or "portal_cache" in sql for sql in writes), writes
    assert all("7f3a9" not in q["sql"] for q in queries)


def test_empty_submission_says_what_to_do(client):
    page = client.post(URL, {"text": "   "}).content.decode()
    assert "Paste the job description" in page


@override_settings(QUICK_CHECK_RATE_LIMIT="2/m")
def test_quick_check_is_rate_limited_per_client(client):
    statuses = [client.post(URL, {"text": "Share lived experience."}).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    page = client.post(URL, {"text": "x"}).content.decode()
    assert "wait a minute" in page


def test_the_result_comes_before_the_echoed_description_and_takes_the_focus(client):
    page = client.post(URL, {"text": SAMPLE_JD}).content.decode()
    heading = page.index('id="result-heading"')
    assert 'tabindex="-1" autofocus' in page[heading:heading + 120]
    summary = page.index('class="summary-line"')
    findings = page.index('id="findings-heading"')
    marked_text = page.index('id="text-heading"')
    form = page.index("<textarea")
    assert heading < summary < findings < marked_text < form


@override_settings(QUICK_CHECK_RATE_LIMIT="1/m")
def test_the_rate_limit_message_keeps_the_pasted_text(client):
    client.post(URL, {"text": "Share lived experience."})
    response = client.post(URL, {"text": "Unique pasted duty 5d1c: drive the van."})
    page = response.content.decode()
    assert response.status_code == 429
    assert "Please wait a minute and try again: your text is still in the form" in page
    assert "\nUnique pasted duty 5d1c: drive the van.</textarea>" in page
