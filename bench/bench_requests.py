"""In-process milliseconds per request for the report page and the quick check.

    python bench/bench_requests.py

Migrates and seeds a temporary SQLite database, submits a 3,000-word
description built from tests/corpus/jds, then times, with Django's test Client
(no server, no network), the report page of that submission and a quick check
of the same text, beside the checker's own time on it. Prints figures; asserts
nothing. BENCH_ROOT runs it against another checkout (for before/after figures).
"""

import io
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(os.environ.get("BENCH_ROOT") or Path(__file__).resolve().parents[1])
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.mkdtemp()) / "bench.sqlite3"
os.environ.update({
    "DEBUG": "1", "DATABASE_URL": f"sqlite:///{DB}", "DJANGO_SETTINGS_MODULE": "portal.settings",
    "QUICK_CHECK_RATE_LIMIT": "100000/m", "PUBLIC_PAGE_CACHE_SECONDS": "0",
})

import django  # noqa: E402

django.setup()

from allauth.account.models import EmailAddress  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from workspace import services  # noqa: E402
from workspace.checking import check_text  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_checker import description_of, median_ms  # noqa: E402

ROUNDS = 15


def milliseconds(action) -> float:
    action()  # warm: compiled rules, templates, the first review's caches
    return median_ms(action, ROUNDS)


def main() -> None:
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("seed", verbosity=0, stdout=io.StringIO())
    user = get_user_model().objects.create_user("bench", "bench@example.org", "bench-pass-1")
    EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
    organization = services.organization_create(
        user=user, name="Bench House", setting_type="residential", region="metro_boston"
    )
    text = description_of(3000)
    _, version = services.job_description_create(
        organization=organization, title="Peer Specialist", setting_type="", text=text,
        original_filename="", user=user,
    )
    findings = version.reviews.get().findings.count()
    member, public = Client(), Client()
    member.force_login(user)
    url = version.get_absolute_url()

    def report():
        assert member.get(url).status_code == 200

    def quick():
        assert public.post("/check/", {"text": text}).status_code == 200

    checker = milliseconds(lambda: check_text(text))
    report_ms, quick_ms = milliseconds(report), milliseconds(quick)
    print(f"{len(text.split()):,} words, {findings} findings; median of {ROUNDS} requests")
    print(f"  checker alone          {checker:8.1f} ms")
    print(f"  report page            {report_ms:8.1f} ms")
    print(f"  quick check            {quick_ms:8.1f} ms"
          f"  (beyond the checker: {quick_ms - checker:.1f} ms)")


if __name__ == "__main__":
    main()
