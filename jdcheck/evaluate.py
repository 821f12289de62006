"""Measure the checker against the development corpus.

    python -m jdcheck.evaluate [--rules PATH] [--corpus DIR] [--verbose]

The corpus has three parts, each reported separately:

- tuned: jdcheck/corpus/sentences.jsonl and jdcheck/corpus/jds/, the text the
  rules were written against;
- validation: jdcheck/corpus/validation4_sentences.jsonl and
  jdcheck/corpus/validation4_jds/, written independently in other styles; rule
  changes are checked against its totals to see that they generalise, never
  tuned sentence by sentence (the three earlier validation parts have since
  been merged into the tuned part);
- held-back: jdcheck/corpus/heldout, never read while writing rules; only its
  totals are printed.
 Sentence grading: a sentence's set of task slugs against
its labels, per category. Descriptions: categories found against expected,
and element values against expected.
"""

import argparse
import json
import sys
from pathlib import Path

from .engine import check
from .result import ELEMENT_NAMES
from .ruleset import Ruleset, load_ruleset

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
VALIDATION_SENTENCES = "validation4_sentences.jsonl"
VALIDATION_JDS = "validation4_jds"
ELEMENTS = ELEMENT_NAMES


def evaluate_corpus(
    path: str | Path,
    ruleset: Ruleset | None = None,
    sentences: str = "sentences.jsonl",
    jds: str = "jds",
) -> dict:
    """Scores for one corpus part: ``path/sentences`` and ``path/jds/labels.json``.

    The validation part lives beside the tuned one under other names:
    ``evaluate_corpus(CORPUS_DIR, sentences=VALIDATION_SENTENCES,
    jds=VALIDATION_JDS)``.
    """
    ruleset = ruleset or load_ruleset()
    path = Path(path)
    result = {"path": str(path / sentences)}
    sentences_path = path / sentences
    if sentences_path.exists():
        result["sentences"] = _sentence_scores(sentences_path, ruleset)
    labels = path / jds / "labels.json"
    if labels.exists():
        result["documents"] = _document_scores(labels, ruleset)
    return result


def _found(text: str, ruleset: Ruleset) -> set[str]:
    return {f.task for f in check(text, ruleset).findings}


def _sentence_scores(path: Path, ruleset: Ruleset) -> dict:
    counts = {c: [0, 0, 0] for c in ruleset.tasks}  # true pos, false pos, false neg
    hard = hard_flagged = 0
    errors = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        expected, found = set(item["labels"]), _found(item["text"], ruleset)
        _tally(counts, expected, found)
        if item.get("kind") == "hard_negative":
            hard += 1
            hard_flagged += bool(found)
        if expected != found:
            errors.append(
                {
                    "text": item["text"],
                    "missed": sorted(expected - found),
                    "extra": sorted(found - expected),
                }
            )
    scores = _scores(counts)
    scores["sentences"] = sum(1 for line in path.read_text().splitlines() if line.strip())
    scores["hard_negatives"] = hard
    scores["hard_negative_fp_rate"] = hard_flagged / hard if hard else 0.0
    scores["errors"] = errors
    return scores


def _document_scores(labels_path: Path, ruleset: Ruleset) -> dict:
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    counts = {c: [0, 0, 0] for c in ruleset.tasks}
    element_right = element_total = 0
    errors = []
    for name, expected in sorted(labels.items()):
        text = (labels_path.parent / name).read_text(encoding="utf-8")
        result = check(text, ruleset)
        found = {f.task for f in result.findings}
        wanted = set(expected.get("categories", []))
        _tally(counts, wanted, found)
        wrong_elements = {}
        for element, value in expected.get("elements", {}).items():
            element_total += 1
            got = getattr(result.elements, element)
            if _same(got, value):
                element_right += 1
            else:
                wrong_elements[element] = {"expected": value, "found": got}
        if wanted != found or wrong_elements:
            errors.append(
                {
                    "file": name,
                    "missed": sorted(wanted - found),
                    "extra": sorted(found - wanted),
                    "elements": wrong_elements,
                }
            )
    scores = _scores(counts)
    scores["documents"] = len(labels)
    scores["element_accuracy"] = element_right / element_total if element_total else 0.0
    scores["errors"] = errors
    return scores


def _same(found, expected) -> bool:
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(found, (int, float)) and abs(found - expected) < 0.01
    return found == expected


def _tally(counts, expected: set[str], found: set[str]) -> None:
    for category in counts:
        if category in found and category in expected:
            counts[category][0] += 1
        elif category in found:
            counts[category][1] += 1
        elif category in expected:
            counts[category][2] += 1


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _scores(counts) -> dict:
    per_category = {c: _prf(*counts[c]) for c in counts}
    totals = [sum(counts[c][i] for c in counts) for i in range(3)]
    return {"per_category": per_category, "micro": _prf(*totals)}


def format_report(name: str, result: dict, verbose: bool = False) -> str:
    """A plain-text report of one corpus part."""
    lines = [f"== {name}: {result['path']}"]
    sentences = result.get("sentences")
    if sentences:
        lines.append(
            f"Sentences: {sentences['sentences']} "
            f"(hard negatives: {sentences['hard_negatives']})"
        )
        lines.append(f"  {'category':28} {'P':>6} {'R':>6} {'F1':>6}  tp  fp  fn")
        for category, s in sentences["per_category"].items():
            lines.append(
                f"  {category:28} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} "
                f"{s['tp']:3} {s['fp']:3} {s['fn']:3}"
            )
        micro = sentences["micro"]
        lines.append(
            f"  micro P {micro['precision']:.3f}  R {micro['recall']:.3f}  F1 {micro['f1']:.3f}"
        )
        lines.append(
            f"  false-positive rate on hard negatives: {sentences['hard_negative_fp_rate']:.3f}"
        )
        if verbose:
            for error in sentences["errors"]:
                lines.append(f"    missed={error['missed']} extra={error['extra']}: {error['text']}")
    documents = result.get("documents")
    if documents:
        micro = documents["micro"]
        lines.append(
            f"Descriptions: {documents['documents']}  categories P {micro['precision']:.3f} "
            f"R {micro['recall']:.3f} F1 {micro['f1']:.3f}  "
            f"element accuracy {documents['element_accuracy']:.3f}"
        )
        if verbose:
            for error in documents["errors"]:
                lines.append(
                    f"    {error['file']}: missed={error['missed']} extra={error['extra']} "
                    f"elements={error['elements']}"
                )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m jdcheck.evaluate", description=__doc__)
    parser.add_argument("--rules", help="ruleset file (default: the shipped rules)")
    parser.add_argument("--corpus", default=str(CORPUS_DIR), help="corpus directory")
    parser.add_argument("--verbose", "-v", action="store_true", help="list every tuned error")
    parser.add_argument(
        "--verbose-validation",
        action="store_true",
        help="also list validation errors (to diagnose a class of failure, not to tune on)",
    )
    args = parser.parse_args(argv)
    ruleset = load_ruleset(args.rules)
    corpus = Path(args.corpus)
    print(f"Ruleset {ruleset.version}")
    print(format_report("tuned", evaluate_corpus(corpus, ruleset), args.verbose))
    if (corpus / VALIDATION_SENTENCES).exists() or (corpus / VALIDATION_JDS).exists():
        validation = evaluate_corpus(
            corpus, ruleset, sentences=VALIDATION_SENTENCES, jds=VALIDATION_JDS
        )
        print(format_report("validation", validation, args.verbose_validation))
    else:
        print("== validation: not present")
    heldout = corpus / "heldout"
    if heldout.exists():
        # Never print held-back sentences: that would invite tuning on them.
        print(format_report("held-back", evaluate_corpus(heldout, ruleset), verbose=False))
    else:
        print("== held-back: not present")
    return 0


if __name__ == "__main__":
    sys.exit(main())
