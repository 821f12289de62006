"""What the portal proposes from the organization's own data, and overriding it."""

from decimal import Decimal

import pytest
from django.urls import reverse

from readiness.models import Answer, Proposal, Rating, Statement
from readiness.proposals import proposals_for
from tests.conftest import sign_in
from workspace import services
from workspace.models import CuratorDecision, FindingVerdict, Outcome, Verdict

pytestmark = pytest.mark.django_db

CLEAN_JD = """Peer Specialist

- Share lived experience of recovery to inspire hope.
- Co-facilitate peer support groups.

Pay: $14.00 per hour.
"""


def add_job_description(organization, user, title, text):
    return services.job_description_create(
        organization=organization, title=title, setting_type="", text=text,
        original_filename="", user=user,
    )


@pytest.mark.parametrize(("people", "fte", "rating"), [
    (45, "2.00", Rating.FULLY),      # needs ceil(45 / 30) = 2
    (45, "1.50", Rating.PARTLY),
    (45, "0", Rating.NOT_IN_PLACE),
    (30, "1", Rating.FULLY),
])
def test_staffing_ratio_from_the_organizations_figures(seeded, organization, people, fte, rating):
    organization.people_served, organization.peer_fte = people, Decimal(fte)
    proposed = proposals_for(organization)[Proposal.STAFFING_RATIO]
    assert proposed.rating == rating
    assert f"{people} people served" in proposed.reason


def test_no_ratio_proposal_without_the_figures(seeded, organization):
    organization.peer_fte = None
    assert Proposal.STAFFING_RATIO not in proposals_for(organization)


def test_nothing_is_proposed_from_reviews_before_there_are_any(seeded, organization):
    proposed = proposals_for(organization)
    assert not {Proposal.PROHIBITED_TASKS, Proposal.PAY, Proposal.PEER_SUPERVISION} & set(proposed)


def test_prohibited_tasks_from_the_latest_review_of_each_active_description(
    seeded, organization, admin_user, submission
):
    _, clean = add_job_description(organization, admin_user, "Group facilitator", CLEAN_JD)
    proposed = proposals_for(organization)[Proposal.PROHIBITED_TASKS]
    assert proposed.rating == Rating.PARTLY
    assert proposed.links == [("Residential Peer Specialist", submission.get_absolute_url())]
    # A revision without the conflicting duties is the latest review now.
    services.version_submit(job_description=submission.job_description, user=admin_user,
                            text=CLEAN_JD)
    assert proposals_for(organization)[Proposal.PROHIBITED_TASKS].rating == Rating.FULLY


def test_archived_descriptions_and_dismissed_findings_do_not_count(
    seeded, organization, admin_user, submission, curator
):
    _, clean = add_job_description(organization, admin_user, "Group facilitator", CLEAN_JD)
    review = submission.reviews.get()
    decision = CuratorDecision.objects.create(
        version=submission, review=review, curator=curator, outcome=Outcome.CONSISTENT
    )
    for finding in review.findings.all():
        FindingVerdict.objects.create(finding=finding, decision=decision,
                                      verdict=Verdict.DISMISSED, reason="Permitted here.")
    assert proposals_for(organization)[Proposal.PROHIBITED_TASKS].rating == Rating.FULLY
    services.job_description_archive(job_description=clean.job_description)
    assert proposals_for(organization)[Proposal.PROHIBITED_TASKS].reason.startswith(
        "The latest reviews of your 1 active job description:"
    )


def test_pay_from_the_stored_verdicts_with_the_lowest_figure(
    seeded, organization, admin_user, submission
):
    assert proposals_for(organization)[Proposal.PAY].rating == Rating.FULLY  # $18.50
    _, low = add_job_description(organization, admin_user, "Group facilitator", CLEAN_JD)
    proposed = proposals_for(organization)[Proposal.PAY]
    assert proposed.rating == Rating.PARTLY
    assert "The lowest is $14.00 against $15.00." in proposed.reason
    assert proposed.links == [("Group facilitator", low.get_absolute_url())]


def test_peer_supervision_stated_or_not(seeded, organization, admin_user, submission):
    assert proposals_for(organization)[Proposal.PEER_SUPERVISION].rating == Rating.FULLY
    add_job_description(organization, admin_user, "Group facilitator", CLEAN_JD)
    proposed = proposals_for(organization)[Proposal.PEER_SUPERVISION]
    assert proposed.rating == Rating.PARTLY
    assert proposed.reason.startswith("1 of your 2 active job descriptions state supervision")


def _statement(proposal):
    return Statement.objects.get(proposal=proposal)


def test_the_form_shows_the_proposal_as_proposed_and_preselects_it(
    client, seeded, organization, admin_user, submission
):
    from readiness import services as readiness_services

    assessment = readiness_services.assessment_start(organization=organization, user=admin_user)
    sign_in(client, admin_user, second_factor=False)
    html = client.get(reverse("readiness:answer", args=[assessment.pk])).content.decode()
    statement = _statement(Proposal.PROHIBITED_TASKS)
    assert "Proposed from your data: Not in place." in html
    assert f'href="{submission.get_absolute_url()}">Residential Peer Specialist</a>' in html
    assert (f'value="not_in_place" id="id_rating-{statement.pk}_0" checked') in html


def test_overriding_a_proposal_needs_a_note(client, seeded, organization, admin_user, submission):
    from readiness import services as readiness_services

    assessment = readiness_services.assessment_start(organization=organization, user=admin_user)
    statement = _statement(Proposal.PROHIBITED_TASKS)
    url = reverse("readiness:answer", args=[assessment.pk])
    sign_in(client, admin_user, second_factor=False)
    data = {f"rating-{statement.pk}": Rating.FULLY, f"note-{statement.pk}": ""}
    refused = client.post(url, data)
    assert refused.status_code == 400
    assert "differently from what your organization&#x27;s data propose (Not in place)" in (
        refused.content.decode()
    )
    assert not Answer.objects.exists()
    data[f"note-{statement.pk}"] = "The med pass duty was removed last week; not yet re-checked."
    assert client.post(url, data).status_code == 302
    answer = Answer.objects.get()
    assert (answer.rating, answer.proposed_rating) == (Rating.FULLY, Rating.NOT_IN_PLACE)
    assert answer.overrides_proposal


def test_the_proposal_itself_needs_no_note(client, seeded, organization, admin_user, submission):
    from readiness import services as readiness_services

    assessment = readiness_services.assessment_start(organization=organization, user=admin_user)
    statement = _statement(Proposal.PROHIBITED_TASKS)
    sign_in(client, admin_user, second_factor=False)
    response = client.post(reverse("readiness:answer", args=[assessment.pk]),
                           {f"rating-{statement.pk}": Rating.NOT_IN_PLACE})
    assert response.status_code == 302
    assert not Answer.objects.get().overrides_proposal


def test_a_re_check_of_an_older_version_does_not_replace_the_newer_versions_review(
    seeded, organization, admin_user, submission
):
    services.version_submit(job_description=submission.job_description, user=admin_user,
                            text=CLEAN_JD)
    # The older version, with its conflicting duties, is checked again after the revision.
    services.version_recheck(version=submission)
    assert proposals_for(organization)[Proposal.PROHIBITED_TASKS].rating == Rating.FULLY
