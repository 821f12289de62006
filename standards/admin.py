import re

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.forms.formsets import all_valid
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from simple_history.admin import SimpleHistoryAdmin

import jdcheck
from portal.content import CuratedAdmin
from portal.roles import curator_required
from standards import rule_checks
from standards.models import (
    Competency,
    CompetencyFramework,
    EmployerQuestion,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
    SourceDocument,
    TaskRule,
)
from standards.rules import RULE_FIELDS, ruleset_data


class StandardsAdmin(CuratedAdmin, SimpleHistoryAdmin):
    """Curated content with its change history ("History" button on each record)."""

    list_filter = ("status", "edited_by_curator", "source_document")
    list_select_related = ("source_document",)
    autocomplete_fields = ("source_document",)


@admin.register(SourceDocument)
class SourceDocumentAdmin(CuratedAdmin, SimpleHistoryAdmin):
    list_display = ("key", "title", "publisher", "year", "file_name")
    search_fields = ("key", "title", "publisher", "file_name")
    readonly_fields = ("edited_by_curator", "created_at", "updated_at")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(EthicsPrinciple)
class EthicsPrincipleAdmin(StandardsAdmin):
    list_display = ("number", "title", "verified", "status", "last_reviewed", "edited_by_curator")
    list_filter = ("verified", *StandardsAdmin.list_filter)
    search_fields = ("title", "summary", "body")


class CompetencyInline(admin.TabularInline):
    model = Competency
    fields = ("kind", "number", "name", "description", "edited_by_curator")
    readonly_fields = ("edited_by_curator",)
    extra = 0


@admin.register(CompetencyFramework)
class CompetencyFrameworkAdmin(StandardsAdmin):
    list_display = ("short_name", "publisher", "year", "order", "status", "last_reviewed")
    list_editable = ("order",)
    search_fields = ("name", "short_name", "description", "competencies__name")
    prepopulated_fields = {"slug": ("short_name",)}
    inlines = [CompetencyInline]

    def save_formset(self, request, form, formset, change):
        # A competency edited here is a curator edit too: seeding must keep it.
        for inline_form in formset.forms:
            if inline_form.has_changed():
                inline_form.instance.edited_by_curator = True
        super().save_formset(request, form, formset, change)


@admin.register(RoleStandard)
class RoleStandardAdmin(StandardsAdmin):
    list_display = ("title", "figure_year", "order", "status", "last_reviewed", "edited_by_curator")
    list_editable = ("order",)
    search_fields = ("title", "summary", "body", "source_quote")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(EmployerQuestion)
class EmployerQuestionAdmin(StandardsAdmin):
    list_display = ("question", "task", "element", "order", "status", "edited_by_curator")
    list_editable = ("order",)
    list_filter = ("element", "task", *StandardsAdmin.list_filter)
    list_select_related = ("task", "source_document")
    search_fields = ("question", "standard")
    autocomplete_fields = ("source_document", "task", "role_standard")
    fieldsets = (
        (None, {"fields": ("question", "standard", "slug", "status", "order")}),
        ("When it is asked", {"fields": ("task", "element")}),
        ("Where it comes from", {"fields": ("role_standard", "source_document", "source_section",
                                            "last_reviewed")}),
        ("Record", {"fields": ("edited_by_curator", "created_at", "updated_at")}),
    )


class LinesField(forms.CharField):
    """A list of phrases or sentences, edited one per line."""

    def __init__(self, **kwargs):
        super().__init__(widget=forms.Textarea(attrs={"rows": 6, "cols": 100}), **kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in super().to_python(value).splitlines() if line.strip()]


class PatternsField(LinesField):
    """Phrase-language patterns: each must compile (never used as a regex)."""

    def validate(self, value):
        super().validate(value)
        errors = rule_checks.pattern_errors(value)
        if errors:
            raise ValidationError(errors)


class EthicsItemsField(forms.CharField):
    """Code of Ethics item numbers, written "7, 10"."""

    def prepare_value(self, value):
        return ", ".join(str(number) for number in value) if isinstance(value, list) else value

    def to_python(self, value):
        items = super().to_python(value).replace(",", " ").split()
        if not all(re.fullmatch(r"[0-9]{1,3}", item) for item in items):
            raise ValidationError("Write item numbers separated by commas, e.g. 7, 10.")
        return [int(item) for item in items]


class TaskSlugsField(forms.CharField):
    """Task slugs, written "reading_records, treatment_planning"; each must exist."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return super().to_python(value).replace(",", " ").split()

    def validate(self, value):
        super().validate(value)
        known = set(ProhibitedTask.objects.values_list("slug", flat=True))
        unknown = [slug for slug in value if slug not in known]
        if unknown:
            raise ValidationError(
                f"No task is called “{unknown[0]}”. Write task slugs separated by commas, "
                "e.g. reading_records, treatment_planning."
            )


PATTERN_HELP = (
    "One phrase per line. Words match their inflections; a|b alternatives; [optional]; "
    "(multi word|phrases); * skips up to four words."
)


class TaskRuleForm(forms.ModelForm):
    """A task's checker rule. A change needs a note and must keep the task's examples right."""

    triggers = PatternsField(help_text="Phrases that flag the task. " + PATTERN_HELP)
    permitted = PatternsField(
        required=False,
        help_text="Contexts that make the duty a permitted peer activity. " + PATTERN_HELP,
    )
    must_flag = LinesField(
        required=False, help_text="Sentences the rule must flag, one per line (tested on save)."
    )
    must_not_flag = LinesField(
        required=False, help_text="Sentences the rule must not flag, one per line (tested on save)."
    )
    ethics = EthicsItemsField(required=False, label="Code of Ethics items")
    governs = TaskSlugsField(
        required=False,
        help_text=TaskRule._meta.get_field("governs").help_text + " Task slugs, comma-separated.",
    )
    change_note = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 100}),
        help_text="Why you are making this change; kept in the rule's history. "
        "Required for every change.",
    )

    class Meta:
        model = TaskRule
        fields = (
            "status", "triggers", "permitted", "must_flag", "must_not_flag",
            "reason", "suggestion", "ethics", "source", "source_quote",
            "governs", "governs_purpose", "object_is_people", "flag_in_qualifications",
        )

    @property
    def rule_changed(self) -> bool:
        return bool(set(self.changed_data) - {"change_note"})

    @property
    def slug(self) -> str:
        return self.instance.task.slug or "new_task"

    def table(self) -> dict:
        """The edited rule as a [tasks.<slug>] table."""
        return {
            "title": self.instance.task.title,
            **{name: self.cleaned_data[name] for name in RULE_FIELDS},
        }

    def clean(self):
        cleaned_data = super().clean()
        if not self.rule_changed:
            return cleaned_data
        if not cleaned_data.get("change_note"):
            self.add_error("change_note", "Say why you are making this change.")
        if not self.errors:
            for field, messages in jdcheck.task_limit_errors(self.table()).items():
                for message in messages:
                    self.add_error(field, message)
        if not self.errors:
            failures = rule_checks.example_failures(self.slug, self.table())
            for sentence in failures["must_flag"]:
                self.add_error("must_flag", f"This example would no longer be flagged: “{sentence}”")
            for sentence in failures["must_not_flag"]:
                self.add_error("must_not_flag", f"This example would be flagged: “{sentence}”")
        return cleaned_data

    def save(self, commit=True):
        self.instance.edited_by_curator = True  # seeding keeps it from now on
        self.instance._change_reason = self.cleaned_data["change_note"]  # simple-history
        return super().save(commit)


class TaskRuleInline(admin.StackedInline):
    model = TaskRule
    form = TaskRuleForm
    extra = 1
    can_delete = False  # withdraw a rule by making it a draft; seeding would bring it back
    fieldsets = (
        (None, {"fields": ("status", "triggers", "permitted", "must_flag", "must_not_flag")}),
        ("In findings", {"fields": ("reason", "suggestion", "ethics")}),
        ("Citation", {"fields": ("source", "source_quote")}),
        ("Among the other tasks", {"fields": (
            "governs", "governs_purpose", "object_is_people", "flag_in_qualifications",
        )}),
        (None, {"fields": ("change_note",)}),
    )


def carried_fields(post) -> list[tuple[str, str]]:
    """The change form's fields as posted, to post back unchanged when saving."""
    skip = {"csrfmiddlewaretoken", PREVIEW}
    return [(name, value) for name in post if name not in skip for value in post.getlist(name)]


def rule_preview_errors(form, formsets) -> list[str]:
    """Every error of the posted change form, "Field: message", to show instead of a preview."""
    errors = []
    for each in [form, *(f for fs in formsets for f in fs.forms)]:
        for name, messages in each.errors.items():
            label = each[name].label if name in each.fields else "The form"
            errors += [f"{label}: {message}" for message in messages]
    for formset in formsets:
        errors += list(formset.non_form_errors())
    return errors


PREVIEW = "_preview"  # the change form's preview button, not carried back


@admin.register(ProhibitedTask)
class ProhibitedTaskAdmin(StandardsAdmin):
    list_display = (
        "title", "slug", "order", "status", "rule_status", "last_reviewed", "edited_by_curator"
    )
    list_editable = ("order",)
    list_filter = ("ethics", *StandardsAdmin.list_filter)
    search_fields = ("title", "slug", "covers", "why_it_conflicts", "permitted_instead")
    filter_horizontal = ("ethics",)
    readonly_fields = ("slug", *CuratedAdmin.readonly_fields)
    list_select_related = ("source_document", "rule")
    inlines = [TaskRuleInline]

    @admin.display(description="Checker rule", ordering="rule__status")
    def rule_status(self, task):
        rule = getattr(task, "rule", None)
        return rule.get_status_display() if rule else "—"

    def get_urls(self):
        preview = self.admin_site.admin_view(curator_required(self.rule_preview_view))
        return [
            path("<path:object_id>/preview/", preview, name="standards_prohibitedtask_preview"),
            *super().get_urls(),  # after ours: its "<object_id>/" would catch the preview
        ]

    def rule_preview_view(self, request, object_id):
        """The effect of the edited rule on the development corpus, from the change
        form's POST. Nothing is saved here; the page carries the edit back to the
        change form, where "Save this rule" saves it as any edit is saved."""
        task = self.get_object(request, unquote(object_id))
        if task is None:
            raise Http404("No such task")
        if not self.has_change_permission(request, task):
            raise PermissionDenied
        change_url = reverse("admin:standards_prohibitedtask_change", args=[task.pk])
        if request.method != "POST":
            return redirect(change_url)
        form = self.get_form(request, task, change=True)(request.POST, request.FILES, instance=task)
        form_valid = form.is_valid()  # fills `task` in memory only; it is never saved here
        formsets, _inlines = self._create_formsets(request, task, change=True)
        rule_form = next(
            (f for fs in formsets for f in fs.forms if f.has_changed() or f.instance.pk), None
        )
        errors = rule_preview_errors(form, formsets) if not (
            form_valid and all_valid(formsets)
        ) else []
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": task,
            "title": f"Preview: {task.title}",
            "change_url": change_url,
            "carried": carried_fields(request.POST),
            "errors": errors,
            "has_rule": rule_form is not None,
        }
        if rule_form is not None and not errors:
            slug = rule_form.slug
            context["rule_preview"] = {
                "as_draft": rule_form.cleaned_data["status"] == TaskRule.Status.DRAFT,
                **rule_checks.corpus_effect(
                    slug, ruleset_data()["tasks"].get(slug), rule_form.table()
                ),
            }
        return TemplateResponse(request, "admin/standards/prohibitedtask/rule_preview.html", context)

    def get_readonly_fields(self, request, obj=None):
        # The slug is the checker's category: fixed once the task exists.
        if obj is None:
            return CuratedAdmin.readonly_fields
        return self.readonly_fields
