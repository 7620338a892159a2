from __future__ import annotations

from django.db import migrations

# A frozen copy: the seed as it was when this migration was written.
from characters.seed import SEED_CHARACTERS


def seed(apps, schema_editor):
    Character = apps.get_model("characters", "Character")
    for order, row in enumerate(SEED_CHARACTERS):
        Character.objects.update_or_create(
            slug=row["slug"], defaults={**row, "sort_order": order * 10, "is_active": True}
        )


def unseed(apps, schema_editor):
    Character = apps.get_model("characters", "Character")
    Character.objects.filter(slug__in=[row["slug"] for row in SEED_CHARACTERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("characters", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
