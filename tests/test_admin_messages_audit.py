from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Permission
from django.test import Client

from accounts.models import AuditLog


def _grant(user: Any) -> Any:
    user.user_permissions.add(Permission.objects.get(codename="view_messages"))
    from accounts.models import User

    return User.objects.get(pk=user.pk)  # fresh permission cache


def test_staff_without_the_permission_cannot_see_counsels(client: Client, staff: Any, alice_counsel: Any) -> None:
    client.force_login(staff)
    assert client.get("/admin/counseling/counsel/").status_code == 403
    assert client.get(f"/admin/counseling/counsel/{alice_counsel.counsel_id}/change/").status_code in (302, 403)
    assert not AuditLog.objects.exists()


def test_reading_a_counsel_is_audited_for_its_owner(
    client: Client, staff: Any, alice: Any, seonbi: Any, seed_history: Any
) -> None:
    counsel = seed_history(alice, seonbi, 2)
    client.force_login(_grant(staff))
    listing = client.get("/admin/counseling/counsel/")
    assert listing.status_code == 200
    assert "메시지 0" not in listing.content.decode()  # the list shows no message text
    page = client.get(f"/admin/counseling/counsel/{counsel.counsel_id}/change/")
    assert page.status_code == 200
    assert "메시지 1 오늘 힘들었어요" in page.content.decode()
    entry = AuditLog.objects.get()
    assert (entry.subject, entry.staff, entry.action) == (alice, staff, "view_counsel")


def test_message_text_is_never_editable(client: Client, staff: Any, alice: Any, seonbi: Any, seed_history: Any) -> None:
    counsel = seed_history(alice, seonbi, 1)
    client.force_login(_grant(staff))
    body = client.get(f"/admin/counseling/counsel/{counsel.counsel_id}/change/").content.decode()
    assert "<textarea" not in body
    assert 'name="dialogs-0-u_message"' not in body
    response = client.post(f"/admin/counseling/counsel/{counsel.counsel_id}/change/", {"greeting": "바뀜"})
    assert response.status_code == 403
    assert client.get("/admin/counseling/counsel/add/").status_code == 403


def test_counsels_filter_by_character_state_and_crisis(client: Client, staff: Any, alice: Any, seonbi: Any, seed_history: Any) -> None:
    counsel = seed_history(alice, seonbi, 1)
    counsel.is_crisis = True
    counsel.save(update_fields=["is_crisis"])
    client.force_login(_grant(staff))
    for query in (f"character__character_id__exact={seonbi.pk}", "state=open", "state=ended", "is_crisis__exact=1"):
        assert client.get(f"/admin/counseling/counsel/?{query}").status_code == 200
    assert client.get("/admin/counseling/counsel/?is_crisis__exact=1").context["cl"].result_count == 1
    assert client.get("/admin/counseling/counsel/?state=ended").context["cl"].result_count == 0


def test_the_owner_sees_the_audit_on_the_profile(client: Client, staff: Any, alice: Any) -> None:
    AuditLog.objects.create(subject=alice, staff=staff, staff_label="staffer", action="view_counsel", object_repr="counsel 7")
    client.force_login(alice)
    response = client.get("/accounts/profile/")
    assert response.status_code == 200
    assert "counsel 7" in response.content.decode() or "staffer" in response.content.decode()
