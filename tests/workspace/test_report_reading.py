"""Reading a report: numbers in reading order, marks that never split a phrase."""

import html
import re
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.browser.helpers import docx_bytes
from tests.conftest import sign_in
from tests.workspace.conftest import SAMPLE_JD
from workspace import review_flow, services
from workspace.models import Outcome
from workspace.report import build_report, highlight

TITLES = {"medication_administration": "Medication administration",
          "routine_notes": "Routine notes", "transportation": "Transportation"}


def finding(task, start, end, number=0, listed=True):
    return SimpleNamespace(task=task, start=start, end=end, number=number, listed=listed,
                           title=TITLES.get(task, task), pattern="", matched=task,
                           sentence=task)


def report_of(text, findings):
    return build_report(text, findings, {}, "not_stated", None, TITLES)


def test_findings_are_numbered_by_where_they_start_whatever_order_they_come_in():
    text = "Drive the van. Pass meds. Write notes. Drive again."
    given = [finding("transportation", 0, 13), finding("transportation", 39, 50),
             finding("medication_administration", 15, 24), finding("routine_notes", 26, 37)]
    report = report_of(text, given)
    assert [(f.number, f.start) for f in report["findings"]] == [(1, 0), (2, 15), (3, 26), (4, 39)]
    # Grouped by task, each finding keeps its reading-order number.
    assert [(g.task, [f.number for f in g.findings]) for g in report["groups"]] == [
        ("transportation", [1, 4]), ("medication_administration", [2]), ("routine_notes", [3]),
    ]
    marked = [[f.number for f in piece.findings] for piece in report["pieces"] if piece.findings]
    assert marked == [[1], [2], [3], [4]]


def test_overlapping_findings_share_one_mark_that_lists_both():
    text = "- Pass medications and document med administration in the EHR."
    pieces = highlight(text, [finding("medication_administration", 2, 35, 1),
                              finding("routine_notes", 23, 61, 2)])
    marks = [piece for piece in pieces if piece.findings]
    assert len(marks) == 1
    assert marks[0].text == "Pass medications and document med administration in the EHR"
    assert [f.number for f in marks[0].labelled] == [1, 2]
    assert "".join(piece.text for piece in pieces) == text


def test_findings_only_spaces_apart_share_a_mark_but_not_across_lines():
    text = "drive members  chart it\nchart again"
    pieces = highlight(text, [finding("transportation", 0, 13, 1), finding("routine_notes", 15, 23, 2),
                              finding("routine_notes", 24, 35, 3)])
    assert [(piece.text, [f.number for f in piece.findings]) for piece in pieces] == [
        ("drive members  chart it", [1, 2]), ("\n", []), ("chart again", [3]),
    ]


def test_unlisted_findings_are_marked_without_a_label():
    pieces = highlight("chart it", [finding("routine_notes", 0, 8, 7, listed=False)])
    assert pieces[0].findings and pieces[0].labelled == []


@pytest.fixture
def payee_version(organization, admin_user):
    _, version = services.job_description_create(
        organization=organization, title="Peer Specialist", setting_type="",
        text="- Serve as representative payee for residents.\n"
             "- Pass medications and document med administration in the EHR.\n",
        original_filename="", user=admin_user,
    )
    return version


@pytest.mark.django_db
def test_the_label_follows_the_marked_phrase_and_overlaps_list_both_numbers(
    client, payee_version, admin_user
):
    client.force_login(admin_user)
    page = client.get(payee_version.get_absolute_url()).content.decode()
    text = page.split('class="jd-text">')[1].split("</div>")[0]
    # "representative payee" is never split by a label: the label comes after the mark.
    assert re.search(r"representative <mark>payee</mark><span class=\"mark-labels\"> \[<a ", text)
    overlap = re.search(r"<mark>Pass medications and document med administration in the EHR"
                        r"</mark><span class=\"mark-labels\"> \[(.*?)\]</span>", text)
    assert overlap, text
    numbers = re.findall(r'id="mark-(\d+)" href="#finding-(\d+)"', overlap.group(1))
    assert numbers == [("2", "2"), ("3", "3")]
    # Each number in the text is the number of a finding in the list.
    for number in ("1", "2", "3"):
        assert f'<li id="finding-{number}"' in page


@pytest.mark.django_db
def test_a_dispute_returns_to_the_finding_by_its_reading_number(client, payee_version, admin_user):
    review = payee_version.reviews.get()
    notes = review.findings.get(task="routine_notes")
    client.force_login(admin_user)
    response = client.post(reverse("workspace:finding_dispute", args=[notes.pk]),
                           {"comment": "Our peers write their own notes."})
    assert response.url.endswith("#finding-3")


# --- revise, what changed, the curator's status ---


def test_the_review_page_offers_revise_to_members_but_not_to_curators(
    client, submission, member_user, curator
):
    revise = reverse("workspace:job_description_revise", args=[submission.job_description.pk])
    client.force_login(member_user)
    assert f'href="{revise}">Revise this description</a>' in client.get(
        submission.get_absolute_url()).content.decode()
    sign_in(client, curator, second_factor=True)
    assert revise not in client.get(submission.get_absolute_url()).content.decode()
    services.job_description_archive(job_description=submission.job_description)
    client.force_login(member_user)
    assert revise not in client.get(submission.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_version_2_says_what_changed_since_version_1_without_a_click(
    client, submission, admin_user
):
    text = SAMPLE_JD.replace(
        "- Pass medications to residents during the evening med pass.\n", ""
    ) + "- Answer phones at the front desk.\n- Drive residents to appointments in the van.\n"
    version_2 = services.version_submit(
        job_description=submission.job_description, text=text, user=admin_user
    )
    client.force_login(admin_user)
    page = client.get(version_2.get_absolute_url()).content.decode()
    changes = page.split('id="changes-heading">')[1].split("</section>")[0]
    assert changes.startswith("Since version 1</h2>")
    assert "1 finding resolved, 2 new, 1 unchanged." in changes
    compare = reverse("workspace:compare", args=[submission.job_description.pk])
    assert f'href="{compare}?from=1&amp;to=2">Compare version 1 with version 2</a>' in changes
    assert "changes-heading" not in client.get(submission.get_absolute_url()).content.decode()


def status_section(client, version) -> str:
    page = html.unescape(client.get(version.get_absolute_url()).content.decode())
    return page.split('aria-labelledby="status-heading">')[1].split("</section>")[0]


@pytest.mark.django_db
def test_the_curator_status_is_explained_in_words(client, submission, admin_user, curator):
    client.force_login(admin_user)
    submitted = status_section(client, submission)
    assert "Curator review: submitted</h2>" in submitted
    assert "No curator has looked at this version yet" in submitted

    review_flow.review_start(version=submission)
    in_review = status_section(client, submission)
    assert "Curator review: in review</h2>" in in_review
    assert "A Transcom curator is reviewing this version now" in in_review
    assert "your organization's admins get an email" in in_review

    review_flow.decision_record(version=submission, review=submission.reviews.get(),
                                curator=curator, outcome=Outcome.CHANGES_RECOMMENDED,
                                comments="Take out the med pass.")
    decided = status_section(client, submission)
    assert "Curator's decision: Changes recommended</h2>" in decided
    assert "The decision is final for this version: to act on it, revise" in decided
    assert "Take out the med pass." in decided


# --- the echoed text of an uploaded .docx ---

DOCX_PARAGRAPHS = ["Peer Specialist", "", "Responsibilities:", "- Pass medications daily.", "",
                   "", "Pay: $18 per hour."]


@pytest.mark.django_db
def test_blank_paragraphs_of_an_uploaded_docx_stay_blank_lines_in_the_echoed_text(
    client, organization, admin_user
):
    client.force_login(admin_user)
    upload = SimpleUploadedFile("jd.docx", docx_bytes("\n".join(DOCX_PARAGRAPHS)))
    response = client.post(reverse("workspace:job_description_create", args=[organization.pk]),
                           {"title": "Peer Specialist", "file": upload})
    page = client.get(response.url).content.decode()
    echoed = re.sub(r"<[^>]+>", "", page.split('class="jd-text">')[1].split("</div>")[0])
    assert echoed.startswith("Peer Specialist\n\nResponsibilities:\n- Pass medications")
    assert " daily.\n\n\nPay: $18 per hour." in echoed


@pytest.mark.django_db
def test_the_quick_check_echoes_a_docx_with_its_blank_lines(client):
    upload = SimpleUploadedFile("jd.docx", docx_bytes("\n".join(DOCX_PARAGRAPHS)))
    page = client.post(reverse("quick_check"), {"file": upload}).content.decode()
    echoed = re.sub(r"<[^>]+>", "", page.split('class="jd-text">')[1].split("</div>")[0])
    assert echoed.startswith("Peer Specialist\n\nResponsibilities:\n")
    assert "\n\n\nPay: $18 per hour." in echoed
