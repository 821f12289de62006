"""Parse a .docx upload into text, in the child process (see jdcheck.extract).

The zip listing has already been checked by the parent; here every XML part is
refused if it declares a DTD or entity, then python-docx reads paragraphs and
tables in document order, with Word's bullets and numbering kept as "• ".

    python -m jdcheck.extract_docx < FILE    the child: JSON {"text"} or {"error"}
"""

import sys
import zipfile
from io import BytesIO
from xml.parsers import expat

import docx
from docx.table import Table

from jdcheck.extract import DAMAGED_DOCX, ExtractionError, finish_text, serve_child


def parse_docx(data: bytes) -> str:
    _refuse_doctype(data)
    try:
        document = docx.Document(BytesIO(data))
        lines = list(_block_lines(document))
    except (MemoryError, RecursionError):
        raise
    except Exception:  # any failure to parse untrusted input means "damaged"
        raise ExtractionError(DAMAGED_DOCX) from None
    return finish_text("\n".join(lines), ".docx")


class _Declaration(Exception):
    """An XML part declares a DTD or an entity."""


DTD_MESSAGE = (
    "This Word document contains XML declarations Word never writes "
    "(it may be built to overload the server); paste the text instead."
)


def _refuse_doctype(data: bytes) -> None:
    """Refuse DTDs and entity declarations, which OOXML forbids and entity bombs need.

    Every XML part is read by an XML parser, in whatever encoding it declares
    (a byte search misses "<!DOCTYPE" in UTF-16), stopping at the first declaration.
    """
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            for name in _xml_parts(package):
                with package.open(name) as member:
                    _parse_without_declarations(member)
    except _Declaration:
        raise ExtractionError(DTD_MESSAGE) from None
    except (expat.ExpatError, zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        raise ExtractionError(DAMAGED_DOCX) from None


def _xml_parts(package: zipfile.ZipFile) -> list[str]:
    """The parts besides [Content_Types].xml (read here) that python-docx may parse as
    XML: relationships, and every part whose declared content type is XML."""
    defaults, overrides = {}, {}

    def content_type(tag, attributes):
        kind = tag.rsplit(" ", 1)[-1]
        if kind == "Default":
            defaults[attributes.get("Extension", "").lower()] = attributes.get("ContentType", "")
        elif kind == "Override":
            overrides[attributes.get("PartName", "").lower()] = attributes.get("ContentType", "")

    with package.open("[Content_Types].xml") as member:
        _parse_without_declarations(member, start_element=content_type)
    parts = []
    for name in package.namelist():
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        declared = overrides.get("/" + name.lower(), defaults.get(extension, ""))
        if name != "[Content_Types].xml" and (extension == "rels" or declared.endswith("xml")):
            parts.append(name)
    return parts


def _parse_without_declarations(stream, start_element=None) -> None:
    """Stream-parse one XML part with expat, raising _Declaration at any DTD or entity."""
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse(*_args):
        raise _Declaration

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    if start_element is not None:
        parser.StartElementHandler = start_element
    parser.ParseFile(stream)


def _block_lines(container):
    """Lines of paragraphs and tables in document order; tables nest."""
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            yield from _table_lines(block)
        else:
            yield _paragraph_line(block)


def _table_lines(table):
    seen = set()
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:  # merged cells repeat across the grid
                continue
            seen.add(cell._tc)
            yield from (line for line in _block_lines(cell) if line.strip())


def _paragraph_line(paragraph) -> str:
    text = paragraph.text
    if text.strip() and _is_list_item(paragraph):
        return "• " + text
    return text


def _is_list_item(paragraph) -> bool:
    """Numbered or bulleted by Word, directly or through the style; headings excluded."""
    style = paragraph.style
    if style is not None and (style.name or "").lower().startswith(("heading", "title")):
        return False
    if _has_numbering(paragraph._p.pPr):
        return True
    for _depth in range(10):  # styles may form a loop in hostile files
        if style is None:
            return False
        if _has_numbering(style.element.pPr):
            return True
        style = style.base_style
    return False


def _has_numbering(pPr) -> bool:
    if pPr is None or pPr.numPr is None or pPr.numPr.numId is None:
        return False
    return pPr.numPr.numId.val != 0  # numId 0 switches numbering off


if __name__ == "__main__":
    sys.exit(serve_child(parse_docx))
