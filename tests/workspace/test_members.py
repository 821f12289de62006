import re
from unittest import mock

import pytest
from django.core import mail, signing
from django.test import Client, TestCase
from django.urls import reverse

from tests.conftest import PASSWORD, make_user
from workspace import invitations, services
from workspace.models import Invitation, Membership, Role

pytestmark = pytest.mark.django_db


def sign_in(client, email):
    """Sign in and confirm the password again, as sensitive member actions require."""
    response = client.post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert response.status_code == 302
    response = client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    assert response.status_code == 302


def test_verified_user_creates_an_organization_and_becomes_its_admin(client, user):
    client.force_login(user)
    response = client.post(reverse("workspace:organization_create"), {
        "name": "Harbor Peer Center", "setting_type": "recovery_center", "region": "southeast",
        "people_served": "", "peer_fte": "",
    })
    membership = Membership.objects.get(user=user)
    assert response.status_code == 302 and response.url == membership.organization.get_absolute_url()
    assert membership.role == Role.ADMIN
    assert membership.organization.name == "Harbor Peer Center"


def test_dashboard_applies_the_ratio_standard_to_the_size_fields(client, organization, admin_user):
    client.force_login(admin_user)
    html = client.get(organization.get_absolute_url()).content.decode()
    # 45 people served: 2 peer FTE needed, below 5 FTE so networking time is required.
    assert "at least 2 peer FTE" in html
    assert "paid time for peer staff to network" in html


def invite(client, organization, email, role="member"):
    # The email goes out when the invitation commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("workspace:members", args=[organization.pk]), {"email": email, "role": role}
        )
    assert response.status_code == 302, response.content.decode()[:500]
    link = re.search(r"https?://[^/\s]+(/workspace/invitations/[^\s]+/)", mail.outbox[-1].body)
    return link.group(1)


def test_invitation_is_accepted_once_by_the_invited_email(client, organization, admin_user):
    client.force_login(admin_user)
    link = invite(client, organization, "colleague@acme.example")
    assert mail.outbox[-1].to == ["colleague@acme.example"]

    colleague = make_user("colleague@acme.example")
    client.force_login(colleague)
    assert "Join Acme Recovery" in client.get(link).content.decode()
    response = client.post(link)
    assert response.status_code == 302
    assert Membership.objects.get(user=colleague, organization=organization).role == Role.MEMBER

    # Single use: a second try says so, to the person who accepted and to anyone else.
    again = client.post(link)
    assert again.status_code == 400
    assert ("You have already accepted this invitation: you are a member of Acme Recovery."
            in again.content.decode())
    client.force_login(make_user("another@acme.example"))
    assert "already been used" in client.post(link).content.decode()


def test_invitation_used_by_another_email_fails(client, organization, admin_user):
    client.force_login(admin_user)
    link = invite(client, organization, "colleague@acme.example")
    stranger = make_user("stranger@elsewhere.example")
    client = Client()  # without the admin's pending "Invitation sent to ..." message
    client.force_login(stranger)
    for response in (client.get(link), client.post(link)):
        assert "colleague@acme.example" not in response.content.decode()
    assert response.status_code == 400
    assert "This invitation is for another email address." in response.content.decode()
    assert not Membership.objects.filter(user=stranger).exists()
    assert Invitation.objects.get().accepted_at is None


def test_expired_invitation_fails(client, organization, admin_user):
    invitation = Invitation.objects.create(
        organization=organization, email="late@acme.example", invited_by=admin_user
    )
    past = signing.time.time() - invitations.INVITATION_MAX_AGE - 60
    with mock.patch("django.core.signing.time.time", return_value=past):
        token = invitations.invitation_token(invitation)
    client.force_login(make_user("late@acme.example"))
    response = client.post(reverse("workspace:invitation_accept", args=[token]))
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not Membership.objects.filter(user__email="late@acme.example").exists()


def test_tampered_invitation_token_fails(client, organization, admin_user):
    invitation = Invitation.objects.create(
        organization=organization, email="x@acme.example", invited_by=admin_user
    )
    token = invitations.invitation_token(invitation)
    client.force_login(make_user("x@acme.example"))
    response = client.get(reverse("workspace:invitation_accept", args=[token[:-2] + "xx"]))
    assert response.status_code == 400
    assert "not valid" in response.content.decode()


def test_accepting_requires_signing_in(client, organization, admin_user):
    invitation = Invitation.objects.create(
        organization=organization, email="x@acme.example", invited_by=admin_user
    )
    url = reverse("workspace:invitation_accept", args=[invitations.invitation_token(invitation)])
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_changing_roles_asks_for_reauthentication(client, organization, admin_user, member_user):
    membership = Membership.objects.get(user=member_user)
    url = reverse("workspace:member_role", args=[organization.pk, membership.pk])
    client.force_login(admin_user)  # no fresh authentication recorded
    response = client.post(url, {"role": "admin"})
    assert response.status_code == 302 and "reauthenticate" in response.url
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER

    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    response = client.post(url, {"role": "admin"}, follow=True)
    membership.refresh_from_db()
    assert membership.role == Role.ADMIN
    assert "member@acme.example is now Admin." in response.content.decode()


def test_acting_on_someone_no_longer_a_member_says_so(organization, member_user):
    """Two admins removing the same member at once: the second is told, not given a 500."""
    membership = Membership.objects.get(user=member_user)
    services.membership_remove(membership=membership)
    for act in (
        lambda: services.membership_remove(membership=membership),
        lambda: services.membership_change_role(membership=membership, role=Role.ADMIN),
    ):
        with pytest.raises(services.WorkspaceError, match="no longer a member"):
            act()


def test_last_admin_cannot_be_demoted_or_leave(client, organization, admin_user):
    own = Membership.objects.get(user=admin_user)
    sign_in(client, admin_user.email)
    response = client.post(
        reverse("workspace:member_role", args=[organization.pk, own.pk]), {"role": "member"},
        follow=True,
    )
    assert "at least one admin" in response.content.decode()
    response = client.post(
        reverse("workspace:member_remove", args=[organization.pk, own.pk]), follow=True
    )
    assert "last admin cannot leave" in response.content.decode()
    own.refresh_from_db()
    assert own.role == Role.ADMIN


def test_admin_removes_a_member_who_then_loses_access(client, organization, admin_user,
                                                       member_user, submission):
    membership = Membership.objects.get(user=member_user)
    sign_in(client, admin_user.email)
    client.post(reverse("workspace:member_remove", args=[organization.pk, membership.pk]))
    assert not Membership.objects.filter(pk=membership.pk).exists()
    client.force_login(member_user)
    assert client.get(submission.get_absolute_url()).status_code == 404


def test_member_cannot_change_roles(client, organization, admin_user, member_user):
    admin_membership = Membership.objects.get(user=admin_user)
    sign_in(client, member_user.email)
    response = client.post(
        reverse("workspace:member_role", args=[organization.pk, admin_membership.pk]),
        {"role": "member"},
    )
    assert response.status_code == 404
    admin_membership.refresh_from_db()
    assert admin_membership.role == Role.ADMIN


def test_user_in_two_organizations_switches_between_them(client, organization, admin_user):
    second = services.organization_create(
        user=admin_user, name="Second Org", setting_type="crisis", region="statewide"
    )
    client.force_login(admin_user)
    html = client.get(organization.get_absolute_url()).content.decode()
    assert second.get_absolute_url() in html
    client.get(second.get_absolute_url())
    assert client.get(reverse("workspace:index")).url == second.get_absolute_url()


def test_a_curators_workspace_leads_to_the_review_queue(client, curator_client, user):
    queue = f'href="{reverse("workspace:curation_queue")}"'
    assert queue in curator_client.get(reverse("workspace:index")).content.decode()
    client.force_login(user)
    assert queue not in client.get(reverse("workspace:index")).content.decode()
