from __future__ import annotations

from collections.abc import Sequence

import pytest
from django.urls import reverse

from characters.models import Character

pytestmark = pytest.mark.django_db


class FakeStyleBackend:
    """Stands in for the offline rule backend: marks each sentence with the style token."""

    def __init__(self, **options: object) -> None:
        pass

    def stylize(self, sentences: Sequence[str], character) -> list[str]:
        return [f"[{character.style_token}] {s}" for s in sentences]


def changelist_slugs(response) -> list[str]:
    return [c.slug for c in response.context["cl"].result_list]


def test_staff_lists_the_characters_in_sort_order(client, character_editor) -> None:
    client.force_login(character_editor)

    response = client.get(reverse("admin:characters_character_changelist"))

    assert response.status_code == 200
    assert changelist_slugs(response) == list(Character.objects.values_list("slug", flat=True))
    assert len(changelist_slugs(response)) == 12


def test_staff_searches_characters(client, character_editor) -> None:
    client.force_login(character_editor)

    by_name = client.get(reverse("admin:characters_character_changelist"), {"q": "선비"})
    by_token = client.get(reverse("admin:characters_character_changelist"), {"q": "구어체"})

    assert changelist_slugs(by_name) == ["seonbi"]
    assert changelist_slugs(by_token) == ["friend"]


def test_staff_filters_active_characters(client, character_editor) -> None:
    Character.objects.filter(slug__in=["azae", "naruto"]).update(is_active=False)
    client.force_login(character_editor)

    inactive = client.get(reverse("admin:characters_character_changelist"), {"is_active__exact": "0"})

    assert sorted(changelist_slugs(inactive)) == ["azae", "naruto"]


def test_staff_reorders_characters_from_the_list(client, character_editor) -> None:
    client.force_login(character_editor)
    rows = list(Character.objects.all())
    data = {
        "form-TOTAL_FORMS": str(len(rows)), "form-INITIAL_FORMS": str(len(rows)),
        "form-MIN_NUM_FORMS": "0", "form-MAX_NUM_FORMS": "1000", "_save": "Save",
    }
    for i, c in enumerate(rows):
        data[f"form-{i}-character_id"] = str(c.pk)
        data[f"form-{i}-sort_order"] = "1" if c.slug == "seonbi" else str(c.sort_order + 100)
        if c.is_active:
            data[f"form-{i}-is_active"] = "on"

    response = client.post(reverse("admin:characters_character_changelist"), data)

    assert response.status_code == 302
    assert Character.objects.first().slug == "seonbi"


def test_staff_edits_a_character(client, character_editor, seonbi) -> None:
    client.force_login(character_editor)
    url = reverse("admin:characters_character_change", args=[seonbi.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {
        "character_name": "선비", "slug": "seonbi", "avatar": "🪭",
        "description": "점잖은 선비 상담사요.", "greeting": "어서 오시오, 그대.",
        "is_active": "on", "sort_order": "5", "style_token": "선비",
        "character_model": seonbi.character_model, "style_rules": '{"level": "hao"}', "llm_adapter": "",
    })

    assert response.status_code == 302, response.context["adminform"].form.errors
    seonbi.refresh_from_db()
    assert (seonbi.greeting, seonbi.sort_order, seonbi.style_rules) == ("어서 오시오, 그대.", 5, {"level": "hao"})


def test_the_change_page_links_to_the_preview(client, character_editor, seonbi) -> None:
    client.force_login(character_editor)

    html = client.get(reverse("admin:characters_character_change", args=[seonbi.pk])).content.decode()

    assert reverse("admin:characters_character_preview", args=[seonbi.pk]) in html


def test_the_preview_shows_avatar_greeting_description_and_a_styled_sample(
    client, character_editor, seonbi, monkeypatch
) -> None:
    monkeypatch.setattr("characters.admin.PREVIEW_STYLE_BACKEND", f"{__name__}.FakeStyleBackend")
    client.force_login(character_editor)

    response = client.get(reverse("admin:characters_character_preview", args=[seonbi.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert seonbi.avatar in html and seonbi.greeting in html and seonbi.description in html
    assert "[선비] 오늘 하루 정말 힘드셨겠어요." in html


def test_the_preview_still_works_without_a_style_backend(client, character_editor, seonbi, monkeypatch) -> None:
    monkeypatch.setattr("characters.admin.PREVIEW_STYLE_BACKEND", "inference.backends.no_such_module.Backend")
    client.force_login(character_editor)

    response = client.get(reverse("admin:characters_character_preview", args=[seonbi.pk]))

    assert response.status_code == 200
    assert response.context["styled"] is None
    assert seonbi.greeting in response.content.decode()


def test_the_preview_renders_the_real_offline_style_when_it_exists(client, character_editor, seonbi) -> None:
    pytest.importorskip("inference.backends.style_rules")
    client.force_login(character_editor)

    response = client.get(reverse("admin:characters_character_preview", args=[seonbi.pk]))

    styled = response.context["styled"]
    assert styled is not None and len(styled) == 3
    assert all(isinstance(s, str) and s for s in styled)


def test_non_staff_cannot_open_the_preview(client, alice, seonbi) -> None:
    client.force_login(alice)

    response = client.get(reverse("admin:characters_character_preview", args=[seonbi.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_staff_without_character_permissions_cannot_open_the_preview(client, staff, seonbi) -> None:
    client.force_login(staff)

    assert client.get(reverse("admin:characters_character_preview", args=[seonbi.pk])).status_code == 403
    assert client.get(reverse("admin:characters_character_changelist")).status_code == 403


def test_staff_hides_and_shows_characters_in_bulk(client, character_editor) -> None:
    client.force_login(character_editor)
    ids = [str(pk) for pk in Character.objects.filter(slug__in=["azae", "enfp"]).values_list("pk", flat=True)]
    url = reverse("admin:characters_character_changelist")

    client.post(url, {"action": "deactivate", "_selected_action": ids})
    assert set(Character.objects.filter(is_active=False).values_list("slug", flat=True)) == {"azae", "enfp"}

    client.post(url, {"action": "activate", "_selected_action": ids})
    assert not Character.objects.filter(is_active=False).exists()


def test_bad_style_rules_are_refused_with_a_clear_message(client, character_editor, seonbi) -> None:
    client.force_login(character_editor)
    url = reverse("admin:characters_character_change", args=[seonbi.pk])
    before = seonbi.style_rules
    response = client.post(url, {
        "character_name": "선비", "slug": "seonbi", "avatar": "🪭", "description": "d", "greeting": "g",
        "is_active": "on", "sort_order": "5", "style_token": "선비", "character_model": "",
        "style_rules": '{"level": "klingon"}', "llm_adapter": "",
    })
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors["style_rules"]
    assert any("klingon" in e for e in errors)
    seonbi.refresh_from_db()
    assert seonbi.style_rules == before
