import pytest
from django.conf import settings

from tests.conftest import make_user

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.ADMIN_URL


def test_admin_lives_at_a_non_default_path():
    assert settings.ADMIN_URL != "admin/"


def test_admin_login_goes_through_allauth(client):
    response = client.get(ADMIN + "login/")
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_staff_without_an_authenticator_must_enrol_before_admin(client):
    staff = make_user("new.curator@example.org", staff=True)
    client.force_login(staff)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response.url == "/accounts/2fa/totp/activate/"


def test_staff_with_totp_reaches_admin(staff_client):
    response = staff_client.get(ADMIN)
    assert response.status_code == 200
    assert "curation" in response.content.decode()


def test_non_staff_user_cannot_reach_admin(client, user):
    client.force_login(user)
    response = client.get(ADMIN)
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/accounts/login/" in response.url or "login" in response.url
