"""Invitation and decision emails: single-line subjects, sent on commit, a failed send
is logged and told to the person, never a 500."""

import smtplib

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse

from tests.conftest import sign_in
from workspace import invitations
from workspace.models import CuratorDecision, Invitation, JobDescription, Organization, Outcome


def invite(client, organization, email="colleague@acme.example"):
    return client.post(reverse("workspace:members", args=[organization.pk]),
                       {"email": email, "role": "member"}, follow=True)


def decide(client, version):
    return client.post(reverse("workspace:curation_decide", args=[version.pk]),
                       {"outcome": Outcome.CONSISTENT}, follow=True)


def shown_messages(response) -> str:
    return " ".join(str(message) for message in get_messages(response.wsgi_request))


# Real commits, as in production: on_commit callbacks run when the view's work commits.
pytestmark = pytest.mark.django_db(transaction=True)


def test_invitation_from_an_organization_named_with_a_line_break_is_sent(
    client, organization, admin_user
):
    # Stored before names were normalised: Django refuses a header with a line break.
    Organization.objects.filter(pk=organization.pk).update(name="Acme\nRecovery\x0b Center")
    client.force_login(admin_user)
    response = invite(client, organization)
    assert response.status_code == 200
    assert "Invitation sent to colleague@acme.example" in response.content.decode()
    assert mail.outbox[-1].subject == "[CPS Standards Portal] Join Acme Recovery Center"


def test_decision_on_a_title_with_a_line_break_is_emailed(client, submission, curator,
                                                          admin_user):
    JobDescription.objects.filter(pk=submission.job_description_id).update(
        title="Peer\r\nSpecialist")
    sign_in(client, curator)
    response = decide(client, submission)
    assert response.status_code == 200
    assert "the organization's admins were emailed" in shown_messages(response)
    assert mail.outbox[-1].subject == "[CPS Standards Portal] Decision on Peer Specialist"
    assert mail.outbox[-1].to == [admin_user.email]


def test_a_failed_invitation_email_is_logged_and_told_and_the_invitation_kept(
    client, organization, admin_user, monkeypatch, caplog
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("workspace.emails.send_mail", refuse)
    client.force_login(admin_user)
    response = invite(client, organization)
    assert response.status_code == 200
    assert "the email could not be sent" in response.content.decode()
    assert Invitation.objects.filter(email="colleague@acme.example").exists()
    assert "The invitation email could not be sent" in caplog.text


def test_a_failed_decision_email_is_logged_and_told_and_the_decision_kept(
    client, submission, curator, monkeypatch, caplog
):
    def refuse(*args, **kwargs):
        raise smtplib.SMTPRecipientsRefused({})

    monkeypatch.setattr("workspace.emails.send_mail", refuse)
    sign_in(client, curator)
    response = decide(client, submission)
    assert response.status_code == 200
    assert "the email to the organization's admins could not be sent" in shown_messages(response)
    assert CuratorDecision.objects.filter(version=submission).exists()
    assert "The decision email could not be sent" in caplog.text


def test_invitation_email_waits_for_the_commit(organization, admin_user):
    from django.db import transaction

    with transaction.atomic():
        invitation = invitations.invitation_create(
            organization=organization, email="later@acme.example", role="member",
            invited_by=admin_user, accept_url_for=lambda token: f"https://portal.example/{token}",
        )
        assert mail.outbox == [] and invitation.email_delivery.sent is None
    assert [message.to for message in mail.outbox] == [["later@acme.example"]]
    assert invitation.email_delivery.sent is True


def test_no_invitation_email_when_the_transaction_rolls_back(organization, admin_user):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        invitations.invitation_create(
            organization=organization, email="never@acme.example", role="member",
            invited_by=admin_user, accept_url_for=lambda token: f"https://portal.example/{token}",
        )
        raise RuntimeError("a later step fails")
    assert mail.outbox == []
    assert not Invitation.objects.filter(email="never@acme.example").exists()
