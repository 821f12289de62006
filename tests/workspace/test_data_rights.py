"""The privacy page's promises: an admin downloads or deletes the organization's data,
a person deletes their account, archived job descriptions go after the retention period."""

import io
import json
import zipfile
from datetime import timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, make_user
from workspace import data_export, services
from workspace.models import (
    Finding,
    FindingDispute,
    JobDescription,
    JobDescriptionVersion,
    Membership,
    Organization,
    Role,
)

pytestmark = pytest.mark.django_db


def sign_in(client, user):
    """Signed in with the password just confirmed, as deleting requires."""
    assert client.post(reverse("account_login"),
                       {"login": user.email, "password": PASSWORD}).status_code == 302
    assert client.post(reverse("account_reauthenticate"), {"password": PASSWORD}).status_code == 302


def download(client, organization):
    response = client.get(reverse("workspace:organization_export", args=[organization.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="acme-recovery-data.zip"' in response["Content-Disposition"]
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_an_admin_downloads_every_version_review_finding_and_disagreement(
    client, submission, revision, admin_user, member_user, outsider
):
    finding = submission.reviews.get().findings.get(task="medication_administration")
    services.finding_dispute(finding=finding, user=member_user, comment="Only with consent.")
    sign_in(client, admin_user)
    archive = download(client, submission.job_description.organization)

    organization = json.loads(archive.read("organization.json"))
    assert organization["name"] == "Acme Recovery"
    assert {m["email"] for m in organization["members"]} == {admin_user.email, member_user.email}
    [job_description] = json.loads(archive.read("job_descriptions.json"))
    versions = job_description["versions"]
    assert [v["number"] for v in versions] == [1, 2]
    assert "Pass medications" in versions[0]["text"]
    findings = versions[0]["reviews"][0]["findings"]
    medication = next(f for f in findings if f["task"] == "medication_administration")
    assert "Pass medications" in medication["sentence"]
    assert medication["disagreements"][0]["comment"] == "Only with consent."
    assert medication["disagreements"][0]["raised_by"] == member_user.email

    reports = [name for name in archive.namelist() if name.startswith("reports/")]
    assert len(reports) == 2 and all(name.endswith(".pdf") for name in reports)
    assert all(archive.read(name).startswith(b"%PDF") for name in reports)
    everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"Other Org" not in everything and outsider.email.encode() not in everything


def test_the_download_holds_at_most_max_reports_pdfs_and_says_so(client, submission, revision,
                                                                 admin_user):
    sign_in(client, admin_user)
    with mock.patch.object(data_export, "MAX_REPORTS", 1):
        archive = download(client, submission.job_description.organization)
    reports = [name for name in archive.namelist() if name.startswith("reports/")]
    assert reports == [f"reports/residential-peer-specialist-{revision.pk}-v2.pdf"]
    readme = archive.read("README.txt").decode()
    assert "1 older version(s) have no PDF here" in readme
    assert len(json.loads(archive.read("job_descriptions.json"))[0]["versions"]) == 2


def test_deleting_an_organization_asks_for_its_name_then_deletes_everything(
    client, submission, admin_user, member_user, outsider
):
    organization = submission.job_description.organization
    url = reverse("workspace:organization_delete", args=[organization.pk])
    sign_in(client, admin_user)
    page = client.get(url).content.decode()
    assert "Delete Acme Recovery?" in page and "1 job description " in page
    assert "Type the organization&#x27;s name to confirm" in page

    response = client.post(url, {"name": "Acme"})
    assert response.status_code == 200
    assert "That is not the organization&#x27;s name" in response.content.decode()
    assert Organization.objects.filter(pk=organization.pk).exists()

    response = client.post(url, {"name": " acme recovery "}, follow=True)
    assert "Acme Recovery and all of its job descriptions were deleted." in response.content.decode()
    assert not Organization.objects.filter(pk=organization.pk).exists()
    assert not JobDescriptionVersion.objects.filter(pk=submission.pk).exists()
    assert not Finding.objects.filter(review__version=submission).exists()
    assert get_user_model().objects.filter(pk=member_user.pk).exists()  # people stay
    assert Organization.objects.filter(name="Other Org").exists()


def test_deleting_an_organization_needs_the_password_confirmed_again(client, organization,
                                                                     admin_user):
    client.force_login(admin_user)  # no fresh authentication recorded
    url = reverse("workspace:organization_delete", args=[organization.pk])
    response = client.post(url, {"name": organization.name})
    assert response.status_code == 302 and "reauthenticate" in response.url
    assert Organization.objects.filter(pk=organization.pk).exists()


def test_a_member_deletes_their_account_and_their_submissions_stay_unnamed(
    client, organization, member_user
):
    _, version = services.job_description_create(
        organization=organization, title="Peer Mentor", setting_type="",
        text="Share lived experience.", original_filename="", user=member_user,
    )
    sign_in(client, member_user)
    response = client.post(reverse("workspace:account_delete"), follow=True)
    assert "Your account was deleted." in response.content.decode()
    assert not get_user_model().objects.filter(pk=member_user.pk).exists()
    assert not Membership.objects.filter(user_id=member_user.pk).exists()
    version.refresh_from_db()
    assert version.submitted_by is None
    assert not response.context["user"].is_authenticated


def test_the_only_admin_is_told_what_to_do_before_deleting_their_account(client, organization,
                                                                        admin_user):
    sign_in(client, admin_user)
    page = client.get(reverse("workspace:account_delete")).content.decode()
    assert "You are the only admin of 1 organization" in page
    assert f'href="{reverse("workspace:members", args=[organization.pk])}"' in page
    assert f'href="{reverse("workspace:organization_delete", args=[organization.pk])}"' in page

    response = client.post(reverse("workspace:account_delete"))
    assert response.status_code == 400
    assert ("You are the only admin of Acme Recovery. Make another member an admin"
            in response.content.decode())
    assert get_user_model().objects.filter(pk=admin_user.pk).exists()


def test_an_admin_with_a_second_admin_may_delete_their_account(client, organization, admin_user):
    Membership.objects.create(
        organization=organization, user=make_user("second@acme.example"), role=Role.ADMIN
    )
    sign_in(client, admin_user)
    client.post(reverse("workspace:account_delete"))
    assert not get_user_model().objects.filter(pk=admin_user.pk).exists()
    assert organization.memberships.get().user.email == "second@acme.example"


def test_the_account_page_links_to_deleting_the_account(client, user):
    client.force_login(user)
    html = client.get(reverse("account_email")).content.decode()
    assert f'href="{reverse("workspace:account_delete")}"' in html


def archived(organization, user, title, days_ago):
    job_description, version = services.job_description_create(
        organization=organization, title=title, setting_type="",
        text="Pass medications to residents.", original_filename="", user=user,
    )
    JobDescription.objects.filter(pk=job_description.pk).update(
        archived_at=timezone.now() - timedelta(days=days_ago) if days_ago is not None else None
    )
    return job_description


@override_settings(ARCHIVED_RETENTION_DAYS=365)
def test_purge_archived_deletes_what_was_archived_longer_ago_than_the_retention_period(
    organization, admin_user
):
    old = archived(organization, admin_user, "Old role", days_ago=366)
    recent = archived(organization, admin_user, "Recent role", days_ago=10)
    active = archived(organization, admin_user, "Active role", days_ago=None)
    FindingDispute.objects.create(
        finding=Finding.objects.filter(review__version__job_description=old).first(),
        comment="We disagree.",
    )
    output = io.StringIO()
    call_command("purge_archived", stdout=output)
    assert "Deleted 1 job description archived more than 365 days ago." in output.getvalue()
    assert set(JobDescription.objects.values_list("pk", flat=True)) == {recent.pk, active.pk}
    assert not JobDescriptionVersion.objects.filter(job_description_id=old.pk).exists()
    assert not FindingDispute.objects.exists()


def test_purge_archived_follows_the_setting(organization, admin_user):
    recent = archived(organization, admin_user, "Recent role", days_ago=10)
    with override_settings(ARCHIVED_RETENTION_DAYS=30):
        call_command("purge_archived", stdout=io.StringIO())
    assert JobDescription.objects.filter(pk=recent.pk).exists()
    with override_settings(ARCHIVED_RETENTION_DAYS=5):
        call_command("purge_archived", stdout=io.StringIO())
    assert not JobDescription.objects.filter(pk=recent.pk).exists()
