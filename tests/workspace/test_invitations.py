"""Invitations: one per address, resent or withdrawn by an admin, kept through sign-up,
listed in the invitee's workspace, and clear about why one no longer works."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from tests.conftest import PASSWORD, make_user
from workspace.models import Invitation, Membership, Role

pytestmark = pytest.mark.django_db
COLLEAGUE = "colleague@acme.example"


def link_in(message) -> str:
    return re.search(r"https?://[^/\s]+(/workspace/invitations/[^\s]+/)", message.body).group(1)


def post(client, url, data=None):
    """Post as an admin page does; invitation emails go out when the transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {}, follow=True)


def invite(client, organization, email=COLLEAGUE, role="member"):
    return post(client, reverse("workspace:members", args=[organization.pk]),
                {"email": email, "role": role})


def test_inviting_the_same_address_again_resends_the_one_invitation(
    client, organization, admin_user
):
    client.force_login(admin_user)
    invite(client, organization)
    first_link = link_in(mail.outbox[-1])
    page = invite(client, organization, COLLEAGUE.upper(), role="admin").content.decode()

    assert Invitation.objects.count() == 1
    assert Invitation.objects.get().role == Role.ADMIN
    assert f"The invitation for {COLLEAGUE} was sent again, with a new link" in page
    second_link = link_in(mail.outbox[-1])
    assert second_link != first_link

    client.force_login(make_user(COLLEAGUE))
    old = client.post(first_link)
    assert old.status_code == 400
    assert "Open the link in the latest invitation email." in old.content.decode()
    assert not Membership.objects.filter(user__email=COLLEAGUE).exists()
    client.post(second_link)
    assert Membership.objects.get(user__email=COLLEAGUE).role == Role.ADMIN


def test_admin_resends_a_pending_invitation_and_the_old_link_stops_working(
    client, organization, admin_user
):
    client.force_login(admin_user)
    invite(client, organization)
    invitation = Invitation.objects.get()
    invitation.sent_at -= timedelta(days=8)  # expired: sending again is what it needs
    invitation.save(update_fields=["sent_at"])
    first_link = link_in(mail.outbox[-1])

    page = post(client, reverse("workspace:invitation_resend",
                                args=[organization.pk, invitation.pk])).content.decode()
    assert "was sent again, with a new link" in page
    assert len(mail.outbox) == 2 and mail.outbox[-1].to == [COLLEAGUE]
    invitation.refresh_from_db()
    assert not invitation.is_expired

    client.force_login(make_user(COLLEAGUE))
    assert client.get(first_link).status_code == 400
    assert "Join Acme Recovery" in client.get(link_in(mail.outbox[-1])).content.decode()


def test_admin_withdraws_an_invitation_and_its_link_says_so(client, organization, admin_user):
    client.force_login(admin_user)
    invite(client, organization)
    invitation = Invitation.objects.get()
    page = post(client, reverse("workspace:invitation_withdraw",
                                args=[organization.pk, invitation.pk])).content.decode()
    assert f"The invitation for {COLLEAGUE} was withdrawn" in page
    assert "Withdraw the invitation of" not in page

    client.force_login(make_user(COLLEAGUE))
    response = client.post(link_in(mail.outbox[-1]))
    assert response.status_code == 400
    assert "Acme Recovery withdrew this invitation." in response.content.decode()
    assert not Membership.objects.filter(user__email=COLLEAGUE).exists()
    assert client.get(reverse("workspace:index")).context["invitations"] == []


def test_a_member_can_neither_resend_nor_withdraw(client, organization, admin_user, member_user):
    client.force_login(admin_user)
    invite(client, organization)
    invitation = Invitation.objects.get()
    client.force_login(member_user)
    for name in ("workspace:invitation_resend", "workspace:invitation_withdraw"):
        assert client.post(reverse(name, args=[organization.pk, invitation.pk])).status_code == 404
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is None and len(mail.outbox) == 1


def sign_up_and_confirm(client, email):
    """Sign up through allauth's form and confirm the address from its email."""
    response = client.post(reverse("account_signup"), {
        "email": email, "password1": PASSWORD, "password2": PASSWORD,
    })
    assert response.status_code == 302, response.content.decode()[:300]
    confirm = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[-1].body)
    assert client.post(confirm.group(1)).status_code == 302
    assert EmailAddress.objects.get(email=email).verified


def test_an_invitation_opened_signed_out_survives_sign_up_and_sign_in(
    client, organization, admin_user
):
    client.force_login(admin_user)
    invite(client, organization)
    link = link_in(mail.outbox[-1])
    client.logout()

    opened = client.get(link)
    assert opened.status_code == 302 and opened.url.startswith(reverse("account_login"))
    login_page = client.get(opened.url).content.decode()
    assert "You have been invited to join <strong>Acme Recovery</strong>" in login_page
    signup_page = client.get(reverse("account_signup")).content.decode()
    assert "You have been invited to join <strong>Acme Recovery</strong>" in signup_page

    sign_up_and_confirm(client, COLLEAGUE)
    signed_in = client.post(reverse("account_login"), {"login": COLLEAGUE, "password": PASSWORD})
    assert signed_in.status_code == 302 and signed_in.url == link
    assert "Join Acme Recovery" in client.get(link).content.decode()
    client.post(link)
    assert Membership.objects.get(user__email=COLLEAGUE).organization == organization
    # Used up: the next sign-in lands in the workspace.
    client.logout()
    again = client.post(reverse("account_login"), {"login": COLLEAGUE, "password": PASSWORD})
    assert again.url == reverse("workspace:index")


def test_the_workspace_lists_invitations_to_verified_addresses_only(
    client, organization, admin_user
):
    client.force_login(admin_user)
    invite(client, organization)
    invite(client, organization, "second@acme.example")
    colleague = make_user(COLLEAGUE)
    EmailAddress.objects.create(user=colleague, email="second@acme.example", verified=False)

    client.force_login(colleague)
    page = client.get(reverse("workspace:index"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Invitations waiting for you" in html
    assert f"Acme Recovery</strong> invites {COLLEAGUE}" in html
    assert "second@acme.example" not in html

    second = Invitation.objects.get(email="second@acme.example")
    assert client.post(reverse("workspace:invitation_join", args=[second.pk])).status_code == 404
    own = Invitation.objects.get(email=COLLEAGUE)
    joined = client.post(reverse("workspace:invitation_join", args=[own.pk]), follow=True)
    assert "Welcome to Acme Recovery." in joined.content.decode()
    assert Membership.objects.filter(user=colleague, organization=organization).exists()
    twice = client.post(reverse("workspace:invitation_join", args=[own.pk]))
    assert twice.status_code == 400
    assert "You have already accepted this invitation" in twice.content.decode()


def test_declining_from_the_workspace(client, organization, admin_user):
    client.force_login(admin_user)
    invite(client, organization)
    client.force_login(make_user(COLLEAGUE))
    invitation = Invitation.objects.get()
    page = client.post(reverse("workspace:invitation_decline", args=[invitation.pk]), follow=True)
    html = page.content.decode()
    assert "You declined the invitation to join Acme Recovery." in html
    assert "Invitations waiting for you" not in html
    invitation.refresh_from_db()
    assert invitation.declined_at is not None
    assert "This invitation was declined." in client.post(link_in(mail.outbox[-1])).content.decode()


def test_an_expired_invitation_is_not_listed(client, organization, admin_user):
    Invitation.objects.create(
        organization=organization, email=COLLEAGUE, invited_by=admin_user,
        sent_at=timezone.now() - timedelta(days=8),
    )
    client.force_login(make_user(COLLEAGUE))
    assert client.get(reverse("workspace:index")).context["invitations"] == []
