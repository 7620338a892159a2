"""Sign-up, login and profile forms: every bad input becomes a message on the form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    PasswordChangeForm,
    SetPasswordMixin,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User

# Older than this is a typo, not a person.
MAX_AGE_YEARS = 120


def validate_birth_date(value: dt.date | None) -> None:
    if value is None:
        return
    today = timezone.localdate()
    if value > today:
        raise forms.ValidationError(_("생년월일은 미래 날짜일 수 없어요."), code="future")
    if value.year < today.year - MAX_AGE_YEARS:
        raise forms.ValidationError(
            _("생년월일을 다시 확인해 주세요. %(years)s년보다 이전일 수는 없어요."),
            code="too_old",
            params={"years": today.year - MAX_AGE_YEARS},
        )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class SignupForm(BaseUserCreationForm):
    password1, password2 = SetPasswordMixin.create_password_fields(
        label1=_("비밀번호"), label2=_("비밀번호 확인")
    )

    class Meta:
        model = User
        fields = ("user_id", "name", "dt_birth", "gender", "language")
        widgets = {"dt_birth": DateInput()}
        help_texts = {
            "user_id": _("3~30자의 영문, 숫자, 밑줄(_), 점(.), 하이픈(-)"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dt_birth"].required = True
        self.fields["user_id"].widget.attrs.update({"autocomplete": "username", "autocapitalize": "none"})
        self.fields["name"].widget.attrs["autocomplete"] = "name"

    def clean_user_id(self) -> str:
        user_id: str = self.cleaned_data["user_id"].strip()
        # Case-insensitive: MariaDB's collation treats "Alice" and "alice" as the same key.
        if User.objects.filter(user_id__iexact=user_id).exists():
            raise forms.ValidationError(_("이미 사용 중인 아이디예요. 다른 아이디를 골라 주세요."), code="duplicate")
        return user_id

    def clean_dt_birth(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("dt_birth")
        validate_birth_date(value)
        return value


class LoginForm(AuthenticationForm):
    """Django's login form; the username field is the `user_id`, labelled 아이디."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("아이디")
        self.fields["password"].label = _("비밀번호")

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("아이디 또는 비밀번호가 맞지 않아요. 다시 확인해 주세요."),
        "inactive": _("사용이 중지된 계정이에요."),
    }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ("name", "dt_birth", "gender", "language", "allow_training_use")
        widgets = {"dt_birth": DateInput()}
        labels = {"allow_training_use": _("상담 기록을 익명화해 상담 품질 개선에 쓰는 데 동의해요")}
        help_texts = {
            "allow_training_use": _(
                "동의하시면 이름과 아이디를 지운 상담 기록이 더 나은 상담 모델을 만드는 데 쓰일 수 있어요. "
                "동의하지 않아도 서비스는 똑같이 이용할 수 있고, 언제든 다시 끌 수 있어요."
            ),
        }

    def clean_dt_birth(self) -> dt.date | None:
        value: dt.date | None = self.cleaned_data.get("dt_birth")
        validate_birth_date(value)
        return value


class MentosPasswordChangeForm(PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("현재 비밀번호")
        self.fields["new_password1"].label = _("새 비밀번호")
        self.fields["new_password2"].label = _("새 비밀번호 확인")


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=User.Language.choices)
    next = forms.CharField(required=False, max_length=2000)
