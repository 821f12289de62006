"""Seed the toolkit from toolkit/content/: topics, the portal's own documents, the reading list.

Documents are Markdown files with TOML front matter between `+++` lines; the
reading list and topics are TOML. Records are matched by slug, and a record a
curator has edited is left alone (see `portal.content.upsert_seeded`).
"""

import tomllib
from collections import Counter
from pathlib import Path

from portal.content import Status, read_front_matter, upsert_seeded
from standards.models import ProhibitedTask
from toolkit.models import Audience, Document, Topic

CONTENT = Path(__file__).resolve().parent / "content"
# A line of a document's body that seeding replaces with one line per published prohibited
# task (and a link to each in the related standards), so that the model job description's
# limits cover every task the standards publish, never a hand-kept few.
TASKS_MARKER = "{{ prohibited tasks }}"


def run(stdout):
    outcomes = Counter()
    topics = tomllib.loads((CONTENT / "topics.toml").read_text("utf-8"))["topic"]
    for order, topic in enumerate(topics, start=1):
        values = {"name": topic["name"], "description": topic["description"], "order": order}
        outcomes[upsert_seeded(Topic, {"slug": topic["slug"]}, values)[1]] += 1

    entries = [read_front_matter(path) for path in sorted((CONTENT / "documents").glob("*.md"))]
    entries += tomllib.loads((CONTENT / "resources.toml").read_text("utf-8"))["resource"]
    for entry in entries:
        outcomes[seed_document(entry)] += 1
    stdout.write(
        "Toolkit: " + ", ".join(f"{count} {what}" for what, count in sorted(outcomes.items()))
    )


def seed_document(entry: dict) -> str:
    entry = dict(entry)
    slug = entry.pop("slug")
    topic_slugs = entry.pop("topics", [])
    audience_slugs = entry.pop("audiences", [])
    values = {
        "title": entry.pop("title"),
        "summary": " ".join(entry.pop("summary").split()),
        "kind": entry.pop("kind", Document.Kind.RESOURCE),
        "body": entry.pop("body", "").strip(),
        "sources": entry.pop("sources").strip(),
        "external_url": entry.pop("url", ""),
        "link_status": entry.pop("link_status", Document.LinkStatus.OK),
        "publisher": entry.pop("publisher", ""),
        "year": entry.pop("year", None),
        "related_standards": entry.pop("standards", []),
        "status": Status.PUBLISHED,
    }
    if entry:
        raise ValueError(f"Unknown fields in toolkit content {slug!r}: {sorted(entry)}")
    if TASKS_MARKER in values["body"]:
        _list_prohibited_tasks(slug, values)
    document, outcome = upsert_seeded(Document, {"slug": slug}, values)
    if outcome != "kept curator edit":
        document.topics.set(Topic.objects.filter(slug__in=topic_slugs))
        document.audiences.set(Audience.objects.filter(slug__in=audience_slugs))
        missing = set(topic_slugs) - {topic.slug for topic in document.topics.all()}
        if missing:
            raise ValueError(f"Toolkit content {slug!r} names unknown topics: {sorted(missing)}")
    return outcome


def _list_prohibited_tasks(slug: str, values: dict) -> None:
    tasks = list(ProhibitedTask.objects.published().order_by("order", "title"))
    if not tasks:
        raise ValueError(f"Toolkit content {slug!r} lists the prohibited tasks: seed the "
                         "standards first (manage.py seed does).")
    lines = [f"- Not part of this role: [{task.title}]({task.get_absolute_url()})."
             for task in tasks]
    values["body"] = values["body"].replace(TASKS_MARKER, "\n".join(lines))
    values["related_standards"] = values["related_standards"] + [
        {"title": task.title, "path": task.get_absolute_url()} for task in tasks
    ]
