"""Valid and hostile upload files, generated in memory.

Used by the extraction tests and the workspace's upload tests, so that no large
or dangerous file is ever committed. Each function returns the file's bytes.
"""

import zipfile
import zlib
from io import BytesIO

SAMPLE_TEXT = "Peer Specialist\n“Café – résumé” support, with lived experience.\n"

# --- text ---------------------------------------------------------------------


def utf8_txt(text: str = SAMPLE_TEXT, bom: bool = False) -> bytes:
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8")


def utf16_txt(text: str = SAMPLE_TEXT, byteorder: str = "le") -> bytes:
    bom, codec = (b"\xff\xfe", "utf-16-le") if byteorder == "le" else (b"\xfe\xff", "utf-16-be")
    return bom + text.encode(codec)


def cp1252_txt(text: str = SAMPLE_TEXT) -> bytes:
    return text.encode("cp1252")


def nul_txt() -> bytes:
    return b"Peer specialist\x00\x00\x00 duties\n"


def empty_file() -> bytes:
    return b""


def oversized_file(size: int = 6 * 1024 * 1024) -> bytes:
    return b"a" * size


# --- .docx --------------------------------------------------------------------


def valid_docx() -> bytes:
    """A heading, paragraphs, a bulleted list and a table, made with python-docx."""
    import docx

    document = docx.Document()
    document.add_heading("Peer Specialist", level=1)
    document.add_paragraph("Join our recovery learning community.")
    document.add_heading("Responsibilities", level=2)
    document.add_paragraph("Share lived experience of recovery", style="List Bullet")
    document.add_paragraph("Co-facilitate peer support groups", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Pay"
    table.cell(0, 1).text = "$22 per hour"
    table.cell(1, 0).text = "Supervision"
    table.cell(1, 1).text = "By a CPS supervisor"
    document.add_paragraph("Apply by email.")
    out = BytesIO()
    document.save(out)
    return out.getvalue()


WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/'
    b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    b"</Types>"
)
PACKAGE_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'relationships/officeDocument" Target="word/document.xml"/>'
    b"</Relationships>"
)


def document_xml(body: bytes, prolog: bytes = b"") -> bytes:
    return (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        + prolog
        + f'<w:document xmlns:w="{WORD_NS}"><w:body>'.encode()
        + body
        + b"</w:body></w:document>"
    )


def minimal_docx(document: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A hand-built .docx package: content types, relationships, document, extras."""
    members = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "word/document.xml": document,
        **(extra or {}),
    }
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in members.items():
            package.writestr(name, data)
    return out.getvalue()


def paragraph(text: str) -> bytes:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>".encode()


def zip_bomb_docx(size: int = 50 * 1024 * 1024) -> bytes:
    """A small .docx hiding a member of `size` zero bytes (compresses about 1000:1)."""
    return minimal_docx(
        document_xml(paragraph("Peer Specialist")),
        extra={"word/media/image1.png": bytes(size)},
    )


def element_bomb_docx(paragraphs: int = 5_000_000) -> bytes:
    """Millions of empty paragraphs: tens of kilobytes zipped, gigabytes in python-docx."""
    return minimal_docx(document_xml(b"<w:p/>" * paragraphs))


def entity_expansion_xml(levels: int = 9, encoding: str = "UTF-8") -> str:
    """The "billion laughs": each entity expands to ten of the one before."""
    entities = ['<!ENTITY lol0 "lol">']
    for level in range(1, levels + 1):
        entities.append(f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">')
    return (
        f'<?xml version="1.0" encoding="{encoding}" standalone="yes"?>'
        f"<!DOCTYPE w:document [{''.join(entities)}]>"
        f'<w:document xmlns:w="{WORD_NS}"><w:body>'
        f"<w:p><w:r><w:t>&lol{levels};</w:t></w:r></w:p></w:body></w:document>"
    )


def entity_expansion_docx(levels: int = 9) -> bytes:
    return minimal_docx(entity_expansion_xml(levels).encode("utf-8"))


def utf16_entity_expansion_docx(levels: int = 9) -> bytes:
    """The same bomb in UTF-16 (with a byte-order mark): no "<!DOCTYPE" bytes to find."""
    return minimal_docx(entity_expansion_xml(levels, "UTF-16").encode("utf-16"))


def doctype_only_docx() -> bytes:
    """A DOCTYPE with no entities at all: still something Word never writes."""
    return minimal_docx(document_xml(paragraph("Peer Specialist"), b"<!DOCTYPE w:document>"))


def doctype_in_unusual_part_docx() -> bytes:
    """A DTD in a part not named .xml that the content types declare as XML."""
    content_types = CONTENT_TYPES.replace(
        b"</Types>",
        b'<Override PartName="/word/styles.dat" ContentType="application/'
        b'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    )
    return minimal_docx(
        document_xml(paragraph("Peer Specialist")),
        extra={
            "[Content_Types].xml": content_types,
            "word/styles.dat": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>',
        },
    )


def repeated_bullets_docx(count: int = 1200) -> bytes:
    """A real description with many identical bullets, made with python-docx: its
    document.xml compresses far better than 100:1, yet it is a few hundred kilobytes."""
    import docx

    document = docx.Document()
    document.add_heading("Peer Specialist", level=1)
    for _ in range(count):
        document.add_paragraph("Co-facilitate peer support groups", style="List Bullet")
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def zip_bomb_within_bounds_docx(size: int = 15 * 1024 * 1024) -> bytes:
    """Below the 20 MB total bound, but a member of zeros compressed about 1000:1."""
    return minimal_docx(
        document_xml(paragraph("Peer Specialist")),
        extra={"word/media/image1.png": bytes(size)},
    )


def traversal_docx() -> bytes:
    return minimal_docx(document_xml(paragraph("Peer Specialist")), extra={"../evil": b"x"})


def many_members_docx(count: int = 250) -> bytes:
    extra = {f"word/media/part{index}.xml": b"<x/>" for index in range(count)}
    return minimal_docx(document_xml(paragraph("Peer Specialist")), extra=extra)


def encrypted_docx() -> bytes:
    """What Word saves with a password: an OLE compound file, not a zip."""
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096 - 8)


# --- .pdf -----------------------------------------------------------------------

HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
FONT_RESOURCES = b"<< /Font << /F1 5 0 R >> >>"
PDF_LINES = ("Peer Specialist", "Share lived experience of recovery.")


def _pdf(objects: list[bytes]) -> bytes:
    """Number `objects` from 1 (the first is the catalog) and write a valid xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _stream(content: bytes, dictionary: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(content), dictionary) + content + b"\nendstream"


def _one_page_pdf(contents: bytes, resources: bytes, extra: bytes) -> bytes:
    """A page drawn by the stream `contents`, with `extra` as object 5."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            b"/Resources " + resources + b" >>",
            contents,
            extra,
        ]
    )


def valid_pdf(lines: tuple[str, ...] = PDF_LINES) -> bytes:
    """A one-page PDF with a text layer, one line per item of `lines` (ASCII)."""
    shown = b" T* ".join(b"(%s) Tj" % _pdf_string(line) for line in lines)
    content = b"BT /F1 12 Tf 14 TL 72 720 Td " + shown + b" ET"
    return _one_page_pdf(_stream(content), FONT_RESOURCES, HELVETICA)


def _pdf_string(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("ascii")


def image_only_pdf() -> bytes:
    """A page that only paints an image, like a scan."""
    content = b"q 200 0 0 200 72 500 cm /Im1 Do Q"
    image = _stream(
        b"\x80\x80\x80\xff\xff\xff\x00\x00\x00\x80\x80\x80",
        b"/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceRGB "
        b"/BitsPerComponent 8",
    )
    return _one_page_pdf(_stream(content), b"<< /XObject << /Im1 5 0 R >> >>", image)


def flate_bomb_pdf(size: int = 30 * 1024 * 1024) -> bytes:
    """A page whose compressed content stream inflates to `size` bytes of spaces."""
    contents = _stream(zlib.compress(b" " * size, 9), b"/Filter /FlateDecode")
    return _one_page_pdf(contents, FONT_RESOURCES, HELVETICA)


def truncated_pdf() -> bytes:
    data = valid_pdf()
    return data[: len(data) // 2]


def encrypted_pdf(password: str = "secret") -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(BytesIO(valid_pdf())))
    writer.encrypt(password)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
