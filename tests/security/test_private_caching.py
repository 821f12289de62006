"""Private pages and exports carry `Cache-Control: private, no-store`, whoever asks
and whatever the answer (a page, a file, a 404 or a redirect to sign in)."""

import pytest
from django.urls import reverse
from django.utils.cache import get_max_age

from tests.conftest import sign_in
from workspace import invitations, services
from workspace.urls import app_name, urlpatterns

pytestmark = pytest.mark.django_db

CURATORS_RULES_PAGE = "standards:rules"


@pytest.fixture
def private_pages(organization, submission, revision, member_user):
    """Every private URL by name, with the method that reaches it."""
    job_description = submission.job_description
    membership = organization.memberships.get(user=member_user)
    invitation = organization.invitations.create(email="new@acme.example")
    finding = submission.reviews.get().findings.first()
    dispute = services.finding_dispute(finding=finding, user=member_user, comment="Ours.")
    org, jd, version = [organization.pk], [job_description.pk], [submission.pk]
    pages = {
        "index": ("get", []), "organization_create": ("get", []),
        "organization": ("get", org), "members": ("get", org), "curator_reads": ("get", org),
        "job_description_create": ("get", org),
        "member_role": ("post", [organization.pk, membership.pk]),
        "member_remove": ("post", [organization.pk, membership.pk]),
        "invitation_accept": ("get", [invitations.invitation_token(invitation)]),
        "job_description": ("get", jd), "job_description_revise": ("get", jd),
        "job_description_archive": ("post", jd), "compare": ("get", jd),
        "version": ("get", version), "version_recheck": ("post", version),
        "version_print": ("get", version), "version_pdf": ("get", version),
        "version_docx": ("get", version),
        "review": ("get", [submission.reviews.first().pk]),
        "finding_dispute": ("post", [finding.pk]), "dispute_change": ("post", [dispute.pk]),
        "curation_queue": ("get", []), "curation_decide": ("get", version),
        "curation_disputes": ("get", []),
        "organization_export": ("get", org), "organization_delete": ("get", org),
        "account_delete": ("get", []),
        "organization_edit": ("get", org),
        "invitation_join": ("post", [invitation.pk]),
        "invitation_decline": ("post", [invitation.pk]),
        "invitation_resend": ("post", [organization.pk, invitation.pk]),
        "invitation_withdraw": ("post", [organization.pk, invitation.pk]),
    }
    urls = {f"{app_name}:{name}": (method, reverse(f"{app_name}:{name}", args=args))
            for name, (method, args) in pages.items()}
    urls[CURATORS_RULES_PAGE] = ("get", reverse(CURATORS_RULES_PAGE))
    urls.update(statewide_pages())
    return urls


def statewide_pages():
    from statewide.urls import app_name as statewide
    from statewide.urls import urlpatterns as statewide_patterns

    args = {"table_csv": ["prohibited-tasks"]}
    return {f"{statewide}:{p.name}": ("get", reverse(f"{statewide}:{p.name}",
                                                     args=args.get(p.name, [])))
            for p in statewide_patterns}


def test_every_workspace_url_is_checked(private_pages):
    names = {f"{app_name}:{pattern.name}" for pattern in urlpatterns}
    assert set(private_pages) == names | {CURATORS_RULES_PAGE} | set(statewide_pages())


@pytest.mark.parametrize("who", ["anonymous", "admin", "curator"])
def test_every_private_url_is_never_stored(client, private_pages, admin_user, curator, who):
    if who == "admin":
        sign_in(client, admin_user, second_factor=False)
    elif who == "curator":
        sign_in(client, curator)
    for name, (method, url) in private_pages.items():
        response = getattr(client, method)(url)
        directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
        assert {"private", "no-store"} <= directives, (who, name, response.status_code)
        assert "public" not in directives and not get_max_age(response), (who, name)


def test_the_exports_themselves_are_never_stored(client, submission, admin_user):
    sign_in(client, admin_user, second_factor=False)
    organization = submission.job_description.organization
    for name, pk in [("workspace:version_pdf", submission.pk),
                     ("workspace:version_docx", submission.pk),
                     ("workspace:organization_export", organization.pk)]:
        response = client.get(reverse(name, args=[pk]))
        assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
        assert response["Cache-Control"] == "private, no-store"


def test_public_pages_are_left_to_the_page_cache(client):
    assert "no-store" not in client.get("/standards/").get("Cache-Control", "")
