"""Taking the assessment: start, answer, see disagreements, submit, retake and compare."""

import pytest
from django.urls import reverse

from readiness import services
from readiness.models import Answer, Assessment, Rating, Statement
from tests.conftest import sign_in
from tests.readiness.conftest import answer_all
from workspace import services as workspace_services
from workspace.models import Membership
from workspace.services import WorkspaceError

pytestmark = pytest.mark.django_db


def form_data(rating=Rating.FULLY, **overrides):
    """Every statement rated `rating`, as the answer form posts it."""
    data = {}
    for statement in Statement.objects.published():
        data[f"rating-{statement.pk}"] = rating
        data[f"note-{statement.pk}"] = ""
    data.update(overrides)
    return data


def test_admin_starts_and_a_member_answers(client, seeded, organization, admin_user, member_user):
    sign_in(client, admin_user, second_factor=False)
    response = client.post(reverse("readiness:start", args=[organization.pk]))
    assessment = Assessment.objects.get(organization=organization)
    assert response.url == reverse("readiness:answer", args=[assessment.pk])
    assert assessment.started_by == admin_user and not assessment.is_submitted

    sign_in(client, member_user, second_factor=False)
    page = client.get(reverse("readiness:answer", args=[assessment.pk]))
    html = page.content.decode()
    assert "Supervision" in html and "Not applicable" in html
    assert 'for="id_note-' in html  # every note has its label
    # What a level looks like, only where the source gives a test.
    assert html.count("Fully in place looks like") == 3
    response = client.post(reverse("readiness:answer", args=[assessment.pk]), form_data())
    assert response.status_code == 302
    assert Answer.objects.filter(assessment=assessment, member=member_user).count() == 17


def test_member_cannot_start_or_submit(client, draft, member_user):
    sign_in(client, member_user, second_factor=False)
    organization = draft.organization
    draft.delete()
    assert client.post(reverse("readiness:start", args=[organization.pk])).status_code == 404
    assert not Assessment.objects.exists()
    assessment = services.assessment_start(organization=organization, user=member_user)
    assert client.post(reverse("readiness:submit", args=[assessment.pk])).status_code == 404
    assessment.refresh_from_db()
    assert not assessment.is_submitted


def test_one_draft_at_a_time(draft, admin_user):
    with pytest.raises(WorkspaceError, match="already in progress"):
        services.assessment_start(organization=draft.organization, user=admin_user)


def test_admin_sees_where_members_disagree_before_submitting(
    client, draft, admin_user, member_user
):
    answer_all(draft, admin_user)
    answer_all(draft, member_user, peer_input_into_policy=Rating.NOT_IN_PLACE)
    sign_in(client, admin_user, second_factor=False)
    html = client.get(draft.get_absolute_url()).content.decode()
    section = html.split('id="disagree-heading"')[1].split('id="submit-heading"')[0]
    assert "People in peer roles have input into our policies" in section
    assert "member@acme.example: <strong>Not in place</strong>" in section
    assert "admin@acme.example: <strong>Fully in place</strong>" in section
    assert "Peer specialists take part in continuing education" not in section
    # Someone who left no longer counts.
    workspace_services.membership_remove(
        membership=Membership.objects.get(user=member_user, organization=draft.organization)
    )
    assert "member@acme.example" not in client.get(draft.get_absolute_url()).content.decode()
    Membership.objects.create(user=member_user, organization=draft.organization)
    # A member sees the progress, not the team comparison.
    sign_in(client, member_user, second_factor=False)
    assert 'id="disagree-heading"' not in client.get(draft.get_absolute_url()).content.decode()


def test_submit_needs_every_statement_rated_by_the_submitter(draft, admin_user, member_user):
    answer_all(draft, member_user)
    with pytest.raises(WorkspaceError, match="17 are still without your rating"):
        services.assessment_submit(assessment=draft, user=admin_user)
    answer_all(draft, admin_user)
    assert services.assessment_submit(assessment=draft, user=admin_user).is_submitted


def test_answers_of_a_submitted_assessment_no_longer_change(client, submitted, admin_user):
    before = list(Answer.objects.order_by("pk").values("rating", "note"))
    sign_in(client, admin_user, second_factor=False)
    response = client.post(reverse("readiness:answer", args=[submitted.pk]),
                           form_data(Rating.NOT_IN_PLACE))
    assert response.url == submitted.get_absolute_url()
    assert list(Answer.objects.order_by("pk").values("rating", "note")) == before
    with pytest.raises(WorkspaceError, match="can no longer change"):
        answer_all(submitted, admin_user)


def test_result_page_shows_scores_chart_table_summary_and_plan(client, submitted, admin_user):
    sign_in(client, admin_user, second_factor=False)
    html = client.get(submitted.get_absolute_url()).content.decode()
    # Staffing: ratio 0 of 2, networking time 2 of 2 -> 50%; supervision 5 of 6 -> 83%;
    # integration: 3 statements fully (diversity not applicable) -> 100%;
    # overall: 16 rated, 32 possible, 32 - 2 - 1 = 29 -> 91%.
    assert "<title id=\"chart-title\">Readiness scores by section</title>" in html
    assert "Staffing: 50%." in html and "Supervision: 83%." in html
    assert '<th scope="row">Staffing</th><td>50%</td><td>1</td><td>0</td><td>1</td><td>0</td>' in html
    assert '<th scope="row">Integration and culture</th><td>100%</td><td>3</td><td>0</td><td>0</td><td>1</td>' in html
    assert "Your organization scored 91% overall on 16 statements" in html
    plan = html.split('id="plan-heading"')[1].split('id="answers-heading"')[0]
    # Supervision comes before staffing: the sources weigh it more.
    assert plan.index("Everyone who supervises a peer role") < plan.index("We have at least 1")
    assert "Massachusetts peer support community, Collective response" in plan
    assert 'href="/standards/role/ratio/"' in plan
    assert 'href="/toolkit/documents/supervising-peer-specialists/"' in plan
    assert "first assessment your organization submitted" in html


def test_retake_compares_with_the_last_submitted_section_by_section(
    client, submitted, admin_user
):
    retake = services.assessment_start(organization=submitted.organization, user=admin_user)
    answer_all(retake, admin_user, diverse_workforce=Rating.PARTLY)
    services.assessment_submit(assessment=retake, user=admin_user)
    sign_in(client, admin_user, second_factor=False)
    html = client.get(retake.get_absolute_url()).content.decode()
    change = html.split('id="change-heading"')[1].split('id="plan-heading"')[0]
    assert '<th scope="row">Staffing</th><td>50%</td><td>100%</td><td>Up 50 points</td>' in change
    assert '<th scope="row">Integration and culture</th><td>100%</td><td>88%</td><td>Down 12 points</td>' in change
    assert '<th scope="row">Pay and career ladder</th><td>100%</td><td>100%</td><td>No change</td>' in change
    # The first result still compares with nothing earlier.
    first = client.get(submitted.get_absolute_url()).content.decode()
    assert "first assessment your organization submitted" in first


def test_print_view_and_pdf_carry_the_same_content(client, submitted, admin_user):
    sign_in(client, admin_user, second_factor=False)
    printed = client.get(reverse("readiness:print", args=[submitted.pk])).content.decode()
    assert "Your organization scored 91% overall" in printed and "Action plan" in printed
    response = client.get(reverse("readiness:pdf", args=[submitted.pk]))
    assert response["Content-Type"] == "application/pdf"
    from io import BytesIO

    from pypdf import PdfReader
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert "Your organization scored 91% overall" in text
    assert "Everyone who supervises a peer role" in text and "Action plan" in text
    assert "Acme Recovery" in text


def test_sharing_needs_a_submitted_assessment(draft):
    with pytest.raises(WorkspaceError, match="Submit the assessment"):
        services.assessment_share(assessment=draft, share=True)


def test_result_and_pdf_cite_sources_by_title_never_by_file_name_or_key(
    client, submitted, admin_user
):
    from io import BytesIO

    from pypdf import PdfReader

    from tests.portal.test_source_citations import BARE_KEY, SEED_FILE_NAME

    sign_in(client, admin_user, second_factor=False)
    page = client.get(submitted.get_absolute_url()).content.decode()
    pdf = client.get(reverse("readiness:pdf", args=[submitted.pk])).content
    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    for shown in (page, text):
        assert "Transcom Brief: Certified Peer Specialists (2019)" in " ".join(shown.split())
        assert not SEED_FILE_NAME.search(shown) and not BARE_KEY.search(shown)
