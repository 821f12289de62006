"""Curators' reads of an organization's submissions are written down, and the
organization's admins see who read what and when."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import sign_in
from workspace.models import CuratorRead

pytestmark = pytest.mark.django_db

Kind = CuratorRead.Kind


def reads_by_url(submission, revision):
    job_description = submission.job_description
    return {
        Kind.VERSION: submission.get_absolute_url(),
        Kind.REVIEW: reverse("workspace:review", args=[submission.reviews.get().pk]),
        Kind.PRINT: reverse("workspace:version_print", args=[submission.pk]),
        Kind.PDF: reverse("workspace:version_pdf", args=[submission.pk]),
        Kind.DOCX: reverse("workspace:version_docx", args=[submission.pk]),
        Kind.COMPARE: reverse("workspace:compare", args=[job_description.pk])
        + f"?from={submission.number}&to={revision.number}",
        Kind.CURATION: reverse("workspace:curation_decide", args=[submission.pk]),
    }


def test_every_kind_of_curator_read_is_recorded_with_who_what_and_when(
    client, submission, revision, curator
):
    sign_in(client, curator)
    before = timezone.now()
    for kind, url in reads_by_url(submission, revision).items():
        assert client.get(url).status_code == 200, kind
        read = CuratorRead.objects.first()
        assert (read.kind, read.curator, read.curator_email) == (kind, curator, curator.email)
        assert before <= read.read_at <= timezone.now()
        if kind == Kind.COMPARE:
            assert (read.version, read.compared_with) == (revision, submission)
        else:
            assert (read.version, read.compared_with) == (submission, None)
    assert CuratorRead.objects.count() == len(Kind)


def test_members_reads_are_not_recorded(client, submission, revision, admin_user, member_user):
    for person in (admin_user, member_user):
        sign_in(client, person, second_factor=False)
        for kind, url in reads_by_url(submission, revision).items():
            if kind != Kind.CURATION:
                assert client.get(url).status_code == 200, kind
    assert not CuratorRead.objects.exists()


def test_a_refused_read_is_not_recorded(client, submission, curator):
    sign_in(client, curator, second_factor=False)
    assert client.get(submission.get_absolute_url()).status_code == 404
    assert not CuratorRead.objects.exists()


def test_the_organizations_admins_see_who_read_what_and_when(
    client, organization, submission, revision, curator, admin_user
):
    sign_in(client, curator)
    client.get(reverse("workspace:version_pdf", args=[submission.pk]))
    client.get(reverse("workspace:compare", args=[submission.job_description.pk]))
    sign_in(client, admin_user, second_factor=False)
    dashboard = client.get(organization.get_absolute_url()).content.decode()
    url = reverse("workspace:curator_reads", args=[organization.pk])
    assert f'href="{url}"' in dashboard
    page = client.get(url).content.decode()
    assert page.count("curator@transcom.example") == 2
    assert "PDF export" in page and "Comparison of versions" in page
    assert "Residential Peer Specialist, version 2</a> (with version 1)" in page
    assert "Residential Peer Specialist, version 1</a>" in page
    assert timezone.localtime(CuratorRead.objects.first().read_at).strftime("%-d %B %Y, %H:%M") in page


def test_only_the_organizations_admins_see_the_reads(
    client, organization, submission, curator, member_user, outsider
):
    sign_in(client, curator)
    client.get(submission.get_absolute_url())
    url = reverse("workspace:curator_reads", args=[organization.pk])
    assert client.get(url).status_code == 404  # curators read submissions, not this page
    for person in (member_user, outsider):
        sign_in(client, person, second_factor=False)
        response = client.get(url)
        assert response.status_code == 404
        assert "curator@transcom.example" not in response.content.decode()
    sign_in(client, member_user, second_factor=False)
    assert f'href="{url}"' not in client.get(organization.get_absolute_url()).content.decode()


def test_another_organizations_reads_are_not_listed(client, submission, curator, outsider):
    sign_in(client, curator)
    client.get(submission.get_absolute_url())
    other = outsider.memberships.get().organization
    sign_in(client, outsider, second_factor=False)
    page = client.get(reverse("workspace:curator_reads", args=[other.pk])).content.decode()
    assert "No curator has read your submissions yet." in page
