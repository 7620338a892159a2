from __future__ import annotations

from django.db import migrations

# The presets as they were when this migration was written (the lead accepts importing the
# data module; edit characters in the admin, not this history).
from inference.data.style_presets import STYLE_PRESETS


def write_style_rules(apps, schema_editor):
    Character = apps.get_model("characters", "Character")
    for character in Character.objects.filter(slug__in=list(STYLE_PRESETS)):
        if character.style_rules:  # staff already set rules: keep theirs
            continue
        character.style_rules = STYLE_PRESETS[character.slug]
        character.save(update_fields=["style_rules"])


def clear_style_rules(apps, schema_editor):
    Character = apps.get_model("characters", "Character")
    Character.objects.filter(slug__in=list(STYLE_PRESETS)).update(style_rules={})


class Migration(migrations.Migration):
    dependencies = [("characters", "0002_seed_characters")]
    operations = [migrations.RunPython(write_style_rules, clear_style_rules)]
