from __future__ import annotations

import csv
import io
import json
import zipfile
from typing import Any

from django.test import Client


def test_export_needs_login(client: Client, db: None) -> None:
    for path in ("/accounts/export/", "/accounts/export/mentos.json", "/accounts/export/mentos-csv.zip"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_json_export_holds_everything_of_mine_and_nothing_else(
    client: Client, alice: Any, bob: Any, seonbi: Any, seed_history: Any
) -> None:
    seed_history(alice, seonbi, 3)
    seed_history(bob, seonbi, 2)
    client.force_login(alice)
    response = client.get("/accounts/export/mentos.json")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["profile"]["user_id"] == "alice" and data["profile"]["name"] == "앨리스"
    assert len(data["counsels"]) == 1
    counsel = data["counsels"][0]
    assert counsel["character"] == "seonbi"
    assert [d["u_message"] for d in counsel["dialogs"]] == [f"메시지 {i} 오늘 힘들었어요 😢" for i in range(3)]
    assert counsel["dialogs"][0]["dialog_emotion"]["label"]
    assert len(counsel["emotion_logs"]) == 3
    assert "bob" not in response.content.decode()


def test_csv_zip_export_has_a_table_per_kind(client: Client, alice: Any, seonbi: Any, seed_history: Any) -> None:
    seed_history(alice, seonbi, 4)
    client.force_login(alice)
    response = client.get("/accounts/export/mentos-csv.zip")
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(response.content)) as zf:
        assert set(zf.namelist()) == {"profile.csv", "counsels.csv", "dialogs.csv", "emotion_logs.csv", "audit_log.csv"}
        rows = list(csv.DictReader(io.StringIO(zf.read("dialogs.csv").decode("utf-8-sig"))))
    assert len(rows) == 4
    assert rows[1]["u_message"] == "메시지 1 오늘 힘들었어요 😢"
    assert json.loads(rows[1]["dialog_emotion"])["label"]


def test_csv_cells_that_look_like_formulas_stay_text(client: Client, alice: Any, seonbi: Any) -> None:
    from counseling.models import Counsel, Dialog

    counsel = Counsel.objects.create(user=alice, character=seonbi)
    Dialog.objects.create(counsel=counsel, u_message='=HYPERLINK("http://x","y")', client_msg_id="f", status="done")
    client.force_login(alice)
    with zipfile.ZipFile(io.BytesIO(client.get("/accounts/export/mentos-csv.zip").content)) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("dialogs.csv").decode("utf-8-sig"))))
    assert rows[0]["u_message"] == "'=HYPERLINK(\"http://x\",\"y\")"
    # the JSON export keeps the exact text
    data = json.loads(client.get("/accounts/export/mentos.json").content)
    assert data["counsels"][0]["dialogs"][0]["u_message"] == '=HYPERLINK("http://x","y")'
