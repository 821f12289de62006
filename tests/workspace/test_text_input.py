"""Checked text at the door: one length cap and one normal form, for paste and upload alike;
stored text that predates them is shown and exported safely."""

from io import BytesIO

import docx
import pypdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from tests.conftest import sign_in
from workspace import services
from workspace.models import JobDescription, JobDescriptionVersion, Organization

pytestmark = pytest.mark.django_db
LIMIT_MESSAGE = "The text is longer than 50,000 characters"


def description_of(length: int) -> str:
    line = "- Share lived experience of recovery with people served.\n"
    return (line * (length // len(line) + 1))[:length]


@pytest.fixture
def entry_points(client, submission, admin_user):
    """The three places a description comes in: URL and the other fields each needs."""
    client.force_login(admin_user)
    job_description = submission.job_description
    return {
        "quick check": (reverse("quick_check"), {}),
        "new job description": (
            reverse("workspace:job_description_create", args=[job_description.organization.pk]),
            {"title": "Peer Specialist II"},
        ),
        "revise": (reverse("workspace:job_description_revise", args=[job_description.pk]), {}),
    }


ENTRY_POINTS = ["quick check", "new job description", "revise"]


# --- the cap ---------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_pasted_text_over_the_cap_is_refused_with_the_limit_stated(client, entry_points, entry):
    url, fields = entry_points[entry]
    versions = JobDescriptionVersion.objects.count()
    response = client.post(url, {**fields, "text": description_of(50_001)})
    assert response.status_code == 200
    assert LIMIT_MESSAGE in response.content.decode()
    assert JobDescriptionVersion.objects.count() == versions


@pytest.mark.parametrize("entry", ENTRY_POINTS)
def test_uploaded_text_over_the_cap_is_refused_with_the_limit_stated(client, entry_points, entry):
    url, fields = entry_points[entry]
    versions = JobDescriptionVersion.objects.count()
    upload = SimpleUploadedFile("jd.txt", description_of(50_001).encode())
    response = client.post(url, {**fields, "file": upload})
    assert LIMIT_MESSAGE in response.content.decode()
    assert JobDescriptionVersion.objects.count() == versions


def test_text_at_the_cap_is_checked(client):
    page = client.post(reverse("quick_check"), {"text": description_of(50_000)}).content.decode()
    assert LIMIT_MESSAGE not in page
    assert "Role elements" in page


def test_the_cap_counts_the_text_after_line_endings_are_normalised(client):
    # A browser sends each line break as CRLF: 50,000 characters as typed are accepted.
    text = description_of(50_000).replace("\n", "\r\n")
    page = client.post(reverse("quick_check"), {"text": text}).content.decode()
    assert LIMIT_MESSAGE not in page


@override_settings(CHECK_MAX_CHARS=1_000)
def test_the_cap_is_a_setting_and_the_form_says_it(client):
    page = client.get(reverse("quick_check")).content.decode()
    assert "At most 1,000 characters" in page
    assert "maxlength" not in page  # a browser would cut a long paste without a word
    page = client.post(reverse("quick_check"), {"text": description_of(1_001)}).content.decode()
    assert "The text is longer than 1,000 characters" in page


# --- one normal form -------------------------------------------------------------------

RAW = (
    "Peer Specialist\r\n"
    "Duties:\x0b- Share lived experience.\x0c"  # Word's manual line break and page break
    "- Co\u200bfacilitate groups; sup\u00adport people.\x1b\x7f\x85"  # zero-width kept
    "Pay: \u202e$20 per hour\u202c.\u2028Apply by email."  # bidi override removed
)
NORMALISED = (
    "Peer Specialist\n"
    "Duties:\n- Share lived experience.\n"
    "- Co\u200bfacilitate groups; sup\u00adport people.\n"
    "Pay: $20 per hour.\nApply by email."
)


def test_paste_and_upload_store_the_same_normalised_text(client, organization, admin_user):
    client.force_login(admin_user)
    url = reverse("workspace:job_description_create", args=[organization.pk])
    client.post(url, {"title": "Pasted", "text": RAW})
    client.post(url, {"title": "Uploaded",
                      "file": SimpleUploadedFile("jd.txt", RAW.encode("utf-8"))})
    texts = dict(JobDescriptionVersion.objects.values_list("job_description__title", "text"))
    assert texts == {"Pasted": NORMALISED, "Uploaded": NORMALISED}


def test_title_is_stored_as_one_clean_line(client, organization, admin_user):
    client.force_login(admin_user)
    client.post(reverse("workspace:job_description_create", args=[organization.pk]),
                {"title": " Peer\r\nSpecialist\x0b \u202eII\x00 ", "text": "Share lived experience."})
    assert JobDescription.objects.get().title == "Peer Specialist II"


# --- stored text from before: shown and exported safely --------------------------------

CONTROLS = ["\x0b", "\x0c", "\x1b", "\x85", "\x00"]


def stored_version(text: str, title: str, organization_name: str):
    """Rows written directly, as versions stored before normalisation could hold."""
    organization = Organization.objects.create(
        name=organization_name, setting_type="residential", region="western"
    )
    job_description = JobDescription.objects.create(organization=organization, title=title)
    version = JobDescriptionVersion.objects.create(
        job_description=job_description, number=1, text=text
    )
    services.review_create(version=version)
    return version


@pytest.mark.parametrize("control", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_stored_version_with_control_characters_exports_as_pdf_and_docx(
    client, curator, control
):
    if control == "\x00" and connection.vendor == "postgresql":
        pytest.skip("PostgreSQL cannot store NUL, so no stored version holds one there")
    version = stored_version(
        f"Peer Specialist{control}Duties:{control}- Pass medications to residents at the "
        f"evening med pass.{control}\u202eeman{control}",
        title=f"Peer{control}Specialist", organization_name=f"Acme{control}Recovery",
    )
    sign_in(client, curator)
    pdf = client.get(reverse("workspace:version_pdf", args=[version.pk]))
    assert pdf.status_code == 200
    pdf_text = "".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf.content)).pages)
    assert "Pass medications to residents" in pdf_text
    word = client.get(reverse("workspace:version_docx", args=[version.pk]))
    assert word.status_code == 200
    document = docx.Document(BytesIO(word.content))
    body = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "Pass medications to residents" in body
    assert len(list(document.comments)) == version.reviews.get().findings.count() > 0
    for page in ("workspace:version", "workspace:version_print"):
        assert client.get(reverse(page, args=[version.pk])).status_code == 200


def test_a_stored_bidi_override_is_shown_as_a_marker_and_cannot_reorder_the_page(
    client, curator
):
    version = stored_version(
        "Peer Specialist\n- Pass medications to residents at the \u202eevening med pass.\n"
        "\u2067Apply\u2069 by email.",
        title="Peer \u202eSpecialist", organization_name="Acme \u202eRecovery",
    )
    sign_in(client, curator)
    for page in ("workspace:version", "workspace:version_print", "workspace:curation_decide"):
        html = client.get(reverse(page, args=[version.pk])).content.decode()
        assert not any(char in html for char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067"
                       "\u2068\u2069"), page
        assert "[RLO]</span>evening med pass" in html
        assert "[RLI]</span>Apply" in html


@pytest.mark.parametrize("cap", [0, 200_001])
def test_a_cap_extraction_cannot_honour_fails_the_system_checks(cap):
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    with override_settings(CHECK_MAX_CHARS=cap), pytest.raises(SystemCheckError,
                                                               match="CHECK_MAX_CHARS"):
        call_command("check")
