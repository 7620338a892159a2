"""Sign-up, login, logout, profile, password change and the language switch."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.actions import DuplicateUserId, do_create_user, do_set_language, do_update_profile
from accounts.forms import LanguageForm, LoginForm, MentosPasswordChangeForm, ProfileForm, SignupForm
from accounts.models import User

AUDIT_ENTRIES_SHOWN = 50


def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect(settings.LOGIN_REDIRECT_URL)
    if request.method == "POST":
        form = SignupForm(request.POST)
        if form.is_valid():
            try:
                user = do_create_user(form)
            except DuplicateUserId:
                form.add_error("user_id", _("이미 사용 중인 아이디예요. 다른 아이디를 골라 주세요."))
            else:
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
                translation.activate(user.language)
                messages.success(request, _("가입을 환영해요, %(name)s님!") % {"name": user.name})
                return redirect(settings.LOGIN_REDIRECT_URL)
    else:
        form = SignupForm(initial={"language": translation.get_language() or settings.LANGUAGE_CODE})
    return render(request, "accounts/signup.html", {"form": form})


LOGIN_FAILURE_LIMIT = 10
LOGIN_FAILURE_WINDOW_S = 15 * 60


def _login_failure_key(request: HttpRequest) -> str:
    # per login id *and* address: a stranger guessing cannot lock the owner out elsewhere
    user_id = (request.POST.get("username") or "").strip().lower()
    address = request.META.get("REMOTE_ADDR", "")
    return "login-fail:" + hashlib.sha256(f"{user_id}|{address}".encode()).hexdigest()


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if cache.get(_login_failure_key(request), 0) >= LOGIN_FAILURE_LIMIT:
            # no authenticate() at all while the limit holds: guesses teach nothing
            context = self.get_context_data(form=self.form_class(request), too_many_attempts=True)
            return self.render_to_response(context, status=429)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form: LoginForm) -> HttpResponse:  # type: ignore[override]
        key = _login_failure_key(self.request)
        cache.add(key, 0, LOGIN_FAILURE_WINDOW_S)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, LOGIN_FAILURE_WINDOW_S)
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    """POST only (Django's rule): a link or an image tag cannot log someone out."""


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=User.objects.get(pk=user.pk))
        if form.is_valid():
            do_update_profile(user, {f: form.cleaned_data[f] for f in form.changed_data})
            translation.activate(user.language)
            messages.success(request, _("프로필을 저장했어요."))
            return redirect("accounts:profile")
    else:
        form = ProfileForm(instance=user)
    context = {
        "form": form,
        "audit_entries": user.audit_entries.all()[:AUDIT_ENTRIES_SHOWN],
    }
    return render(request, "accounts/profile.html", context)


class PasswordChangeView(auth_views.PasswordChangeView):
    form_class = MentosPasswordChangeForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: MentosPasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("비밀번호를 바꿨어요."))
        return response


@require_POST
def set_language(request: HttpRequest) -> HttpResponse:
    """The language switch: a cookie for everyone, and the saved setting for a signed-in user."""
    form = LanguageForm(request.POST)
    next_url = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("home:index")
    response = HttpResponseRedirect(next_url)
    if not form.is_valid():
        return response
    language = form.cleaned_data["language"]
    if request.user.is_authenticated:
        do_set_language(request.user, language)  # type: ignore[arg-type]
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
