"""An organization's admin leaves the statewide picture from the organization's form;
organizations are told about it where they sign up and on the Privacy page."""

import io

import pytest
from django.urls import reverse

from portal import seed
from tests.conftest import sign_in
from workspace.models import Membership, Role

pytestmark = pytest.mark.django_db

DETAILS = {"name": "Acme Recovery", "setting_type": "residential", "region": "western",
           "people_served": "45", "peer_fte": ""}


def test_the_admin_opts_out_and_back_in(client, organization, admin_user):
    sign_in(client, admin_user, second_factor=False)
    url = reverse("workspace:organization_edit", args=[organization.pk])
    assert "statewide view" in client.get(url).content.decode()
    client.post(url, {**DETAILS, "statewide_opt_out": "on"})
    organization.refresh_from_db()
    assert organization.statewide_opt_out and organization.statewide_opt_out_at
    client.post(url, DETAILS)
    organization.refresh_from_db()
    assert not organization.statewide_opt_out and organization.statewide_opt_out_at is None


def test_a_member_cannot_opt_out(client, organization):
    from tests.conftest import make_user

    member = make_user("m@acme.example")
    Membership.objects.create(organization=organization, user=member, role=Role.MEMBER)
    sign_in(client, member, second_factor=False)
    url = reverse("workspace:organization_edit", args=[organization.pk])
    assert client.post(url, {**DETAILS, "statewide_opt_out": "on"}).status_code == 404
    organization.refresh_from_db()
    assert not organization.statewide_opt_out


def test_sign_up_form_and_privacy_page_say_what_feeds_the_view(client, user):
    sign_in(client, user, second_factor=False)
    create = client.get(reverse("workspace:organization_create")).content.decode()
    assert "De-identified aggregates" in create
    assert "An admin can leave it out" in create
    seed.run(io.StringIO())  # the pages as the Markdown files now say
    privacy = client.get(reverse("site_privacy")).content.decode()
    assert "de-identified aggregates" in privacy
    assert "can leave the\nstatewide picture" in privacy or "can leave the statewide" in privacy
