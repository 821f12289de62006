from io import BytesIO

import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import hostile_files
from tests.conftest import sign_in
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


# --- the result printed or as a PDF: made from the posted text, stored nowhere ---

EXPORT_URL = reverse("quick_check_export")


def _row_counts() -> dict:
    from django.apps import apps

    return {model._meta.label: model._default_manager.count() for model in apps.get_models()
            if model._meta.label not in {"portal.RateCounter"}}


def test_the_result_page_offers_print_and_pdf_with_the_text_sent_back(client):
    page = client.post(URL, {"text": SAMPLE_JD}).content.decode()
    form = page.split(f'action="{EXPORT_URL}"')[1].split("</form>")[0]
    assert 'name="text" value="Peer Specialist' in form
    assert 'name="format" value="print"' in form and 'name="format" value="pdf"' in form


@pytest.mark.parametrize("export", ["print", "pdf"])
def test_quick_check_exports_store_nothing(client, export):
    secret = "Unique sentence 7f3a9: pass meds at the evening med pass."
    before = _row_counts()
    with CaptureQueriesContext(connection) as queries:
        response = client.post(EXPORT_URL, {"text": secret, "format": export})
    assert response.status_code == 200
    assert _row_counts() == before
    assert all("7f3a9" not in q["sql"] for q in queries)
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


def test_the_quick_check_print_view_shows_the_report(client):
    page = client.post(EXPORT_URL, {"text": SAMPLE_JD, "format": "print"}).content.decode()
    assert "<h1>Quick check of a job description</h1>" in page
    assert "Medication administration" in page and "Conflicts with the role" in page
    assert "CPS Standards Portal</strong> · printed" in page
    assert 'href="/check/">← Check another description</a>' in page


def test_the_quick_check_pdf_carries_the_findings_and_elements(client):
    response = client.post(EXPORT_URL, {"text": SAMPLE_JD, "format": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="quick-check.pdf"'
    text = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(
        BytesIO(response.content)).pages).split())
    assert "Quick check of a job description" in text
    assert "1. Medication administration: Conflicts with the role" in text
    assert "Present: Supervision by someone trained in peer support" in text


@override_settings(QUICK_CHECK_RATE_LIMIT="2/m")
def test_exports_count_against_the_quick_checks_rate_limit(client):
    assert client.post(URL, {"text": SAMPLE_JD}).status_code == 200
    assert client.post(EXPORT_URL, {"text": SAMPLE_JD, "format": "pdf"}).status_code == 200
    refused = client.post(EXPORT_URL, {"text": SAMPLE_JD, "format": "print"})
    assert refused.status_code == 429
    assert "wait a minute" in refused.content.decode()
    assert client.post(URL, {"text": SAMPLE_JD}).status_code == 429


@override_settings(CHECK_MAX_CHARS=1_000)
def test_exports_keep_the_quick_checks_length_bound(client):
    response = client.post(EXPORT_URL, {"text": "Share lived experience. " * 100, "format": "pdf"})
    assert response.status_code == 400
    assert "1,000 characters" in response.content.decode()


def test_the_export_is_posted_only(client):
    assert client.get(EXPORT_URL).status_code == 405


@pytest.mark.parametrize("person", ["anonymous", "outsider", "member_user", "admin_user",
                                    "curator"])
def test_anyone_may_export_a_quick_check(client, request, person):
    if person != "anonymous":
        sign_in(client, request.getfixturevalue(person), second_factor=person == "curator")
    assert client.post(EXPORT_URL, {"text": SAMPLE_JD, "format": "print"}).status_code == 200
    assert client.get(EXPORT_URL).status_code == 405


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
