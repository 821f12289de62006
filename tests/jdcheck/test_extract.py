"""Extraction of uploaded files: valid files give their text, hostile ones a clear refusal."""

import functools
import subprocess
import sys
import time
import zipfile
from io import BytesIO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jdcheck import extract, extract_docx
from jdcheck.extract import ExtractionError, extract_text
from tests import hostile_files as hostile

# --- valid files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        hostile.utf8_txt(),
        hostile.utf8_txt(bom=True),
        hostile.utf16_txt(byteorder="le"),
        hostile.utf16_txt(byteorder="be"),
        hostile.cp1252_txt(),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_text_files_in_each_encoding(data):
    assert extract_text(data, "jd.txt") == hostile.SAMPLE_TEXT


def test_text_newlines_are_normalised():
    assert extract_text(b"one\r\ntwo\rthree\n", "jd.TXT") == "one\ntwo\nthree\n"


def test_docx_keeps_order_bullets_headings_and_tables():
    assert extract_text(hostile.valid_docx(), "jd.docx").split("\n") == [
        "Peer Specialist",
        "Join our recovery learning community.",
        "Responsibilities",
        "• Share lived experience of recovery",
        "• Co-facilitate peer support groups",
        "Pay",
        "$22 per hour",
        "Supervision",
        "By a CPS supervisor",
        "Apply by email.",
    ]


def test_pdf_with_a_text_layer():
    assert extract_text(hostile.valid_pdf(), "jd.pdf") == "\n".join(hostile.PDF_LINES)


def test_pdf_encrypted_only_against_editing_opens():
    # An empty user password: readers open it without asking, so should we.
    assert extract_text(hostile.encrypted_pdf(password=""), "jd.pdf").startswith("Peer")


def test_command_line_prints_the_text(tmp_path):
    path = tmp_path / "jd.txt"
    path.write_bytes(hostile.utf8_txt())
    result = subprocess.run(
        [sys.executable, "-m", "jdcheck.extract", str(path)],
        capture_output=True,
        cwd=extract.PROJECT_ROOT,
        check=True,
    )
    assert result.stdout.decode() == hostile.SAMPLE_TEXT + "\n"


# --- refusals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "filename", "key_words"),
    [
        (hostile.zip_bomb_docx, "jd.docx", "expands to far more data"),
        (hostile.entity_expansion_docx, "jd.docx", "XML declarations"),
        (hostile.traversal_docx, "jd.docx", "unsafe file paths"),
        (hostile.many_members_docx, "jd.docx", "more than 200 parts"),
        (hostile.encrypted_docx, "jd.docx", "password-protected"),
        (hostile.truncated_pdf, "jd.pdf", "damaged or incomplete"),
        (hostile.image_only_pdf, "jd.pdf", "no text layer"),
        (hostile.encrypted_pdf, "jd.pdf", "password-protected"),
        (hostile.flate_bomb_pdf, "jd.pdf", "could not be read safely"),
        (hostile.valid_docx, "jd.pdf", "named .pdf but is not a PDF"),
        (hostile.utf8_txt, "jd.pdf", "named .pdf but is not a PDF"),
        (hostile.valid_pdf, "jd.docx", "named .docx but is not a Word"),
        (hostile.valid_pdf, "jd.txt", "named .txt but is not a plain-text"),
        (hostile.empty_file, "jd.txt", "empty"),
        (hostile.oversized_file, "jd.pdf", "larger than 5 MB"),
        (hostile.nul_txt, "jd.txt", "does not look like plain text"),
        (hostile.utf8_txt, "jd.rtf", ".txt, .docx or .pdf"),
        (hostile.utf8_txt, "jd", ".txt, .docx or .pdf"),
    ],
)
def test_refusals_say_why(make, filename, key_words):
    with pytest.raises(ExtractionError) as caught:
        extract_text(make(), filename)
    assert key_words in caught.value.message
    assert str(caught.value) == caught.value.message


def test_element_bomb_is_refused_promptly():
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="far more data"):
        extract_text(hostile.element_bomb_docx(), "jd.docx")
    assert time.monotonic() - started < 60  # catches a hang, not a speed assertion


def test_child_limits_contain_an_element_bomb_that_passes_the_listing():
    # Straight to the child, as if the zip checks had been fooled.
    started = time.monotonic()
    with pytest.raises(ExtractionError, match="could not be read safely"):
        extract._run_child("docx", hostile.element_bomb_docx())
    assert time.monotonic() - started < 60


def test_docx_of_many_repeated_bullets_is_accepted():
    data = hostile.repeated_bullets_docx(1200)
    document = zipfile.ZipFile(BytesIO(data)).getinfo("word/document.xml")
    assert document.file_size > extract.MAX_COMPRESSION_RATIO * document.compress_size
    text = extract_text(data, "jd.docx")
    assert text.count("• Co-facilitate peer support groups") == 1200


def test_zip_bomb_within_the_size_bounds_is_refused_for_its_ratio():
    data = hostile.zip_bomb_within_bounds_docx()
    total = sum(m.file_size for m in zipfile.ZipFile(BytesIO(data)).infolist())
    assert total < extract.MAX_TOTAL_UNCOMPRESSED
    with pytest.raises(ExtractionError, match="expands to far more data"):
        extract_text(data, "jd.docx")


@pytest.mark.parametrize("make", [
    hostile.entity_expansion_docx,
    hostile.utf16_entity_expansion_docx,
    hostile.doctype_only_docx,
    hostile.doctype_in_unusual_part_docx,
], ids=["utf-8 entities", "utf-16 entities", "doctype alone", "doctype in a .dat part"])
def test_xml_declarations_are_refused_in_any_encoding_and_part(make):
    with pytest.raises(ExtractionError) as caught:
        extract_text(make(), "jd.docx")
    assert caught.value.message == extract_docx.DTD_MESSAGE


def test_a_utf16_document_without_declarations_is_read():
    xml = hostile.document_xml(hostile.paragraph("Peer Specialist")).decode()
    data = hostile.minimal_docx(xml.replace('"UTF-8"', '"UTF-16"').encode("utf-16"))
    assert extract_text(data, "jd.docx") == "Peer Specialist"


def test_text_over_the_cap_is_refused():
    with pytest.raises(ExtractionError, match="longer than 200,000 characters"):
        extract_text(b"a" * (extract.MAX_TEXT_CHARS + 1), "jd.txt")


def test_undecodable_text_is_refused():
    with pytest.raises(ExtractionError, match="encoding"):
        extract_text(b"\xff\xfe\x00\xd8", "jd.txt")  # UTF-16 BOM, then a lone surrogate


# --- fuzzing: always text or ExtractionError, never another exception ---------------

MAGIC = [b"", extract.PDF_MAGIC, extract.ZIP_MAGIC, extract.OLE_MAGIC, b"\xff\xfe"]


@functools.cache
def valid_file(extension):
    return {
        ".txt": hostile.cp1252_txt,
        ".docx": hostile.valid_docx,
        ".pdf": hostile.valid_pdf,
    }[extension]()


def assert_text_or_refusal(data, filename):
    try:
        assert isinstance(extract_text(data, filename), str)
    except ExtractionError as error:
        assert error.message


@settings(deadline=None, max_examples=50)
@given(
    prefix=st.sampled_from(MAGIC),
    body=st.binary(max_size=2000),
    extension=st.sampled_from(extract.ACCEPTED_EXTENSIONS),
)
def test_random_bytes(prefix, body, extension):
    assert_text_or_refusal(prefix + body, "upload" + extension)


@st.composite
def mutated(draw, extension):
    data = bytearray(valid_file(extension))
    for _ in range(draw(st.integers(1, 8))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        del data[draw(st.integers(1, len(data))) :]
    return bytes(data)


@pytest.mark.parametrize("extension", extract.ACCEPTED_EXTENSIONS)
def test_mutated_valid_files(extension):
    @settings(deadline=None, max_examples=50)
    @given(data=mutated(extension))
    def check(data):
        assert_text_or_refusal(data, "upload" + extension)

    check()
