"""The revise form: findings beside the text, and "Check again" without saving."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from portal import ratelimit
from tests.browser.helpers import docx_bytes
from tests.workspace.conftest import SAMPLE_JD
from workspace.models import JobDescriptionVersion, Review

pytestmark = pytest.mark.django_db

EDITED = SAMPLE_JD.replace("Pass medications to residents during the evening med pass.",
                           "Drive residents to appointments in the agency van.")


@pytest.fixture
def revise(submission):
    return reverse("workspace:job_description_revise", args=[submission.job_description_id])


def findings_panel(page: str) -> str:
    return html.unescape(page.split('<section id="current-findings"')[1].split("</section>")[0])


def test_the_form_shows_the_latest_versions_findings_beside_the_text(client, revise,
                                                                      admin_user):
    client.force_login(admin_user)
    page = client.get(revise).content.decode()
    panel = findings_panel(page)
    assert "Findings in version 1</h2>" in panel
    assert "Medication administration" in panel and "Pass medications to residents" in panel
    assert "2 duties conflict with the CPS role" in panel
    assert page.index('id="revise-form"') < page.index('id="current-findings"')
    assert 'name="check" value="1"' in page
    assert '<script src="/static/js/revise-check.js" defer></script>' in page


def test_check_again_shows_the_edits_findings_and_saves_nothing(client, revise, submission,
                                                                admin_user):
    client.force_login(admin_user)
    token = "one-time-token-of-this-form"
    response = client.post(revise, {"text": EDITED, "check": "1", "submission_token": token})
    assert response.status_code == 200
    page = response.content.decode()
    panel = findings_panel(page)
    assert "Findings in your edited text</h2>" in panel and "Nothing was saved" in panel
    assert "Transportation" in panel and "Medication administration" not in panel
    # The edited text and the form's token stay, so "Submit" then saves this text once.
    assert EDITED.strip() in html.unescape(page)
    assert f'name="submission_token" value="{token}"' in page
    assert JobDescriptionVersion.objects.count() == 1 and Review.objects.count() == 1

    assert client.post(revise, {"text": EDITED, "submission_token": token}).status_code == 302
    assert client.post(revise, {"text": EDITED, "submission_token": token}).status_code == 302
    assert JobDescriptionVersion.objects.count() == 2


def test_check_again_with_a_file_puts_its_text_in_the_box_to_edit(client, revise, admin_user):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("jd.docx", docx_bytes(EDITED))
    page = client.post(revise, {"file": upload, "check": "1"}).content.decode()
    textarea = html.unescape(page.split('name="text"')[1].split("</textarea>")[0])
    assert "Drive residents to appointments in the agency van." in textarea
    assert "Transportation" in findings_panel(page)
    assert JobDescriptionVersion.objects.count() == 1


def test_check_again_refuses_empty_text_with_what_to_do(client, revise, admin_user):
    client.force_login(admin_user)
    page = html.unescape(client.post(revise, {"text": " ", "check": "1"}).content.decode())
    assert "Paste the job description's text or upload a file." in page
    assert "Findings in version 1</h2>" in findings_panel(page)


@override_settings(WORKSPACE_CHECK_RATE_LIMIT="2/h")
def test_check_again_counts_against_the_same_limit_as_submitting(client, revise, admin_user,
                                                                 monkeypatch):
    monkeypatch.setattr(ratelimit, "time", lambda: 1_800_000_000 + 20 * 60)
    client.force_login(admin_user)
    assert client.post(revise, {"text": EDITED, "check": "1"}).status_code == 200
    assert client.post(revise, {"text": EDITED, "check": "1"}).status_code == 200
    refused = client.post(revise, {"text": EDITED})
    assert refused.status_code == 429 and refused["Retry-After"] == str(40 * 60)
    assert JobDescriptionVersion.objects.count() == 1
