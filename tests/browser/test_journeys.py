"""Real journeys through the portal in Chromium, asserting what a person sees."""

import re

from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from playwright.sync_api import expect

from portal.content import Status
from tests.browser.helpers import (
    CONFLICTING_DUTY,
    JOB_DESCRIPTION,
    docx_bytes,
    heading,
    link_in_last_email,
    make_curator,
    message,
    sign_in,
    sign_up_and_confirm,
    without_line,
)
from tests.conftest import make_user
from toolkit.models import Document
from workspace import services
from workspace.models import CuratorDecision, Membership


def totp_code(secret: str) -> str:
    """The authenticator app's current code for `secret`."""
    counters = list(yield_hotp_counters_from_time())
    return format_hotp_value(hotp_value(secret, counters[len(counters) // 2]))


def test_visitor_browses_from_standards_to_a_prohibited_task_and_its_code_of_ethics_item(
    seeded, page, screenshot
):
    page.goto("/")
    page.get_by_role("link", name="Browse the standards").click()
    expect(heading(page)).to_have_text("Certified Peer Specialist standards")

    sections = page.get_by_role("navigation", name="Standards sections")
    sections.get_by_role("link", name="Tasks that undermine the role").click()
    expect(heading(page)).to_have_text("Tasks that undermine the peer role")

    page.get_by_role("link", name="Representative payee").click()
    expect(heading(page)).to_have_text("Representative payee")
    why = page.locator("section", has=page.get_by_role("heading", name="Why it conflicts"))
    expect(why).to_contain_text("Code of Ethics item")

    why.get_by_role("link", name=re.compile(r"^#10 ")).click()
    expect(page).to_have_url(re.compile(r"/standards/code-of-ethics/#item-10$"))
    expect(heading(page)).to_have_text("The Massachusetts CPS Code of Ethics")
    item = page.locator("#item-10")
    expect(item.get_by_role("heading", level=2)).to_have_text("#10 Dual Roles")
    expect(item.get_by_role("heading", level=2)).to_be_in_viewport()
    expect(item.get_by_role("link", name="Representative payee")).to_be_visible()
    screenshot(page, "standards-to-code-of-ethics")


def test_visitor_searches_payee_from_the_header_and_lands_on_the_representative_payee_task(
    seeded, page, screenshot
):
    page.goto("/")
    page.get_by_role("searchbox", name="Search the portal").fill("payee")
    page.get_by_role("searchbox", name="Search the portal").press("Enter")

    expect(heading(page)).to_have_text("Search the portal")
    expect(page.get_by_role("heading", level=2, name=re.compile(r"results? for"))).to_contain_text(
        "payee"
    )
    first_result = page.locator(".search-results > li").first
    expect(first_result.get_by_role("heading", level=3)).to_have_text("Representative payee")

    first_result.get_by_role("link", name="Representative payee").click()
    expect(page).to_have_url(re.compile(r"/standards/tasks/representative_payee/$"))
    expect(heading(page)).to_have_text("Representative payee")
    screenshot(page, "search-payee")


def test_visitor_checks_a_pasted_description_and_follows_a_finding_to_its_task(
    seeded, page, screenshot
):
    page.goto("/")
    page.get_by_role("link", name="Check a job description").first.click()
    expect(heading(page)).to_have_text("Check a job description")

    page.get_by_label("Paste the job description").fill(JOB_DESCRIPTION)
    page.get_by_role("button", name="Check the description").click()

    expect(page).to_have_title(re.compile(r"^Results · Check a job description"))
    expect(page.locator(".summary-line")).to_have_text(
        re.compile(r"^1 duty conflicts with the CPS role; ")
    )
    mark = page.locator(".jd-text mark")
    expect(mark).to_have_count(1)
    expect(mark).to_contain_text("Pass medications")
    label = page.locator(".jd-text a.mark-label")  # after the mark, never inside the phrase
    expect(label).to_have_text(re.compile(r"^1: Medication"))

    label.click()
    expect(page).to_have_url(re.compile(r"#finding-1$"))
    finding = page.locator("#finding-1")
    expect(finding).to_be_in_viewport()
    expect(finding.locator(".finding-sentence")).to_contain_text(CONFLICTING_DUTY)

    finding.get_by_role("link", name=re.compile(r"^About medication")).click()
    expect(page).to_have_url(re.compile(r"/standards/tasks/medication_administration/$"))
    expect(heading(page)).to_have_text(re.compile(r"^Medication"))
    screenshot(page, "quick-check-finding")


def test_employer_signs_up_submits_a_docx_revises_compares_and_a_colleague_joins(
    seeded, contexts, page, screenshot, tmp_path
):
    employer = "hiring.manager@acme.example"

    # Sign up, then confirm the address from the email.
    page.goto("/accounts/signup/")
    sign_up_and_confirm(page, employer)
    sign_in(page, employer)

    # Create the organization.
    page.goto("/workspace/")
    expect(heading(page)).to_have_text("Your workspace")
    page.get_by_role("link", name="Create an organization").click()
    page.get_by_label("Organization name").fill("Acme Recovery")
    page.get_by_label("Main setting").select_option(index=1)
    page.get_by_label("Region").select_option(index=1)
    page.get_by_role("button", name="Create the organization").click()
    expect(heading(page)).to_have_text("Acme Recovery")
    expect(message(page)).to_contain_text("Acme Recovery is ready. You are its admin.")

    # Upload a Word file and read its report.
    upload = tmp_path / "peer-specialist.docx"
    upload.write_bytes(docx_bytes(JOB_DESCRIPTION))
    page.get_by_role("link", name="Submit a job description").click()
    page.get_by_label("Job title").fill("Residential Peer Specialist")
    page.get_by_label("Or upload a file").set_input_files(upload)
    page.get_by_role("button", name="Submit and check").click()
    expect(heading(page)).to_have_text("Review: Residential Peer Specialist, version 1")
    expect(page.locator(".report-meta")).to_contain_text("from peer-specialist.docx")
    expect(page.locator(".summary-line")).to_have_text(
        re.compile(r"^1 duty conflicts with the CPS role; ")
    )
    expect(page.locator(".jd-text mark")).to_contain_text("Pass medications")

    # Revise without the conflicting duty, then compare the versions.
    page.get_by_role("link", name="← Residential Peer Specialist").click()
    page.get_by_role("link", name="Revise (new version)").click()
    text = page.get_by_label("Paste the job description")
    expect(text).to_have_value(re.compile(re.escape(CONFLICTING_DUTY)))
    text.fill(without_line(text.input_value(), CONFLICTING_DUTY))
    page.get_by_role("button", name="Submit the new version").click()
    expect(heading(page)).to_have_text("Review: Residential Peer Specialist, version 2")
    expect(message(page)).to_contain_text("Version 2 was checked.")
    expect(page.locator(".summary-line")).to_have_text(
        re.compile(r"^No duties conflict with the CPS role")
    )
    expect(page.locator(".jd-text mark")).to_have_count(0)

    page.get_by_role("link", name="Compare with another version").click()
    expect(heading(page)).to_have_text("Compare version 1 with version 2")
    expect(page.locator(".summary-line")).to_have_text("1 resolved, 0 remaining, 0 new.")
    expect(page.locator(".compare-resolved")).to_contain_text(CONFLICTING_DUTY)
    expect(page.locator(".diff del")).to_contain_text(CONFLICTING_DUTY)
    expect(page.locator(".diff ins")).to_have_count(0)
    screenshot(page, "employer-compare")

    # Invite a colleague, who accepts in their own browser.
    colleague = "colleague@acme.example"
    make_user(colleague)
    page.get_by_role("link", name="← Residential Peer Specialist").click()
    page.get_by_role("link", name="← Acme Recovery").click()
    page.get_by_role("link", name="Members").click()
    expect(heading(page)).to_have_text("Members of Acme Recovery")
    page.get_by_label("Colleague's email address").fill(colleague)
    page.get_by_role("button", name="Send the invitation").click()
    expect(message(page)).to_contain_text(f"Invitation sent to {colleague}.")

    colleague_page = contexts.new_page(viewport={"width": 1280, "height": 900})
    colleague_page.goto(link_in_last_email(colleague, "/workspace/invitations/"))
    sign_in(colleague_page, colleague)
    expect(heading(colleague_page)).to_have_text("Invitation to a workspace")
    colleague_page.get_by_role("button", name="Join Acme Recovery").click()
    expect(heading(colleague_page)).to_have_text("Acme Recovery")
    expect(message(colleague_page)).to_contain_text("Welcome to Acme Recovery.")
    expect(colleague_page.get_by_role("link", name="Residential Peer Specialist")).to_be_visible()
    membership = Membership.objects.get(user__email=colleague)
    assert membership.organization.name == "Acme Recovery"

    page.reload()
    expect(page.get_by_role("row", name=re.compile(colleague))).to_contain_text("Member")
    screenshot(colleague_page, "employer-colleague-joins")


def test_curator_publishes_a_toolkit_document_and_decides_on_a_submission(
    seeded, contexts, page, screenshot, settings
):
    # A code from the neighbouring 30-second window is accepted, so a window that
    # turns between computing the code and submitting it cannot fail the test.
    settings.MFA_TOTP_TOLERANCE = 1
    secret = generate_totp_secret()
    curator = make_curator("curator@transcom.example")
    TOTP.activate(curator, secret)
    draft = Document.objects.create(
        title="Peer supervision checklist (draft)", slug="peer-supervision-checklist",
        summary="What a supervisor of peer specialists checks each month.", status=Status.DRAFT,
    )
    employer = make_user("admin@acme.example")
    organization = services.organization_create(
        user=employer, name="Acme Recovery", setting_type="residential", region="western"
    )
    _, version = services.job_description_create(
        organization=organization, title="Residential Peer Specialist", setting_type="",
        text=JOB_DESCRIPTION, original_filename="", user=employer,
    )

    # Sign in to the admin with password and authenticator code.
    page.goto("/curate/")
    sign_in(page, curator.email)
    page.get_by_label(re.compile(r"^\s*Code")).fill(totp_code(secret))
    page.get_by_role("button", name=re.compile("Sign In", re.IGNORECASE)).click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    # Publish the draft document with the bulk action.
    page.goto("/curate/toolkit/document/?status__exact=draft")
    page.get_by_role("checkbox", name=re.compile(re.escape(draft.title))).check()
    page.locator("select[name=action]").select_option(label="Publish selected documents")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("Published 1 document(s).")
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED

    visitor = contexts.new_page()
    visitor.goto(draft.get_absolute_url())
    expect(heading(visitor)).to_have_text(draft.title)

    # Take the submission from the queue and record a decision.
    page.goto("/workspace/curation/")
    expect(heading(page)).to_have_text("Review queue")
    row = page.get_by_role("row", name=re.compile("Residential Peer Specialist, version 1"))
    expect(row).to_contain_text("Acme Recovery")
    row.get_by_role("link").click()
    expect(heading(page)).to_have_text("Residential Peer Specialist, version 1")
    expect(page.locator(".jd-text mark")).to_contain_text("Pass medications")
    page.get_by_role("button", name="Start the review").click()
    expect(message(page)).to_contain_text("The version is now in review.")

    page.get_by_label("Changes recommended").check()
    page.get_by_label("Comments the organization will see").fill(
        "Move the medication pass to nursing staff."
    )
    page.get_by_label("Verdict").select_option(label="Confirmed")
    page.get_by_role("button", name="Record the decision and email the organization").click()
    expect(message(page)).to_contain_text("Decision recorded")
    expect(page.get_by_role("row", name=re.compile("Residential Peer Specialist"))).to_contain_text(
        "Decided"
    )

    decision = CuratorDecision.objects.get(version=version)
    assert (decision.curator, decision.outcome) == (curator, "changes_recommended")
    assert decision.verdicts.get().verdict == "confirmed"
    assert any(employer.email in sent.to for sent in mail.outbox)

    # The employer sees the decision on their report.
    report = contexts.new_page()
    report.goto(version.get_absolute_url())
    sign_in(report, employer.email)
    expect(report.get_by_role("heading", name=re.compile("Curator's decision"))).to_have_text(
        "Curator's decision: Changes recommended"
    )
    expect(report.locator(".verdict")).to_contain_text("Confirmed")
    screenshot(page, "curator-queue-decided")
    screenshot(report, "curator-decision-seen-by-employer")
