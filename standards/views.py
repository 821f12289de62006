"""Public pages of the standards. Drafts are visible only to curators, as previews."""

import datetime

from django import forms
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render

from portal.roles import curator_required
from standards.citations import cited_by_title
from standards.models import (
    CompetencyFramework,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
    SourceDocument,
    TaskRule,
)
from standards.services import peer_fte_needed

# The standards home page's own text (templates/standards/index.html) was last
# checked against 001 and 002 on this date; update it when the text is reviewed.
INDEX_LAST_REVIEWED = datetime.date(2026, 11, 22)


def index(request):
    return render(
        request,
        "standards/index.html",
        {
            "sources": SourceDocument.objects.filter(key__in=["001", "002"]),
            "last_reviewed": INDEX_LAST_REVIEWED,
        },
    )


def code_of_ethics(request):
    tasks = ProhibitedTask.objects.visible_to(request.user).only("slug", "title", "status")
    principles = (
        EthicsPrinciple.objects.visible_to(request.user)
        .select_related("source_document")
        .prefetch_related(Prefetch("prohibited_tasks", queryset=tasks))
    )
    return render(request, "standards/code_of_ethics.html", {"principles": principles})


def competencies(request):
    frameworks = (
        CompetencyFramework.objects.visible_to(request.user)
        .select_related("source_document")
        .annotate(item_count=Count("competencies"))
    )
    return render(request, "standards/competencies.html", {"frameworks": frameworks})


def framework(request, slug):
    framework = get_object_or_404(
        CompetencyFramework.objects.visible_to(request.user).select_related("source_document"),
        slug=slug,
    )
    items = framework.competencies.order_by("kind", "number")
    return render(request, "standards/framework.html", {"framework": framework, "items": items})


def compare_frameworks(request):
    frameworks = (
        CompetencyFramework.objects.visible_to(request.user)
        .select_related("source_document")
        .prefetch_related("competencies")
    )
    return render(request, "standards/compare.html", {"frameworks": frameworks})


class RatioForm(forms.Form):
    people_served = forms.IntegerField(
        label="People receiving supports",
        min_value=1,
        max_value=1_000_000,
        help_text="How many people your organization serves.",
    )


def role_standards(request):
    standards = RoleStandard.objects.visible_to(request.user).select_related("source_document")
    form = RatioForm(request.GET if "people_served" in request.GET else None)
    ratio = peer_fte_needed(form.cleaned_data["people_served"]) if form.is_valid() else None
    return render(
        request,
        "standards/role_standards.html",
        {"standards": standards, "form": form, "ratio": ratio},
    )


def role_standard(request, slug):
    standard = get_object_or_404(
        RoleStandard.objects.visible_to(request.user).select_related("source_document"),
        slug=slug,
    )
    return render(request, "standards/role_standard.html", {"standard": standard})


def tasks(request):
    tasks = ProhibitedTask.objects.visible_to(request.user).select_related("source_document")
    return render(request, "standards/tasks.html", {"tasks": tasks})


def task(request, slug):
    ethics = EthicsPrinciple.objects.visible_to(request.user)
    task = get_object_or_404(
        ProhibitedTask.objects.visible_to(request.user)
        .select_related("source_document")
        .prefetch_related(Prefetch("ethics", queryset=ethics)),
        slug=slug,
    )
    return render(request, "standards/task.html", {"task": task})


@curator_required
def rules(request):
    """For curators: each task's checker rule, its examples, and who changed it, when and why."""
    tasks = ProhibitedTask.objects.select_related("rule").order_by("order", "title")
    documents = list(SourceDocument.objects.all())
    entries = [
        {"task": task, "rule": task.rule, "history": _rule_history(task.rule, documents)}
        if hasattr(task, "rule")
        else {"task": task, "rule": None, "history": []}
        for task in tasks
    ]
    return render(request, "standards/rules.html", {"entries": entries})


# Bookkeeping fields, not part of what a rule says.
_HISTORY_SKIPPED = ["edited_by_curator", "created_at", "updated_at"]


def _rule_history(rule: TaskRule, documents) -> list[dict]:
    """The rule's history records, newest first, each with what it changed (sources cited
    by title even where an old value named a seed file)."""
    records = list(
        rule.history.select_related("history_user").order_by("history_date", "history_id")
    )
    entries = []
    for previous, record in zip([None, *records], records, strict=False):
        changes = []
        if previous is not None:
            delta = record.diff_against(previous, excluded_fields=_HISTORY_SKIPPED)
            changes = [_describe(change, documents) for change in delta.changes]
        entries.append({"record": record, "changes": changes})
    return entries[::-1]


def _describe(change, documents) -> dict:
    """A field's change; for lists (patterns, examples), the lines added and removed."""
    label = TaskRule._meta.get_field(change.field).verbose_name
    if change.field == "source":
        old, new = (cited_by_title(value or "", documents) for value in (change.old, change.new))
        return {"field": label, "old": old, "new": new}
    if isinstance(change.old, list) and isinstance(change.new, list):
        return {
            "field": label,
            "added": [item for item in change.new if item not in change.old],
            "removed": [item for item in change.old if item not in change.new],
        }
    return {"field": label, "old": change.old, "new": change.new}
