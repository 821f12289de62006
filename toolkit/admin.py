from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from portal.content import CuratedAdmin, Status
from toolkit.models import REVIEW_INTERVAL, Audience, Document, Topic


class ReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Overdue (last reviewed over a year ago)"),
            ("current", "Reviewed within a year"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.review_overdue()
        if self.value() == "current":
            return queryset.filter(last_reviewed__gte=timezone.localdate() - REVIEW_INTERVAL)
        return queryset


class DocumentForm(forms.ModelForm):
    request = None  # set per request by DocumentAdmin.get_form

    def clean(self):
        # The site's upload handler drops a file over its cap; say so instead of
        # saving the document silently without its attachment.
        if getattr(self.request, "upload_too_large", False):
            self.add_error(
                "attachment",
                f"This file is larger than the site's upload limit of "
                f"{filesizeformat(settings.MAX_ATTACHMENT_BYTES)} and was not received.",
            )
        return super().clean()


@admin.register(Document)
class DocumentAdmin(CuratedAdmin, SimpleHistoryAdmin):
    form = DocumentForm
    list_display = ("title", "kind", "status", "last_reviewed", "published_at", "view_on_site_link")
    list_filter = ("status", "kind", ReviewFilter, "topics", "audiences", "link_status")
    search_fields = ("title", "summary", "body", "publisher")
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("topics", "audiences")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    readonly_fields = (*CuratedAdmin.readonly_fields, "published_at")
    actions = ["publish", "unpublish", "mark_reviewed"]
    fieldsets = [
        (None, {"fields": ("title", "slug", "kind", "summary", "body")}),
        ("Who and what it is for", {"fields": ("audiences", "topics", "related_standards")}),
        (
            "Attachment or external resource",
            {"fields": ("attachment", "external_url", "link_status", "publisher", "year")},
        ),
        (
            "Publishing",
            {
                "fields": (
                    "status",
                    "view_on_site_link",
                    "last_reviewed",
                    "published_at",
                    "edited_by_curator",
                    "created_at",
                    "updated_at",
                )
            },
        ),
    ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        return type(form.__name__, (form,), {"request": request})

    def _save_each(self, request, queryset, message, **changes):
        # Saved one by one (not .update()) so each change lands in the history.
        for document in queryset:
            for name, value in changes.items():
                setattr(document, name, value)
            document.edited_by_curator = True
            document.save()
        self.message_user(request, message.format(count=len(queryset)), messages.SUCCESS)

    @admin.action(description="Publish selected documents", permissions=["change"])
    def publish(self, request, queryset):
        self._save_each(
            request, queryset, "Published {count} document(s).", status=Status.PUBLISHED
        )

    @admin.action(
        description="Unpublish selected documents (back to draft)", permissions=["change"]
    )
    def unpublish(self, request, queryset):
        self._save_each(
            request, queryset, "Returned {count} document(s) to draft.", status=Status.DRAFT
        )

    @admin.action(description="Mark selected documents as reviewed today", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        self._save_each(
            request,
            queryset,
            "Marked {count} document(s) as reviewed.",
            last_reviewed=timezone.localdate(),
        )


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "order")
    list_editable = ("order",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("edited_by_curator",)

    def save_model(self, request, obj, form, change):
        obj.edited_by_curator = True
        super().save_model(request, obj, form, change)


@admin.register(Audience)
class AudienceAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")
