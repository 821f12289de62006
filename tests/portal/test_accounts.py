import re

import pytest
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def confirmation_link(message) -> str:
    match = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_signup_verify_login_logout_end_to_end(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "new.hire@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.hire@example.org"]

    # Mandatory verification: no access before the email is confirmed.
    client.logout()
    response = client.post(
        reverse("account_login"), {"login": "new.hire@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert "confirm-email" in response.url or "verification" in response.url

    link = confirmation_link(mail.outbox[-1])
    page = client.get(link)
    assert "Confirm" in page.content.decode()
    response = client.post(link)
    assert response.status_code == 302

    response = client.post(
        reverse("account_login"), {"login": "new.hire@example.org", "password": PASSWORD},
        follow=True,
    )
    assert response.context["user"].is_authenticated
    assert response.context["user"].email == "new.hire@example.org"
    # People are named by email; the generated username never shows.
    html = response.content.decode()
    assert "signed in as new.hire@example.org" in html
    assert f"as {response.context['user'].username}." not in html

    response = client.post(reverse("account_logout"), follow=True)
    assert not response.context["user"].is_authenticated


def test_short_password_is_refused_with_the_rule(client):
    response = client.post(
        reverse("account_signup"),
        {"email": "short@example.org", "password1": "Tr0ub4dor&", "password2": "Tr0ub4dor&"},
    )
    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()


def test_wrong_password_and_unknown_email_give_the_same_message(client):
    make_user("known@example.org")
    wrong_password = client.post(
        reverse("account_login"), {"login": "known@example.org", "password": "not the password!"}
    )
    unknown_email = client.post(
        reverse("account_login"), {"login": "nobody@example.org", "password": "not the password!"}
    )
    assert wrong_password.status_code == unknown_email.status_code == 200
    errors_a = wrong_password.context["form"].non_field_errors()
    errors_b = unknown_email.context["form"].non_field_errors()
    assert errors_a and errors_a == errors_b


def test_password_reset_does_not_reveal_whether_email_is_registered(client):
    make_user("known@example.org")
    known = client.post(reverse("account_reset_password"), {"email": "known@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url


@override_settings(ACCOUNT_RATE_LIMITS={"login_failed": "3/m/ip"})
def test_failed_logins_are_rate_limited(client):
    cache.clear()
    make_user("known@example.org")
    pages = [
        client.post(
            reverse("account_login"), {"login": "known@example.org", "password": "wrong guess!!"}
        ).content.decode()
        for _ in range(4)
    ]
    assert all("Too many failed login attempts" not in page for page in pages[:3])
    assert "Too many failed login attempts" in pages[3]
    # Even the right password is refused while the limit holds.
    locked = client.post(reverse("account_login"), {"login": "known@example.org", "password": PASSWORD})
    assert locked.status_code == 200
    assert "Too many failed login attempts" in locked.content.decode()
    cache.clear()


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "2/m/ip"})
def test_signup_is_rate_limited(client):
    cache.clear()
    statuses = [
        client.post(
            reverse("account_signup"),
            {"email": f"s{i}@example.org", "password1": PASSWORD, "password2": PASSWORD},
        ).status_code
        for i in range(4)
    ]
    assert 429 in statuses
    cache.clear()
