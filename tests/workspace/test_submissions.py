import html as html_lib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import hostile_files
from tests.workspace.conftest import SAMPLE_JD
from workspace import services
from workspace.models import Finding, JobDescription, JobDescriptionVersion, Review

pytestmark = pytest.mark.django_db


def create_url(organization):
    return reverse("workspace:job_description_create", args=[organization.pk])


def test_pasted_description_is_stored_and_reviewed_at_once(client, organization, admin_user):
    client.force_login(admin_user)
    response = client.post(create_url(organization), {"title": "Peer Specialist", "text": SAMPLE_JD})
    version = JobDescriptionVersion.objects.get()
    assert response.status_code == 302 and response.url == version.get_absolute_url()
    review = version.reviews.get()
    tasks = set(review.findings.values_list("task", flat=True))
    assert {"medication_administration", "routine_notes"} <= tasks
    assert review.ruleset_version
    assert review.elements["hourly_pay"] == 18.5


def test_uploaded_docx_keeps_its_file_name(client, organization, admin_user):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("peer-specialist.docx", hostile_files.valid_docx())
    client.post(create_url(organization), {"title": "From Word", "file": upload})
    version = JobDescriptionVersion.objects.get()
    assert version.original_filename == "peer-specialist.docx"
    assert "Share lived experience of recovery" in version.text


HOSTILE_UPLOADS = [
    ("bomb.docx", hostile_files.zip_bomb_docx, "overload the server"),
    ("elements.docx", hostile_files.element_bomb_docx, "overload the server"),
    ("entities.docx", hostile_files.entity_expansion_docx, "overload the server"),
    ("truncated.pdf", hostile_files.truncated_pdf, "damaged or incomplete"),
    ("scan.pdf", hostile_files.image_only_pdf, "no text layer"),
    ("locked.pdf", hostile_files.encrypted_pdf, "password"),
    ("fake.pdf", lambda: hostile_files.utf8_txt("just text"), "not a PDF"),
    ("empty.txt", hostile_files.empty_file, "empty"),
]


@pytest.mark.parametrize("name,make,message", HOSTILE_UPLOADS, ids=[h[0] for h in HOSTILE_UPLOADS])
def test_hostile_upload_is_refused_with_a_message_and_nothing_changes(
    client, submission, admin_user, name, make, message
):
    client.force_login(admin_user)
    job_description = submission.job_description
    before = (JobDescription.objects.count(), JobDescriptionVersion.objects.count(),
              Review.objects.count(), Finding.objects.count())
    response = client.post(
        reverse("workspace:job_description_revise", args=[job_description.pk]),
        {"file": SimpleUploadedFile(name, make())},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors, name
    assert message.lower() in str(errors).lower()
    after = (JobDescription.objects.count(), JobDescriptionVersion.objects.count(),
             Review.objects.count(), Finding.objects.count())
    assert after == before
    assert JobDescriptionVersion.objects.get(pk=submission.pk).text == submission.text


def test_file_over_5_mb_is_refused_by_the_upload_handler(client, submission, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("workspace:job_description_revise", args=[submission.job_description.pk]),
        {"file": SimpleUploadedFile("big.txt", hostile_files.oversized_file())},
    )
    assert response.status_code == 200
    assert "larger than 5 MB" in response.content.decode()
    assert JobDescriptionVersion.objects.count() == 1


@pytest.mark.parametrize("make", [
    lambda: hostile_files.utf16_txt("Pass meds during the evening med pass.\n"),
    lambda: hostile_files.cp1252_txt("Pass meds during the evening “med pass”.\n"),
], ids=["utf-16", "cp1252"])
def test_text_files_in_other_encodings_are_read(client, organization, admin_user, make):
    client.force_login(admin_user)
    client.post(create_url(organization), {
        "title": "Encoded", "file": SimpleUploadedFile("jd.txt", make()),
    })
    version = JobDescriptionVersion.objects.get()
    assert "Pass meds during the evening" in version.text
    assert version.reviews.get().findings.filter(task="medication_administration").exists()


def test_report_marks_the_exact_characters_of_each_finding(client, submission, admin_user):
    client.force_login(admin_user)
    page = client.get(submission.get_absolute_url()).content.decode()
    for finding in submission.reviews.get().findings.all():
        evidence = submission.text[finding.start:finding.end]
        assert evidence == finding.matched
        assert f'<mark id="mark-{finding.position + 1}">' in page
        assert html_lib.escape(evidence, quote=False) in page
    assert "Medication" in page and "Code of Ethics" in page
    assert "duties conflict with the CPS role" in page


def test_pasted_html_is_shown_as_text(client, organization, admin_user):
    client.force_login(admin_user)
    payload = '<script>alert(1)</script> "><img src=x onerror=alert(2)> Pass meds daily.'
    client.post(create_url(organization), {"title": "<b>Bold</b> title", "text": payload})
    version = JobDescriptionVersion.objects.get()
    page = client.get(version.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<img src=x" not in page
    assert "<b>Bold</b>" not in page


def test_revision_is_a_new_version_and_the_old_one_is_unchanged(client, submission, admin_user):
    client.force_login(admin_user)
    client.post(
        reverse("workspace:job_description_revise", args=[submission.job_description.pk]),
        {"text": "Share lived experience of recovery. Pay: $20 per hour."},
    )
    versions = list(submission.job_description.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].text == SAMPLE_JD
    assert not versions[1].reviews.get().findings.exists()


def test_versions_are_immutable(submission):
    submission.text = "changed"
    with pytest.raises(ValueError):
        submission.save()


def test_recheck_adds_a_review_and_keeps_the_old_one(client, submission, admin_user):
    client.force_login(admin_user)
    first = submission.reviews.get()
    client.post(reverse("workspace:version_recheck", args=[submission.pk]))
    assert submission.reviews.count() == 2
    assert Review.objects.filter(pk=first.pk).exists()


def report_queries(client, version):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(version.get_absolute_url())
    assert response.status_code == 200
    return len(queries)


def test_report_page_uses_a_constant_number_of_queries(client, organization, admin_user):
    short = services.job_description_create(
        organization=organization, title="Short", setting_type="", text=SAMPLE_JD,
        original_filename="", user=admin_user,
    )[1]
    long_text = "\n".join([SAMPLE_JD] * 40)  # about 2,000 words, many findings
    long = services.job_description_create(
        organization=organization, title="Long", setting_type="", text=long_text,
        original_filename="", user=admin_user,
    )[1]
    assert long.reviews.get().findings.count() > short.reviews.get().findings.count()
    client.force_login(admin_user)
    report_queries(client, short)  # warm caches
    assert report_queries(client, short) == report_queries(client, long)
