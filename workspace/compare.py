"""Comparing two versions of a job description: the text and the findings."""

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise

# A word with the space after it, so runs of changed words stay together.
TOKEN = re.compile(r"\s+|\S+\s*")
# Work for one comparison: two texts at the 50,000-character cap that differ in a few
# hundred lines fit; a pair that differs almost everywhere is refused in about a second.
MAX_DIFF_STEPS = 2_000_000


def finding_key(task: str, sentence: str) -> tuple[str, str]:
    """Two findings match when the task is the same and the sentence is the same
    after whitespace and case are normalised."""
    return task, " ".join(sentence.split()).casefold()


def classify_findings(old: list, new: list) -> dict[str, list]:
    """Split findings into resolved (only in old), remaining (in both) and new.

    Matching counts duplicates: two identical findings in old and one in new
    leave one resolved.
    """
    new_keys = Counter(finding_key(f.task, f.sentence) for f in new)
    old_keys = Counter(finding_key(f.task, f.sentence) for f in old)
    resolved, remaining, added = [], [], []
    for finding in old:
        key = finding_key(finding.task, finding.sentence)
        if new_keys[key] > 0:
            new_keys[key] -= 1
        else:
            resolved.append(finding)
    for finding in new:
        key = finding_key(finding.task, finding.sentence)
        if old_keys[key] > 0:
            old_keys[key] -= 1
            remaining.append(finding)
        else:
            added.append(finding)
    return {"resolved": resolved, "remaining": remaining, "new": added}


@dataclass
class DiffChunk:
    kind: str  # "equal", "insert" or "delete"
    text: str


def text_diff(old: str, new: str) -> list[DiffChunk] | None:
    """The changes from `old` to `new`: lines first, then words inside paired lines.

    A changed block's lines are paired with the new lines most like them (a reworded
    duty), and only those are compared word by word; the others are deleted or
    inserted whole, so a change never runs from one line into the next.

    None when the versions differ in too many places to show inline: the work is
    bounded by MAX_DIFF_STEPS (a shortest edit script, Myers' algorithm, costs
    about D² steps for D differences), so no pair of texts can hold a worker.
    """
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    budget = Budget(MAX_DIFF_STEPS)
    line_script = edit_script(old_lines, new_lines, budget)
    if line_script is None:
        return None
    chunks = []
    for op, a1, a2, b1, b2 in line_script:
        if op == "replace":
            chunks += _replaced_lines(old_lines[a1:a2], new_lines[b1:b2], budget)
        elif op == "equal":
            chunks.append(DiffChunk("equal", "".join(old_lines[a1:a2])))
        else:
            chunks.append(DiffChunk(op, "".join(old_lines[a1:a2] or new_lines[b1:b2])))
    return _merged(chunks)


# Two lines of a changed block pair up when at least this alike: difflib's quick ratio
# of their words (2 × shared words / all words).
PAIRING_CUTOFF = 0.5
# A changed block of more line pairs than this is shown as lines deleted and inserted.
MAX_PAIRED_CELLS = 40_000


def _replaced_lines(old: list[str], new: list[str], budget: "Budget") -> list[DiffChunk]:
    pairs = _paired_lines(old, new, budget)
    chunks, i, j = [], 0, 0
    for paired_i, paired_j in pairs + [(len(old), len(new))]:
        if i < paired_i:
            chunks.append(DiffChunk("delete", "".join(old[i:paired_i])))
        if j < paired_j:
            chunks.append(DiffChunk("insert", "".join(new[j:paired_j])))
        if paired_i < len(old):
            chunks += _word_diff(old[paired_i], new[paired_j], budget)
        i, j = paired_i + 1, paired_j + 1
    return chunks


def _paired_lines(old: list[str], new: list[str], budget: "Budget") -> list[tuple[int, int]]:
    """The pairs (old line, new line), in order, that make the block most alike: a
    longest-common-subsequence table scored by each pair's likeness. None paired
    when the block is too large for the work left."""
    n, m = len(old), len(new)
    if n == m == 1:  # one line rewritten in place, however much
        return [(0, 0)]
    old_words, new_words = [line.split() for line in old], [line.split() for line in new]
    cost = n * m + m * sum(map(len, old_words)) + sum(map(len, new_words))
    if n * m > MAX_PAIRED_CELLS or not budget.spend(cost):
        return []
    likeness = [[0.0] * m for _ in range(n)]
    for j, words in enumerate(new_words):
        matcher = difflib.SequenceMatcher(None, b=words, autojunk=False)
        for i in range(n):
            matcher.set_seq1(old_words[i])
            ratio = matcher.quick_ratio() if old_words[i] or words else 1.0
            likeness[i][j] = ratio if ratio >= PAIRING_CUTOFF else 0.0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = best[i + 1][j + 1] + likeness[i][j] if likeness[i][j] else 0.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    pairs, i, j = [], 0, 0
    while i < n and j < m:
        if likeness[i][j] and best[i][j] == best[i + 1][j + 1] + likeness[i][j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _word_diff(old: str, new: str, budget: "Budget") -> list[DiffChunk]:
    """The words of one reworded line; the line whole when the budget left cannot pay."""
    old_body, old_end = _without_line_end(old)
    new_body, new_end = _without_line_end(new)
    old_tokens, new_tokens = TOKEN.findall(old_body), TOKEN.findall(new_body)
    script = edit_script(old_tokens, new_tokens, budget)
    if script is None:
        return [DiffChunk("delete", old), DiffChunk("insert", new)]
    chunks = []
    for op, a1, a2, b1, b2 in script:
        if op in ("equal", "delete", "replace"):
            chunks.append(DiffChunk("equal" if op == "equal" else "delete",
                                    "".join(old_tokens[a1:a2])))
        if op in ("insert", "replace"):
            chunks.append(DiffChunk("insert", "".join(new_tokens[b1:b2])))
    if old_end == new_end:
        return chunks + [DiffChunk("equal", old_end)]
    return chunks + [DiffChunk("delete", old_end), DiffChunk("insert", new_end)]


def _without_line_end(line: str) -> tuple[str, str]:
    body = line.rstrip("\r\n")
    return body, line[len(body):]


def _merged(chunks: list[DiffChunk]) -> list[DiffChunk]:
    """Neighbouring chunks of one kind joined, empty ones dropped."""
    merged: list[DiffChunk] = []
    for chunk in chunks:
        if not chunk.text:
            continue
        if merged and merged[-1].kind == chunk.kind:
            merged[-1] = DiffChunk(chunk.kind, merged[-1].text + chunk.text)
        else:
            merged.append(chunk)
    return merged


class Budget:
    """Steps of diff work left, shared by the line and word passes of one comparison."""

    def __init__(self, steps: int):
        self.left = steps

    def spend(self, steps: int) -> bool:
        self.left -= steps
        return self.left >= 0


def edit_script(a: list, b: list, budget: Budget) -> list[tuple] | None:
    """Opcodes, as difflib's (op, a1, a2, b1, b2), of a shortest edit from a to b.

    Common ends are matched first in linear time (all the work for most
    revisions, and for repeated lines); Myers' greedy algorithm does the rest,
    paying one step per diagonal tried and per element matched. None once the
    budget is spent.
    """
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    if not budget.spend(start + len(a) - end_a):
        return None
    middle = _myers(a[start:end_a], b[start:end_b], budget)
    if middle is None:
        return None
    opcodes = [("equal", 0, start, 0, start)] if start else []
    opcodes += [(op, a1 + start, a2 + start, b1 + start, b2 + start)
                for op, a1, a2, b1, b2 in middle]
    if end_a < len(a):
        opcodes.append(("equal", end_a, len(a), end_b, len(b)))
    return opcodes


def _myers(a: list, b: list, budget: Budget) -> list[tuple] | None:
    n, m = len(a), len(b)
    if not n or not m:
        return [("delete", 0, n, 0, 0)] if n else [("insert", 0, 0, 0, m)] if m else []
    # furthest[k]: the furthest x reached on diagonal k = x - y; one snapshot per round d.
    furthest: dict[int, int] = {}
    rounds = []
    for d in range(n + m + 1):
        rounds.append(furthest.copy())
        if not budget.spend(2 * d + 1):
            return None
        for k in range(max(-d, -m), min(d, n) + 1):
            if (k + d) % 2:
                continue
            x = _start_on_diagonal(furthest, k, d, n, m)[0]
            if x < 0:
                continue
            y, matched = x - k, x
            while x < n and y < m and a[x] == b[y]:
                x, y = x + 1, y + 1
            if not budget.spend(x - matched):
                return None
            furthest[k] = x
            if x >= n and y >= m:
                return _opcodes(_path(rounds, n, m))
    return None  # not reached: d = n + m always ends


def _start_on_diagonal(previous: dict, k: int, d: int, n: int, m: int) -> tuple[int, int]:
    """(x, the diagonal it came from) where a d-path enters diagonal k, or (-1, 0) if none can.

    A step down (an insertion) comes from diagonal k + 1, a step right (a deletion)
    from k - 1; the one reaching further wins, and a step out of the grid never does.
    """
    if d == 0:
        return 0, 0
    down = previous.get(k + 1, -1)
    if down >= 0 and down - k > m:
        down = -1
    right = previous.get(k - 1, -1)
    right = right + 1 if 0 <= right < n else -1
    return (down, k + 1) if down >= right else (right, k - 1)


def _path(rounds: list[dict], n: int, m: int) -> list[tuple[int, int]]:
    """The corners of the edit path to (n, m), from (0, 0): back through the rounds,
    each round's run of matches and, before it, the edit that entered its diagonal."""
    points = [(n, m)]
    x, y = n, m
    for d in range(len(rounds) - 1, 0, -1):
        k = x - y
        start, previous_k = _start_on_diagonal(rounds[d], k, d, n, m)
        x = rounds[d][previous_k]
        y = x - previous_k
        points += [(start, start - k), (x, y)]
    points.append((0, 0))
    return points[::-1]


def _opcodes(points: list[tuple[int, int]]) -> list[tuple]:
    """difflib-style opcodes from the path's corners; adjacent edits merge into a replace."""
    opcodes: list[list] = []
    for (x1, y1), (x2, y2) in pairwise(points):
        if (x1, y1) == (x2, y2):
            continue
        if x2 - x1 == y2 - y1:
            op = "equal"
        else:  # one step right or down
            op = "delete" if x2 > x1 else "insert"
        if opcodes and opcodes[-1][0] != "equal" and op != "equal":
            opcodes[-1][0] = "replace"
            opcodes[-1][2], opcodes[-1][4] = x2, y2
        elif opcodes and opcodes[-1][0] == op == "equal":
            opcodes[-1][2], opcodes[-1][4] = x2, y2
        else:
            opcodes.append([op, x1, x2, y1, y2])
    return [tuple(opcode) for opcode in opcodes]
