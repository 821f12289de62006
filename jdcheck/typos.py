"""One-letter typing errors in a duty's key word, read as the word meant.

"Adminsters medicaton" should match "administer * @meds". At check time each
word of five letters or more that no pattern names and that is not an English
word itself is compared with the rules' own words: one letter wrong, missing,
added, or two neighbours swapped (optimal string alignment distance 1,
rapidfuzz) reads as that word. An English word is never changed, so "payer"
never reads as "payee" nor "votes" as "notes"; the English word list is
wordfreq's, loaded once.

Linear: a word is looked up by its single-letter deletions (SymSpell's
neighbourhood index), a handful of dictionary probes per word, never a scan of
the vocabulary; each distinct word is worked out once per ruleset.
"""

from functools import lru_cache

from rapidfuzz.distance import OSA

MIN_LETTERS = 5
# wordfreq's Zipf scale: 2.0 is about once per 100 million words. Rarer forms in its
# list are mostly misspellings themselves ("assesment" is 1.8).
_ENGLISH_ZIPF = 2.0
_MEMO_LIMIT = 50_000  # distinct words remembered per ruleset; past it the memo starts again


@lru_cache(maxsize=1)
def _english() -> frozenset[str]:
    from wordfreq import get_frequency_dict

    floor = 10 ** (_ENGLISH_ZIPF - 9)
    return frozenset(w for w, f in get_frequency_dict("en").items() if f >= floor)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class TypoIndex:
    """The rules' words, indexed by their one-letter deletions."""

    def __init__(self, vocabulary):
        self.vocabulary = frozenset(vocabulary)
        self._by_key: dict[str, set[str]] = {}
        for word in self.vocabulary:
            if len(word) >= MIN_LETTERS and word.isalpha():
                for key in _deletions(word) | {word}:
                    self._by_key.setdefault(key, set()).add(word)
        self._memo: dict[str, str] = {}

    def correct(self, word: str) -> str:
        """The rules' word this one is a one-letter typo of, or the word itself."""
        found = self._memo.get(word)
        if found is None:
            if len(self._memo) >= _MEMO_LIMIT:
                self._memo.clear()
            found = self._memo[word] = self._closest(word)
        return found

    def _closest(self, word: str) -> str:
        if (
            len(word) < MIN_LETTERS
            or not word.isalpha()
            or word in self.vocabulary
            or word in _english()
        ):
            return word
        candidates = set()
        for key in _deletions(word) | {word}:
            candidates |= self._by_key.get(key, set())
        near = [c for c in candidates if OSA.distance(word, c, score_cutoff=1) <= 1]
        if not near:
            return word
        return min(near, key=lambda c: (abs(len(c) - len(word)), c))
