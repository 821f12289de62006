"""Seed the portal's own pages (about, privacy...) from portal/site_pages/*.md."""

from collections import Counter
from pathlib import Path

from portal.content import Status, read_front_matter, upsert_seeded
from portal.models import SitePage

PAGES = Path(__file__).resolve().parent / "site_pages"


def run(stdout):
    outcomes = Counter()
    for path in sorted(PAGES.glob("*.md")):
        entry = read_front_matter(path)
        values = {
            "title": entry["title"],
            "summary": entry["summary"],
            "body": entry["body"].strip(),
            "status": Status.PUBLISHED,
        }
        outcomes[upsert_seeded(SitePage, {"slug": entry["slug"]}, values)[1]] += 1
    stdout.write(
        "Site pages: " + ", ".join(f"{count} {what}" for what, count in sorted(outcomes.items()))
    )
