"""The account pages and emails speak in the portal's own voice, not allauth's stock
wording: sentence case, the site's name (never the request's host) and no "contact us"
that leads nowhere."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db

STOCK = re.compile(
    r"Hello from|Thank you for using|contact us|example\.com|127\.0\.0\.1"
    r"|Sign In|Sign Up|Sign Out|Verify Your|Confirm Email|Email Addresses|Change Password"
    r"|Set Password|Password Reset|Reset My|Remember Me|Make Primary|Re-send|Add Email"
    r"|Confirm Access|Bad Token|Account Inactive|Please Confirm"
)
EMAILS = Path(settings.BASE_DIR, "templates", "account", "email")
SIGNED_OUT_PAGES = [
    "account_login", "account_signup", "account_reset_password",
    "account_reset_password_done", "account_email_verification_sent", "account_inactive",
]
SIGNED_IN_PAGES = ["account_email", "account_change_password", "account_logout",
                   "account_reauthenticate"]


def main_of(response) -> str:
    html = response.content.decode()
    return html[html.index("<title>"):html.index("</title>")] + html[html.index("<main"):]


def stock_phrases(text: str) -> list[str]:
    return STOCK.findall(text)


def test_signed_out_account_pages_use_the_portals_words(client):
    for name in SIGNED_OUT_PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert stock_phrases(main_of(response)) == [], name
    for url in ("/accounts/confirm-email/no-such-key/",
                "/accounts/password/reset/key/1-no-such-key/"):
        response = client.get(url, follow=True)
        assert stock_phrases(main_of(response)) == [], url


def test_signed_in_account_pages_use_the_portals_words_and_link_to_the_password(client, user):
    client.force_login(user)
    for name in SIGNED_IN_PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert stock_phrases(main_of(response)) == [], name
    account = client.get(reverse("account_email")).content.decode()
    assert f'href="{reverse("account_change_password")}"' in account


def test_the_emails_allauth_sends_use_the_site_name(client, user):
    client.post(reverse("account_signup"), {
        "email": "new.person@acme.example", "password1": PASSWORD, "password2": PASSWORD,
    })
    client.post(reverse("account_reset_password"), {"email": user.email})
    client.post(reverse("account_reset_password"), {"email": "nobody@acme.example"})
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        assert stock_phrases(message.subject + message.body) == [], message.subject
        assert message.body.rstrip().endswith(f"— {settings.SITE_NAME}")
    assert mail.outbox[0].subject == "[CPS Standards Portal] Confirm your email address"


def test_every_account_email_template_uses_the_portals_words():
    request = RequestFactory().get("/")
    context = {
        "site_name": settings.SITE_NAME, "request": request, "email": "a@acme.example",
        "activate_url": "https://portal.example/confirm/", "signup_url": "https://portal.example/s/",
        "password_reset_url": "https://portal.example/r/", "from_email": "a@acme.example",
        "to_email": "b@acme.example", "deleted_email": "c@acme.example",
        "ip": "192.0.2.1", "user_agent": "Firefox", "timestamp": "2 December 2026",
        "user": make_user("someone@acme.example"),
    }
    templates = sorted(EMAILS.glob("*.txt"))
    assert len(templates) >= 20
    for template in templates:
        text = render_to_string(f"account/email/{template.name}", context, request)
        assert stock_phrases(text) == [], template.name
        assert "{{" not in text and text.strip(), template.name
