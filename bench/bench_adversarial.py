"""The checker on hostile text: time per KB and counted work per character, by size.

    python bench/bench_adversarial.py

Each family of tests/jdcheck/adversarial.py at 16 KB, 64 KB and 200 KB. Linear
work shows as flat columns; growth with size would show a shape the engine
handles worse than linearly. Prints figures; asserts nothing (the counted-work
bound is tested in tests/jdcheck/test_linear_work.py).
"""

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from jdcheck import Work, check, default_ruleset, get_compiled  # noqa: E402
from tests.jdcheck.adversarial import FAMILIES, SIZES  # noqa: E402


def main() -> None:
    get_compiled(default_ruleset())  # compile once, outside the timings
    header = "".join(f"{size // 1000:>8} KB ms/KB  work/char" for size in SIZES)
    print(f"{'family':<16}{header}")
    for name, make in FAMILIES.items():
        row = []
        for size in SIZES:
            text = make(size)
            work = Work()
            started = time.perf_counter()
            check(text, work=work)
            elapsed_ms = (time.perf_counter() - started) * 1000
            row.append(f"{elapsed_ms / (len(text) / 1000):>14.2f} {work.spent / len(text):>10.2f}")
        print(f"{name:<16}{''.join(row)}")


if __name__ == "__main__":
    main()
