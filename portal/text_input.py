"""Text typed, pasted or sent in a URL, normalised on the way in (jdcheck.text).

NUL and other control characters reach no query and no row: PostgreSQL refuses
NUL in text (a 500), Word's XML refuses most controls (a failed export).

- Form fields: `TextField` for text with lines, `LineField` for a name or title;
  `posted_text` for a POST field that has no form (one per finding).
- Query parameters: `QueryTextMiddleware` cleans every request's GET parameters,
  so search, filters and pagination all see clean text.
"""

from django import forms
from django.http import QueryDict
from django.utils.http import urlencode

from jdcheck.text import normalise_text, single_line


class TextField(forms.CharField):
    """Text with lines: comments, reasons, a job description."""

    def to_python(self, value):
        return super().to_python(normalise_text(value) if isinstance(value, str) else value)


class LineField(forms.CharField):
    """One line of text: an organization's name, a job title."""

    def to_python(self, value):
        return super().to_python(single_line(value) if isinstance(value, str) else value)


def posted_text(data: QueryDict, name: str) -> str:
    """A POST field without a form of its own, normalised and stripped."""
    return normalise_text(data.get(name, "")).strip()


class QueryTextMiddleware:
    """Replaces GET parameters that hold control characters with their normalised text."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        pairs = [(key, value) for key, values in request.GET.lists() for value in values]
        cleaned = [(normalise_text(key), normalise_text(value)) for key, value in pairs]
        if cleaned != pairs:
            request.GET = QueryDict(urlencode(cleaned))
        return self.get_response(request)
