"""The review report as files: a PDF (reportlab) and a .docx with each finding
as a Word comment (python-docx).

Both list what the report page lists (workspace.report: at most FINDINGS_LISTED
findings in full, repeats counted), so their cost is bounded by the text's
length. Every string passes through normalise_text on the way out: stored
versions are immutable and may hold characters Word's XML refuses (\\x0b, \\x00).
"""

from io import BytesIO
from xml.sax.saxutils import escape

import docx
from django.utils.formats import date_format
from django.utils.timezone import localtime
from docx.enum.text import WD_COLOR_INDEX
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from jdcheck.text import normalise_text, single_line

AUTHOR = "CPS Standards Portal"


def report_heading(report: dict) -> list[tuple[str, str]]:
    """The fields every exported report carries, in order."""
    version = report["version"]
    return [
        ("Organization", single_line(version.job_description.organization.name)),
        ("Job description", single_line(version.job_description.title)),
        ("Version", str(version.number)),
        ("Date checked", date_format(localtime(report["review"].created_at))),
        ("Ruleset version", report["review"].ruleset_version),
    ]


def repeats_line(repeat) -> str:
    count = len(repeat.findings)
    return (f"{count} more dut{'y' if count == 1 else 'ies'} with the same wording as finding "
            f"{repeat.first.number}, for the same reasons.")


def unlisted_line(report: dict) -> str:
    count = len(report["unlisted"])
    return (f"{count} more finding{'' if count == 1 else 's'} not listed: a report lists at most "
            f"{report['findings_listed_limit']}. Change the duties listed here and check again.")


def _pdf_text(text: str) -> str:
    return escape(normalise_text(text))


# Said on the page too (templates/workspace/_report_body.html), in the same words.
STOPPED_EARLY = (
    "This check stopped early. The description is too long or too complex to check whole "
    "within the checker's limit, so duties after the last one marked were not checked. "
    "Check it again in shorter parts (for example, the duties section alone)."
)


def report_pdf(report: dict) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["Italic"]
    story = [Paragraph("Job description review", styles["Title"])]
    for label, value in report_heading(report):
        story.append(Paragraph(f"<b>{escape(label)}:</b> {_pdf_text(value)}", body))
    story += [Spacer(1, 0.2 * inch), Paragraph(_pdf_text(report["summary"]), styles["Heading2"])]
    if not report.get("complete", True):
        story.append(Paragraph(_pdf_text(STOPPED_EARLY), body))
    for check in report["element_checks"]:
        status = "Present" if check.present else "Missing"
        detail = f" — {check.detail}" if check.detail else ""
        story.append(Paragraph(_pdf_text(f"{status}: {check.label}{detail}"), body))
    if report["findings"]:
        story.append(Paragraph("Duties that conflict with the CPS role", styles["Heading2"]))
    for group in report["groups"]:
        for finding in group.findings:
            ethics = ", ".join(f"#{item}" for item in finding.ethics) or "no numbered item"
            story += [
                Paragraph(_pdf_text(f"{finding.number}. {finding.title} "
                                    f"({finding.severity})"), styles["Heading3"]),
                Paragraph(_pdf_text(f"“{finding.sentence}”"), small),
                Paragraph(f"<b>Why:</b> {_pdf_text(finding.reason)}", body),
                Paragraph(f"<b>Code of Ethics:</b> {_pdf_text(ethics)}", body),
                Paragraph(f"<b>Instead:</b> {_pdf_text(finding.suggestion)}", body),
            ]
        story += [Paragraph(_pdf_text(repeats_line(repeat)), body) for repeat in group.repeats]
    if report["unlisted"]:
        story.append(Paragraph(_pdf_text(unlisted_line(report)), body))
    story.append(Paragraph("The description as submitted", styles["Heading2"]))
    for line in normalise_text(report["version"].text).split("\n"):
        story.append(Paragraph(escape(line) or "&nbsp;", body))
    out = BytesIO()
    SimpleDocTemplate(
        out, pagesize=LETTER, title=f"Review of {single_line(str(report['version']))}",
        author=AUTHOR,
    ).build(story)
    return out.getvalue()


def report_docx(report: dict) -> bytes:
    """The description as a Word document: a comment on each finding listed in full,
    the repeats highlighted (Word slows down with thousands of comments)."""
    document = docx.Document()
    document.core_properties.author = AUTHOR
    document.add_heading(single_line(report["version"].job_description.title), level=1)
    for label, value in report_heading(report):
        document.add_paragraph(f"{label}: {value}")
    document.add_paragraph(report["summary"])
    if not report.get("complete", True):
        document.add_paragraph(STOPPED_EARLY)
    for group in report["groups"]:
        for repeat in group.repeats:
            document.add_paragraph(repeats_line(repeat))
    if report["unlisted"]:
        document.add_paragraph(unlisted_line(report))
    text = report["version"].text
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
                comment = (f"{finding.title}: {finding.reason} Instead: "
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
