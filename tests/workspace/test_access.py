"""Who reaches which workspace page: the access matrix."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"


def workspace_urls(version):
    job_description = version.job_description
    organization = job_description.organization
    review = version.reviews.first()
    return {
        "organization": reverse("workspace:organization", args=[organization.pk]),
        "members": reverse("workspace:members", args=[organization.pk]),
        "create": reverse("workspace:job_description_create", args=[organization.pk]),
        "job_description": reverse("workspace:job_description", args=[job_description.pk]),
        "revise": reverse("workspace:job_description_revise", args=[job_description.pk]),
        "version": reverse("workspace:version", args=[version.pk]),
        "review": reverse("workspace:review", args=[review.pk]),
    }


READ_PAGES = {"organization", "job_description", "version", "review"}
MEMBER_PAGES = {"members", "create", "revise"}

# Expected status per role: members and admins see everything; curators read
# but do not act for the organization; everyone else gets 404 (never 403).
EXPECTED = {
    "member": dict.fromkeys(READ_PAGES | MEMBER_PAGES, 200),
    "admin": dict.fromkeys(READ_PAGES | MEMBER_PAGES, 200),
    "curator": {**dict.fromkeys(READ_PAGES, 200), **dict.fromkeys(MEMBER_PAGES, 404)},
    "outsider": dict.fromkeys(READ_PAGES | MEMBER_PAGES, 404),
    "former_member": dict.fromkeys(READ_PAGES | MEMBER_PAGES, 404),
}


@pytest.fixture
def people(admin_user, member_user, curator, outsider, former_member):
    return {
        "admin": admin_user, "member": member_user, "curator": curator,
        "outsider": outsider, "former_member": former_member,
    }


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_access_matrix(client, submission, people, role):
    urls = workspace_urls(submission)
    client.force_login(people[role])
    for page, url in urls.items():
        response = client.get(url)
        assert response.status_code == EXPECTED[role][page], (role, page, url)
        if response.status_code == 404:
            assert "Acme Recovery" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in(client, submission):
    for page, url in workspace_urls(submission).items():
        response = client.get(url)
        assert response.status_code == 302, page
        assert response.url.startswith(LOGIN), page


def test_unverified_user_is_asked_to_verify_and_sees_nothing(client, submission, unverified_user):
    client.force_login(unverified_user)
    for page, url in workspace_urls(submission).items():
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, page
        assert "Verify Your Email Address" in html or "verify" in html.lower(), page
        assert "Acme Recovery" not in html and "Pass medications" not in html, page


def test_workspace_home_requires_sign_in(client):
    response = client.get(reverse("workspace:index"))
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_outsider_cannot_post_a_revision_or_archive(client, submission, outsider):
    client.force_login(outsider)
    job_description = submission.job_description
    revise = client.post(
        reverse("workspace:job_description_revise", args=[job_description.pk]),
        {"text": "Drive the van."},
    )
    archive = client.post(reverse("workspace:job_description_archive", args=[job_description.pk]))
    recheck = client.post(reverse("workspace:version_recheck", args=[submission.pk]))
    assert (revise.status_code, archive.status_code, recheck.status_code) == (404, 404, 404)
    assert job_description.versions.count() == 1
    job_description.refresh_from_db()
    assert not job_description.is_archived


def test_member_cannot_archive_only_admins_can(client, submission, member_user, admin_user):
    job_description = submission.job_description
    url = reverse("workspace:job_description_archive", args=[job_description.pk])
    client.force_login(member_user)
    assert client.post(url).status_code == 404
    client.force_login(admin_user)
    assert client.post(url).status_code == 302
    job_description.refresh_from_db()
    assert job_description.is_archived
    # Archived, not deleted: the admin restores it.
    client.post(url, {"restore": "1"})
    job_description.refresh_from_db()
    assert not job_description.is_archived
    assert job_description.versions.count() == 1


def test_organization_comes_from_membership_not_from_the_form(client, submission, outsider):
    """A member of another org posting to Acme's create URL gets 404, whatever the form says."""
    client.force_login(outsider)
    organization = submission.job_description.organization
    response = client.post(
        reverse("workspace:job_description_create", args=[organization.pk]),
        {"title": "Injected", "text": "Share lived experience.", "organization": organization.pk},
    )
    assert response.status_code == 404
    assert not organization.job_descriptions.filter(title="Injected").exists()
