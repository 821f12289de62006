"""Adding and labelling postings of the real-postings corpus (see jdcheck/realcorpus.py).

    python -m jdcheck.labelling add --url URL --title T --query Q --rank N --raw RAW --by NAME
                                    [--keep START:END ...]
    python -m jdcheck.labelling label ID LABELS.json --by NAME     # the first read
    python -m jdcheck.labelling compare ID LABELS.json             # a second read beside the first
    python -m jdcheck.labelling review ID LABELS.json --by NAME    # the settled second read
    python -m jdcheck.labelling pending --by NAME                  # first reads NAME may review
    python -m jdcheck.labelling status                             # counts only, by part

Everything is written in REAL_CORPUS_DIR, never in the project: texts/<id>.raw (the excerpt as
the search tool returned it), texts/<id>.txt (the text as labelled), meta/<id>.json, and one
JSONL file per labeller under fragments/ (first reads) and reviews/ (second reads), which
`python -m jdcheck.realcorpus manifest` turns into the committed manifest.

A labels file is JSON: {"findings": [{"quote": "...", "task": "...", "note": "...",
"occurrence": 1}], "elements": {...}, "notes": ["..."], "disagreements": ["..."]}. A finding is
located by quoting the text (exactly, one line or part of one): offsets are worked out here, so
nobody counts characters by hand. "occurrence" picks among repeated quotes (1 = the first).
"""

import argparse
import json
import re
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from .realcorpus import (
    PARTS,
    ROOT,
    corpus_dir,
    kept_text,
    load_manifest,
    part_of,
    read_excerpt,
    sha256,
)
from .result import ELEMENT_NAMES
from .ruleset import load_ruleset

EXCLUDED_TOOL = ROOT.parent / "shared" / "tools" / "excluded"
_SHINGLE = 12  # the same posting on another job board shares a run of this many words


class LabelError(Exception):
    """A labels file or an addition that cannot be accepted; the message says why."""


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = _words(text)
    return {tuple(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def _read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _records(folder: Path, kind: str) -> dict[str, dict]:
    """The latest first reads ('fragments') or second reads ('reviews'), by posting id."""
    found = {}
    for path in sorted((folder / kind).glob("*.jsonl")):
        for record in _read_jsonl(path):
            found[record["id"]] = record
    return found


def _meta(folder: Path) -> dict[str, dict]:
    return {
        path.stem: json.loads(path.read_text(encoding="utf-8"))
        for path in sorted((folder / "meta").glob("*.json"))
    }


def add(folder: Path, *, url: str, title: str, query: str, rank: int, raw: str, by: str,
        keep: list[list[int]] | None = None, check_exclusion: bool = True) -> dict:
    """Store one retrieved excerpt; refuse a measured page, a posting already held, or one
    copied from another board."""
    url = url.strip()
    if check_exclusion:
        if not EXCLUDED_TOOL.exists():
            raise LabelError(f"{EXCLUDED_TOOL} is missing: cannot tell whether the page is excluded")
        verdict = subprocess.run(
            [sys.executable, str(EXCLUDED_TOOL), "--url", url, "-"],
            input=raw, capture_output=True, text=True,
        )
        if verdict.returncode != 0:
            raise LabelError("excluded (a measurement page): leave it out\n" + verdict.stdout)
    held = {p["url"]: p["id"] for p in load_manifest()} | {
        m["url"]: i for i, m in _meta(folder).items()
    }
    if url in held:
        raise LabelError(f"already held as {held[url]}")
    keep = keep or [[0, len(raw)]]
    for start, end in keep:
        if not 0 <= start < end <= len(raw):
            raise LabelError(f"keep range {start}:{end} is outside the excerpt (0:{len(raw)})")
    text = kept_text(raw, keep)
    mine = _shingles(text)
    for other in sorted((folder / "texts").glob("*.txt")):
        if mine & _shingles(other.read_text(encoding="utf-8")):
            raise LabelError(f"the same posting as {other.stem} (shares {_SHINGLE} words in a row)")
    posting_id = sha256(url)[:12]
    record = {
        "id": posting_id, "url": url, "title": title, "query": query, "rank": rank,
        "retrieved": date.today().isoformat(), "sha256": sha256(text), "length": len(text),
        "raw_sha256": sha256(raw), "raw_length": len(raw), "keep": keep, "part": part_of(url),
        "collector": by,
    }
    for sub in ("texts", "meta"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    (folder / "texts" / f"{posting_id}.raw").write_text(raw, encoding="utf-8")
    (folder / "texts" / f"{posting_id}.txt").write_text(text, encoding="utf-8")
    (folder / "meta" / f"{posting_id}.json").write_text(json.dumps(record, indent=1), encoding="utf-8")
    return record


def locate(text: str, labels: dict) -> dict:
    """Validate a labels file and turn its quotes into character offsets."""
    tasks = set(load_ruleset().tasks)
    unknown = set(labels) - {"findings", "elements", "notes", "disagreements"}
    if unknown:
        raise LabelError(f"unknown keys {sorted(unknown)}")
    findings = []
    for number, finding in enumerate(labels.get("findings", []), 1):
        if finding.get("task") not in tasks:
            raise LabelError(f"finding {number}: task {finding.get('task')!r} is not one of {sorted(tasks)}")
        quote = finding.get("quote", "")
        starts = [m.start() for m in re.finditer(re.escape(quote), text)] if quote else []
        occurrence = finding.get("occurrence")
        if not starts:
            raise LabelError(f"finding {number}: the quote {quote!r} is not in the text (quote it exactly)")
        if len(starts) > 1 and occurrence is None:
            raise LabelError(f"finding {number}: the quote occurs {len(starts)} times; add \"occurrence\"")
        index = (occurrence or 1) - 1
        if not 0 <= index < len(starts):
            raise LabelError(f"finding {number}: occurrence {occurrence} of {len(starts)}")
        start = starts[index]
        findings.append({"start": start, "end": start + len(quote), "task": finding["task"],
                         "note": finding.get("note", "")})
    elements = labels.get("elements")
    if not isinstance(elements, dict) or set(elements) != set(ELEMENT_NAMES):
        raise LabelError(f"elements must have exactly the keys {list(ELEMENT_NAMES)}")
    for name, value in elements.items():
        if name == "hourly_pay":
            if value is not None and not isinstance(value, (int, float)):
                raise LabelError("hourly_pay is a number (the lowest hourly figure) or null")
        elif not isinstance(value, bool):
            raise LabelError(f"{name} is true or false")
    return {"findings": sorted(findings, key=lambda f: (f["start"], f["end"])),
            "elements": elements, "notes": list(labels.get("notes", [])),
            "disagreements": list(labels.get("disagreements", []))}


def _text(folder: Path, posting_id: str) -> str:
    path = folder / "texts" / f"{posting_id}.txt"
    if not path.exists():
        raise LabelError(f"no text {path}")
    return path.read_text(encoding="utf-8")


def _append(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def label(folder: Path, posting_id: str, labels: dict, by: str) -> dict:
    meta = _meta(folder).get(posting_id)
    if meta is None:
        raise LabelError(f"{posting_id} was not added with `add`")
    first = _records(folder, "fragments").get(posting_id)
    if first is not None and first["labeller"] != by:
        raise LabelError(f"{posting_id} already has a first read by {first['labeller']}")
    settled = locate(_text(folder, posting_id), labels)
    record = {**{k: v for k, v in meta.items() if k != "collector"}, "labeller": by,
              "findings": settled["findings"], "elements": settled["elements"],
              "notes": settled["notes"]}
    _append(folder / "fragments" / f"{by}.jsonl", record)
    return record


def _overlaps(a: dict, b: dict) -> bool:
    return a["task"] == b["task"] and a["start"] < b["end"] and b["start"] < a["end"]


def compare(folder: Path, posting_id: str, labels: dict) -> list[str]:
    """Where a second read differs from the first (for the reviewer to settle by the guide)."""
    first = _records(folder, "fragments").get(posting_id)
    if first is None:
        raise LabelError(f"{posting_id} has no first read")
    text = _text(folder, posting_id)
    second = locate(text, labels)
    lines = []
    for mine, theirs, who in ((second, first, "second read only"), (first, second, "first read only")):
        for f in mine["findings"]:
            if not any(_overlaps(f, g) for g in theirs["findings"]):
                lines.append(f"{who}: {f['task']} {text[f['start']:f['end']]!r}  ({f['note']})")
    for name in ELEMENT_NAMES:
        if first["elements"][name] != second["elements"][name]:
            lines.append(f"element {name}: first {first['elements'][name]!r}, "
                         f"second {second['elements'][name]!r}")
    lines += [f"first read's note: {n}" for n in first.get("notes", [])]
    lines += [f"first read's finding note: {f['note']}" for f in first["findings"] if f["note"]]
    return lines


def review(folder: Path, posting_id: str, labels: dict, by: str) -> dict:
    first = _records(folder, "fragments").get(posting_id)
    if first is None:
        raise LabelError(f"{posting_id} has no first read")
    if first["labeller"] == by:
        raise LabelError("a second read is by someone other than the first labeller")
    settled = locate(_text(folder, posting_id), labels)
    record = {"id": posting_id, "reviewer": by, **settled}
    _append(folder / "reviews" / f"{by}.jsonl", record)
    return record


def pending(folder: Path, by: str) -> list[str]:
    reviews = _records(folder, "reviews")
    return [i for i, first in sorted(_records(folder, "fragments").items())
            if i not in reviews and first["labeller"] != by]


def status(folder: Path) -> str:
    added = _meta(folder)
    firsts = _records(folder, "fragments")
    reviews = _records(folder, "reviews")
    manifest = {p["id"]: p for p in load_manifest()}
    parts = Counter()
    for posting_id, meta in added.items():
        stage = "reviewed" if posting_id in reviews else "first read" if posting_id in firsts else "added"
        parts[meta["part"], stage] += 1
    in_manifest = Counter(p["part"] for p in manifest.values())
    reviewed_new = Counter(added[i]["part"] for i in reviews if i in added and i not in manifest)
    lines = [f"{'part':<11}{'manifest':>9}{'new reviewed':>14}{'first read':>12}{'added':>7}{'total':>7}"]
    for part in PARTS:
        total = in_manifest[part] + reviewed_new[part]
        lines.append(f"{part:<11}{in_manifest[part]:>9}{reviewed_new[part]:>14}"
                     f"{parts[part, 'first read']:>12}{parts[part, 'added']:>7}{total:>7}")
    return "\n".join(lines)


def _labels(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise LabelError(f"{path} is not JSON: {error}") from error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jdcheck.labelling")
    commands = parser.add_subparsers(dest="command", required=True)
    new = commands.add_parser("add")
    for name in ("--url", "--title", "--query", "--raw", "--by"):
        new.add_argument(name, required=True)
    new.add_argument("--rank", type=int, required=True)
    new.add_argument("--keep", nargs="*", default=None, help="START:END ranges of the excerpt")
    for name in ("label", "review"):
        sub = commands.add_parser(name)
        sub.add_argument("id")
        sub.add_argument("labels")
        sub.add_argument("--by", required=True)
    side = commands.add_parser("compare")
    side.add_argument("id")
    side.add_argument("labels")
    waiting = commands.add_parser("pending")
    waiting.add_argument("--by", required=True)
    commands.add_parser("status")
    args = parser.parse_args(argv)
    folder = corpus_dir()
    try:
        if args.command == "add":
            raw_path = Path(args.raw)
            keep = [[int(x) for x in r.split(":")] for r in args.keep] if args.keep else None
            record = add(folder, url=args.url, title=args.title, query=args.query, rank=args.rank,
                         raw=read_excerpt(raw_path), by=args.by, keep=keep)
            print(f"added {record['id']} ({record['part']}, {record['length']} characters): "
                  f"{folder / 'texts' / (record['id'] + '.txt')}")
        elif args.command == "label":
            record = label(folder, args.id, _labels(args.labels), args.by)
            print(f"first read of {args.id}: {len(record['findings'])} findings")
        elif args.command == "compare":
            print("\n".join(compare(folder, args.id, _labels(args.labels))) or "the two reads agree")
        elif args.command == "review":
            record = review(folder, args.id, _labels(args.labels), args.by)
            print(f"second read of {args.id}: {len(record['findings'])} findings")
        elif args.command == "pending":
            print("\n".join(pending(folder, args.by)) or "nothing waiting")
        else:
            print(status(folder))
    except LabelError as error:
        print(f"refused: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
