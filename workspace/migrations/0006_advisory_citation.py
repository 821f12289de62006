"""Stored pay advisories cite their source by title and year, not by the seed's file name.

Reviews checked before the change kept the checker's old message, which named the
source document by its internal file name; the message is rewritten in place (its
figures are separate and untouched).
"""

from django.db import migrations

OLD = "(004_24d69d2ab747aade.txt, Payrate)"
NEW = (
    "(Collective response of the Massachusetts peer support community to a DMH RFI "
    "(Community Based Flexible Supports replacement), 2017, Section I, Supporting Peer "
    "Roles: Payrate)"
)


def _rewrite(apps, old, new):
    Review = apps.get_model("workspace", "Review")
    for review in Review.objects.exclude(advisories=[]).only("pk", "advisories").iterator():
        advisories = [
            {**advisory, "message": advisory["message"].replace(old, new)}
            if isinstance(advisory, dict) and isinstance(advisory.get("message"), str)
            else advisory
            for advisory in review.advisories
        ]
        if advisories != review.advisories:
            Review.objects.filter(pk=review.pk).update(advisories=advisories)


def cite_by_title(apps, schema_editor):
    _rewrite(apps, OLD, NEW)


def cite_by_file_name(apps, schema_editor):
    _rewrite(apps, NEW, OLD)


class Migration(migrations.Migration):

    dependencies = [
        ("workspace", "0005_submission_token"),
    ]

    operations = [
        migrations.RunPython(cite_by_title, cite_by_file_name),
    ]
