"""The review report as files: a PDF (reportlab) and a .docx with each finding
as a Word comment (python-docx)."""

from io import BytesIO
from xml.sax.saxutils import escape

import docx
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

AUTHOR = "CPS Standards Portal"


def report_heading(report: dict) -> list[tuple[str, str]]:
    """The fields every exported report carries, in order."""
    version = report["version"]
    return [
        ("Organization", version.job_description.organization.name),
        ("Job description", version.job_description.title),
        ("Version", str(version.number)),
        ("Date checked", report["review"].created_at.strftime("%d %B %Y")),
        ("Ruleset version", report["review"].ruleset_version),
    ]


def report_pdf(report: dict) -> bytes:
    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["Italic"]
    story = [Paragraph("Job description review", styles["Title"])]
    for label, value in report_heading(report):
        story.append(Paragraph(f"<b>{escape(label)}:</b> {escape(value)}", body))
    story += [Spacer(1, 0.2 * inch), Paragraph(escape(report["summary"]), styles["Heading2"])]
    for check in report["element_checks"]:
        status = "Present" if check.present else "Missing"
        detail = f" — {check.detail}" if check.detail else ""
        story.append(Paragraph(escape(f"{status}: {check.label}{detail}"), body))
    if report["findings"]:
        story.append(Paragraph("Duties that conflict with the CPS role", styles["Heading2"]))
    for finding in report["findings"]:
        ethics = ", ".join(f"#{item}" for item in finding["ethics"]) or "no numbered item"
        story += [
            Paragraph(escape(f"{finding['number']}. {finding['title']} ({finding['severity']})"),
                      styles["Heading3"]),
            Paragraph(escape(f"“{finding['sentence']}”"), small),
            Paragraph(f"<b>Why:</b> {escape(finding['reason'])}", body),
            Paragraph(f"<b>Code of Ethics:</b> {escape(ethics)}", body),
            Paragraph(f"<b>Instead:</b> {escape(finding['suggestion'])}", body),
        ]
    story.append(Paragraph("The description as submitted", styles["Heading2"]))
    for line in report["version"].text.splitlines():
        story.append(Paragraph(escape(line) or "&nbsp;", body))
    out = BytesIO()
    SimpleDocTemplate(
        out, pagesize=LETTER, title=f"Review of {report['version']}", author=AUTHOR
    ).build(story)
    return out.getvalue()


def report_docx(report: dict) -> bytes:
    """The description as a Word document, each finding a comment on its words."""
    document = docx.Document()
    document.core_properties.author = AUTHOR
    document.add_heading(report["version"].job_description.title, level=1)
    for label, value in report_heading(report):
        document.add_paragraph(f"{label}: {value}")
    document.add_paragraph(report["summary"])
    text = report["version"].text
    findings = sorted(report["findings"], key=lambda f: f["start"])
    offset = 0
    for line in text.split("\n"):
        line_start, line_end = offset, offset + len(line)
        offset = line_end + 1
        paragraph = document.add_paragraph()
        cursor = line_start
        for finding in findings:
            start, end = finding["start"], min(finding["end"], line_end)
            if not (line_start <= start < line_end) or start < cursor:
                continue
            if start > cursor:
                paragraph.add_run(text[cursor:start])
            run = paragraph.add_run(text[start:end])
            comment = (f"{finding['title']}: {finding['reason']} Instead: "
                       f"{finding['suggestion']}")
            document.add_comment(run, text=comment, author=AUTHOR, initials="CPS")
            cursor = end
        if cursor < line_end:
            paragraph.add_run(text[cursor:line_end])
    out = BytesIO()
    document.save(out)
    return out.getvalue()
