"""Turn an uploaded .txt, .docx or .pdf file into plain text, safely.

Uploads are untrusted. Cheap checks run here (size, type by content, the zip
listing); parsing .docx and .pdf runs in a child process with CPU-time and
memory limits, because python-docx has no limits of its own and a small file
can expand into gigabytes. The parsers are jdcheck.extract_docx and
jdcheck.extract_pdf, each its own child entry point, so a child loads only its
own parser library. Every refusal is an ExtractionError whose message tells
the user why and what to do.

    python -m jdcheck.extract FILE    prints the text of FILE
"""

import json
import logging
import resource
import subprocess
import sys
import unicodedata
import zipfile
from io import BytesIO
from pathlib import Path

from jdcheck.text import normalise_text

MB = 1024 * 1024
MAX_UPLOAD_BYTES = 5 * MB
MAX_ZIP_MEMBERS = 200
MAX_DOCUMENT_XML_BYTES = 5 * MB
MAX_TOTAL_UNCOMPRESSED = 20 * MB
MAX_COMPRESSION_RATIO = 100
# Repetitive text compresses well: hundreds of identical bullets pass 100:1 at a few
# hundred kilobytes. Only a member this large must also have a believable ratio.
RATIO_CHECK_FLOOR = 2 * MB
MAX_TEXT_CHARS = 200_000

CHILD_CPU_SECONDS = 10
CHILD_MEMORY_BYTES = 1024 * MB
CHILD_WALL_SECONDS = 20

ACCEPTED_EXTENSIONS = (".txt", ".docx", ".pdf")
TYPE_NAMES = {".txt": "a plain-text file", ".docx": "a Word (.docx) document", ".pdf": "a PDF"}

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .doc, and every password-protected .docx

# Text files: refuse when more than this share of characters are not text.
MAX_NON_TEXT_SHARE = 0.05

PROJECT_ROOT = Path(__file__).resolve().parent.parent
log = logging.getLogger(__name__)


class ExtractionError(Exception):
    """A file that cannot be turned into text; `message` is shown to the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


UNSAFE_MESSAGE = "This file could not be read safely; save it again or paste the text instead."
DAMAGED_DOCX = (
    "This Word document appears to be damaged; open it in Word, save it again, or paste the text."
)
TOO_BIG_DOCX = (
    "This Word document expands to far more data than a job description needs "
    "(it may be built to overload the server); paste the text instead."
)


def extract_text(data: bytes, filename: str, *, max_chars: int = MAX_TEXT_CHARS) -> str:
    """Return the text of an uploaded file, or raise ExtractionError.

    `max_chars` (at most MAX_TEXT_CHARS, the bound on parsing) is the longest text accepted.
    """
    text = _extract(data, filename)
    if len(text) > max_chars:
        raise ExtractionError(too_long_message(max_chars))
    return text


def too_long_message(max_chars: int) -> str:
    return (f"The text is longer than {max_chars:,} characters; "
            "upload or paste only the job description.")


def _extract(data: bytes, filename: str) -> str:
    if len(data) > MAX_UPLOAD_BYTES:
        raise ExtractionError(
            f"This file is larger than {MAX_UPLOAD_BYTES // MB} MB; "
            "upload a smaller file or paste the text instead."
        )
    if not data:
        raise ExtractionError("This file is empty.")
    extension = _extension(filename)
    if extension == ".txt":
        return finish_text(_text_from_txt(data), extension)
    if extension == ".docx":
        _check_docx_package(data)
        return _run_child("docx", data)
    if extension == ".pdf":
        _require(data.startswith(PDF_MAGIC), extension)
        return _run_child("pdf", data)
    raise ExtractionError(
        "This type of file can't be read; upload a "
        + ", ".join(ACCEPTED_EXTENSIONS[:-1])
        + f" or {ACCEPTED_EXTENSIONS[-1]} file, or paste the text instead."
    )


def _extension(filename: str) -> str:
    name = filename.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return "." + name.rsplit(".", 1)[1] if "." in name else ""


def _require(condition: bool, extension: str) -> None:
    """Refuse a file whose content is not the type its name claims."""
    if not condition:
        raise ExtractionError(
            f"This file is named {extension} but is not {TYPE_NAMES[extension]}; "
            "check that you chose the right file, or paste the text instead."
        )


def finish_text(text: str, extension: str) -> str:
    """Normalise, refuse empty text, and keep no more than can be accepted."""
    text = normalise_text(text)
    if not text.strip():
        if extension == ".pdf":
            raise ExtractionError(
                "This PDF has no text layer (it looks like a scan); paste the text instead."
            )
        raise ExtractionError("This file contains no text.")
    # Parsing stops here; extract_text refuses anything longer than its caller's limit.
    return text[: MAX_TEXT_CHARS + 1]


# --- .txt -----------------------------------------------------------------


def _text_from_txt(data: bytes) -> str:
    _require(not data.startswith((PDF_MAGIC, ZIP_MAGIC, OLE_MAGIC)), ".txt")
    text = _decode(data)
    if "\x00" in text or _non_text_share(text) > MAX_NON_TEXT_SHARE:
        raise ExtractionError(
            "This file does not look like plain text; upload a .txt, .docx or .pdf file, "
            "or paste the text instead."
        )
    return text


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ExtractionError(
        "This text file's encoding was not recognised; save it as UTF-8 and try again, "
        "or paste the text instead."
    )


def _non_text_share(text: str) -> float:
    odd = sum(
        1
        for char in text
        if char == "\ufffd"
        or (unicodedata.category(char) in ("Cc", "Cn", "Co", "Cs") and char not in "\t\n\r\f")
    )
    return odd / max(len(text), 1)


# --- .docx: the zip listing, checked before any parsing ---------------------


def _check_docx_package(data: bytes) -> None:
    if data.startswith(OLE_MAGIC):
        raise ExtractionError(
            "This Word file is password-protected or in the old .doc format; remove the "
            "protection and save it as .docx, or paste the text instead."
        )
    _require(data.startswith(ZIP_MAGIC), ".docx")
    try:
        with zipfile.ZipFile(BytesIO(data)) as package:
            members = package.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        raise ExtractionError(DAMAGED_DOCX) from None
    if len(members) > MAX_ZIP_MEMBERS:
        raise ExtractionError(
            f"This Word document has more than {MAX_ZIP_MEMBERS} parts, which is not normal "
            "for a job description; paste the text instead."
        )
    names = {member.filename for member in members}
    _require({"[Content_Types].xml", "word/document.xml"} <= names, ".docx")
    for member in members:
        _check_member(member)
    if sum(member.file_size for member in members) > MAX_TOTAL_UNCOMPRESSED:
        raise ExtractionError(TOO_BIG_DOCX)


def _check_member(member: zipfile.ZipInfo) -> None:
    parts = member.filename.replace("\\", "/").split("/")
    if member.filename.startswith(("/", "\\")) or ":" in parts[0] or ".." in parts:
        raise ExtractionError(
            "This Word document contains unsafe file paths; save it again in Word, "
            "or paste the text instead."
        )
    if member.flag_bits & 0x1:
        raise ExtractionError(
            "This Word document is password-protected; remove the protection or paste the text."
        )
    if member.filename == "word/document.xml" and member.file_size > MAX_DOCUMENT_XML_BYTES:
        raise ExtractionError(TOO_BIG_DOCX)
    # zipfile stops at the declared size and checks the CRC, so declared sizes can be trusted.
    if member.file_size > RATIO_CHECK_FLOOR and (
        member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
    ):
        raise ExtractionError(TOO_BIG_DOCX)


# --- the child process -------------------------------------------------------


def _run_child(kind: str, data: bytes) -> str:
    """Parse in `python -m jdcheck.extract_KIND` (serve_child) with resource limits."""
    command = [sys.executable, "-m", f"jdcheck.extract_{kind}"]
    try:
        result = subprocess.run(
            command,
            input=data,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,  # unbounded warnings; may quote the document
            timeout=CHILD_WALL_SECONDS,
            cwd=PROJECT_ROOT,
            check=False,
        )
    except subprocess.TimeoutExpired:
        log.warning("extraction child timed out (%s)", kind)
        raise ExtractionError(UNSAFE_MESSAGE) from None
    try:
        reply = json.loads(result.stdout)
    except ValueError:
        reply = None
    if result.returncode != 0 or not isinstance(reply, dict):
        # Log no content: quick checks must not leave the text in logs.
        log.warning("extraction child failed (%s, exit %s)", kind, result.returncode)
        raise ExtractionError(UNSAFE_MESSAGE)
    if "error" in reply:
        raise ExtractionError(reply["error"])
    return reply["text"]


def serve_child(parse) -> int:
    """The child's side: limits first, then parse the upload on stdin, reply in JSON."""
    _limit_resources()
    data = sys.stdin.buffer.read(MAX_UPLOAD_BYTES + 1)
    try:
        reply = {"text": parse(data)}
    except ExtractionError as error:
        reply = {"error": error.message}
    except (MemoryError, RecursionError):
        reply = {"error": UNSAFE_MESSAGE}
    sys.stdout.buffer.write(json.dumps(reply).encode("ascii"))
    return 0


def _limit_resources() -> None:
    for limit, value in (
        (resource.RLIMIT_CPU, CHILD_CPU_SECONDS),
        (resource.RLIMIT_AS, CHILD_MEMORY_BYTES),
        (resource.RLIMIT_CORE, 0),
    ):
        _soft, hard = resource.getrlimit(limit)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        resource.setrlimit(limit, (value, value))


# --- command line ------------------------------------------------------------


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m jdcheck.extract FILE", file=sys.stderr)
        return 2
    path = Path(argv[0])
    with path.open("rb") as file:
        data = file.read(MAX_UPLOAD_BYTES + 1)
    try:
        print(extract_text(data, path.name))
    except ExtractionError as error:
        print(error.message, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
