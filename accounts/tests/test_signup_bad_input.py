"""Every bad sign-up input gets a message on the form (status 200), never a 500, and no user."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import User

pytestmark = pytest.mark.django_db


def post_signup(client, data: dict[str, str]):
    response = client.post(reverse("accounts:signup"), data)
    assert response.status_code == 200, "a bad input re-renders the form"
    return response


def errors_of(response, field: str) -> list[str]:
    return list(response.context["form"].errors.get(field, []))


def test_it_refuses_a_duplicate_id(client, signup_data, make_user) -> None:
    make_user("minji_01")

    response = post_signup(client, signup_data)

    assert errors_of(response, "user_id") == ["이미 사용 중인 아이디예요. 다른 아이디를 골라 주세요."]
    assert "이미 사용 중인 아이디예요" in response.content.decode()
    assert User.objects.count() == 1


def test_it_refuses_an_id_that_differs_only_in_case(client, signup_data, make_user) -> None:
    make_user("minji_01")

    response = post_signup(client, {**signup_data, "user_id": "MINJI_01"})

    assert errors_of(response, "user_id")
    assert list(User.objects.values_list("user_id", flat=True)) == ["minji_01"]


def test_it_refuses_a_birth_date_in_the_future(client, signup_data) -> None:
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    response = post_signup(client, {**signup_data, "dt_birth": tomorrow.isoformat()})

    assert errors_of(response, "dt_birth") == ["생년월일은 미래 날짜일 수 없어요."]
    assert not User.objects.exists()


def test_it_refuses_an_absurdly_old_birth_date(client, signup_data) -> None:
    response = post_signup(client, {**signup_data, "dt_birth": "1850-01-01"})

    assert errors_of(response, "dt_birth")
    assert not User.objects.exists()


def test_it_refuses_a_date_that_is_not_a_date(client, signup_data) -> None:
    response = post_signup(client, {**signup_data, "dt_birth": "2001-02-30"})

    assert errors_of(response, "dt_birth")


def test_it_refuses_mismatched_passwords(client, signup_data) -> None:
    response = post_signup(client, {**signup_data, "password2": "Haneul-Baram-28!"})

    assert errors_of(response, "password2")
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "password",
    ["short1!", "12345678901", "password123", "minji_01"],
    ids=["too-short", "all-numeric", "common", "same-as-id"],
)
def test_it_refuses_a_weak_password(client, signup_data, password: str) -> None:
    response = post_signup(client, {**signup_data, "password1": password, "password2": password})

    assert errors_of(response, "password2"), "Django's password validators speak on the form"
    assert not User.objects.exists()


@pytest.mark.parametrize("field,length", [("user_id", 31), ("name", 51)])
def test_it_refuses_over_long_fields(client, signup_data, field: str, length: int) -> None:
    response = post_signup(client, {**signup_data, field: "가" * length if field == "name" else "a" * length})

    assert errors_of(response, field)
    assert not User.objects.exists()


@pytest.mark.parametrize("user_id", ["민지", "min ji", "minji@home", "ab", "<script>"])
def test_it_refuses_invalid_id_characters(client, signup_data, user_id: str) -> None:
    response = post_signup(client, {**signup_data, "user_id": user_id})

    assert errors_of(response, "user_id")
    assert not User.objects.exists()


@pytest.mark.parametrize("field", ["user_id", "password1", "password2", "name", "dt_birth"])
def test_it_asks_for_each_required_field(client, signup_data, field: str) -> None:
    response = post_signup(client, {**signup_data, field: ""})

    assert errors_of(response, field)


def test_it_refuses_an_unknown_language_or_gender(client, signup_data) -> None:
    response = post_signup(client, {**signup_data, "language": "fr", "gender": "robot"})

    assert errors_of(response, "language") and errors_of(response, "gender")


def test_losing_a_race_for_the_id_gives_a_message_and_leaves_the_other_account_alone(
    client, signup_data, make_user, monkeypatch
) -> None:
    other = make_user("minji_01", name="먼저 가입한 사람")
    # The id was free when the form looked, and taken by the time of the insert.
    monkeypatch.setattr("accounts.forms.SignupForm.clean_user_id", lambda self: self.cleaned_data["user_id"])
    monkeypatch.setattr("accounts.forms.SignupForm.validate_unique", lambda self: None)

    response = post_signup(client, signup_data)

    assert errors_of(response, "user_id") == ["이미 사용 중인 아이디예요. 다른 아이디를 골라 주세요."]
    other.refresh_from_db()
    assert other.name == "먼저 가입한 사람"
    assert other.check_password("s3cret-Passw0rd!")
    assert "_auth_user_id" not in client.session
