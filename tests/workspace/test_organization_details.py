"""The organization's details: staffing figures within bounds, edited later by an admin;
archiving a job description asks first."""

import pytest
from django.urls import reverse

from workspace.models import Organization

pytestmark = pytest.mark.django_db

DETAILS = {"name": "Harbor Peer Center", "setting_type": "recovery_center",
           "region": "southeast", "people_served": "", "peer_fte": ""}


@pytest.mark.parametrize("field, value, message", [
    ("people_served", "-5", "Enter a number from 1 to 100,000, or leave it empty."),
    ("people_served", "0", "Enter a number from 1 to 100,000, or leave it empty."),
    ("people_served", "2000000", "Enter at most 100,000 people served"),
    ("peer_fte", "-1", "Peer FTE can&#x27;t be negative: enter 0 or more, or leave it empty."),
    ("peer_fte", "5000", "Enter at most 1,000 peer FTE."),
])
def test_staffing_figures_out_of_bounds_are_refused_with_the_limit(
    client, user, field, value, message
):
    client.force_login(user)
    response = client.post(reverse("workspace:organization_create"), {**DETAILS, field: value})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Organization.objects.exists()


def test_staffing_figures_within_bounds_are_kept(client, user):
    client.force_login(user)
    client.post(reverse("workspace:organization_create"),
                {**DETAILS, "people_served": "100000", "peer_fte": "0"})
    organization = Organization.objects.get()
    assert (organization.people_served, organization.peer_fte) == (100_000, 0)


def test_an_admin_edits_the_organizations_details(client, organization, admin_user):
    client.force_login(admin_user)
    dashboard = client.get(organization.get_absolute_url()).content.decode()
    url = reverse("workspace:organization_edit", args=[organization.pk])
    assert f'href="{url}"' in dashboard
    form = client.get(url).content.decode()
    assert 'value="Acme Recovery"' in form and 'value="45"' in form

    refused = client.post(url, {**DETAILS, "name": "Acme Recovery", "peer_fte": "-2"})
    assert "Peer FTE can&#x27;t be negative" in refused.content.decode()
    response = client.post(url, {**DETAILS, "name": "Acme Recovery Center",
                                 "people_served": "90", "peer_fte": "2.5"}, follow=True)
    assert "The organization&#x27;s details were saved." in response.content.decode()
    organization.refresh_from_db()
    assert (organization.name, organization.people_served, str(organization.peer_fte)) == (
        "Acme Recovery Center", 90, "2.50")


def test_a_member_cannot_edit_the_details(client, organization, member_user):
    client.force_login(member_user)
    url = reverse("workspace:organization_edit", args=[organization.pk])
    assert url not in client.get(organization.get_absolute_url()).content.decode()
    assert client.post(url, {**DETAILS}).status_code == 404
    organization.refresh_from_db()
    assert organization.name == "Acme Recovery"


def test_archiving_asks_for_confirmation_first(client, submission, admin_user):
    job_description = submission.job_description
    url = reverse("workspace:job_description_archive", args=[job_description.pk])
    client.force_login(admin_user)
    page = client.get(job_description.get_absolute_url()).content.decode()
    assert f'href="{url}"' in page  # a link to the confirmation, not a button that archives

    confirmation = client.get(url).content.decode()
    assert "<h1>Archive “Residential Peer Specialist”?</h1>" in confirmation
    assert 'name="confirm"' in confirmation
    job_description.refresh_from_db()
    assert not job_description.is_archived

    dashboard = client.post(url, {"confirm": "1"}, follow=True).content.decode()
    job_description.refresh_from_db()
    assert job_description.is_archived
    assert "No job descriptions yet" not in dashboard
    assert "every one is archived (listed below)" in dashboard
