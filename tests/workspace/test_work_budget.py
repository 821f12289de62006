"""A check that would run past the checker's work budget stops early, is stored as
incomplete and says so; the check never runs inside a transaction or under a lock."""

import pytest
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from workspace import services
from workspace.models import Review

LONG_JD = "Responsibilities:\n" + "- Transport members to medical appointments.\n" * 600
STOPPED = "This check stopped early."


@pytest.mark.django_db
@override_settings(CHECK_WORK_BUDGET=2_000)
def test_a_review_cut_short_is_stored_as_incomplete_and_says_so(client, organization, admin_user):
    _, version = services.job_description_create(
        organization=organization, title="Long", setting_type="", text=LONG_JD,
        original_filename="", user=admin_user,
    )
    review = version.reviews.get()
    assert review.complete is False
    assert review.findings.exists()  # what it reached before stopping is kept
    client.force_login(admin_user)
    page = client.get(reverse("workspace:review", args=[review.pk])).content.decode()
    assert STOPPED in page


@pytest.mark.django_db
def test_a_review_within_the_budget_is_complete(client, submission, admin_user):
    assert submission.reviews.get().complete is True
    client.force_login(admin_user)
    page = client.get(reverse("workspace:version", args=[submission.pk])).content.decode()
    assert STOPPED not in page


@pytest.mark.django_db
@override_settings(CHECK_WORK_BUDGET=2_000, QUICK_CHECK_RATE_LIMIT="1000/m")
def test_the_quick_check_says_when_it_stopped_early_and_never_calls_it_clean(client):
    page = client.post(reverse("quick_check"), {"text": LONG_JD}).content.decode()
    assert STOPPED in page
    text = "Responsibilities:\n" + "- Share your own story of recovery with members.\n" * 600
    page = client.post(reverse("quick_check"), {"text": text}).content.decode()
    assert STOPPED in page and "report-summary is-clean" not in page


@pytest.mark.django_db(transaction=True)
def test_checking_runs_outside_any_transaction(monkeypatch, organization, admin_user):
    seen = []
    real = services.check_text

    def spy(text):
        seen.append(connection.in_atomic_block)
        return real(text)

    monkeypatch.setattr(services, "check_text", spy)
    job_description, version = services.job_description_create(
        organization=organization, title="Peer Specialist", setting_type="",
        text="Pass medications to residents.", original_filename="", user=admin_user,
    )
    services.version_submit(
        job_description=job_description, text="Drive members to appointments.", user=admin_user
    )
    services.version_recheck(version=version)
    assert seen == [False, False, False]
    assert Review.objects.filter(version__job_description=job_description).count() == 3


@pytest.mark.django_db
@override_settings(CHECK_WORK_BUDGET=2_000)
def test_exports_of_an_incomplete_review_say_it_stopped_early(client, organization, admin_user):
    import io

    from docx import Document
    from pypdf import PdfReader

    _, version = services.job_description_create(
        organization=organization, title="Long", setting_type="", text=LONG_JD,
        original_filename="", user=admin_user,
    )
    client.force_login(admin_user)
    pdf = client.get(reverse("workspace:version_pdf", args=[version.pk])).content
    pdf_text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert STOPPED in " ".join(pdf_text.split())
    docx = client.get(reverse("workspace:version_docx", args=[version.pk])).content
    assert any(STOPPED in p.text for p in Document(io.BytesIO(docx)).paragraphs)
