"""Attachments are checked by what they contain, not only by their names."""

import zipfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

MAX_ATTACHMENT_BYTES = settings.MAX_ATTACHMENT_BYTES

# extension -> (label shown to readers, content type it is served with)
ATTACHMENT_TYPES = {
    ".pdf": ("PDF", "application/pdf"),
    ".docx": (
        "Word document",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
}


def validate_attachment(file):
    if getattr(file, "_committed", False):
        return  # already stored, so it was checked when it was uploaded
    suffix = Path(file.name).suffix.lower()
    if suffix not in ATTACHMENT_TYPES:
        raise ValidationError("Attach a PDF or a Word (.docx) file.")
    if file.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            f"This file is {filesizeformat(file.size)}; attachments may be at most "
            f"{filesizeformat(MAX_ATTACHMENT_BYTES)}."
        )
    if not _content_matches(file, suffix):
        label = ATTACHMENT_TYPES[suffix][0]
        raise ValidationError(
            f"This file is named as a {label} but its content is not a {label}. "
            "Export it again from the program that made it and attach that file."
        )


def _content_matches(file, suffix: str) -> bool:
    file.seek(0)
    try:
        if suffix == ".pdf":
            return file.read(5) == b"%PDF-"
        # Reading the zip's central directory is cheap and expands nothing.
        with zipfile.ZipFile(file) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        file.seek(0)
