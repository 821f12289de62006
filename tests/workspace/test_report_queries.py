"""The report's database queries do not grow with its findings and disputes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_user
from workspace import review_flow, services
from workspace.models import Membership, Outcome, Verdict

pytestmark = pytest.mark.django_db


def report_queries(client, version) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(version.get_absolute_url()).status_code == 200
    return len(queries)


def test_report_queries_do_not_grow_with_disputes_and_verdicts(
    client, submission, admin_user, curator
):
    client.force_login(admin_user)
    report_queries(client, submission)  # warm caches (ruleset, pay threshold)
    before = report_queries(client, submission)

    review = submission.reviews.get()
    findings = list(review.findings.all())
    assert len(findings) >= 2
    for n, finding in enumerate(findings):
        colleague = make_user(f"colleague{n}@acme.example")
        Membership.objects.create(organization=submission.job_description.organization,
                                  user=colleague)
        services.finding_dispute(finding=finding, user=colleague, comment="We disagree.")
        services.finding_dispute(finding=finding, user=admin_user, comment="So do I.")
    review_flow.decision_record(
        version=submission, review=review, curator=curator, outcome=Outcome.CONSISTENT,
        verdicts={f.pk: (Verdict.DISMISSED, "Peer work.") for f in findings},
    )
    # Verdicts and disputes are prefetched with the findings (selectors.latest_review).
    assert report_queries(client, submission) == before
