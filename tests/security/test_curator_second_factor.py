"""Curator powers need a session signed in with the second factor, through allauth's
own sign-in pages: an enrolled authenticator alone is not enough.

The access matrix (tests/workspace/test_access.py) covers every page with sessions
recorded the way allauth records them; here the sessions come from allauth's forms.
"""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tests.conftest import PASSWORD, make_curator, sign_in
from workspace.models import CuratorDecision, Outcome, ReviewStatus

# One time step either side, so that a code computed just before a step boundary passes.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tolerant_totp")]
ADMIN = "/" + settings.ADMIN_URL


@pytest.fixture
def tolerant_totp():
    with override_settings(MFA_TOTP_TOLERANCE=1):
        yield


def code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in_with_password(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    return response


def test_a_curator_without_totp_reads_no_submission_and_decides_nothing(
    client, submission, django_capture_on_commit_callbacks
):
    curator = make_curator("new.curator@transcom.example", totp=False)
    sign_in_with_password(client, curator)
    for url in (
        submission.get_absolute_url(),
        reverse("workspace:version_pdf", args=[submission.pk]),
        reverse("workspace:version_docx", args=[submission.pk]),
    ):
        assert client.get(url).status_code == 404, url
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("workspace:curation_decide", args=[submission.pk]),
            {"outcome": Outcome.CHANGES_RECOMMENDED, "comments": "Decided with a password."},
        )
    assert response.status_code == 302 and response.url == "/accounts/2fa/totp/activate/"
    assert not CuratorDecision.objects.exists()
    submission.refresh_from_db()
    assert submission.review_status == ReviewStatus.SUBMITTED
    assert mail.outbox == []


def test_signing_in_with_password_and_code_gives_curator_powers(client, submission):
    secret = generate_totp_secret()
    curator = make_curator("curator@transcom.example", totp=False)
    TOTP.activate(curator, secret)
    response = sign_in_with_password(client, curator)
    assert response.url == reverse("mfa_authenticate")
    assert client.get(submission.get_absolute_url()).status_code == 302  # not signed in yet
    assert client.post(reverse("mfa_authenticate"), {"code": code(secret)}).status_code == 302
    response = client.get(submission.get_absolute_url())
    assert response.status_code == 200
    assert "Acme Recovery" in response.content.decode()
    assert client.get(ADMIN).status_code == 200


def test_enrolling_in_a_password_session_needs_a_code_before_curator_powers(client, submission):
    curator = make_curator("new.curator@transcom.example", totp=False)
    sign_in_with_password(client, curator)
    assert client.get(ADMIN).url == reverse("mfa_activate_totp")

    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})  # allauth asks first
    client.get(reverse("mfa_activate_totp"))
    secret = client.session["mfa.totp.secret"]
    response = client.post(reverse("mfa_activate_totp"), {"code": code(secret)})
    assert response.status_code == 302
    assert curator.authenticator_set.filter(type="totp").exists()

    # Enrolled, but this session signed in with a password alone.
    assert client.get(submission.get_absolute_url()).status_code == 404
    response = client.get(ADMIN)
    assert response.url == f"{reverse('mfa_reauthenticate')}?next=/{settings.ADMIN_URL}"
    response = client.post(response.url, {"code": code(secret)})
    assert response.status_code == 302 and response.url == ADMIN
    assert client.get(ADMIN).status_code == 200
    assert client.get(submission.get_absolute_url()).status_code == 200


def test_a_draft_preview_needs_the_second_factor(client, curator):
    from portal.content import Status
    from toolkit.models import Document

    draft = Document.objects.create(
        title="Unreleased guide", slug="unreleased-guide", summary="Not yet.", status=Status.DRAFT
    )
    sign_in(client, curator, second_factor=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    sign_in(client, curator)
    assert "Unreleased guide" in client.get(draft.get_absolute_url()).content.decode()
