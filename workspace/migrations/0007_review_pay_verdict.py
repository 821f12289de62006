"""Reviews store their pay verdict and the minimum it was judged against.

Existing reviews: "below" when a pay advisory is stored (with the advisory's
minimum), "meets" when a figure is stated and no advisory, "not_stated"
otherwise; the minimum from today's pay standard where no advisory says it.
"""

from decimal import Decimal

from django.db import migrations, models

import jdcheck


def fill_pay_verdicts(apps, schema_editor):
    Review = apps.get_model("workspace", "Review")
    RoleStandard = apps.get_model("standards", "RoleStandard")
    today = (
        RoleStandard.objects.filter(
            slug="pay", status="published", minimum_hourly_pay__isnull=False
        ).values_list("minimum_hourly_pay", flat=True).first()
    )
    if today is None:
        today = jdcheck.default_ruleset().parameters["minimum_hourly_pay"]
    for review in Review.objects.only("pk", "elements", "advisories").iterator():
        advisory = next(
            (a for a in review.advisories if a.get("element") == "hourly_pay"), None
        )
        if advisory:
            verdict = "below"
            minimum = advisory.get("figures", {}).get("minimum_hourly_pay", today)
        else:
            stated = review.elements.get("hourly_pay") is not None
            verdict, minimum = ("meets" if stated else "not_stated"), today
        Review.objects.filter(pk=review.pk).update(
            pay_verdict=verdict,
            minimum_hourly_pay=Decimal(str(minimum)).quantize(Decimal("0.01")),
        )


class Migration(migrations.Migration):

    dependencies = [
        ('workspace', '0006_advisory_citation'),
        ('standards', '0001_initial'),
    ]

    operations = [
        migrations.AddField(
            model_name='review',
            name='minimum_hourly_pay',
            field=models.DecimalField(decimal_places=2, max_digits=7, null=True),
        ),
        migrations.AddField(
            model_name='review',
            name='pay_verdict',
            field=models.CharField(choices=[('meets', 'Meets the minimum'), ('below', 'Below the minimum'), ('not_stated', 'No hourly pay stated')], default='not_stated', max_length=10),
        ),
        migrations.RunPython(fill_pay_verdicts, migrations.RunPython.noop),
    ]
