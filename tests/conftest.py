import hashlib
import os

import pytest
from allauth.account.internal.flows.login import record_authentication
from allauth.account.models import EmailAddress
from allauth.mfa.base.internal.flows import post_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from hypothesis import settings as hypothesis_settings

from portal.roles import CURATORS_GROUP

# CI runs property tests derandomized (repeatable) and without deadlines.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
hypothesis_settings.register_profile("dev", deadline=None)
hypothesis_settings.load_profile("ci" if os.environ.get("CI") else "dev")

PASSWORD = "correct horse battery staple"


def make_user(email: str, *, verified: bool = True, staff: bool = False, password: str = PASSWORD):
    """A user who signs in by email, with their address verified unless asked otherwise."""
    user = get_user_model().objects.create_user(
        # the same name on every run (hash() changes with each process)
        username=email.split("@")[0] + "-" + hashlib.sha256(email.encode()).hexdigest()[:8],
        email=email,
        password=password,
        is_staff=staff,
    )
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=verified)
    return user


def make_curator(email: str, *, totp: bool = True, in_curators: bool = True):
    """A Transcom staff member: in the Curators group unless `in_curators=False`, with an
    authenticator app enrolled unless `totp=False`. Curator powers also need a session
    signed in with that app: `sign_in(client, user)`."""
    user = make_user(email, staff=True)
    if in_curators:
        user.groups.add(Group.objects.get_or_create(name=CURATORS_GROUP)[0])
    if totp:
        TOTP.activate(user, generate_totp_secret())
    return user


def sign_in(client, user, *, second_factor: bool = True):
    """Sign the client in as `user`, with the steps recorded in the session as allauth
    records them: the password, then (unless asked otherwise) the authenticator code.

    `second_factor=False` is a session signed in with a password alone: a user without
    an authenticator, or one who enrolled after signing in.
    """
    client.force_login(user)
    request = RequestFactory().get("/")
    request.session, request.user = client.session, user
    record_authentication(request, user, "password", email=user.email)
    if second_factor:
        post_authentication(request, Authenticator.objects.get(user=user, type="totp"))
    request.session.save()


@pytest.fixture
def user(db):
    return make_user("member@example.org")


@pytest.fixture
def staff_user(db):
    """Staff outside the Curators group, with a TOTP authenticator, as admin requires."""
    return make_curator("curator@example.org", in_curators=False)


@pytest.fixture
def staff_client(client, staff_user):
    sign_in(client, staff_user)
    return client


@pytest.fixture
def curator(db):
    """A curator with an authenticator app; `curator_client` is one signed in with it."""
    return make_curator("curator@transcom.example")


@pytest.fixture
def curator_client(client, curator):
    sign_in(client, curator)
    return client


@pytest.fixture
def curator_without_totp(db):
    """In the Curators group, but never enrolled an authenticator app."""
    return make_curator("new.curator@transcom.example", totp=False)
