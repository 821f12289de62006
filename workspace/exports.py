"""The review report as files: a PDF (reportlab) and a .docx with each finding
as a Word comment (python-docx); the quick check's result as a PDF too.

Both say what the report page says, in its words (the severity labels of
workspace.models.Severity, the role elements' Present/Missing, the members'
disagreements), and list what it lists (workspace.report: at most FINDINGS_LISTED
findings in full, repeats counted), so their cost is bounded by the text's
length. Every string passes through normalise_text on the way out: stored
versions are immutable and may hold characters Word's XML refuses (\\x0b, \\x00).
"""

from io import BytesIO
from xml.sax.saxutils import escape

import docx
from django.utils.formats import date_format
from django.utils.timezone import localdate, localtime
from docx.enum.text import WD_COLOR_INDEX
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from jdcheck.text import normalise_text, single_line
from standards.citations import citation

AUTHOR = "CPS Standards Portal"


def report_title(report: dict) -> str:
    version = report.get("version")
    return f"Review of {version}" if version else "Quick check of a job description"


def report_heading(report: dict) -> list[tuple[str, str]]:
    """The fields every exported report carries, in order; a quick check has no
    organization or version (nothing of it is stored)."""
    review = report.get("review")
    if review is None:
        return [("Date checked", date_format(localdate())),
                ("Ruleset version", report["ruleset_version"])]
    version = report["version"]
    return [
        ("Organization", single_line(version.job_description.organization.name)),
        ("Job description", single_line(version.job_description.title)),
        ("Version", str(version.number)),
        ("Date checked", date_format(localtime(review.created_at))),
        ("Ruleset version", review.ruleset_version),
    ]


def repeats_line(repeat) -> str:
    count = len(repeat.findings)
    return (f"{count} more dut{'y' if count == 1 else 'ies'} with the same wording as finding "
            f"{repeat.first.number}, for the same reasons.")


def unlisted_line(report: dict) -> str:
    count = len(report["unlisted"])
    return (f"{count} more finding{'' if count == 1 else 's'} not listed: a report lists at most "
            f"{report['findings_listed_limit']}. Change the duties listed here and check again.")


def pdf_text(value) -> str:
    """Text for a reportlab Paragraph, which reads its input as markup."""
    return escape(normalise_text(str(value)))


# Said on the page too (templates/workspace/_report_body.html), in the same words.
STOPPED_EARLY = (
    "This check stopped early. The description is too long or too complex to check whole "
    "within the checker's limit, so duties after the last one marked were not checked. "
    "Check it again in shorter parts (for example, the duties section alone)."
)


def summary_notes(report: dict) -> list[str]:
    """What the page says under the summary: that the check stopped early, the advisories."""
    notes = [] if report.get("complete", True) else [STOPPED_EARLY]
    return notes + [advisory["message"] for advisory in report.get("advisories", [])]


def element_lines(report: dict) -> list[str]:
    """The role elements, present and missing, as the page words them."""
    return [f"{check.status}: {check.label}" + (f" — {check.detail}" if check.detail else "")
            for check in report["element_checks"]]


def finding_heading(finding) -> str:
    return f"{finding.number}. {finding.title}: {finding.severity_label}"


def finding_fields(finding) -> list[tuple[str, str]]:
    """A listed finding's labelled lines, in the page's order and words: why, the Code of
    Ethics, instead, then the curator's verdict and the members' disagreements."""
    ethics = (", ".join(f"#{item}" for item in finding.ethics)
              or "No numbered item; see the source on the task page.")
    fields = [("Why", finding.reason), ("Code of Ethics", ethics),
              ("Instead", finding.suggestion)]
    stored = finding.stored
    if stored is None:
        return fields
    verdict = getattr(stored, "verdict", None)
    if verdict is not None:
        reason = f" — {verdict.reason}" if verdict.reason else ""
        fields.append(("Curator", f"{verdict.get_verdict_display()}{reason}"))
    for dispute in stored.disputes.all():
        label = "We disagree" + (" (carried from an earlier version)"
                                 if dispute.carried_from_id else "")
        by = f" — {dispute.raised_by.email}" if dispute.raised_by else ""
        fields.append((label, f"{dispute.comment}{by}"))
    return fields


FINDINGS_HEADING = "Duties that conflict with the CPS role"
ELEMENTS_HEADING = "Role elements"
QUESTIONS_HEADING = "Questions you could ask the employer"  # as on the quick check's page


def report_pdf(report: dict) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["Italic"]
    story = [Paragraph(pdf_text(report_title(report)), styles["Title"])]
    for label, value in report_heading(report):
        story.append(Paragraph(f"<b>{escape(label)}:</b> {pdf_text(value)}", body))
    story += [Spacer(1, 0.2 * inch), Paragraph(pdf_text(report["summary"]), styles["Heading2"])]
    story += [Paragraph(pdf_text(line), body) for line in summary_notes(report)]
    story.append(Paragraph(ELEMENTS_HEADING, styles["Heading2"]))
    story += [Paragraph(pdf_text(line), body) for line in element_lines(report)]
    if report["findings"]:
        story.append(Paragraph(FINDINGS_HEADING, styles["Heading2"]))
    for group in report["groups"]:
        for finding in group.findings:
            story += [
                Paragraph(pdf_text(finding_heading(finding)), styles["Heading3"]),
                Paragraph(pdf_text(f"“{finding.sentence}”"), small),
            ]
            story += [Paragraph(f"<b>{escape(label)}:</b> {pdf_text(text)}", body)
                      for label, text in finding_fields(finding)]
        story += [Paragraph(pdf_text(repeats_line(repeat)), body) for repeat in group.repeats]
    if report["unlisted"]:
        story.append(Paragraph(pdf_text(unlisted_line(report)), body))
    if report.get("questions"):
        story.append(Paragraph(QUESTIONS_HEADING, styles["Heading2"]))
    for number, item in enumerate(report.get("questions", []), start=1):
        source = citation(item.source_document) + (
            f", {item.source_section}" if item.source_section else "")
        story += [
            Paragraph(pdf_text(f"{number}. {item.question}"), styles["Heading4"]),
            Paragraph(f"<b>The standard:</b> {pdf_text(item.standard)}", body),
            Paragraph(pdf_text(f"Source: {source}."), small),
        ]
    story.append(Paragraph("The description as submitted", styles["Heading2"]))
    for line in normalise_text(report["text"]).split("\n"):
        story.append(Paragraph(escape(line) or "&nbsp;", body))
    out = BytesIO()
    SimpleDocTemplate(
        out, pagesize=LETTER, title=single_line(report_title(report)), author=AUTHOR,
    ).build(story)
    return out.getvalue()


def report_docx(report: dict) -> bytes:
    """The report as a Word document: the findings listed as the page lists them, then the
    description with a comment on each finding listed in full and the repeats highlighted
    (Word slows down with thousands of comments)."""
    document = docx.Document()
    document.core_properties.author = AUTHOR

    def add(text: str, style=None):
        return document.add_paragraph(normalise_text(text), style=style)

    document.add_heading(normalise_text(single_line(report_title(report))), level=1)
    for label, value in report_heading(report):
        add(f"{label}: {value}")
    add(report["summary"])
    for line in summary_notes(report):
        add(line)
    document.add_heading(ELEMENTS_HEADING, level=2)
    for line in element_lines(report):
        add(line, "List Bullet")
    if report["findings"]:
        document.add_heading(FINDINGS_HEADING, level=2)
    for group in report["groups"]:
        for finding in group.findings:
            document.add_heading(normalise_text(finding_heading(finding)), level=3)
            add(f"“{finding.sentence}”", "Quote")
            for label, text in finding_fields(finding):
                paragraph = document.add_paragraph()
                paragraph.add_run(f"{label}: ").bold = True
                paragraph.add_run(normalise_text(text))
        for repeat in group.repeats:
            add(repeats_line(repeat))
    if report["unlisted"]:
        add(unlisted_line(report))
    document.add_heading("The description as submitted", level=2)
    text = report["text"]
    findings = sorted(report["findings"], key=lambda f: f.start)
    next_finding, offset = 0, 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        paragraph = document.add_paragraph()
        cursor = line_start
        # Findings are in order of their start: each is looked at once, on its line.
        while next_finding < len(findings) and findings[next_finding].start < line_end:
            finding = findings[next_finding]
            next_finding += 1
            start, end = finding.start, min(finding.end, line_end)
            if start < cursor:  # overlaps the one before, or began on an earlier line
                continue
            if start > cursor:
                paragraph.add_run(normalise_text(text[cursor:start]))
            run = paragraph.add_run(normalise_text(text[start:end]))
            if finding.listed:
                comment = (f"{finding_heading(finding)}. {finding.reason} Instead: "
                           f"{finding.suggestion}")
                document.add_comment(run, text=normalise_text(comment), author=AUTHOR,
                                     initials="CPS")
            else:
                run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            cursor = end
        if cursor < line_end:
            paragraph.add_run(normalise_text(text[cursor:line_end]))
    out = BytesIO()
    document.save(out)
    return out.getvalue()
