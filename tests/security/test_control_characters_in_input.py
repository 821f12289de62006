"""NUL bytes and other control characters in any input: never a 500, nothing stored raw.

PostgreSQL refuses NUL in text, so each input is tried there too (`make test`).
"""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.conftest import sign_in
from workspace.models import CuratorDecision, FindingDispute, Outcome, Verdict

pytestmark = pytest.mark.django_db
HOSTILE = "peer\x00 \x0bspecialist\x1b\x7f\x85"

PUBLIC_QUERIES = [
    ("search", {"q": HOSTILE}),
    ("toolkit:documents", {"topic": HOSTILE, "audience": HOSTILE, "kind": HOSTILE}),
    ("toolkit:documents", {"page": HOSTILE}),
    ("standards:role_standards", {"people_served": HOSTILE}),
    ("account_login", {"next": HOSTILE}),
]


@pytest.mark.parametrize("name, query", PUBLIC_QUERIES, ids=lambda value: str(value)[:30])
def test_public_query_parameters_with_control_characters_answer_normally(client, name, query):
    response = client.get(reverse(name), query)
    assert response.status_code == 200


def test_search_ignores_the_control_characters_and_searches_the_words(client):
    page = client.get(reverse("search"), {"q": "medic\x00ation"}).content.decode()
    assert "\x00" not in page
    assert 'value="medication"' in page


@pytest.mark.parametrize("query", [
    {"task": HOSTILE}, {"organization": HOSTILE}, {"status": HOSTILE}, {"page": HOSTILE},
])
def test_curation_queue_filters_with_control_characters_answer_normally(
    client, submission, curator, query
):
    sign_in(client, curator)
    response = client.get(reverse("workspace:curation_queue"), query)
    assert response.status_code == 200


def test_compare_reads_version_numbers_without_their_control_characters(
    client, submission, admin_user
):
    client.force_login(admin_user)
    from workspace import services

    services.version_submit(job_description=submission.job_description, text="Chart.",
                            user=admin_user)
    url = reverse("workspace:compare", args=[submission.job_description.pk])
    page = client.get(url, {"from": "1\x00", "to": "\x1b2"}).content.decode()
    assert "Compare version 1 with version 2" in page


def test_admin_search_with_control_characters_answers_normally(client, curator):
    sign_in(client, curator)
    response = client.get(f"/{settings.ADMIN_URL}standards/prohibitedtask/", {"q": HOSTILE})
    assert response.status_code == 200


def test_dispute_comment_is_stored_without_control_characters(client, submission, admin_user):
    client.force_login(admin_user)
    finding = submission.reviews.get().findings.first()
    response = client.post(reverse("workspace:finding_dispute", args=[finding.pk]),
                           {"comment": "We\x00 co-write\x0bthe notes.\x1b"})
    assert response.status_code == 302
    assert FindingDispute.objects.get().comment == "We co-write\nthe notes."


def test_dispute_comment_of_control_characters_only_is_refused_as_empty(
    client, submission, admin_user
):
    client.force_login(admin_user)
    finding = submission.reviews.get().findings.first()
    response = client.post(reverse("workspace:finding_dispute", args=[finding.pk]),
                           {"comment": "\x00\x01"}, follow=True)
    assert "Say briefly why you disagree" in response.content.decode()
    assert not FindingDispute.objects.exists()


def test_decision_comments_and_reasons_are_stored_without_control_characters(
    client, submission, curator
):
    finding = submission.reviews.get().findings.first()
    sign_in(client, curator)
    response = client.post(reverse("workspace:curation_decide", args=[submission.pk]), {
        "outcome": Outcome.CHANGES_RECOMMENDED,
        "comments": "Remove\x00 the med pass.\x0bThanks.",
        f"verdict-{finding.pk}": Verdict.DISMISSED,
        f"reason-{finding.pk}": "Co-written\x00 notes.",
    })
    assert response.status_code == 302
    decision = CuratorDecision.objects.get()
    assert decision.comments == "Remove the med pass.\nThanks."
    assert decision.verdicts.get().reason == "Co-written notes."


@pytest.mark.parametrize("field", ["title", "text"])
def test_job_description_form_with_control_characters_is_stored_clean(
    client, organization, admin_user, field
):
    from workspace.models import JobDescriptionVersion

    client.force_login(admin_user)
    data = {"title": "Peer Specialist", "text": "Share lived experience."}
    data[field] = data[field].replace(" ", "\x00 ", 1)
    response = client.post(
        reverse("workspace:job_description_create", args=[organization.pk]), data
    )
    assert response.status_code == 302
    version = JobDescriptionVersion.objects.select_related("job_description").get()
    assert "\x00" not in version.text + version.job_description.title


def test_upload_whose_file_name_holds_control_characters_is_stored_clean(
    client, organization, admin_user
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from workspace.models import JobDescriptionVersion

    client.force_login(admin_user)
    upload = SimpleUploadedFile("peer\x00 specialist\x1b.txt", b"Share lived experience.")
    response = client.post(
        reverse("workspace:job_description_create", args=[organization.pk]),
        {"title": "Peer Specialist", "file": upload},
    )
    assert response.status_code == 302
    assert JobDescriptionVersion.objects.get().original_filename == "peer specialist.txt"


def test_organization_and_invitation_forms_with_control_characters(client, user):
    from workspace.models import Organization

    client.force_login(user)
    response = client.post(reverse("workspace:organization_create"), {
        "name": "Acme\x00 Recovery\n\x0bCenter", "setting_type": "residential",
        "region": "western",
    })
    assert response.status_code == 302
    organization = Organization.objects.get()
    assert organization.name == "Acme Recovery Center"
    response = client.post(reverse("workspace:members", args=[organization.pk]),
                           {"email": "colleague\x00@acme.example", "role": "member"})
    assert response.status_code == 200
    assert "Enter a valid email address" in response.content.decode()


def test_an_over_long_dispute_comment_is_refused_with_the_limit(client, submission, admin_user):
    client.force_login(admin_user)
    finding = submission.reviews.get().findings.first()
    response = client.post(reverse("workspace:finding_dispute", args=[finding.pk]),
                           {"comment": "x" * 5_001}, follow=True)
    assert "at most 5000 characters" in response.content.decode()
    assert not FindingDispute.objects.exists()
