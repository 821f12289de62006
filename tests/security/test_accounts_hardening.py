"""Password reset rate limit, session expiry and password rules.

The login and signup limits are tested in tests/portal/test_accounts.py and the
quick check's in tests/workspace/test_quick_check.py; the 12-character minimum
through the signup form is there too.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@override_settings(ACCOUNT_RATE_LIMITS={"reset_password": "2/m/ip"})
def test_password_reset_requests_are_rate_limited(client):
    cache.clear()
    make_user("known@example.org")
    statuses = [
        client.post(reverse("account_reset_password"), {"email": f"p{i}@example.org"}).status_code
        for i in range(3)
    ]
    assert statuses == [302, 302, 429]
    cache.clear()


def test_sessions_have_a_finite_lifetime():
    assert 0 < settings.SESSION_COOKIE_AGE <= 60 * 60 * 24 * 14
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_an_expired_session_is_signed_out(client, organization, admin_user):
    client.force_login(admin_user)
    url = organization.get_absolute_url()
    assert client.get(url).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


@pytest.mark.parametrize(
    ("password", "rule"),
    [
        ("xK9#mQ2$vL7", "at least 12 characters"),
        ("password1234", "too common"),
        ("839201746583", "entirely numeric"),
        ("member.person@acme", "too similar"),
    ],
)
def test_password_validators_refuse_weak_passwords(password, rule):
    user = make_user("member.person@acme.example")
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert rule in " ".join(refused.value.messages)


def test_a_long_passphrase_is_accepted():
    validate_password("correct horse battery staple")
