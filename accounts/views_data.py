from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from .data_rights import do_delete_account, export_csv_zip, export_json


class ConfirmPasswordForm(forms.Form):
    password = forms.CharField(
        label=_("비밀번호"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}), strip=False
    )

    def __init__(self, user: object, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):  # type: ignore[attr-defined]
            raise forms.ValidationError(_("비밀번호가 맞지 않아요."))
        return password


@login_required
def export_page(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/export.html")


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def export_download(request: HttpRequest, fmt: str) -> HttpResponse:
    stamp = timezone.localtime().strftime("%Y%m%d")
    if fmt == "json":
        return _download(export_json(request.user), f"mentos-{stamp}.json", "application/json; charset=utf-8")  # type: ignore[arg-type]
    return _download(export_csv_zip(request.user), f"mentos-{stamp}-csv.zip", "application/zip")  # type: ignore[arg-type]


@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    form = ConfirmPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        do_delete_account(user)  # type: ignore[arg-type]
        messages.success(request, _("계정과 모든 상담 기록을 삭제했어요. 그동안 함께해 주셔서 고마워요."))
        return redirect("home:index")
    return render(request, "accounts/delete.html", {"form": form})
