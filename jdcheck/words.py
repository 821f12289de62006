"""Words of a text: the tokenizer and the inflections a pattern word matches.

Text is tokenized once into words with their character offsets
(``tokenize``); the phrase language (jdcheck.patterns) and its matcher
(jdcheck.phraseset) work on those normalised words.
"""

import re
from typing import NamedTuple

from .lexicon import (
    ABBREVIATIONS,
    FIXED_WORDS,
    IRREGULAR,
    SPELLING_VARIANTS,
    SPLIT_VARIANTS,
)

# Words are runs of letters (with an inner apostrophe) or of digits, so that
# "PHQ9", "PHQ-9" and "phq 9" all read as the same two words. Invisible
# characters between letters (zero-width space and joiners, word joiner, soft
# hyphen, BOM) are part of the word, so they cannot hide a duty word; the
# token's offsets still index the original text.
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_LETTERS = rf"[A-Za-z]+(?:[{INVISIBLE}]+[A-Za-z]+)*"
WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})?|[0-9]+")
_DROP_INVISIBLE = str.maketrans("", "", INVISIBLE)

_VOWELS = set("aeiou")


class Token(NamedTuple):
    """A word of the text: its normalised form and where it sits."""

    word: str
    start: int
    end: int


def normalize_word(raw: str) -> tuple[str, ...]:
    """Lower-case a word, drop a possessive, fix a known variant spelling."""
    word = raw.translate(_DROP_INVISIBLE).lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    elif "'" in word and not word.endswith("n't"):
        word = word.replace("'", "")
    if word in SPLIT_VARIANTS:
        return SPLIT_VARIANTS[word]
    word = SPELLING_VARIANTS.get(word, word)
    return (ABBREVIATIONS.get(word, word),)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split text[start:end] into words with offsets into the whole text."""
    tokens = []
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        for word in normalize_word(m.group()):
            tokens.append(Token(word, m.start(), m.end()))
    return tokens


def word_forms(word: str) -> frozenset[str]:
    """The forms a pattern word matches: itself and its common inflections.

    Generation over-produces harmlessly ("chartting"); it never strips a
    text word, so "note" cannot match "not".
    """
    forms = {word}
    if word in FIXED_WORDS or not word.isalpha() or len(word) < 2:
        return frozenset(forms)
    forms.update(IRREGULAR.get(word, ()))
    last = word[-1]
    if word.endswith(("s", "x", "z", "ch", "sh", "o")):
        forms.add(word + "es")
    forms.add(word + "s")
    if last == "y" and word[-2] not in _VOWELS:
        forms.update({word[:-1] + "ies", word[:-1] + "ied"})
    if last == "e":
        forms.update({word + "d", word[:-1] + "ing"})
        if word.endswith("ee"):
            forms.add(word + "ing")
    else:
        forms.update({word + "ed", word + "ing"})
        if last not in _VOWELS and last not in "wxy" and word[-2] in _VOWELS:
            # plan -> planning, counsel -> counselled
            forms.update({word + last + "ed", word + last + "ing"})
    return frozenset(forms)

