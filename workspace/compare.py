"""Comparing two versions of a job description: the text and the findings."""

import difflib
import re
from collections import Counter
from dataclasses import dataclass

# A word with the space after it, so runs of changed words stay together.
TOKEN = re.compile(r"\s+|\S+\s*")
MAX_WORD_DIFF_TOKENS = 20_000


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


def text_diff(old: str, new: str) -> list[DiffChunk]:
    """A word-level inline diff of two texts (line-level for very long texts, where
    a word-level diff would cost too much time)."""
    old_tokens, new_tokens = TOKEN.findall(old), TOKEN.findall(new)
    if len(old_tokens) + len(new_tokens) > MAX_WORD_DIFF_TOKENS:
        old_tokens, new_tokens = old.splitlines(keepends=True), new.splitlines(keepends=True)
    matcher = difflib.SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    chunks = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            chunks.append(DiffChunk("equal", "".join(old_tokens[a1:a2])))
            continue
        if a2 > a1:
            chunks.append(DiffChunk("delete", "".join(old_tokens[a1:a2])))
        if b2 > b1:
            chunks.append(DiffChunk("insert", "".join(new_tokens[b1:b2])))
    return chunks
