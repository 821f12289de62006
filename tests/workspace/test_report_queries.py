"""The report's database queries do not grow with its findings and disputes."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_user
from workspace import review_flow, services
from workspace.models import Membership, Outcome, Verdict

pytestmark = pytest.mark.django_db


def report_queries(client, version) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(version.get_absolute_url()).status_code == 200
    return len(queries)


def dispute(finding, user):
    services.finding_dispute(finding=finding, user=user, comment="We disagree.")


def test_report_queries_do_not_grow_with_disputes_and_verdicts(
    client, submission, admin_user, curator
):
    client.force_login(admin_user)
    review = submission.reviews.get()
    findings = list(review.findings.all())
    assert len(findings) >= 2
    organization = submission.job_description.organization
    report_queries(client, submission)  # warm caches (ruleset, pay threshold)
    dispute(findings[0], admin_user)  # the report body is rendered again
    before = report_queries(client, submission)
    before_cached = report_queries(client, submission)  # and then read from the cache

    for n, finding in enumerate(findings):
        colleague = make_user(f"colleague{n}@acme.example")
        Membership.objects.create(organization=organization, user=colleague)
        dispute(finding, colleague)
    review_flow.decision_record(
        version=submission, review=review, curator=curator, outcome=Outcome.CONSISTENT,
        verdicts={f.pk: (Verdict.DISMISSED, "Peer work.") for f in findings},
    )
    # Verdicts and disputes are prefetched with the findings (selectors.findings_of).
    assert report_queries(client, submission) == before
    assert report_queries(client, submission) == before_cached < before


def test_the_cached_report_shows_each_new_dispute_and_verdict(
    client, submission, admin_user, curator
):
    client.force_login(admin_user)
    review = submission.reviews.get()
    finding = review.findings.first()
    client.get(submission.get_absolute_url())
    services.finding_dispute(finding=finding, user=admin_user, comment="Peers do this here.")
    assert "Peers do this here." in client.get(submission.get_absolute_url()).content.decode()
    review_flow.decision_record(
        version=submission, review=review, curator=curator, outcome=Outcome.CONSISTENT,
        verdicts={finding.pk: (Verdict.DISMISSED, "A peer task in this setting.")},
    )
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "A peer task in this setting." in page


def test_each_visitor_gets_their_own_csrf_token_in_the_cached_report(
    submission, admin_user, member_user
):
    for user in (admin_user, member_user):
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        page = client.get(submission.get_absolute_url()).content.decode()
        assert "__report-body-csrf-token__" not in page
        token = page.split('name="csrfmiddlewaretoken" value="')[-1].split('"')[0]
        finding = submission.reviews.get().findings.first()
        response = client.post(
            f"/workspace/findings/{finding.pk}/dispute/",
            {"comment": f"Disagree {user.pk}", "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302
