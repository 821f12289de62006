"""The readiness result as a PDF (reportlab, as workspace.exports): the same
content as the result page, from the same `results.result_of` dictionary."""

from io import BytesIO

from django.utils.formats import date_format
from django.utils.timezone import localtime
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from jdcheck.text import single_line
from readiness.models import Rating
from readiness.text import change_words, citation, percent_words, standard_asks
from workspace.exports import AUTHOR, pdf_text


def _date(moment) -> str:
    """The site's one date format (portal/formats), as the page writes it."""
    return date_format(localtime(moment))


def result_pdf(result: dict) -> bytes:
    styles = getSampleStyleSheet()
    body, heading, small = styles["BodyText"], styles["Heading2"], styles["Italic"]
    assessment = result["assessment"]
    organization = single_line(assessment.organization.name)
    story = [
        Paragraph("Provider readiness self-assessment", styles["Title"]),
        Paragraph(f"<b>Organization:</b> {pdf_text(organization)}", body),
        Paragraph(f"<b>Submitted:</b> {_date(assessment.submitted_at)} by "
                  f"{pdf_text(assessment.submitted_by.email if assessment.submitted_by else '—')}",
                  body),
        Spacer(1, 0.15 * inch),
        Paragraph("Summary", heading),
        Paragraph(pdf_text(result["summary"]), body),
        Paragraph("Scores", heading),
    ]
    rows = [["Section", "Score", "Fully", "Partly", "Not in place", "Not applicable"]]
    for score in [*result["section_scores"], result["overall"]]:
        counts = score.counts
        rows.append([score.title, percent_words(score.percent), counts[Rating.FULLY],
                     counts[Rating.PARTLY], counts[Rating.NOT_IN_PLACE], score.not_applicable])
    story.append(Table(rows, hAlign="LEFT"))
    if result["changes"]:
        story += [Paragraph(f"Change since {_date(result['earlier'].submitted_at)}", heading)]
        story.append(Table(
            [["Section", "Then", "Now", "Change"]] + [
                [change.title, percent_words(change.before), percent_words(change.now),
                 change_words(change)]
                for change in result["changes"]
            ], hAlign="LEFT",
        ))
    story.append(Paragraph("Action plan", heading))
    if not result["plan"]:
        story.append(Paragraph("No gaps: every statement that applies is fully in place.", body))
    for number, answer in enumerate(result["plan"], start=1):
        statement = answer.statement
        story += [
            Paragraph(pdf_text(f"{number}. {statement.wording} ({answer.get_rating_display()})"),
                      styles["Heading3"]),
            Paragraph(f"<b>What the standard asks:</b> {pdf_text(standard_asks(statement))}", body),
            Paragraph(f"<b>Why:</b> the source says “{pdf_text(statement.source_quote)}” "
                      f"({pdf_text(citation(statement))}).", body),
        ]
        if statement.role_standard:
            story.append(Paragraph(f"<b>Standard:</b> {pdf_text(statement.role_standard.title)}",
                                   body))
        guides = ", ".join(guide.title for guide in statement.section.guides.all())
        if guides:
            story.append(Paragraph(f"<b>Toolkit:</b> {pdf_text(guides)}", body))
        if answer.note:
            story.append(Paragraph(f"Your note: {pdf_text(answer.note)}", small))
    story.append(Paragraph("Every answer", heading))
    for answer in result["answers"]:
        line = f"{answer.statement.wording} — {answer.get_rating_display()}"
        if answer.overrides_proposal:
            line += f" (the data proposed {answer.get_proposed_rating_display().lower()})"
        story += [Paragraph(pdf_text(line), body),
                  Paragraph(pdf_text(f"Source: {citation(answer.statement)}"), small)]
        if answer.note:
            story.append(Paragraph(f"Note: {pdf_text(answer.note)}", small))
    out = BytesIO()
    SimpleDocTemplate(
        out, pagesize=LETTER, title=f"Provider readiness of {organization}", author=AUTHOR,
    ).build(story)
    return out.getvalue()
