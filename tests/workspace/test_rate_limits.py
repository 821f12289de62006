import pytest
from django.test import override_settings
from django.urls import reverse

from portal import ratelimit
from workspace.models import JobDescriptionVersion, Review

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """A fixed clock, 20 minutes into an hour, so no test straddles a window."""
    monkeypatch.setattr(ratelimit, "time", lambda: 1_800_000_000 + 20 * 60)


@override_settings(WORKSPACE_CHECK_RATE_LIMIT="3/h")
def test_submissions_revisions_and_rechecks_share_a_limit_per_person(
    client, organization, admin_user, member_user
):
    client.force_login(admin_user)
    client.post(reverse("workspace:job_description_create", args=[organization.pk]),
                {"title": "Peer Specialist", "text": "Share lived experience."})
    version = JobDescriptionVersion.objects.get()
    revise = reverse("workspace:job_description_revise", args=[version.job_description_id])
    assert client.post(revise, {"text": "Share lived experience of recovery."}).status_code == 302
    recheck = reverse("workspace:version_recheck", args=[version.pk])
    assert client.post(recheck).status_code == 302

    refused = client.post(revise, {"text": "A fourth check."})
    assert refused.status_code == 429
    assert refused["Retry-After"] == str(40 * 60)
    page = refused.content.decode()
    assert "each person can do this up to 3 times an hour" in page
    assert "Nothing was saved this time. Please wait 40 minutes" in page
    assert client.post(recheck).status_code == 429
    assert (JobDescriptionVersion.objects.count(), Review.objects.count()) == (2, 3)

    client.force_login(member_user)  # a colleague has a count of their own
    assert client.post(revise, {"text": "A colleague's revision."}).status_code == 302
    assert JobDescriptionVersion.objects.count() == 3


@override_settings(WORKSPACE_CHECK_RATE_LIMIT="1/h")
def test_reading_the_forms_is_not_counted(client, submission, admin_user):
    client.force_login(admin_user)
    revise = reverse("workspace:job_description_revise", args=[submission.job_description_id])
    for _ in range(3):
        assert client.get(revise).status_code == 200
    assert client.post(revise, {"text": "Share lived experience."}).status_code == 302
