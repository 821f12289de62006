"""Revise and review: comparing versions, exports, disputes, curator decisions."""

from io import BytesIO
from types import SimpleNamespace

import docx
import pypdf
import pytest
from django.core import mail
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime

from tests.conftest import sign_in
from tests.workspace.conftest import SAMPLE_JD
from workspace import review_flow, services
from workspace.compare import classify_findings, text_diff
from workspace.models import Finding, FindingDispute, Outcome, ReviewStatus, Verdict
from workspace.selectors import dispute_table


def f(task, sentence):
    return SimpleNamespace(task=task, sentence=sentence)


# --- classification of findings between versions ---


def test_classify_resolved_remaining_and_new():
    old = [f("routine_notes", "Write progress notes."), f("transportation", "Drive the van.")]
    new = [f("routine_notes", "Write progress notes."), f("clerical_duties", "Answer phones.")]
    result = classify_findings(old, new)
    assert [x.sentence for x in result["resolved"]] == ["Drive the van."]
    assert [x.sentence for x in result["remaining"]] == ["Write progress notes."]
    assert [x.sentence for x in result["new"]] == ["Answer phones."]


def test_moved_sentence_with_other_spacing_and_case_still_matches():
    old = [f("routine_notes", "Write  progress notes\nin the EHR."), f("transportation", "Drive.")]
    new = [f("transportation", "Drive."), f("routine_notes", "write progress notes in the ehr.")]
    result = classify_findings(old, new)
    assert result["resolved"] == [] and result["new"] == []
    assert len(result["remaining"]) == 2


def test_same_sentence_under_another_task_is_resolved_and_new():
    result = classify_findings([f("routine_notes", "Chart it.")], [f("clerical_duties", "Chart it.")])
    assert len(result["resolved"]) == 1 and len(result["new"]) == 1


def test_duplicate_findings_are_matched_one_to_one():
    old = [f("routine_notes", "Chart."), f("routine_notes", "Chart.")]
    result = classify_findings(old, [f("routine_notes", "Chart.")])
    assert len(result["remaining"]) == 1 and len(result["resolved"]) == 1


def test_text_diff_marks_insertions_and_deletions():
    chunks = text_diff("Pass meds daily.", "Support people daily.")
    kinds = {(c.kind, c.text.strip()) for c in chunks}
    assert ("delete", "Pass meds") in kinds
    assert ("insert", "Support people") in kinds
    assert "".join(c.text for c in chunks if c.kind != "delete") == "Support people daily."


# --- pages and files ---


@pytest.fixture
def revised(submission, admin_user):
    """Version 2 drops the medication duty and keeps the progress-notes sentence."""
    text = SAMPLE_JD.replace(
        "- Pass medications to residents during the evening med pass.\n", ""
    ) + "- Answer phones at the front desk.\n"
    return services.version_submit(
        job_description=submission.job_description, text=text, user=admin_user
    )


@pytest.mark.django_db
def test_compare_page_shows_resolved_remaining_new_and_the_diff(client, revised, admin_user):
    client.force_login(admin_user)
    page = client.get(
        reverse("workspace:compare", args=[revised.job_description.pk]) + "?from=1&to=2"
    ).content.decode()
    assert "Compare version 1 with version 2" in page
    assert "Pass medications to residents" in page.split("Resolved")[1].split("Remaining")[0]
    assert "<del>" in page and "<ins>" in page
    assert "Answer phones at the front desk" in page.split("New (")[1]


@pytest.mark.django_db
def test_print_view_and_pdf_carry_the_required_fields(client, submission, admin_user):
    client.force_login(admin_user)
    review = submission.reviews.get()
    expected = ["Acme Recovery", "Residential Peer Specialist", review.ruleset_version,
                date_format(localtime(review.created_at))]  # the site's one date format
    page = client.get(reverse("workspace:version_print", args=[submission.pk])).content.decode()
    for field in expected + ["Version</dt><dd>1"]:
        assert field in page
    response = client.get(reverse("workspace:version_pdf", args=[submission.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    pdf_text = "".join(p.extract_text() for p in pypdf.PdfReader(BytesIO(response.content)).pages)
    pdf_text = " ".join(pdf_text.split())
    for field in expected + ["Version: 1", f"{review.created_at.day} {review.created_at:%B %Y}"]:
        assert field in pdf_text


@pytest.mark.django_db
def test_word_export_has_a_comment_on_each_finding(client, submission, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("workspace:version_docx", args=[submission.pk]))
    document = docx.Document(BytesIO(response.content))
    comments = list(document.comments)
    findings = submission.reviews.get().findings.all()
    assert len(comments) == findings.count() > 0
    assert any("Instead:" in comment.text for comment in comments)


# --- "we disagree" ---


@pytest.mark.django_db
def test_dispute_survives_a_revision_that_keeps_the_sentence(client, submission, admin_user):
    notes = submission.reviews.get().findings.get(task="routine_notes")
    client.force_login(admin_user)
    client.post(reverse("workspace:finding_dispute", args=[notes.pk]),
                {"comment": "These are the person's own co-written notes."})
    assert notes.disputes.count() == 1

    version_2 = services.version_submit(
        job_description=submission.job_description, text=submission.text + "\nMore text.",
        user=admin_user,
    )
    carried = version_2.reviews.get().findings.get(task="routine_notes").disputes.get()
    assert carried.comment == "These are the person's own co-written notes."
    assert carried.carried_from.finding_id == notes.pk
    page = client.get(version_2.get_absolute_url()).content.decode()
    assert "carried from an earlier version" in page


@pytest.mark.django_db
def test_dispute_needs_a_comment_and_outsiders_cannot_dispute(client, submission, outsider,
                                                               admin_user):
    finding = submission.reviews.get().findings.first()
    client.force_login(outsider)
    url = reverse("workspace:finding_dispute", args=[finding.pk])
    assert client.post(url, {"comment": "no"}).status_code == 404
    client.force_login(admin_user)
    client.post(url, {"comment": "   "})
    assert not FindingDispute.objects.exists()


# --- curators ---

CURATOR_PAGES = ["workspace:curation_queue", "workspace:curation_disputes"]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["admin_user", "member_user", "outsider"])
def test_only_curators_reach_the_queue(client, submission, role, request):
    client.force_login(request.getfixturevalue(role))
    for name in CURATOR_PAGES:
        assert client.get(reverse(name)).status_code == 404
    assert client.get(reverse("workspace:curation_decide", args=[submission.pk])).status_code == 404


@pytest.mark.django_db
def test_anonymous_visitors_are_sent_to_sign_in_from_the_queue(client):
    response = client.get(reverse("workspace:curation_queue"))
    assert response.status_code == 302 and "/accounts/login/" in response.url


@pytest.mark.django_db
def test_queue_filters_by_organization_status_and_task(client, submission, curator, outsider):
    other_org = outsider.memberships.get().organization
    services.job_description_create(
        organization=other_org, title="Clean role", setting_type="",
        text="Share lived experience of recovery.", original_filename="", user=outsider,
    )
    sign_in(client, curator)
    url = reverse("workspace:curation_queue")
    assert "Clean role" in client.get(url).content.decode()
    page = client.get(url, {"task": "medication_administration"}).content.decode()
    assert "Residential Peer Specialist" in page and "Clean role" not in page
    page = client.get(url, {"organization": other_org.pk}).content.decode()
    assert "Clean role" in page and "Residential Peer Specialist" not in page
    page = client.get(url, {"status": "decided"}).content.decode()
    assert "No versions match" in page


@pytest.mark.django_db
def test_decision_emails_the_admins_once_and_shows_on_the_report(
    client, submission, curator, admin_user, member_user, django_capture_on_commit_callbacks
):
    findings = list(submission.reviews.get().findings.all())
    sign_in(client, curator)
    url = reverse("workspace:curation_decide", args=[submission.pk])
    client.post(url, {"action": "start"})
    submission.refresh_from_db()
    assert submission.review_status == ReviewStatus.IN_REVIEW

    form = {"outcome": Outcome.CHANGES_RECOMMENDED, "comments": "Remove the med pass duty."}
    form[f"verdict-{findings[0].pk}"] = Verdict.CONFIRMED
    form[f"verdict-{findings[1].pk}"] = Verdict.DISMISSED
    form[f"reason-{findings[1].pk}"] = "Their notes are co-written with the person."
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form)
    submission.refresh_from_db()
    assert submission.review_status == ReviewStatus.DECIDED
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [admin_user.email]
    assert "Changes recommended" in mail.outbox[0].body

    # Deciding again is refused: no second email.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form)
    assert len(mail.outbox) == 1

    client.force_login(member_user)
    page = client.get(submission.get_absolute_url()).content.decode()
    assert "Curator&#x27;s decision: Changes recommended" in page or \
        "Curator's decision: Changes recommended" in page
    assert "Remove the med pass duty." in page
    assert "Their notes are co-written with the person." in page


@pytest.mark.django_db
def test_dismissing_without_a_reason_is_refused(client, submission, curator):
    finding = submission.reviews.get().findings.first()
    sign_in(client, curator)
    client.post(reverse("workspace:curation_decide", args=[submission.pk]), {
        "outcome": Outcome.CONSISTENT, f"verdict-{finding.pk}": Verdict.DISMISSED,
    })
    submission.refresh_from_db()
    assert submission.review_status == ReviewStatus.SUBMITTED


@pytest.mark.django_db
def test_transitions_are_explicit(submission, curator):
    review_flow.review_start(version=submission)
    with pytest.raises(services.WorkspaceError):
        review_flow.review_start(version=submission)


@pytest.mark.django_db
def test_dispute_table_counts_disputes_and_dismissals(submission, admin_user, curator):
    findings = list(submission.reviews.get().findings.all())
    notes = next(x for x in findings if x.task == "routine_notes")
    meds = next(x for x in findings if x.task == "medication_administration")
    services.finding_dispute(finding=notes, user=admin_user, comment="Own notes.")
    services.finding_dispute(finding=notes, user=admin_user, comment="Really.")
    review_flow.decision_record(
        version=submission, review=submission.reviews.get(), curator=curator,
        outcome=Outcome.CONSISTENT, verdicts={notes.pk: (Verdict.DISMISSED, "ok"),
                                              meds.pk: (Verdict.CONFIRMED, "")},
    )
    rows = {(r["task"], r["pattern"]): r for r in dispute_table()}
    row = rows["routine_notes", notes.pattern]
    assert (row["disputed"], row["dismissed"]) == (1, 1)
    assert notes.sentence in row["sentences"]
    assert ("medication_administration", meds.pattern) not in rows
    assert Finding.objects.count() == len(findings)
