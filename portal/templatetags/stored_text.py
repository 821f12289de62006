"""Showing text people wrote, as stored, so that it cannot rearrange the page around it."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from jdcheck.text import BIDI_CONTROLS, normalise_text, single_line

register = template.Library()
_BIDI = re.compile("([" + "".join(BIDI_CONTROLS) + "])")


@register.filter
def show_controls(value) -> str:
    """Escaped text with each bidi control as a visible marker, other controls removed.

    New input never holds bidi controls (jdcheck.text.normalise_text), but stored
    versions are immutable and may: shown raw, a right-to-left override would
    reverse the text after it, labels and links included.
    """
    html = []
    for position, part in enumerate(_BIDI.split(str(value))):
        if position % 2:
            html.append(format_html(
                '<span class="bidi-control" title="Invisible direction control {}">'
                "[{}]</span>", f"U+{ord(part):04X}", BIDI_CONTROLS[part],
            ))
        else:
            html.append(escape(normalise_text(part)))
    return mark_safe("".join(html))  # each part escaped above


@register.filter
def one_line(value) -> str:
    """Stored text as one clean line, for places that cannot hold markup (a page's title)."""
    return single_line(str(value))
