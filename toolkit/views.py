from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render

from portal.content import Status
from toolkit.attachments import ATTACHMENT_TYPES
from toolkit.forms import DocumentFilterForm
from toolkit.models import Document, Topic
from toolkit.rendering import render_markdown
from toolkit.wordfile import document_to_docx

PAGE_SIZE = 20
DOCX_TYPE = ATTACHMENT_TYPES[".docx"][1]


def index(request):
    published = Document.objects.published()
    # Meta.ordering does not apply to aggregate queries, so order explicitly.
    topics = Topic.objects.annotate(
        document_count=Count("documents", filter=Q(documents__status=Status.PUBLISHED))
    ).order_by("order", "name")
    return render(
        request,
        "toolkit/index.html",
        {
            "topics": topics,
            "newest": published.order_by("-published_at", "title")[:5],
            "recently_reviewed": published.order_by("-last_reviewed", "title")[:5],
        },
    )


def document_list(request):
    form = DocumentFilterForm(request.GET or None)
    documents = form.filter(Document.objects.published().for_listing())
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "toolkit/document_list.html", {"form": form, "page": page})


def _visible_document(request, slug):
    return get_object_or_404(Document.objects.visible_to(request.user), slug=slug)


def document_detail(request, slug):
    document = _visible_document(request, slug)
    related = (
        Document.objects.published()
        .filter(topics__in=document.topics.all())
        .exclude(pk=document.pk)
        .distinct()
        .order_by("title")[:5]
    )
    return render(
        request,
        "toolkit/document_detail.html",
        {
            "document": document,
            "body": render_markdown(document.body),
            "sources": render_markdown(document.sources).html,
            "topics": document.topics.all(),
            "audiences": document.audiences.all(),
            "related_documents": related,
        },
    )


def _download_headers(response):
    # The file is for saving, never for the browser to guess at and render.
    response["X-Content-Type-Options"] = "nosniff"
    return response


def attachment_download(request, slug):
    document = _visible_document(request, slug)
    if not document.attachment:
        raise Http404("This document has no attachment.")
    suffix = "." + document.attachment.name.rsplit(".", 1)[-1].lower()
    if suffix not in ATTACHMENT_TYPES:
        raise Http404("Unsupported attachment.")
    response = FileResponse(
        document.attachment.open("rb"),
        as_attachment=True,
        filename=f"{document.slug}{suffix}",
        content_type=ATTACHMENT_TYPES[suffix][1],
    )
    return _download_headers(response)


def template_docx(request, slug):
    """Templates download as Word files generated from the page's own text."""
    document = _visible_document(request, slug)
    if document.kind != Document.Kind.TEMPLATE:
        raise Http404("Only templates have a Word version.")
    response = HttpResponse(document_to_docx(document), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{document.slug}.docx"'
    return _download_headers(response)
