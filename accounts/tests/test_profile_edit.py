from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import AuditLog, User

pytestmark = pytest.mark.django_db


def profile_data(**changes: str) -> dict[str, str]:
    data = {"name": "앨리스 김", "dt_birth": "2000-01-31", "gender": "female", "language": "ko"}
    data.update(changes)
    return data


def test_the_profile_needs_a_login(client) -> None:
    response = client.get(reverse("accounts:profile"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_a_user_edits_name_birth_date_gender_and_language(client, alice) -> None:
    client.force_login(alice)

    response = client.post(reverse("accounts:profile"), profile_data(language="en"))

    assert response.status_code == 302
    alice = User.objects.get(pk="alice")
    assert (alice.name, alice.dt_birth, alice.gender, alice.language) == (
        "앨리스 김", dt.date(2000, 1, 31), "female", "en",
    )


def test_training_use_is_off_until_the_user_opts_in(client, alice) -> None:
    client.force_login(alice)
    html = client.get(reverse("accounts:profile")).content.decode()
    assert 'name="allow_training_use"' in html and "checked" not in html.split('name="allow_training_use"')[1][:40]
    assert "언제든 다시 끌 수 있어요" in html

    client.post(reverse("accounts:profile"), profile_data(allow_training_use="on"))
    assert User.objects.get(pk="alice").allow_training_use is True

    client.post(reverse("accounts:profile"), profile_data())
    assert User.objects.get(pk="alice").allow_training_use is False


def test_a_future_birth_date_is_refused_on_the_profile(client, alice) -> None:
    client.force_login(alice)
    tomorrow = (timezone.localdate() + dt.timedelta(days=1)).isoformat()

    response = client.post(reverse("accounts:profile"), profile_data(dt_birth=tomorrow, name="바뀐 이름"))

    assert response.status_code == 200
    assert response.context["form"].errors["dt_birth"]
    assert User.objects.get(pk="alice").name == "앨리스"
    assert "바뀐 이름" not in response.content.decode().split("<main")[0], "the header keeps the saved name"


def test_an_over_long_name_is_refused_on_the_profile(client, alice) -> None:
    client.force_login(alice)

    response = client.post(reverse("accounts:profile"), profile_data(name="가" * 51))

    assert response.status_code == 200
    assert response.context["form"].errors["name"]


def test_the_profile_says_nobody_has_read_the_messages_yet(client, alice) -> None:
    client.force_login(alice)

    html = client.get(reverse("accounts:profile")).content.decode()

    assert "아직 아무도 내 상담 내용을 열어 보지 않았어요." in html


def test_the_profile_lists_only_my_audit_entries(client, alice, bob, staff) -> None:
    AuditLog.objects.create(subject=alice, staff=staff, staff_label="상담관리자", action="view_counsel",
                            object_repr="counsel 7")
    AuditLog.objects.create(subject=bob, staff=staff, staff_label="상담관리자", action="view_counsel",
                            object_repr="counsel 99")
    client.force_login(alice)

    response = client.get(reverse("accounts:profile"))

    entries = list(response.context["audit_entries"])
    assert [e.object_repr for e in entries] == ["counsel 7"]
    html = response.content.decode()
    assert "counsel 7" in html and "counsel 99" not in html
    assert "운영진이 상담 내용을 열람했어요" in html
