"""The corpus of real public postings: its manifest, its texts, and `make eval-real`.

    python -m jdcheck.realcorpus eval [--rules PATH]   # the figures, by part
    python -m jdcheck.realcorpus verify                # which texts are missing or changed
    python -m jdcheck.realcorpus restore ID RAWFILE    # re-create one text from its excerpt
    python -m jdcheck.realcorpus manifest              # rebuild the manifest from the labelling files

The texts are third-party excerpts, so they never enter the project: they live
in the folder named by REAL_CORPUS_DIR (default: ``real_corpus`` beside the
checkout), one ``texts/<id>.txt`` each. The committed manifest
(tests/corpus/real/manifest.json) holds for each posting its URL, title, the
query and rank that found it, the retrieval date, the sha256 and length of the
text as labelled (and of the raw excerpt, with the ranges kept when site chrome
was trimmed), its part, and its labels as character offsets.

Parts are assigned by a hash of the URL, not by choice: tuning, validation and
held-back. For the held-back part only totals are ever printed.
"""

import argparse
import hashlib
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

from .engine import check
from .evaluate import ELEMENTS, _prf, _same
from .ruleset import Ruleset, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / "tests" / "corpus" / "real" / "manifest.json"
PARTS = ("tuning", "validation", "heldout")
_PART_OF_DIGIT = ["heldout"] * 4 + ["validation"] * 2 + ["tuning"] * 4


def corpus_dir() -> Path:
    return Path(os.environ.get("REAL_CORPUS_DIR", ROOT.parent / "real_corpus"))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def part_of(url: str) -> str:
    """The part a posting belongs to, from its URL alone (decided at retrieval)."""
    return _PART_OF_DIGIT[int(sha256(url), 16) % 10]


def load_manifest(path: Path = MANIFEST) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["postings"]


def text_status(posting: dict, folder: Path) -> str:
    """'ok', 'missing' or 'changed' (the stored text no longer has the manifest's hash)."""
    path = folder / "texts" / f"{posting['id']}.txt"
    if not path.exists():
        return "missing"
    return "ok" if sha256(path.read_text(encoding="utf-8")) == posting["sha256"] else "changed"


def read_excerpt(path: Path) -> str:
    """An excerpt saved from a search result: a .json file holds it as the JSON string the
    result showed (quotes and escapes included), which keeps it exact; any other file is the
    text itself."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text) if path.suffix == ".json" else text


def kept_text(raw: str, keep: list[list[int]]) -> str:
    """The labelled text: the raw excerpt's kept ranges (site chrome trimmed), one per line."""
    return "\n".join(raw[start:end] for start, end in keep)


def restore(posting: dict, raw: str, folder: Path) -> str:
    """Write a posting's text from its raw excerpt, re-retrieved; refuse if either hash differs."""
    if sha256(raw) != posting["raw_sha256"]:
        return "the excerpt differs from the one labelled (raw sha256); it was not written"
    text = kept_text(raw, posting["keep"])
    if sha256(text) != posting["sha256"]:
        return "the trimmed text differs from the one labelled; it was not written"
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    (folder / "texts" / f"{posting['id']}.txt").write_text(text, encoding="utf-8")
    return "restored"


# --- scoring ---


def score_part(postings: list[dict], texts: dict[str, str], ruleset: Ruleset) -> dict:
    """The figures of one part over the postings whose texts are present."""
    duties = Counter()  # task -> [labelled, found]
    found_duties = Counter()
    documents = {c: [0, 0, 0] for c in ruleset.tasks}
    clean = flagged_clean = 0
    elements = Counter()
    for posting in postings:
        result = check(texts[posting["id"]], ruleset)
        findings = result.findings
        for label in posting["findings"]:
            duties[label["task"]] += 1
            if any(
                f.task == label["task"] and f.start < label["end"] and label["start"] < f.end
                for f in findings
            ):
                found_duties[label["task"]] += 1
        expected = {label["task"] for label in posting["findings"]}
        found = {f.task for f in findings}
        if not expected:
            clean += 1
            flagged_clean += bool(found)
        for category in set(ruleset.tasks) | expected | found:
            counts = documents.setdefault(category, [0, 0, 0])
            if category in found and category in expected:
                counts[0] += 1
            elif category in found:
                counts[1] += 1
            elif category in expected:
                counts[2] += 1
        for name in ELEMENTS:
            elements[name] += _same(getattr(result.elements, name), posting["elements"][name])
    totals = [sum(c[i] for c in documents.values()) for i in range(3)]
    return {
        "postings": len(postings),
        "duties": sum(duties.values()),
        "duties_found": sum(found_duties.values()),
        "clean": clean,
        "clean_flagged": flagged_clean,
        "documents": _prf(*totals),
        "per_task": {
            task: {"duties": duties[task], "found": found_duties[task], **_prf(*counts)}
            for task, counts in documents.items()
        },
        "elements": {name: elements[name] for name in ELEMENTS},
    }


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "none"


def format_part(name: str, score: dict, absent: int, per_task: bool) -> str:
    docs = score["documents"]
    lines = [
        f"== {name}: {score['postings']} postings present"
        + (f", {absent} absent (run `verify`)" if absent else ""),
        f"  labelled duties found:   {_share(score['duties_found'], score['duties'])}",
        f"  clean postings flagged:  {_share(score['clean_flagged'], score['clean'])}",
        f"  document-level tasks:    P {docs['precision']:.3f}  R {docs['recall']:.3f}  "
        f"F1 {docs['f1']:.3f}  (tp {docs['tp']}, fp {docs['fp']}, fn {docs['fn']})",
        "  role elements right:     "
        + ", ".join(f"{k} {v}/{score['postings']}" for k, v in score["elements"].items()),
    ]
    if per_task:
        lines.append(f"  {'task':<28}{'duties':>7}{'found':>7}{'doc tp':>8}{'fp':>4}{'fn':>4}")
        for task, t in sorted(score["per_task"].items()):
            if t["duties"] or t["tp"] or t["fp"] or t["fn"]:
                lines.append(
                    f"  {task:<28}{t['duties']:>7}{t['found']:>7}{t['tp']:>8}{t['fp']:>4}{t['fn']:>4}"
                )
    return "\n".join(lines)


def evaluate(ruleset: Ruleset, manifest: Path = MANIFEST, folder: Path | None = None) -> dict:
    """Scores by part, over the texts present; and how many are absent."""
    folder = folder or corpus_dir()
    postings = load_manifest(manifest)
    present = [p for p in postings if text_status(p, folder) == "ok"]
    texts = {
        p["id"]: (folder / "texts" / f"{p['id']}.txt").read_text(encoding="utf-8") for p in present
    }
    report = {}
    for part in PARTS:
        in_part = [p for p in present if p["part"] == part]
        absent = sum(1 for p in postings if p["part"] == part) - len(in_part)
        report[part] = {"score": score_part(in_part, texts, ruleset), "absent": absent}
    return report


# --- the manifest, from the labelling files ---

_WORDS = re.compile(r"[a-z0-9]+")
_QUOTE_WORDS = 6  # a note that repeats this many of the posting's words in a row is trimmed


def _own_words(note: str, text: str) -> str:
    """The note without any run of the posting's own words (notes are ours; the text is not)."""
    text_words = _WORDS.findall(text.lower())
    runs = {
        " ".join(text_words[i : i + _QUOTE_WORDS]) for i in range(len(text_words) - _QUOTE_WORDS + 1)
    }
    tokens = list(_WORDS.finditer(note.lower()))
    cut = [False] * len(tokens)
    for i in range(len(tokens) - _QUOTE_WORDS + 1):
        if " ".join(t.group() for t in tokens[i : i + _QUOTE_WORDS]) in runs:
            cut[i : i + _QUOTE_WORDS] = [True] * _QUOTE_WORDS
    pieces, cursor, i = [], 0, 0
    while i < len(tokens):
        if not cut[i]:
            i += 1
            continue
        j = i
        while j < len(tokens) and cut[j]:
            j += 1
        pieces.append(note[cursor : tokens[i].start()] + "[…]")
        cursor = tokens[j - 1].end()
        i = j
    return "".join(pieces) + note[cursor:]


def build_manifest(folder: Path, manifest: Path = MANIFEST) -> dict:
    """The committed postings, plus every posting of fragments/*.jsonl that has had its second
    read (reviews/*.jsonl): the settled labels replace the first read's; the disagreements are
    kept as notes. A posting labelled again replaces its committed entry."""
    reviews = {}
    for path in sorted((folder / "reviews").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                review = json.loads(line)
                reviews[review["id"]] = review  # a later line for the same posting wins
    postings = {p["id"]: p for p in load_manifest(manifest)} if manifest.exists() else {}
    for path in sorted((folder / "fragments").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            first = json.loads(line)
            review = reviews.get(first["id"])
            if review is None:
                continue  # a posting enters the corpus once its second read is done
            text = (folder / "texts" / f"{first['id']}.txt").read_text(encoding="utf-8")
            settled = review
            notes = list(first.get("notes", [])) + review.get("notes", []) + [
                "second read: " + d for d in review.get("disagreements", [])
            ]
            postings[first["id"]] = {
                **{k: first[k] for k in (
                    "id", "url", "title", "query", "rank", "retrieved", "sha256", "length",
                    "raw_sha256", "raw_length", "keep", "part", "labeller",
                )},
                "reviewer": review["reviewer"],
                "findings": [
                    {"start": f["start"], "end": f["end"], "task": f["task"],
                     "note": _own_words(f.get("note", ""), text)}
                    for f in settled["findings"]
                ],
                "elements": settled["elements"],
                "notes": [_own_words(n, text) for n in notes],
            }
    return {
        "about": "Real public peer-role postings: labels as offsets into texts kept outside "
        "the project (REAL_CORPUS_DIR); see jdcheck/realcorpus.py and the README.",
        "postings": sorted(postings.values(), key=lambda p: (PARTS.index(p["part"]), p["id"])),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jdcheck.realcorpus")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("eval", help="figures by part (held-back: totals only)")
    run.add_argument("--rules", help="a ruleset file (default: the shipped rules)")
    commands.add_parser("verify", help="list texts that are missing or changed")
    back = commands.add_parser("restore", help="re-create one text from its raw excerpt")
    back.add_argument("id")
    back.add_argument("raw", help="the excerpt exactly as the search result gave it "
                      "(a .json file: the JSON string, quotes included)")
    commands.add_parser("manifest", help="rebuild the manifest from fragments/ and reviews/")
    args = parser.parse_args(argv)
    folder = corpus_dir()
    if args.command == "manifest":
        data = build_manifest(folder)
        MANIFEST.parent.mkdir(parents=True, exist_ok=True)
        MANIFEST.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{len(data['postings'])} postings written to {MANIFEST.relative_to(ROOT)}")
        return 0
    postings = load_manifest()
    if args.command == "verify":
        counts = Counter()
        for posting in postings:
            status = text_status(posting, folder)
            counts[status] += 1
            if status != "ok":
                print(f"{status:8} {posting['id']}  {posting['url']}  (query: {posting['query']!r})")
        print(f"{counts['ok']} present, {counts['missing']} missing, {counts['changed']} changed "
              f"in {folder}")
        return 0 if counts["ok"] == len(postings) else 1
    if args.command == "restore":
        posting = next((p for p in postings if p["id"] == args.id), None)
        if posting is None:
            print(f"no posting {args.id} in the manifest")
            return 2
        outcome = restore(posting, read_excerpt(Path(args.raw)), folder)
        print(outcome)
        return 0 if outcome == "restored" else 1
    ruleset = load_ruleset(args.rules) if args.rules else load_ruleset()
    print(f"Ruleset {ruleset.version}; texts from {folder}")
    for part, result in evaluate(ruleset, folder=folder).items():
        # never per-task or per-posting figures for the held-back part
        print(format_part(part, result["score"], result["absent"], per_task=part != "heldout"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
