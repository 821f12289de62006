import html as html_lib
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import hostile_files
from tests.workspace.conftest import SAMPLE_JD
from workspace import services
from workspace.checking import current_ruleset
from workspace.models import Finding, JobDescription, JobDescriptionVersion, Review
from workspace.selectors import finding_number

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
        assert f"<mark>{html_lib.escape(evidence, quote=False)}</mark>" in page
        number = finding_number(finding)
        assert f'id="mark-{number}" href="#finding-{number}"' in page
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
    current_ruleset()  # warm the rules cache; each report body is rendered on its first read
    assert report_queries(client, short) == report_queries(client, long)  # rendered
    assert report_queries(client, short) == report_queries(client, long)  # from the cache


# --- archived descriptions ------------------------------------------------------------


@pytest.fixture
def archived(submission):
    services.job_description_archive(job_description=submission.job_description)
    return submission


def test_an_archived_description_offers_no_revision(client, archived, admin_user):
    client.force_login(admin_user)
    revise = reverse("workspace:job_description_revise", args=[archived.job_description_id])
    response = client.get(revise, follow=True)
    assert response.redirect_chain == [(archived.job_description.get_absolute_url(), 302)]
    page = response.content.decode()
    assert "is archived, so it can&#x27;t be revised or checked again" in page
    assert revise not in page
    assert "Check again with the current rules" not in client.get(archived.get_absolute_url()).content.decode()


def test_an_archived_description_cannot_be_revised_or_rechecked(client, archived, admin_user):
    client.force_login(admin_user)
    revise = client.post(
        reverse("workspace:job_description_revise", args=[archived.job_description_id]),
        {"text": "Share lived experience."}, follow=True,
    )
    assert "is archived, so it can&#x27;t be revised" in revise.content.decode()
    recheck = client.post(reverse("workspace:version_recheck", args=[archived.pk]), follow=True)
    assert "is archived, so it can&#x27;t be revised or checked again" in recheck.content.decode()
    assert (JobDescriptionVersion.objects.count(), Review.objects.count()) == (1, 1)


def test_a_revision_arriving_after_the_archive_is_refused(archived, admin_user):
    with pytest.raises(services.WorkspaceError, match="archived"):
        services.version_submit(
            job_description=archived.job_description, text="Late.", user=admin_user
        )


# --- posting the same form twice ------------------------------------------------------


def form_token(client, url):
    return client.get(url).context["form"]["submission_token"].value()


def test_posting_the_new_description_form_twice_creates_one(client, organization, admin_user):
    client.force_login(admin_user)
    url = create_url(organization)
    data = {"title": "Peer Specialist", "text": SAMPLE_JD, "submission_token": form_token(client, url)}
    first, second = client.post(url, data), client.post(url, data)
    version = JobDescriptionVersion.objects.get()
    assert first.url == second.url == version.get_absolute_url()
    assert (JobDescription.objects.count(), Review.objects.count()) == (1, 1)
    client.post(url, {**data, "submission_token": form_token(client, url)})  # a new form
    assert JobDescription.objects.count() == 2


def test_posting_the_revision_form_twice_creates_one_version(client, submission, admin_user):
    client.force_login(admin_user)
    url = reverse("workspace:job_description_revise", args=[submission.job_description_id])
    data = {"text": "Share lived experience of recovery.", "submission_token": form_token(client, url)}
    first, second = client.post(url, data), client.post(url, data)
    assert first.url == second.url
    assert list(submission.job_description.versions.values_list("number", flat=True)) == [1, 2]


def test_a_token_only_finds_the_same_persons_submission(client, organization, admin_user, member_user):
    url = create_url(organization)
    client.force_login(admin_user)
    token = form_token(client, url)
    client.post(url, {"title": "Admin's", "text": SAMPLE_JD, "submission_token": token})
    client.force_login(member_user)
    client.post(url, {"title": "Member's", "text": SAMPLE_JD, "submission_token": token})
    assert sorted(JobDescription.objects.values_list("title", flat=True)) == ["Admin's", "Member's"]


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="PostgreSQL only: SQLite's in-memory test database serialises writers")
@pytest.mark.django_db(transaction=True)
def test_two_parallel_posts_of_the_same_form_create_one(organization, admin_user):
    barrier = threading.Barrier(2)
    statuses = []

    def post():
        try:  # each thread has its own database connection
            client = Client()
            client.force_login(admin_user)
            barrier.wait(timeout=60)
            statuses.append(client.post(create_url(organization), {
                "title": "Peer Specialist", "text": SAMPLE_JD, "submission_token": "same-form",
            }).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)  # a hang guard
    assert statuses == [302, 302]
    assert (JobDescription.objects.count(), JobDescriptionVersion.objects.count()) == (1, 1)
