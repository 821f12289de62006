"""Readiness pages. Who may see an assessment is `Assessment.objects.visible_to`; who
may act is workspace.permissions (members answer, admins start, submit and share).
A refusal is a 404, as in the workspace."""

from allauth.account.decorators import verified_email_required
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from portal.roles import curator_required
from readiness import exports, selectors, services
from readiness.forms import AnswersForm
from readiness.proposals import proposals_for
from readiness.results import disagreements, result_of
from workspace import permissions
from workspace import selectors as workspace_selectors
from workspace.services import WorkspaceError
from workspace.views.common import found, require


def _result(assessment):
    earlier = selectors.previous_submitted(assessment)
    return result_of(
        assessment, selectors.result_answers(assessment),
        earlier, selectors.result_answers(earlier) if earlier else (),
    )


@verified_email_required
def overview(request, pk):
    organization = found(workspace_selectors.organization_for(request.user, pk))
    membership = found(permissions.membership_of(request.user, organization))
    assessments = list(selectors.assessments_of(organization))
    return render(request, "readiness/overview.html", {
        "organization": organization, "membership": membership, "retake": bool(assessments),
        "submitted": [a for a in assessments if a.is_submitted],
        "draft": next((a for a in assessments if not a.is_submitted), None),
    })


@require_POST
@verified_email_required
def start(request, pk):
    organization = found(workspace_selectors.organization_for(request.user, pk))
    require(permissions.may_manage(request.user, organization))
    try:
        assessment = services.assessment_start(organization=organization, user=request.user)
    except WorkspaceError as error:
        messages.error(request, error.message)
        return redirect("readiness:overview", pk=organization.pk)
    messages.success(request, "Assessment started. Invite your colleagues to answer too.")
    return redirect("readiness:answer", pk=assessment.pk)


@verified_email_required
def assessment(request, pk):
    assessment = found(selectors.assessment_for(request.user, pk))
    membership = permissions.membership_of(request.user, assessment.organization)
    context = {"assessment": assessment, "organization": assessment.organization,
               "membership": membership}
    if assessment.is_submitted:
        context.update(_result(assessment))
        return render(request, "readiness/result.html", context)
    statements = selectors.instrument()
    team = selectors.team_answers(assessment)
    context.update(
        statements=statements,
        answered_by_me=sum(
            1 for answers in team.values() for a in answers if a.member_id == request.user.pk
        ),
        members_answering=sorted({a.member.email for answers in team.values() for a in answers}),
        disagreements=disagreements(statements, team) if membership.is_admin else [],
    )
    return render(request, "readiness/draft.html", context)


@verified_email_required
def answer(request, pk):
    assessment = found(selectors.assessment_for(request.user, pk))
    require(permissions.membership_of(request.user, assessment.organization) is not None)
    if assessment.is_submitted:
        return redirect(assessment)
    statements = selectors.instrument()
    form = AnswersForm(
        request.POST or None, statements=statements,
        proposals=proposals_for(assessment.organization),
        answers=selectors.answers_by(assessment, request.user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            rated = services.answers_save(
                assessment=assessment, member=request.user, answers=form.answers()
            )
        except WorkspaceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, f"Your answers are saved: {rated} of {len(statements)} "
                                      "statements rated.")
        return redirect(assessment)
    return render(request, "readiness/answer.html", {
        "assessment": assessment, "organization": assessment.organization, "form": form,
    }, status=400 if form.errors else 200)


def _managed(request, pk):
    """An assessment the user may submit and share: their organization's admins."""
    assessment = found(selectors.assessment_for(request.user, pk))
    require(permissions.may_manage(request.user, assessment.organization))
    return assessment


@require_POST
@verified_email_required
def submit(request, pk):
    assessment = _managed(request, pk)
    try:
        services.assessment_submit(assessment=assessment, user=request.user)
    except WorkspaceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Assessment submitted. Here are your scores and action plan.")
    return redirect(assessment)


@require_POST
@verified_email_required
def share(request, pk):
    assessment = _managed(request, pk)
    shared = request.POST.get("share") == "1"
    try:
        services.assessment_share(assessment=assessment, share=shared)
    except WorkspaceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, "Curators can now read this assessment." if shared
                         else "This assessment is no longer shared with curators.")
    return redirect(assessment)


def _submitted_for(request, pk):
    assessment = found(selectors.assessment_for(request.user, pk))
    require(assessment.is_submitted)
    return assessment


@verified_email_required
def print_view(request, pk):
    assessment = _submitted_for(request, pk)
    return render(request, "readiness/print.html", {
        "organization": assessment.organization, **_result(assessment),
    })


@verified_email_required
def pdf(request, pk):
    assessment = _submitted_for(request, pk)
    response = HttpResponse(exports.result_pdf(_result(assessment)),
                            content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="readiness-{assessment.submitted_at:%Y-%m-%d}.pdf"'
    )
    return response


@curator_required
def shared(request):
    page = Paginator(selectors.shared_assessments(), 50).get_page(request.GET.get("page"))
    return render(request, "readiness/shared.html", {"page": page})
