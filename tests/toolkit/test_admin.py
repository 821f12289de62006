import datetime
import io
import zipfile

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.content import Status
from toolkit.models import Document

pytestmark = pytest.mark.django_db
ADMIN = "/" + settings.ADMIN_URL + "toolkit/document/"


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def add_form(**overrides):
    data = {
        "title": "Supervisor checklist",
        "slug": "supervisor-checklist",
        "kind": "checklist",
        "summary": "What to arrange before a peer specialist starts.",
        "body": "## Before\n\n- Training",
        "related_standards": "[]",
        "external_url": "",
        "link_status": "ok",
        "publisher": "",
        "year": "",
        "status": "draft",
        "last_reviewed": "2026-01-15",
    }
    data.update(overrides)
    return data


def test_curators_group_has_every_toolkit_permission():
    codenames = set(
        Group.objects.get(name="Curators").permissions.values_list("codename", flat=True)
    )
    for model in ("document", "topic", "audience"):
        for action in ("add", "change", "delete", "view"):
            assert f"{action}_{model}" in codenames


def test_a_curator_adds_a_draft_with_a_pdf_attachment(curator_client, media_root):
    pdf = SimpleUploadedFile("guide.pdf", b"%PDF-1.7\n...", content_type="application/pdf")
    response = curator_client.post(ADMIN + "add/", add_form(attachment=pdf))
    assert response.status_code == 302, response.context["adminform"].form.errors
    document = Document.objects.get(slug="supervisor-checklist")
    assert document.status == Status.DRAFT
    assert document.edited_by_curator
    assert document.attachment.name.endswith(".pdf")


def test_a_text_file_named_pdf_is_refused_with_a_message(curator_client, media_root):
    fake = SimpleUploadedFile("guide.pdf", b"just some text", content_type="application/pdf")
    response = curator_client.post(ADMIN + "add/", add_form(attachment=fake))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["attachment"]
    assert errors == [
        "This file is named as a PDF but its content is not a PDF. "
        "Export it again from the program that made it and attach that file."
    ]
    assert not Document.objects.exists()


def test_a_pdf_named_docx_is_refused(curator_client, media_root):
    fake = SimpleUploadedFile("guide.docx", b"%PDF-1.7\n...")
    response = curator_client.post(ADMIN + "add/", add_form(attachment=fake))
    assert "its content is not a Word document" in str(response.context["adminform"].form.errors)


def test_a_zip_without_a_word_document_is_refused(curator_client, media_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hello")
    fake = SimpleUploadedFile("guide.docx", buffer.getvalue())
    response = curator_client.post(ADMIN + "add/", add_form(attachment=fake))
    assert "attachment" in response.context["adminform"].form.errors


def test_other_file_types_are_refused(curator_client, media_root):
    html = SimpleUploadedFile("guide.html", b"<script>alert(1)</script>")
    response = curator_client.post(ADMIN + "add/", add_form(attachment=html))
    assert response.context["adminform"].form.errors["attachment"] == [
        "Attach a PDF or a Word (.docx) file."
    ]


def test_a_real_docx_is_accepted_and_served_as_a_download(curator_client, client, media_root):
    upload = SimpleUploadedFile("template.docx", docx_bytes())
    response = curator_client.post(ADMIN + "add/", add_form(attachment=upload, status="published"))
    assert response.status_code == 302
    download = client.get("/toolkit/documents/supervisor-checklist/attachment/")
    assert download.status_code == 200
    assert download["Content-Disposition"] == 'attachment; filename="supervisor-checklist.docx"'
    assert download["Content-Type"].startswith("application/vnd.openxmlformats")
    assert download["X-Content-Type-Options"] == "nosniff"
    page = client.get("/toolkit/documents/supervisor-checklist/").content.decode()
    assert "Word document, " in page  # type and size next to the download link


def test_the_change_form_links_to_a_draft_preview(curator_client, draft):
    response = curator_client.get(ADMIN + f"{draft.pk}/change/")
    assert f'<a href="{draft.get_absolute_url()}">Preview draft</a>' in response.content.decode()


def test_bulk_publish_and_unpublish_record_history(curator_client, make_document):
    first = make_document(status=Status.DRAFT)
    second = make_document(status=Status.DRAFT)
    ids = [first.pk, second.pk]
    curator_client.post(ADMIN, {"action": "publish", "_selected_action": ids})
    first.refresh_from_db()
    assert first.status == Status.PUBLISHED and first.published_at is not None
    assert first.edited_by_curator
    assert first.history.count() == 2

    curator_client.post(ADMIN, {"action": "unpublish", "_selected_action": ids})
    assert set(Document.objects.values_list("status", flat=True)) == {Status.DRAFT}


def test_review_overdue_filter_lists_documents_not_reviewed_for_a_year(
    curator_client, make_document
):
    today = timezone.localdate()
    make_document(title="Stale guide", last_reviewed=today - datetime.timedelta(days=400))
    make_document(title="Fresh guide", last_reviewed=today - datetime.timedelta(days=30))
    content = curator_client.get(ADMIN + "?review=overdue").content.decode()
    assert "Stale guide" in content
    assert "Fresh guide" not in content


def test_history_page_shows_changes(curator_client, make_document):
    document = make_document(title="Tracked guide")
    response = curator_client.get(ADMIN + f"{document.pk}/history/")
    assert response.status_code == 200
    assert "Tracked guide" in response.content.decode()


def test_staff_outside_curators_cannot_edit_documents(staff_client, make_document):
    document = make_document()
    response = staff_client.get(ADMIN + f"{document.pk}/change/")
    assert response.status_code == 403


def test_a_file_over_the_site_upload_cap_is_reported_not_dropped(
    curator_client, media_root, settings
):
    settings.MAX_ATTACHMENT_BYTES = 100  # admin uploads have their own, larger cap
    pdf = SimpleUploadedFile("guide.pdf", b"%PDF-1.7\n" + b"x" * 500)
    response = curator_client.post(ADMIN + "add/", add_form(attachment=pdf))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["attachment"]
    assert "larger than the site's upload limit" in errors[0]
    assert not Document.objects.exists()
