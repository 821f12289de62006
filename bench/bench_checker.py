"""Benchmark the checker next to the floor any pattern engine pays.

    python bench/bench_checker.py

Times the full check (segmentation, matching, context, elements) on a
600-word job description and on 1 MB of text, next to one compiled `re`
alternation of every trigger phrase in its literal form over the same text.
Prints figures; asserts nothing.
"""

import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jdcheck import check, get_compiled, load_ruleset  # noqa: E402
from jdcheck.words import WORD  # noqa: E402


def description_of(words: int) -> str:
    """A realistic description: the corpus descriptions repeated to ``words`` words."""
    corpus = "\n\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "jdcheck/corpus/jds").glob("*.txt"))
    )
    text, count = [], 0
    for line in corpus.splitlines(keepends=True):
        text.append(line)
        count += len(line.split())
        if count >= words:
            break
    return "".join(text)


def literal_alternation(ruleset) -> re.Pattern:
    """One regex of every trigger's literal words: optional parts and gaps dropped,
    the first alternative taken. No engine can match these phrases for less."""
    phrases = set()
    for task in ruleset.tasks.values():
        for pattern in task.triggers:
            plain = re.sub(r"\[[^\]]*\]|\*", " ", pattern)
            plain = re.sub(r"\(([^|)]*)[^)]*\)", r"\1", plain)
            words = [w.split("|")[0] for w in plain.split()]
            phrases.add(r"\W+".join(m.group() for w in words for m in WORD.finditer(w)))
    alternatives = sorted(p for p in phrases if p)
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    ruleset = load_ruleset()
    get_compiled(ruleset)  # compile once, outside the timings
    floor = literal_alternation(ruleset)
    short = description_of(600)
    big = (description_of(10**6) * 200)[: 1024 * 1024]

    print(f"ruleset {ruleset.version}: {sum(len(t.triggers) for t in ruleset.tasks.values())} "
          f"trigger patterns, {len(floor.pattern)} characters of floor regex")
    for name, text, runs in (("600 words", short, 200), ("1 MB", big, 3)):
        engine = median_ms(lambda t=text: check(t, ruleset), runs)
        regex = median_ms(lambda t=text: list(floor.finditer(t)), runs)
        print(f"{name:>10}: engine {engine:9.2f} ms   re alternation {regex:9.2f} ms   "
              f"ratio {engine / regex:5.2f}x   ({len(text.split())} words)")


if __name__ == "__main__":
    main()
