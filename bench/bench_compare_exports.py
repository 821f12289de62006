"""Compare view and report exports on large accepted inputs: time and size.

    python bench/bench_compare_exports.py

In process, on a temporary SQLite database with the test settings (seeded rules,
no network): the inline diff of two versions (`workspace.compare.text_diff`) and
the compare page; then, for one stored version, the report page, the print view,
the PDF and the .docx. Inputs: a stored 200,000-character version (the longest
a file could give before the CHECK_MAX_CHARS cap), descriptions at the cap
(50,000 characters) and a realistic 15,000-character one. Each figure has a
hang guard (BENCH_GUARD_SECONDS, 180 by default): past it the script prints
"> N s" and goes on. Prints figures; asserts nothing.
"""

import os
import signal
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GUARD_SECONDS = int(os.environ.get("BENCH_GUARD_SECONDS", "180"))

DUTIES = [
    "- Pass medications to residents during the evening med pass.",
    "- Write progress notes in the EHR after each contact.",
    "- Drive residents to appointments in the agency van.",
    "- Answer phones and file paperwork at the front desk.",
]
PEER_LINES = [
    "- Share lived experience of recovery to inspire hope.",
    "- Co-facilitate peer support groups with people served.",
    "- Help people find community resources they choose.",
    "- Support people in speaking up for themselves at meetings.",
]
HEADER = "Peer Specialist\n\nResponsibilities:\n"
FOOTER = "\nPay: $18.50 per hour. Supervised by a Certified Peer Specialist supervisor.\n"


def description(chars: int, lines: list[str]) -> str:
    """HEADER, then the lines in turn up to `chars` characters, then FOOTER."""
    body, length, i = [], len(HEADER) + len(FOOTER), 0
    while length + len(lines[i % len(lines)]) + 1 <= chars:
        body.append(lines[i % len(lines)])
        length += len(body[-1]) + 1
        i += 1
    return HEADER + "\n".join(body) + FOOTER


def reworded(text: str, every: int) -> str:
    """Every `every`-th line reworded, as a revision does."""
    lines = text.split("\n")
    return "\n".join(
        line.replace("residents", "people we support").replace("Write", "Keep")
        if i % every == 0 else line
        for i, line in enumerate(lines)
    )


def unrelated(chars: int) -> str:
    """Text sharing no word with the duties: a diff's worst case."""
    words = [f"w{i}x" for i in range(chars // 6)]
    return " ".join(words)[:chars]


def identical_lines(count: int) -> tuple[str, str]:
    """`count` identical lines, and the same with the middle one changed."""
    lines = ["- Chart.\n"] * count
    old = "".join(lines)
    lines[count // 2] = "- New duty.\n"
    return old, "".join(lines)


class Overrun(Exception):
    pass


def _alarm(signum, frame):
    raise Overrun


def timed(action):
    """(seconds, result) of action(), or (None, None) past the hang guard."""
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(GUARD_SECONDS)
    start = time.perf_counter()
    try:
        result = action()
    except Overrun:
        return None, None
    finally:
        signal.alarm(0)
    return time.perf_counter() - start, result


def seconds(value) -> str:
    return f"> {GUARD_SECONDS} s" if value is None else f"{value:.2f} s"


def size(response) -> str:
    if response is None:
        return "–"
    if response.status_code != 200:
        return f"HTTP {response.status_code}"
    return f"{len(response.content) / 1_000_000:.2f} MB"


def setup_django(folder: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
    os.environ["LOG_LEVEL"] = "ERROR"
    os.environ["ALLOWED_HOSTS"] = "testserver"
    import django
    from django.core.management import call_command

    warnings.filterwarnings("ignore", "No directory at")  # static files are not collected
    django.setup()
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("seed", stdout=quiet)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        setup_django(folder)
        run()


def run() -> None:
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    from tests.conftest import make_user
    from workspace import services
    from workspace.compare import text_diff

    user = make_user("bench@example.org")
    organization = services.organization_create(
        user=user, name="Bench Org", setting_type="residential", region="western"
    )
    client = Client()
    client.force_login(user)
    cap = settings.CHECK_MAX_CHARS

    def stored(title, text, revision=None):
        job, version = services.job_description_create(
            organization=organization, title=title, setting_type="", text=text,
            original_filename="", user=user,
        )
        if revision is not None:
            services.version_submit(job_description=job, text=revision, user=user)
        return job, version

    print(f"CHECK_MAX_CHARS = {cap:,}; hang guard {GUARD_SECONDS} s per figure\n")
    print("Compare: inline diff (in process) and the compare page")
    print(f"| {'case':<52} | {'diff':>9} | {'page':>9} | {'page size':>9} |")
    print(f"|{'-' * 54}|{'-' * 11}|{'-' * 11}|{'-' * 11}|")
    realistic = description(15_000, DUTIES + PEER_LINES)
    lines_at_cap = cap // len("- Chart.\n")
    compare_cases = [
        ("20,000 identical lines, one changed (180,000 chars)",
         *identical_lines(20_000)),
        (f"{lines_at_cap:,} identical lines (the cap), one changed",
         *identical_lines(lines_at_cap)),
        ("at the cap, every line reworded", description(cap, DUTIES),
         reworded(description(cap, DUTIES), 1)),
        ("at the cap, unrelated texts", unrelated(cap), description(cap, PEER_LINES)),
        ("15,000 chars, one line in five reworded", realistic, reworded(realistic, 5)),
    ]
    for label, old, new in compare_cases:
        diff_time, _ = timed(lambda old=old, new=new: text_diff(old, new))
        job, _ = stored(label[:200], old, new)
        url = reverse("workspace:compare", args=[job.pk])
        page_time, response = timed(lambda url=url: client.get(url))
        print(f"| {label:<52} | {seconds(diff_time):>9} | {seconds(page_time):>9} "
              f"| {size(response):>9} |")

    print("\nReports: page, print view, PDF and .docx of one stored version")
    print(f"| {'case':<44} | {'findings':>8} | {'page':>17} | {'print':>17} "
          f"| {'PDF':>17} | {'docx':>17} |")
    print(f"|{'-' * 46}|{'-' * 10}|{'-' * 19}|{'-' * 19}|{'-' * 19}|{'-' * 19}|")
    report_cases = [
        ("200,000 chars (stored before the cap)", description(200_000, DUTIES)),
        (f"{cap:,} chars (the cap), duties only", description(cap, DUTIES)),
        ("15,000 chars, realistic", realistic),
    ]
    for label, text in report_cases:
        _, version = stored(label[:200], text)
        findings = version.reviews.get().findings.count()
        cells = []
        for name in ("workspace:version", "workspace:version_print", "workspace:version_pdf",
                     "workspace:version_docx"):
            url = reverse(name, args=[version.pk])
            took, response = timed(lambda url=url: client.get(url))
            cells.append(f"{seconds(took)}, {size(response)}")
        print(f"| {label:<44} | {findings:>8,} | " + " | ".join(f"{c:>17}" for c in cells) + " |")


if __name__ == "__main__":
    main()
