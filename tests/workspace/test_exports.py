"""The print view, the PDF and the Word file say what the report page says, in its words."""

import re
from html.parser import HTMLParser
from io import BytesIO

import docx
import pypdf
import pytest
from django.urls import reverse
from django.utils import timezone

from workspace import review_flow, services
from workspace.models import Outcome, Severity, Verdict

# One duty stated outright, one hedged ("may occasionally assist"), and pay below the minimum.
HEDGED_JD = """Peer Specialist

Responsibilities:
- Share lived experience of recovery to inspire hope.
- Write progress notes in the EHR after each contact.
- May occasionally assist with the evening med pass.

Pay: $12.00 per hour. Supervised by a Certified Peer Specialist supervisor.
"""
DISPUTE = "Our progress notes are co-written with the person at their request."
VERDICT_REASON = "Co-written at the person's request, these notes are theirs."
RAW_CODES = re.compile(r"\b(violation|caution|hedged)\b", re.IGNORECASE)


class _VisibleText(HTMLParser):
    """The words a reader sees: text outside <head>, not attribute values."""

    def __init__(self):
        super().__init__()
        self.parts, self._in_head = [], False

    def handle_starttag(self, tag, attrs):
        self._in_head |= tag == "head"

    def handle_endtag(self, tag):
        self._in_head &= tag != "head"

    def handle_data(self, data):
        if not self._in_head:
            self.parts.append(data)


def _words(text: str) -> str:
    return " ".join(text.split())


def print_text(html: str) -> str:
    parser = _VisibleText()
    parser.feed(html)
    return _words(" ".join(parser.parts))


def pdf_text(content: bytes) -> str:
    return _words(" ".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(content)).pages))


def docx_text(content: bytes) -> str:
    document = docx.Document(BytesIO(content))
    return _words(" ".join(p.text for p in document.paragraphs))


@pytest.fixture
def disputed_version(organization, admin_user, curator):
    """A version with a member's disagreement and a curator's verdict on its notes finding."""
    _, version = services.job_description_create(
        organization=organization, title="Residential Peer Specialist", setting_type="",
        text=HEDGED_JD, original_filename="", user=admin_user,
    )
    review = version.reviews.get()
    notes = review.findings.get(task="routine_notes")
    services.finding_dispute(finding=notes, user=admin_user, comment=DISPUTE)
    review_flow.decision_record(
        version=version, review=review, curator=curator, outcome=Outcome.CHANGES_RECOMMENDED,
        verdicts={notes.pk: (Verdict.DISMISSED, VERDICT_REASON)},
    )
    return version


@pytest.fixture
def three_views(client, admin_user, disputed_version):
    client.force_login(admin_user)
    pk = disputed_version.pk
    page = client.get(reverse("workspace:version", args=[pk])).content.decode()
    printed = client.get(reverse("workspace:version_print", args=[pk])).content.decode()
    pdf = client.get(reverse("workspace:version_pdf", args=[pk])).content
    word = client.get(reverse("workspace:version_docx", args=[pk])).content
    return {
        "page": print_text(page),
        "print": print_text(printed),
        "pdf": pdf_text(pdf),
        "docx": docx_text(word),
    }


@pytest.mark.django_db
def test_the_findings_carry_the_same_severity_words_everywhere(three_views, disputed_version):
    findings = disputed_version.reviews.get().findings.order_by("position")
    assert {f.severity for f in findings} == {Severity.VIOLATION, Severity.CAUTION}
    for finding in findings:
        label = Severity(finding.severity).label
        for name, text in three_views.items():
            assert label in text, (name, label)


@pytest.mark.django_db
def test_no_raw_severity_code_reaches_a_reader(three_views):
    for name, text in three_views.items():
        assert RAW_CODES.search(text) is None, (name, RAW_CODES.search(text))


@pytest.mark.django_db
def test_role_elements_present_and_missing_are_in_every_view(three_views):
    expected = [
        "Present: Supervision by someone trained in peer support",
        "Missing: Pay per hour at or above the minimum",
        "Missing: Paid time for training, continuing education or networking",
    ]
    for name, text in three_views.items():
        for line in expected:
            assert line in text, (name, line)


@pytest.mark.django_db
def test_task_titles_advisories_and_disagreements_are_in_every_view(three_views):
    expected = ["Routine notes about people", "Medication administration",
                "Instead:", f"We disagree: {DISPUTE}",
                "The stated pay ($12.00 an hour) is below $15.00 an hour.",
                f"Curator: {Verdict.DISMISSED.label} — {VERDICT_REASON}"]
    for name, text in three_views.items():
        for item in expected:
            assert item in text, (name, item)


@pytest.mark.django_db
def test_the_word_comments_name_the_severity(client, admin_user, disputed_version):
    client.force_login(admin_user)
    content = client.get(reverse("workspace:version_docx", args=[disputed_version.pk])).content
    comments = [c.text for c in docx.Document(BytesIO(content)).comments]
    assert any(Severity.CAUTION.label in comment for comment in comments)
    assert not any(RAW_CODES.search(comment) for comment in comments)


@pytest.mark.django_db
def test_the_print_view_has_a_print_button_a_way_back_the_portal_and_the_date(
    client, admin_user, submission
):
    client.force_login(admin_user)
    response = client.get(reverse("workspace:version_print", args=[submission.pk]))
    page = response.content.decode()
    text = print_text(page)
    today = timezone.localdate()
    assert f"CPS Standards Portal · printed {today.day} {today:%B %Y}" in text
    assert f'href="{submission.get_absolute_url()}">← Back to the report</a>' in page
    # The button works with the static script; without it the hint says what to do.
    assert re.search(r"<button type=\"button\"[^>]*data-print-button hidden>Print this page", page)
    assert "use your browser's Print command" in text
    assert '<script src="/static/js/print.js" defer></script>' in page
    assert "<script>" not in page and "onclick" not in page
    assert "'unsafe-inline'" not in response["Content-Security-Policy"].split("script-src")[1]
