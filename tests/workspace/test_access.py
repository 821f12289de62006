"""Who reaches which private page: the access matrix.

Every page and export of an organization's submissions, the curators' pages and a
draft preview, for each kind of person. Curator powers need a session signed in
with the second factor: a curator who never enrolled an authenticator app, or who
signed in with a password alone, is nobody special (and is sent to complete the
second factor on the curators' own pages).
"""

import pytest
from django.urls import reverse

from tests.conftest import sign_in
from workspace import services

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ENROL = "/accounts/2fa/totp/activate/"
CONFIRM_CODE = "/accounts/2fa/reauthenticate/"

ORGANIZATION_READS = {
    "organization", "job_description", "compare", "version", "review", "print", "pdf", "docx",
}
MEMBER_PAGES = {"members", "create", "revise"}
ADMIN_PAGES = {"curator_reads", "export", "delete_organization", "organization_edit", "archive"}
CURATOR_PAGES = {
    "curation_queue", "curation_decide", "curation_disputes", "rules",
    "statewide", "statewide_csv", "statewide_table_csv",
}
PREVIEWS = {"draft_preview"}
EVERY_PAGE = ORGANIZATION_READS | MEMBER_PAGES | ADMIN_PAGES | CURATOR_PAGES | PREVIEWS


def answers(*cells):
    """404 for every page (never 403), except the (pages, answer) cells given; an
    answer is a status or the start of the address redirected to."""
    expected = dict.fromkeys(EVERY_PAGE, 404)
    for pages, answer in cells:
        expected.update(dict.fromkeys(pages, answer))
    return expected


# Members and admins see their organization; curators read it but do not act for
# it; everyone else, curators without the second factor included, gets 404.
EXPECTED = {
    "member": answers((ORGANIZATION_READS | MEMBER_PAGES, 200)),
    "admin": answers((ORGANIZATION_READS | MEMBER_PAGES | ADMIN_PAGES, 200)),
    "curator": answers((ORGANIZATION_READS | CURATOR_PAGES | PREVIEWS, 200)),
    "curator_without_totp": answers((CURATOR_PAGES, ENROL)),
    "curator_password_only": answers((CURATOR_PAGES, CONFIRM_CODE)),
    "outsider": answers(),
    "former_member": answers(),
}


@pytest.fixture
def signed_in(client, admin_user, member_user, curator, curator_without_totp, outsider,
              former_member):
    """Sign the client in as one kind of person, the way allauth records the sign-in."""
    people = {
        "admin": (admin_user, False), "member": (member_user, False),
        "curator": (curator, True),
        "curator_without_totp": (curator_without_totp, False),
        "curator_password_only": (curator, False),
        "outsider": (outsider, False), "former_member": (former_member, False),
    }

    def sign_in_as(role):
        user, second_factor = people[role]
        sign_in(client, user, second_factor=second_factor)
        return client

    return sign_in_as


def test_the_matrix_covers_every_page(private_urls):
    assert set(private_urls) == EVERY_PAGE


@pytest.mark.parametrize("role", sorted(EXPECTED))
def test_access_matrix(signed_in, private_urls, role):
    client = signed_in(role)
    for page, url in private_urls.items():
        response = client.get(url)
        expected = EXPECTED[role][page]
        if isinstance(expected, int):
            assert response.status_code == expected, (role, page, url)
        else:
            assert response.status_code == 302, (role, page, url)
            assert response.url.startswith(expected), (role, page, response.url)
        if response.status_code != 200:
            html = response.content.decode()
            assert "Acme Recovery" not in html and "Pass medications" not in html, (role, page)


def test_anonymous_visitors_are_sent_to_sign_in(client, private_urls):
    for page in EVERY_PAGE - PREVIEWS:
        response = client.get(private_urls[page])
        assert response.status_code == 302, page
        assert response.url.startswith(LOGIN), page
    assert client.get(private_urls["draft_preview"]).status_code == 404


def test_unverified_user_is_asked_to_verify_and_sees_nothing(client, private_urls, unverified_user):
    client.force_login(unverified_user)
    for page in ORGANIZATION_READS | MEMBER_PAGES | ADMIN_PAGES:
        response = client.get(private_urls[page])
        html = response.content.decode()
        assert response.status_code == 200, page
        assert "<h1>Confirm your email address</h1>" in html, page
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
    assert client.post(url).status_code == 200  # the confirmation page; nothing archived
    job_description.refresh_from_db()
    assert not job_description.is_archived
    assert client.post(url, {"confirm": "1"}).status_code == 302
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


# "We disagree" takes POSTs only: recording one is for members; editing or withdrawing
# one is for its author alone (here the member), never an admin or a curator.
DISPUTE_POSTS = {
    "anonymous": (LOGIN, LOGIN), "outsider": (404, 404), "member": (302, 302),
    "admin": (302, 404), "curator": (404, 404), "former_member": (404, 404),
}


@pytest.mark.parametrize("role", sorted(DISPUTE_POSTS))
def test_dispute_posts_matrix(client, signed_in, submission, member_user, role):
    finding = submission.reviews.get().findings.first()
    dispute = services.finding_dispute(finding=finding, user=member_user, comment="Ours.")
    if role != "anonymous":
        signed_in(role)
    urls = (reverse("workspace:finding_dispute", args=[finding.pk]),
            reverse("workspace:dispute_change", args=[dispute.pk]))
    for url, expected in zip(urls, DISPUTE_POSTS[role], strict=True):
        response = client.post(url, {"comment": f"By {role}.", "action": "save"})
        if isinstance(expected, int):
            assert response.status_code == expected, (role, url)
        else:
            assert response.status_code == 302 and response.url.startswith(expected), (role, url)
    dispute.refresh_from_db()
    assert dispute.comment == ("By member." if role == "member" else "Ours.")


# The site's own pages (about, privacy...) are public: the same page for everyone.
SITE_PAGE_URLS = ["/about/", "/help/", "/privacy/", "/accessibility/", "/contact/"]


@pytest.mark.parametrize("role", ["anonymous", "outsider", "member", "admin", "curator"])
def test_site_pages_answer_everyone(signed_in, client, role):
    from io import StringIO

    from django.core.management import call_command

    call_command("seed", stdout=StringIO())
    if role != "anonymous":
        signed_in(role)
    for url in SITE_PAGE_URLS:
        assert client.get(url).status_code == 200, (role, url)


@pytest.mark.parametrize("role", ["outsider", "member", "admin", "curator"])
def test_everyone_signed_in_reaches_the_page_that_deletes_their_own_account(signed_in, role):
    client = signed_in(role)
    response = client.get(reverse("workspace:account_delete"))
    assert response.status_code == 200, role
    assert "Delete your account" in response.content.decode()


def test_anonymous_visitors_are_sent_to_sign_in_to_delete_an_account(client):
    response = client.get(reverse("workspace:account_delete"))
    assert response.status_code == 302 and response.url.startswith(LOGIN)


# Invitation actions are posts: an admin's resend and withdraw, the invitee's accept and
# decline. Anyone else gets 404 (the invitation is not theirs to see).
INVITEE = "invitee@acme.example"
INVITATION_ACTIONS = {
    "resend": ("workspace:invitation_resend", "organization"),
    "withdraw": ("workspace:invitation_withdraw", "organization"),
    "join": ("workspace:invitation_join", "invitee"),
    "decline": ("workspace:invitation_decline", "invitee"),
}
INVITATION_ANSWERS = {
    "admin": {"resend": 302, "withdraw": 302, "join": 404, "decline": 404},
    "invitee": {"resend": 404, "withdraw": 404, "join": 302, "decline": 302},
    **{role: dict.fromkeys(INVITATION_ACTIONS, 404) for role in ("member", "curator", "outsider")},
}


@pytest.mark.parametrize("action", sorted(INVITATION_ACTIONS))
@pytest.mark.parametrize("role", sorted(INVITATION_ANSWERS) + ["anonymous"])
def test_invitation_action_matrix(client, signed_in, organization, admin_user, role, action):
    from tests.conftest import make_user
    from workspace.models import Invitation

    invitation = Invitation.objects.create(
        organization=organization, email=INVITEE, invited_by=admin_user
    )
    name, scope = INVITATION_ACTIONS[action]
    args = [organization.pk, invitation.pk] if scope == "organization" else [invitation.pk]
    if role == "invitee":
        client.force_login(make_user(INVITEE))
    elif role != "anonymous":
        signed_in(role)
    response = client.post(reverse(name, args=args))
    if role == "anonymous":
        assert response.status_code == 302 and response.url.startswith(LOGIN)
    else:
        assert response.status_code == INVITATION_ANSWERS[role][action], (role, action)
    invitation.refresh_from_db()
    changed = invitation.withdrawn_at or invitation.declined_at or invitation.accepted_at
    assert bool(changed) == (response.status_code == 302 and action != "resend" and role != "anonymous")
