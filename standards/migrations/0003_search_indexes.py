"""GIN indexes for full-text search, on PostgreSQL only.

Each index is on the same weighted vector that standards/search.py queries
(portal.search.search_vector), so PostgreSQL can use it; SQLite has no
full-text index and the fallback search does not need one.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations


def vector(weighted_fields):
    vectors = [
        SearchVector(*fields, weight=weight, config="english")
        for weight, fields in weighted_fields.items()
    ]
    combined = vectors[0]
    for extra in vectors[1:]:
        combined = combined + extra
    return combined


# Frozen copies of standards/search.py's field lists at the time of this migration.
INDEXES = {
    "prohibitedtask": {
        "A": ("title",),
        "B": ("covers",),
        "C": ("why_it_conflicts", "permitted_instead", "job_description_examples", "source_quote"),
    },
    "ethicsprinciple": {"A": ("title",), "B": ("summary",), "C": ("body",)},
    "rolestandard": {"A": ("title",), "B": ("summary",), "C": ("body", "source_quote")},
    "competencyframework": {"A": ("name", "short_name"), "B": ("description",)},
    "competency": {"A": ("name",), "B": ("description",)},
}


def index_for(model_name):
    return GinIndex(vector(INDEXES[model_name]), name=f"std_{model_name}_fts")


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name in INDEXES:
        schema_editor.add_index(apps.get_model("standards", model_name), index_for(model_name))


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for model_name in INDEXES:
        schema_editor.remove_index(apps.get_model("standards", model_name), index_for(model_name))


class Migration(migrations.Migration):
    dependencies = [("standards", "0002_curators_group")]

    operations = [migrations.RunPython(create_indexes, drop_indexes)]
