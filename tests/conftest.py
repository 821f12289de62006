import os

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from hypothesis import settings as hypothesis_settings

# CI runs property tests derandomized (repeatable) and without deadlines.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")

PASSWORD = "correct horse battery staple"


def make_user(email: str, *, verified: bool = True, staff: bool = False, password: str = PASSWORD):
    """A user who signs in by email, with their address verified unless asked otherwise."""
    user = get_user_model().objects.create_user(
        username=email.split("@")[0] + "-" + str(abs(hash(email)) % 10_000),
        email=email,
        password=password,
        is_staff=staff,
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


@pytest.fixture
def user(db):
    return make_user("member@example.org")


@pytest.fixture
def staff_user(db):
    """A staff user who has enrolled a TOTP authenticator, as admin requires."""
    staff = make_user("curator@example.org", staff=True)
    TOTP.activate(staff, generate_totp_secret())
    return staff


@pytest.fixture
def staff_client(client, staff_user):
    client.force_login(staff_user)
    return client
