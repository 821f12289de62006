"""No page, snippet, advisory, feed or export names a source by its seed file name.

Sources are cited by publisher, title and year; "004_24d69d2ab747aade.txt" and the
bare key "004" are the seeding code's handles only. The database is one seeded by
the code that still cited file names, then seeded again, as an existing site is.
"""

import html
import re
import zipfile
from io import BytesIO, StringIO

import pypdf
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils.html import strip_tags

from standards.models import ProhibitedTask, RoleStandard, SourceDocument, TaskRule
from tests.conftest import make_curator, make_user, sign_in
from toolkit.models import Document
from workspace import services

pytestmark = pytest.mark.django_db

SEED_FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
# A seed key standing alone as a citation ("(004)", "listed in 003", "004, Payrate"),
# not a digit group of a number ("1,000", "$15.00") or part of a word or hash.
BARE_KEY = re.compile(r"(?<![\w$.,:/#+-])00[0-4](?![\w]|[.,]\d)")
INTERNAL_FILES = ("CONTENT.md",)

LOW_PAY_JD = """Peer Specialist

Responsibilities:
- Share lived experience of recovery to inspire hope.
- Pass medications to residents during the evening med pass.
- Write progress notes in the EHR after each contact.

Pay: $12.50 per hour. Supervised by a Certified Peer Specialist supervisor.
"""
PAY_CITATION = "Section I, Supporting Peer Roles: Payrate"
SEARCH_WORDS = ["payee", "notes", "supervision", "pay", "Transcom", "Massachusetts", "ethics"]
SKIPPED_PREFIXES = ("/accounts/", "/workspace/", "/static/", "/media/", "/check/",
                    "/" + settings.ADMIN_URL)


def file_names_in(text: str) -> list[str]:
    """Seed file names, bare seed keys and other internal file names in `text`."""
    found = SEED_FILE_NAME.findall(text) + [m.group(0) for m in BARE_KEY.finditer(text)]
    return found + [name for name in INTERNAL_FILES if name in text]


def visible_text(markup: str) -> str:
    markup = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", markup)
    return html.unescape(strip_tags(markup))


def assert_cites_by_title(where: str, raw: str, text: str | None = None):
    text = visible_text(raw) if text is None else text
    found = SEED_FILE_NAME.findall(raw) + file_names_in(text)
    assert not found, f"{where} shows internal file names: {sorted(set(found))}"


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(content)).pages)


def docx_text(content: bytes) -> str:
    """Every XML part of the .docx (body, comments, properties), tags stripped."""
    with zipfile.ZipFile(BytesIO(content)) as archive:
        parts = [archive.read(name).decode("utf-8") for name in archive.namelist()
                 if name.endswith(".xml")]
    return "\n".join(html.unescape(re.sub(r"<[^>]+>", " ", part)) for part in parts)


def low_pay_submission():
    """An organization's owner and the first, checked version of a description paying $12.50."""
    owner = make_user("owner@acme.example")
    organization = services.organization_create(
        user=owner, name="Acme Recovery", setting_type="residential", region="western"
    )
    _, version = services.job_description_create(
        organization=organization, title="Residential Peer Specialist", setting_type="",
        text=LOW_PAY_JD, original_filename="", user=owner,
    )
    return owner, version


@pytest.fixture
def reseeded_site():
    """A site seeded when sources were cited by file name, then seeded again."""
    call_command("seed", stdout=StringIO())
    rule = TaskRule.objects.get(task__slug="routine_notes")
    rule.source = "004_24d69d2ab747aade.txt, Core Tasks: Routine Notes"
    rule.save()
    RoleStandard.objects.filter(slug="supervision").update(
        body="The 2019 Transcom brief (001) also calls for appropriately trained CPS supervisors."
    )
    SourceDocument.objects.filter(key="mha-ncps").update(
        note="Listed in 003, The Peer Workforce, under Peer Support Certification."
    )
    Document.objects.filter(slug="where-peer-roles-succeed").update(
        sources="- Mental Health America, *The Peer Workforce* (web page, undated; "
        "`003_6a1027f10f4f6d5e.txt`), section \"Integration of Peer Support\"."
    )
    call_command("seed", stdout=StringIO())


def test_reseeding_replaces_file_names_seeded_earlier(reseeded_site):
    rule = TaskRule.objects.get(task__slug="routine_notes")
    assert rule.source.startswith("Massachusetts peer support community, Collective response")
    assert not file_names_in(RoleStandard.objects.get(slug="supervision").body)
    assert not file_names_in(SourceDocument.objects.get(key="mha-ncps").note)
    assert not file_names_in(Document.objects.get(slug="where-peer-roles-succeed").sources)
    # The file name stays the seeding code's key.
    assert SourceDocument.objects.get(key="004").file_name == "004_24d69d2ab747aade.txt"


def test_public_pages_feed_and_search_cite_sources_by_title(client, reseeded_site):
    expected = {"/", "/standards/", "/standards/competencies/", "/standards/code-of-ethics/",
                "/standards/role/", "/standards/tasks/", "/toolkit/", "/toolkit/feed/"}
    expected |= {task.get_absolute_url() for task in ProhibitedTask.objects.published()}
    expected |= {standard.get_absolute_url() for standard in RoleStandard.objects.published()}
    expected |= {document.get_absolute_url() for document in Document.objects.published()}
    start = ["/", "/toolkit/feed/", *[f"/search/?q={word}" for word in SEARCH_WORDS]]
    seen, queue = set(), list(start)
    while queue:
        url = queue.pop(0)
        if url in seen or len(seen) > 600:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        content_type = response["Content-Type"]
        if "wordprocessingml" in content_type:
            assert_cites_by_title(url, "", docx_text(response.content))
            continue
        body = response.content.decode()
        assert_cites_by_title(url, body)
        if content_type.startswith("text/html"):
            for link in re.findall(r'href="(/[^"#]*)', body):
                link = html.unescape(link)
                if not link.startswith(SKIPPED_PREFIXES) and link not in seen:
                    queue.append(link)
    expected |= {f"/toolkit/documents/{template.slug}/word/" for template
                 in Document.objects.published().filter(kind=Document.Kind.TEMPLATE)}
    assert expected <= seen, sorted(expected - seen)


def test_quick_check_pay_advisory_cites_its_source_by_title(client, reseeded_site):
    page = client.post("/check/", {"text": LOW_PAY_JD}).content.decode()
    assert "is below $15.00 an hour" in page and PAY_CITATION in page
    assert_cites_by_title("quick check", page)


def test_workspace_report_and_its_exports_cite_sources_by_title(client, reseeded_site):
    owner, version = low_pay_submission()
    job_description, organization = version.job_description, version.job_description.organization
    services.version_submit(job_description=job_description, user=owner,
                            text=LOW_PAY_JD.replace("Pass medications", "Support people with"))
    sign_in(client, owner, second_factor=False)
    review = version.reviews.get()
    pages = [organization.get_absolute_url(), job_description.get_absolute_url(),
             version.get_absolute_url(), review.get_absolute_url(),
             f"/workspace/versions/{version.pk}/print/",
             f"/workspace/job-descriptions/{job_description.pk}/compare/"]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_cites_by_title(url, response.content.decode())
    assert PAY_CITATION in client.get(review.get_absolute_url()).content.decode()

    pdf = client.get(f"/workspace/versions/{version.pk}/report.pdf")
    assert_cites_by_title("report.pdf", "", pdf_text(pdf.content))
    word = client.get(f"/workspace/versions/{version.pk}/report.docx")
    assert_cites_by_title("report.docx", "", docx_text(word.content))


def test_rules_page_cites_sources_by_title_even_in_old_history(client, reseeded_site):
    sign_in(client, make_curator("curator@transcom.example"))
    page = client.get("/standards/rules/").content.decode()
    assert "Massachusetts peer support community, Collective response" in page  # the change
    assert_cites_by_title("/standards/rules/", page)



def test_pay_advisories_stored_before_cite_their_source_by_title(reseeded_site):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("workspace.migrations.0006_advisory_citation")
    _, version = low_pay_submission()
    review = version.reviews.get()
    (advisory,) = review.advisories
    old = advisory["message"].replace(migration.NEW, migration.OLD)
    assert "004_24d69d2ab747aade.txt" in old
    review.advisories = [{**advisory, "message": old}]
    review.save()
    migration.cite_by_title(apps, None)
    review.refresh_from_db()
    assert review.advisories == [advisory]  # as the checker words it now, figures unchanged
