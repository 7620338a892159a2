from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from . import views_data

app_name = "data"
urlpatterns: list[URLPattern | URLResolver] = [
    path("export/", views_data.export_page, name="export"),
    path("export/mentos.json", views_data.export_download, {"fmt": "json"}, name="export_json"),
    path("export/mentos-csv.zip", views_data.export_download, {"fmt": "csv"}, name="export_csv"),
    path("delete/", views_data.delete_account, name="delete"),
]
