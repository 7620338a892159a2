"""Korean is the source language; every string of these pages has a compiled English twin."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

PO = Path(__file__).resolve().parents[1] / "locale" / "en" / "LC_MESSAGES" / "django.po"
TEMPLATES = [
    "base.html", "home/index.html", "home/_helplines.html", "accounts/_form_fields.html",
    "accounts/login.html", "accounts/signup.html", "accounts/profile.html", "accounts/password_change.html",
]


def po_entries() -> dict[str, str]:
    text = PO.read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n"):
        m = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if m:
            msgid = "".join(re.findall(r'"(.*)"', m.group(1))).replace('\\"', '"')
            msgstr = "".join(re.findall(r'"(.*)"', m.group(2))).replace('\\"', '"')
            if msgid:
                entries[msgid] = msgstr
    return entries


def test_every_entry_is_translated_and_none_is_fuzzy() -> None:
    entries = po_entries()

    assert len(entries) > 90
    assert [k for k, v in entries.items() if not v] == []
    assert "#, fuzzy" not in PO.read_text(encoding="utf-8")


def test_the_compiled_catalog_matches_the_po_file() -> None:
    with translation.override("en"):
        stale = {k: v for k, v in po_entries().items() if translation.gettext(k) != v}

    assert stale == {}, "run msgfmt -o django.mo django.po in accounts/locale/en/LC_MESSAGES"


def test_every_simple_translate_tag_in_the_templates_is_in_the_catalog() -> None:
    entries = po_entries()
    missing = []
    for name in TEMPLATES:
        source = (Path(settings.BASE_DIR) / "templates" / name).read_text(encoding="utf-8")
        for msgid in re.findall(r'{% translate ["\'](.+?)["\'] %}', source):
            if msgid not in entries:
                missing.append((name, msgid))

    assert missing == []
