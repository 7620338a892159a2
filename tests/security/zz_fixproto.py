"""Throwaway: patch the proposed fixes in, to check the xfail tests then pass."""
from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.utils.crypto import constant_time_compare


def still_signed_in(scope) -> bool:
    user = scope.get("user")
    session = scope.get("session")
    key = getattr(session, "session_key", None)
    if user is None or not user.is_authenticated or not key:
        return False
    from importlib import import_module
    from django.conf import settings
    store = import_module(settings.SESSION_ENGINE).SessionStore
    data = store(session_key=key).load()
    if str(data.get(SESSION_KEY)) != str(user.pk):
        return False
    fresh = type(user)._default_manager.filter(pk=user.pk, is_active=True).first()
    return fresh is not None and constant_time_compare(data.get(HASH_SESSION_KEY, ""), fresh.get_session_auth_hash())


@pytest.fixture(autouse=True)
def _patched(monkeypatch):
    from counseling.consumers import CounselConsumer
    orig_receive, orig_frame = CounselConsumer.receive, CounselConsumer.chat_frame

    async def receive(self, text_data=None, bytes_data=None):
        if self.counsel is not None and not await database_sync_to_async(still_signed_in, thread_sensitive=False)(self.scope):
            await self.close(code=4401)
            return
        await orig_receive(self, text_data, bytes_data)

    async def chat_frame(self, event):
        if not await database_sync_to_async(still_signed_in, thread_sensitive=False)(self.scope):
            await self.close(code=4401)
            return
        await orig_frame(self, event)

    monkeypatch.setattr(CounselConsumer, "receive", receive)
    monkeypatch.setattr(CounselConsumer, "chat_frame", chat_frame)

    from inference import memory_store
    orig_index = memory_store.index_dialog

    def index_dialog(dialog):
        from counseling.models import Dialog
        user = dialog.counsel.user
        if not type(user)._default_manager.filter(pk=user.pk).exists():
            return False
        done = orig_index(dialog)
        if done and not Dialog.objects.filter(pk=dialog.pk).exists():
            memory_store.delete_memory_key(user.memory_key)
            return False
        return done
    monkeypatch.setattr(memory_store, "index_dialog", index_dialog)

    from accounts.admin import UserAdmin
    orig_ro = UserAdmin.get_readonly_fields

    def get_readonly_fields(self, request, obj=None):
        fields = list(orig_ro(self, request, obj))
        if not request.user.is_superuser:
            fields += ["is_staff", "is_superuser", "groups", "user_permissions"]
        return fields
    monkeypatch.setattr(UserAdmin, "get_readonly_fields", get_readonly_fields)
