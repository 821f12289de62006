"""A Word (.docx) copy of a document, built from the same Markdown as its page."""

from html.parser import HTMLParser
from io import BytesIO

import docx

from toolkit.rendering import render_markdown

HEADING_LEVELS = {"h2": 1, "h3": 2, "h4": 3, "h5": 4, "h6": 5}
BLOCKS = {"p", "li", "dt", "dd", "blockquote", "pre", *HEADING_LEVELS}


def document_to_docx(document) -> bytes:
    word = docx.Document()
    word.core_properties.title = document.title
    word.add_heading(document.title, level=0)
    if document.summary:
        word.add_paragraph(document.summary)
    _WordWriter(word).feed(render_markdown(document.body).html)
    buffer = BytesIO()
    word.save(buffer)
    return buffer.getvalue()


class _WordWriter(HTMLParser):
    """Walks the sanitised HTML: headings, paragraphs, lists, bold and italic."""

    def __init__(self, word):
        super().__init__()
        self.word = word
        self.paragraph = None
        self.lists = []  # "ul" / "ol" for each open list
        self.bold = self.italic = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("ul", "ol"):
            self.lists.append(tag)
        elif tag in HEADING_LEVELS:
            self.paragraph = self.word.add_heading(level=HEADING_LEVELS[tag])
        elif tag == "li":
            style = "List Number" if self.lists and self.lists[-1] == "ol" else "List Bullet"
            self.paragraph = self.word.add_paragraph(style=style)
        elif tag in BLOCKS and not (self.paragraph is not None and not self.paragraph.text):
            # A <p> inside a list item writes into that item's paragraph.
            self.paragraph = self.word.add_paragraph()
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag in ("em", "i", "cite"):
            self.italic += 1

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        elif tag in BLOCKS:
            self.paragraph = None
        elif tag in ("strong", "b"):
            self.bold -= 1
        elif tag in ("em", "i", "cite"):
            self.italic -= 1

    def handle_data(self, data):
        if not data.strip() and self.paragraph is None:
            return  # whitespace between blocks
        if self.paragraph is None:
            self.paragraph = self.word.add_paragraph()
        run = self.paragraph.add_run(data.replace("\n", " "))
        run.bold = self.bold > 0 or None
        run.italic = self.italic > 0 or None
