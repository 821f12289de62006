"""What changes an assessment: start, answer, submit, share. Who may do it is
decided by the views through workspace.permissions."""

from django.db import IntegrityError, transaction
from django.utils import timezone

from readiness.models import Answer, Assessment
from readiness.selectors import instrument
from workspace.services import WorkspaceError


def assessment_start(*, organization, user) -> Assessment:
    """A new draft; an organization has one draft at a time."""
    try:
        with transaction.atomic():
            return Assessment.objects.create(organization=organization, started_by=user)
    except IntegrityError:
        raise WorkspaceError(
            "An assessment is already in progress. Finish and submit it before starting another."
        ) from None


def _draft(assessment: Assessment) -> Assessment:
    """The assessment, locked, if it is still a draft (two admins may submit at once)."""
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.is_submitted:
        raise WorkspaceError("This assessment was submitted; its answers can no longer change.")
    return locked


@transaction.atomic
def answers_save(*, assessment: Assessment, member, answers: dict) -> int:
    """Store a member's answers: {statement: (rating, note, proposed_rating)}; a statement
    left without a rating removes that member's earlier answer. Returns how many are rated."""
    _draft(assessment)
    for statement, (rating, note, proposed) in answers.items():
        lookup = {"assessment": assessment, "statement": statement, "member": member}
        if not rating:
            Answer.objects.filter(**lookup).delete()
            continue
        Answer.objects.update_or_create(
            **lookup, defaults={"rating": rating, "note": note, "proposed_rating": proposed}
        )
    return Answer.objects.filter(assessment=assessment, member=member).count()


@transaction.atomic
def assessment_submit(*, assessment: Assessment, user) -> Assessment:
    """Submit with the submitting admin's answers as the organization's result; every
    statement of the instrument must have one."""
    locked = _draft(assessment)
    answered = set(
        Answer.objects.filter(assessment=locked, member=user).values_list("statement_id", flat=True)
    )
    missing = [statement for statement in instrument() if statement.pk not in answered]
    if missing:
        raise WorkspaceError(
            f"Rate every statement before submitting: {len(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} still without your rating. Your answers "
            "are the organization's result (use “Not applicable” where a statement does not "
            "apply)."
        )
    locked.status = Assessment.Status.SUBMITTED
    locked.submitted_by, locked.submitted_at = user, timezone.now()
    locked.save(update_fields=["status", "submitted_by", "submitted_at"])
    return locked


def assessment_share(*, assessment: Assessment, share: bool) -> Assessment:
    if not assessment.is_submitted:
        raise WorkspaceError("Submit the assessment before sharing it with curators.")
    assessment.shared_with_curators = share
    assessment.save(update_fields=["shared_with_curators"])
    return assessment
