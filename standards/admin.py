from django.contrib import admin
from django.db import models
from simple_history.admin import SimpleHistoryAdmin

from portal.content import CuratedAdmin
from standards.models import (
    Competency,
    CompetencyFramework,
    EthicsPrinciple,
    ProhibitedTask,
    RoleStandard,
    SourceDocument,
)


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


@admin.register(ProhibitedTask)
class ProhibitedTaskAdmin(StandardsAdmin):
    list_display = ("title", "slug", "order", "status", "last_reviewed", "edited_by_curator")
    list_editable = ("order",)
    list_filter = ("ethics", *StandardsAdmin.list_filter)
    search_fields = ("title", "slug", "covers", "why_it_conflicts", "permitted_instead")
    filter_horizontal = ("ethics",)
    readonly_fields = ("slug", *CuratedAdmin.readonly_fields)

    def get_readonly_fields(self, request, obj=None):
        # The slug is the checker's category: fixed once the task exists.
        if obj is None:
            return CuratedAdmin.readonly_fields
        return self.readonly_fields
