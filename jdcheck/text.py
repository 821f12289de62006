"""Text as people send it, in one normal form: pasted, uploaded, typed in a field or exported.

Zero-width characters (U+200B-U+200D, U+2060) and the soft hyphen stay: the
tokenizer reads them as part of a word, and findings index the text as stored.
"""

import re

# Every kind of line break becomes "\n": CRLF and CR (browsers, old files), Word's manual
# line break (\v) and page break (\f), NEL, and the Unicode line and paragraph separators.
_LINE_BREAKS = re.compile(r"\r\n|[\r\v\f\x85\u2028\u2029]")
# Removed: the other C0 and C1 controls (tab and newline stay) and DEL, which PostgreSQL (NUL)
# and Word's XML refuse; lone surrogates, which UTF-8 cannot encode; the noncharacters
# U+FFFE and U+FFFF, which XML cannot hold; and the bidi embeddings, overrides and isolates,
# which a job description never needs and which would reorder the text around them.
_REMOVED = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff"
    "\u202a-\u202e\u2066-\u2069]"
)

# The bidi controls by their Unicode abbreviations, for showing stored text that holds them.
BIDI_CONTROLS = {
    "\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
    "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI",
}


def normalise_text(text: str) -> str:
    """Line breaks as "\\n", without control, bidi-control or unencodable characters."""
    return _REMOVED.sub("", _LINE_BREAKS.sub("\n", text))


def single_line(text: str) -> str:
    """Normalised text on one line, runs of whitespace as one space: names, titles, subjects."""
    return " ".join(normalise_text(text).split())
