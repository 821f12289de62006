"""Parse a .pdf upload into text, in the child process (see jdcheck.extract).

    python -m jdcheck.extract_pdf < FILE    the child: JSON {"text"} or {"error"}
"""

import sys
from io import BytesIO

import pypdf

from jdcheck.extract import (
    MAX_TEXT_CHARS,
    MAX_TOTAL_UNCOMPRESSED,
    MAX_UPLOAD_BYTES,
    MB,
    UNSAFE_MESSAGE,
    ExtractionError,
    finish_text,
    serve_child,
)
from jdcheck.text import normalise_text

# pypdf's own caps (75 MB per stream by default), lowered to fit a 5 MB upload.
PDF_LIMITS = {
    "maximum_declared_stream_length": MAX_UPLOAD_BYTES,
    "array_based_stream_maximum_output_length": MAX_TOTAL_UNCOMPRESSED,
    "zlib_maximum_output_length": MAX_TOTAL_UNCOMPRESSED,
    "lzw_maximum_output_length": MAX_TOTAL_UNCOMPRESSED,
    "run_length_maximum_output_length": MAX_TOTAL_UNCOMPRESSED,
    "brotli_maximum_output_length": MAX_TOTAL_UNCOMPRESSED,
    "jbig2_maximum_output_length": MAX_TOTAL_UNCOMPRESSED,
    "image_maximum_buffer_size": MAX_TOTAL_UNCOMPRESSED,
    "stream_decoding_work_maximum_length": 4 * MAX_TOTAL_UNCOMPRESSED,
    "xmp_maximum_input_length": MB,
    "page_tree_maximum_entries": 10_000,
    "jbig2dec_binary": None,  # never run an external decoder on upload data
}

DAMAGED_PDF = (
    "This PDF appears to be damaged or incomplete; save or export it again, or paste the text."
)
ENCRYPTED_PDF = "This PDF is password-protected; remove the protection or paste the text."


def parse_pdf(data: bytes) -> str:
    with pypdf.apply_configuration(**PDF_LIMITS):
        try:
            reader = pypdf.PdfReader(BytesIO(data))
            if reader.is_encrypted and not _opens_without_password(reader):
                raise ExtractionError(ENCRYPTED_PDF)
            return finish_text(_pdf_text(reader), ".pdf")
        except (ExtractionError, MemoryError, RecursionError):
            raise
        except pypdf.errors.LimitReachedError:
            raise ExtractionError(UNSAFE_MESSAGE) from None
        except Exception:  # any failure to parse untrusted input means "damaged"
            raise ExtractionError(DAMAGED_PDF) from None


def _opens_without_password(reader) -> bool:
    """Some PDFs are encrypted only to restrict printing or editing; those open."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # e.g. an unsupported cipher
        return False


def _pdf_text(reader) -> str:
    pages = []
    length = 0
    for page in reader.pages:
        pages.append(normalise_text(page.extract_text() or ""))
        length += len(pages[-1])
        if length > MAX_TEXT_CHARS:  # no need to read on: it will be refused
            break
    return "\n".join(pages)


if __name__ == "__main__":
    sys.exit(serve_child(parse_pdf))
