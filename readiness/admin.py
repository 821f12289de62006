"""Curators edit the instrument like other standards content. Assessments and
answers are the organizations' private data and have no admin."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.content import CuratedAdmin
from readiness.models import Section, Statement


class StatementInline(admin.TabularInline):
    model = Statement
    fields = ("order", "wording", "status")
    extra = 0
    show_change_link = True


@admin.register(Section)
class SectionAdmin(CuratedAdmin, SimpleHistoryAdmin):
    list_display = ("title", "order", "status", "edited_by_curator")
    search_fields = ("title",)
    filter_horizontal = ("guides",)
    inlines = [StatementInline]


@admin.register(Statement)
class StatementAdmin(CuratedAdmin, SimpleHistoryAdmin):
    list_display = ("wording", "section", "proposal", "status", "edited_by_curator")
    list_filter = ("section", "status", "edited_by_curator", "source_document")
    list_select_related = ("section", "source_document")
    search_fields = ("wording", "source_quote", "source_section")
    autocomplete_fields = ("source_document",)
    fieldsets = [
        (None, {"fields": ("section", "order", "slug", "wording", "status", "last_reviewed")}),
        ("Source", {"fields": ("source_document", "source_section", "source_quote")}),
        ("Links", {"fields": ("role_standard", "prohibited_tasks", "proposal")}),
        ("What each rating looks like (only where the source says)",
         {"fields": ("level_not_in_place", "level_partly", "level_fully")}),
        ("Record", {"fields": CuratedAdmin.readonly_fields}),
    ]
