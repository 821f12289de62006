"""The compare view and the report on large accepted inputs: bounded work, bounded pages.

Work is counted (diff steps, comments written, findings listed), not timed; the
hang guards only stop a regression from holding the suite.
"""

import signal
from contextlib import contextmanager
from io import BytesIO

import docx
import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from workspace import services
from workspace.compare import MAX_DIFF_STEPS, Budget, edit_script, text_diff
from workspace.report import FINDINGS_LISTED, REPEATS_LISTED


@contextmanager
def hang_guard(seconds=20):
    def stop(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def identical_lines(count):
    lines = ["- Chart.\n"] * count
    old = "".join(lines)
    lines[count // 2] = "- New duty.\n"
    return old, "".join(lines)


# --- the diff -----------------------------------------------------------------------


def test_twenty_thousand_identical_lines_cost_linear_work():
    old, new = identical_lines(20_000)
    budget = Budget(MAX_DIFF_STEPS)
    with hang_guard():
        script = edit_script(old.splitlines(keepends=True), new.splitlines(keepends=True), budget)
    assert [op for op, *_ in script] == ["equal", "replace", "equal"]
    assert MAX_DIFF_STEPS - budget.left <= 2 * 20_000


def test_the_diff_of_twenty_thousand_identical_lines_marks_the_one_change():
    old, new = identical_lines(20_000)
    with hang_guard():
        chunks = text_diff(old, new)
    changed = [(chunk.kind, chunk.text.strip()) for chunk in chunks if chunk.kind != "equal"]
    assert changed == [("delete", "Chart."), ("insert", "New duty.")]


def test_texts_differing_everywhere_stop_at_the_budget():
    old = "".join(f"duty {i}\n" for i in range(5_000))
    new = "".join(f"task {i}\n" for i in range(5_000))
    budget = Budget(10_000)
    assert edit_script(old.splitlines(), new.splitlines(), budget) is None
    assert budget.left > -10_000  # stopped within one round of the limit
    with hang_guard():
        assert text_diff(old, new) is None


@given(st.lists(st.sampled_from("abc"), max_size=14), st.lists(st.sampled_from("abc"), max_size=14))
def test_the_edit_script_turns_old_into_new_with_the_fewest_edits(old, new):
    script = edit_script(old, new, Budget(MAX_DIFF_STEPS))
    rebuilt, position = [], (0, 0)
    for op, a1, a2, b1, b2 in script:
        assert (a1, b1) == position
        if op == "equal":
            assert old[a1:a2] == new[b1:b2]
        rebuilt += new[b1:b2]
        position = (a2, b2)
    assert position == (len(old), len(new)) and rebuilt == new
    edits = sum(a2 - a1 + b2 - b1 for op, a1, a2, b1, b2 in script if op != "equal")
    assert edits == len(old) + len(new) - 2 * longest_common_subsequence(old, new)


def longest_common_subsequence(a, b):
    row = [0] * (len(b) + 1)
    for x in a:
        previous_diagonal = 0
        for j, y in enumerate(b, start=1):
            previous_diagonal, row[j] = row[j], (
                previous_diagonal + 1 if x == y else max(row[j], row[j - 1])
            )
    return row[-1]


@given(st.text(alphabet="ab \n.", max_size=60), st.text(alphabet="ab \n.", max_size=60))
def test_the_diff_keeps_both_texts(old, new):
    chunks = text_diff(old, new)
    assert "".join(c.text for c in chunks if c.kind != "insert") == old
    assert "".join(c.text for c in chunks if c.kind != "delete") == new


@pytest.mark.django_db
def test_compare_page_of_repeated_lines_shows_the_change(client, submission, admin_user):
    old, new = identical_lines(20_000)
    job_description = submission.job_description
    for text in (old, new):
        services.version_submit(job_description=job_description, text=text, user=admin_user)
    client.force_login(admin_user)
    with hang_guard():
        response = client.get(reverse("workspace:compare", args=[job_description.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "New duty." in page.split("<ins>")[1]


@pytest.mark.django_db
def test_compare_page_says_when_the_diff_is_too_large_to_show(client, submission, admin_user,
                                                              monkeypatch):
    monkeypatch.setattr("workspace.compare.MAX_DIFF_STEPS", 1_000)
    job_description = submission.job_description
    services.version_submit(job_description=job_description, user=admin_user,
                            text="".join(f"Task {i}.\n" for i in range(200)))
    client.force_login(admin_user)
    page = client.get(reverse("workspace:compare", args=[job_description.pk])).content.decode()
    assert "differ in too many places to mark the changes" in page
    assert "<del>" not in page
    assert "Resolved (" in page  # the findings still compare


# --- the report and its files ------------------------------------------------------

DUTIES = [
    "- Pass medications to residents during the evening med pass.",
    "- Write progress notes in the EHR after each contact.",
    "- Drive residents to appointments in the agency van.",
]


@pytest.fixture
def repeated_duties(organization, admin_user):
    """A stored 200,000-character description (longer than the cap allows now) whose
    three duties repeat: thousands of findings of a few patterns."""
    lines = [DUTIES[i % 3] for i in range(200_000 // 56)]
    _, version = services.job_description_create(
        organization=organization, title="Repeated", setting_type="", text="\n".join(lines),
        original_filename="", user=admin_user,
    )
    assert version.reviews.get().findings.count() > 3_000
    return version


@pytest.mark.django_db
def test_report_lists_repeats_of_a_pattern_once_and_marks_them_all(client, repeated_duties,
                                                                   admin_user):
    client.force_login(admin_user)
    findings = repeated_duties.reviews.get().findings.count()
    page = client.get(repeated_duties.get_absolute_url()).content.decode()
    cards = page.count('<li id="finding-')
    assert cards <= 3 * REPEATS_LISTED
    assert page.count("<mark") == findings  # every finding is still marked in the text
    assert "more duties with the same wording as" in page
    assert f"{findings:,} duties conflict" in page or f"{findings} duties conflict" in page
    assert len(page.encode()) < 1_000_000  # the text (200 KB) and little more


def test_report_lists_at_most_the_limit_and_says_so():
    from django.template.loader import render_to_string

    from jdcheck import Finding
    from workspace.report import build_report

    # One finding per pattern: nothing to fold as repeats, only the limit applies.
    count = FINDINGS_LISTED + 50
    text = "".join(f"Duty {i:04}.\n" for i in range(count))
    findings = [
        Finding(task="clerical_duties", severity="violation", start=11 * i, end=11 * i + 9,
                sentence=f"Duty {i:04}.", matched=f"Duty {i:04}", reason="Why.",
                ethics=(), suggestion="Instead.", pattern=f"duty {i:04}")
        for i in range(count)
    ]
    report = build_report(text, findings, {}, "not_stated", 15.0, {})
    assert len(report["listed"]) == FINDINGS_LISTED and len(report["unlisted"]) == 50
    html = render_to_string("workspace/_report_body.html", report)
    assert html.count('<li id="finding-') == FINDINGS_LISTED
    assert html.count("<mark") == count
    assert f"50 more findings are marked in the text but not listed: a report lists at most " \
        f"{FINDINGS_LISTED}" in " ".join(html.split())


@pytest.mark.django_db
def test_word_export_comments_the_listed_findings_and_highlights_the_repeats(
    client, repeated_duties, admin_user
):
    client.force_login(admin_user)
    with hang_guard():
        response = client.get(reverse("workspace:version_docx", args=[repeated_duties.pk]))
    document = docx.Document(BytesIO(response.content))
    assert 0 < len(list(document.comments)) <= 3 * REPEATS_LISTED
    highlighted = [run for paragraph in document.paragraphs for run in paragraph.runs
                   if run.font.highlight_color is not None]
    findings = repeated_duties.reviews.get().findings.count()
    assert len(highlighted) + len(list(document.comments)) == findings


@pytest.mark.django_db
def test_pdf_and_print_view_list_what_the_report_lists(client, repeated_duties, admin_user):
    import pypdf

    client.force_login(admin_user)
    with hang_guard():
        pdf = client.get(reverse("workspace:version_pdf", args=[repeated_duties.pk]))
    text = "".join(page.extract_text() for page in pypdf.PdfReader(BytesIO(pdf.content)).pages)
    assert "more duties with the same wording as finding" in " ".join(text.split())
    page = client.get(reverse("workspace:version_print", args=[repeated_duties.pk]))
    assert page.content.decode().count('<li id="finding-') <= 3 * REPEATS_LISTED
