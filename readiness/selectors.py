"""Reads for readiness pages. Assessments come through `Assessment.objects.visible_to`."""

from collections import defaultdict

from readiness.models import Answer, Assessment, Statement


def instrument():
    """The published statements of published sections, in order."""
    return list(
        Statement.objects.published()
        .filter(section__status="published")
        .select_related("section", "role_standard", "source_document")
        .order_by("section__order", "section__pk", "order", "pk")
    )


def assessment_for(user, pk) -> Assessment | None:
    return Assessment.objects.visible_to(user).select_related(
        "organization", "started_by", "submitted_by"
    ).filter(pk=pk).first()


def assessments_of(organization):
    return organization.assessments.select_related("started_by", "submitted_by")


def shared_assessments():
    """For curators: submitted assessments their organizations chose to share."""
    return Assessment.objects.submitted().filter(shared_with_curators=True).select_related(
        "organization", "submitted_by"
    ).order_by("-submitted_at")


def answers_by(assessment, member) -> dict[int, Answer]:
    """One member's answers, by statement id."""
    return {
        answer.statement_id: answer
        for answer in Answer.objects.filter(assessment=assessment, member=member)
    }


def result_answers(assessment) -> list[Answer]:
    """The organization's result: the submitting admin's answers, in instrument order."""
    return list(
        Answer.objects.filter(assessment=assessment, member=assessment.submitted_by_id)
        .select_related(
            "statement__section", "statement__role_standard", "statement__source_document"
        )
        .prefetch_related("statement__section__guides")
        .order_by("statement__section__order", "statement__section__pk", "statement__order")
    )


def team_answers(assessment) -> dict[int, list[Answer]]:
    """Current members' answers, by statement id (PeerTAC's team comparison)."""
    answers = defaultdict(list)
    for answer in Answer.objects.filter(
        assessment=assessment, member__memberships__organization=assessment.organization_id
    ).select_related("member").order_by("member__email"):
        answers[answer.statement_id].append(answer)
    return answers


def previous_submitted(assessment) -> Assessment | None:
    """The organization's last assessment submitted before this one."""
    earlier = Assessment.objects.submitted().filter(organization=assessment.organization_id)
    if assessment.submitted_at:
        earlier = earlier.filter(submitted_at__lt=assessment.submitted_at)
    return earlier.order_by("-submitted_at").first()
