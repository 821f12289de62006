"""The phrase language's matcher: patterns compiled into automata over words.

All patterns of a set run together by simulating the set of live automaton
states, so matching costs one pass over the words whatever the patterns are:
no backtracking.
"""

from .patterns import Gap, PatternError, Words, parse

GAP_WORDS = 4  # words one ``*`` may skip


class _AnyWord:
    """Edge label of a gap: contains every word."""

    def __contains__(self, word: object) -> bool:
        return True


ANY = _AnyWord()
_SILENT = "silent"


class PhraseSet:
    """Many compiled patterns matched together in one pass over the words.

    ``find`` returns (pattern index, first token, end token) for every match,
    keeping for each pattern and start only the longest match.
    """

    def __init__(self, patterns: list[str]):
        self.patterns = list(patterns)
        self._label: list = []  # consuming node -> frozenset of words or ANY
        self._next: list[list[int]] = []  # node -> successors (epsilon graph)
        self._accept: dict[int, int] = {}  # node -> pattern index
        starts = []
        for index, pattern in enumerate(self.patterns):
            sequence = parse(pattern)
            start = self._silent()
            end = self._build(sequence, start)
            accept = self._silent()
            self._next[end].append(accept)
            self._accept[accept] = index
            starts.append(start)
        self._finish(starts)

    # Each node is either consuming (label is a word set or ANY) or silent.
    def _node(self, label) -> int:
        self._label.append(label)
        self._next.append([])
        return len(self._label) - 1

    def _silent(self) -> int:
        return self._node(_SILENT)

    def _build(self, sequence, current: int) -> int:
        for item in sequence:
            if isinstance(item, Words):
                node = self._node(item.forms)
                self._next[current].append(node)
                current = node
            elif isinstance(item, Gap):
                # up to GAP_WORDS optional wildcard words
                exit_node = self._silent()
                self._next[current].append(exit_node)
                for _ in range(GAP_WORDS):
                    node = self._node(ANY)
                    self._next[current].append(node)
                    self._next[node].append(exit_node)
                    current = node
                current = exit_node
            else:
                exit_node = self._silent()
                if item.optional:
                    self._next[current].append(exit_node)
                for option in item.options:
                    entry = self._silent()
                    self._next[current].append(entry)
                    self._next[self._build(option, entry)].append(exit_node)
                current = exit_node
        return current

    def _closure(self, node: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """Consuming nodes and accepted patterns reachable without a word."""
        seen, stack, consuming, accepted = set(), list(self._next[node]), [], []
        while stack:
            n = stack.pop()
            if n in seen:
                continue
            seen.add(n)
            if n in self._accept:
                accepted.append(self._accept[n])
            elif self._label[n] is _SILENT:
                stack.extend(self._next[n])
            else:
                consuming.append(n)
        return tuple(sorted(consuming)), tuple(sorted(accepted))

    def _finish(self, starts: list[int]) -> None:
        consuming = [n for n, lab in enumerate(self._label) if lab is not _SILENT]
        self._follow = {n: self._closure(n) for n in consuming}
        self._words = {n: self._label[n] for n in consuming}
        self._by_first_word: dict[str, list[int]] = {}
        for start in starts:
            first_nodes, _ = self._closure(start)
            for n in first_nodes:
                if self._words[n] is ANY:
                    raise PatternError(
                        self.patterns[starts.index(start)], 0, "A pattern cannot start with '*'"
                    )
                for word in self._words[n]:
                    self._by_first_word.setdefault(word, []).append(n)
        del self._label, self._next

    def vocabulary(self) -> set[str]:
        """Every word form any pattern names."""
        return {w for label in self._words.values() if label is not ANY for w in label}

    def first_words(self) -> set[str]:
        """Every word form a match can start with."""
        return set(self._by_first_word)

    def find(self, words: list[str], lo: int = 0, hi: int | None = None):
        """All matches within words[lo:hi] as (pattern index, start, end) word indices.

        ``words`` are normalised words, e.g. ``[t.word for t in tokenize(text)]``.
        """
        hi = len(words) if hi is None else hi
        follow, labels, by_first = self._follow, self._words, self._by_first_word
        if by_first.keys().isdisjoint(words[lo:hi]):
            return []  # no pattern can start here: skip the walk
        best: dict[tuple[int, int], int] = {}
        active: dict[int, int] = {}  # live node -> earliest start
        for i in range(lo, hi):
            word = words[i]
            starts = by_first.get(word)
            if not active and starts is None:
                continue
            moved = [(n, s) for n, s in active.items() if word in labels[n]]
            if starts:
                moved.extend((n, i) for n in starts)
            active = {}
            for n, s in moved:
                nodes, accepted = follow[n]
                for pid in accepted:
                    if best.get((pid, s), -1) < i + 1:
                        best[(pid, s)] = i + 1
                for m in nodes:
                    if m not in active or active[m] > s:
                        active[m] = s
        return sorted((pid, s, e) for (pid, s), e in best.items())


def compile_pattern(pattern: str) -> PhraseSet:
    """Compile a single pattern (raises PatternError when malformed)."""
    return PhraseSet([pattern])
