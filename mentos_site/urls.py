from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls_data")),  # export / delete (data rights)
    path("accounts/", include("accounts.urls")),  # sign-up, login, profile
    path("counsels/", include("counseling.urls_chat")),  # chat pages
    path("history/", include("counseling.urls_history")),  # emotion history
    path("api/", include("counseling.urls_api")),  # REST API
    path("", include("counseling.urls_home")),  # home page
]
