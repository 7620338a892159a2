"""The chat pages: my counsels, starting one, the chat with its history, ending it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from counseling.models import Counsel, Dialog

pytestmark = pytest.mark.django_db


def test_starting_a_counsel_needs_a_post_and_greets_with_the_character(client, alice, seonbi) -> None:
    client.force_login(alice)
    url = reverse("chat:new", args=["seonbi"])
    assert client.get(url).status_code == 405
    response = client.post(url)
    counsel = Counsel.objects.get(user=alice)
    assert response.status_code == 302 and response.url == reverse("chat:detail", args=[counsel.pk])
    assert counsel.character == seonbi and counsel.greeting == seonbi.greeting and counsel.is_open
    assert client.post(reverse("chat:new", args=["nobody"])).status_code == 404


def test_the_chat_shows_the_history_as_text_with_emotion_badges(client, alice, alice_counsel, django_assert_max_num_queries) -> None:
    Dialog.objects.create(counsel=alice_counsel, u_message="<script>alert(1)</script> 힘들어요", client_msg_id="x",
                          status="done", change_dialog="그대, <b>힘드셨</b>구려.",
                          dialog_emotion={"label": "힘듦(지침)", "scores": {}})
    Dialog.objects.create(counsel=alice_counsel, u_message="안 된 것", client_msg_id="y", status="failed")
    client.force_login(alice)
    with django_assert_max_num_queries(8):
        page = client.get(reverse("chat:detail", args=[alice_counsel.pk])).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 힘들어요" in page and "<script>alert(1)" not in page
    assert "&lt;b&gt;힘드셨&lt;/b&gt;구려" in page
    assert 'class="emotion-badge"' in page and "힘듦(지침)" in page
    assert alice_counsel.greeting in page and "retry-button" in page
    assert f'data-ws-path="/ws/counsels/{alice_counsel.pk}/"' in page


def test_the_chat_refuses_outsiders(client, bob, alice_counsel) -> None:
    url = reverse("chat:detail", args=[alice_counsel.pk])
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(bob)
    assert client.get(url).status_code == 403
    assert client.get(reverse("chat:detail", args=[999999])).status_code == 404
    assert client.post(reverse("chat:end", args=[alice_counsel.pk])).status_code == 403
    alice_counsel.refresh_from_db()
    assert alice_counsel.is_open


def test_my_counsels_lists_open_and_ended_with_the_last_message(client, alice, bob, alice_counsel, seonbi) -> None:
    Dialog.objects.create(counsel=alice_counsel, u_message="마지막으로 한 말", client_msg_id="z")
    Counsel.objects.create(user=bob, character=seonbi, greeting="밥의 상담")
    client.force_login(alice)
    assert client.post(reverse("chat:end", args=[alice_counsel.pk])).status_code == 302
    page = client.get(reverse("chat:list")).content.decode()
    assert "마지막으로 한 말" in page and "is-ended" in page and seonbi.character_name in page
    assert page.count('class="counsel-item') == 1
    assert reverse("chat:new", args=["seonbi"]) in page


def test_the_chat_speaks_english_to_an_english_user(client, make_user, seonbi) -> None:
    eve = make_user("eve", language="en")
    counsel = Counsel.objects.create(user=eve, character=seonbi, greeting=seonbi.greeting)
    client.force_login(eve)
    page = client.get(reverse("chat:detail", args=[counsel.pk])).content.decode()
    assert "End session" in page and "Send" in page and "상담 종료" not in page
