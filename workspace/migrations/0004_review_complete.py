from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workspace", "0003_curator_read"),
    ]

    operations = [
        migrations.AddField(
            model_name="review",
            name="complete",
            field=models.BooleanField(
                default=True, help_text="False when the checker stopped at its work budget."
            ),
        ),
    ]
