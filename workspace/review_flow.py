"""The states of a version under curator review, and the only ways to move them.

submitted -> in review -> decided (a curator may also decide straight from
submitted). Emails go out from here, explicitly, never from signals.
"""

from django.conf import settings
from django.db import transaction

from workspace.emails import Delivery, send_on_commit
from workspace.models import (
    CuratorDecision,
    FindingVerdict,
    JobDescriptionVersion,
    ReviewStatus,
    Role,
)
from workspace.services import WorkspaceError

TRANSITIONS = {
    ReviewStatus.SUBMITTED: {ReviewStatus.IN_REVIEW, ReviewStatus.DECIDED},
    ReviewStatus.IN_REVIEW: {ReviewStatus.DECIDED},
    ReviewStatus.DECIDED: set(),
}

# What each state means for the organization, said on the report page beside the state.
STATUS_MEANINGS = {
    ReviewStatus.SUBMITTED: (
        "No curator has looked at this version yet. The findings below come from the "
        "automatic checker. A Transcom curator may review them, confirm or dismiss each one and "
        "record a decision; nothing waits on you meanwhile, and you can revise at any time."
    ),
    ReviewStatus.IN_REVIEW: (
        "A Transcom curator is reviewing this version now, with any disagreements you recorded. "
        "When they decide, your organization's admins get an email and the decision appears "
        "here. You can still record a disagreement or revise; a revision is a new version."
    ),
    ReviewStatus.DECIDED: (
        "A Transcom curator has decided on this version and may have noted their view of each "
        "finding. The decision is final for this version: to act on it, revise the "
        "description, which makes a new version."
    ),
}


def _move(version: JobDescriptionVersion, to: str) -> JobDescriptionVersion:
    version = JobDescriptionVersion.objects.select_for_update().get(pk=version.pk)
    if to not in TRANSITIONS[version.review_status]:
        raise WorkspaceError(
            f"This version is {version.get_review_status_display().lower()}; "
            f"it cannot move to {ReviewStatus(to).label.lower()}."
        )
    version.review_status = to
    version.save(update_fields=["review_status"])
    return version


@transaction.atomic
def review_start(*, version: JobDescriptionVersion) -> JobDescriptionVersion:
    """A curator takes a submitted version into review."""
    return _move(version, ReviewStatus.IN_REVIEW)


@transaction.atomic
def decision_record(*, version, review, curator, outcome, comments="", verdicts=None):
    """Record a curator's decision and their verdict on each finding; email the admins once.

    `verdicts` maps a finding of `review` to (verdict, reason). The email goes out on
    commit; `decision.email_delivery` says whether it was sent.
    """
    version = _move(version, ReviewStatus.DECIDED)
    decision = CuratorDecision.objects.create(
        version=version, review=review, curator=curator, outcome=outcome, comments=comments
    )
    findings = {finding.pk: finding for finding in review.findings.all()}
    FindingVerdict.objects.bulk_create(
        FindingVerdict(finding=findings[finding_id], decision=decision, verdict=verdict,
                       reason=reason)
        for finding_id, (verdict, reason) in (verdicts or {}).items()
        if finding_id in findings
    )
    decision.email_delivery = _email_decision(decision)
    return decision


def _email_decision(decision: CuratorDecision) -> Delivery:
    """Email the organization's admins once the decision is committed."""
    organization = decision.version.job_description.organization
    admins = list(
        organization.memberships.filter(role=Role.ADMIN).values_list("user__email", flat=True)
    )
    if not admins:
        return Delivery()
    return send_on_commit(
        subject=f"Decision on {decision.version.job_description.title}",
        template="workspace/email/decision.txt",
        context={"decision": decision, "version": decision.version,
                 "organization": organization, "site_name": settings.SITE_NAME},
        recipients=admins,
        kind="decision",
    )
