"""In Debian's Chromium against a live daphne: sign up, start a counsel with 선비, send a
message and watch the reply stream in, in 선비's 말투, with an emotion badge; reload and
the history is there. The screenshot lands in artifacts/chat_seonbi.png."""

from __future__ import annotations

import json
import re

import pytest

from testsupport.browser import launch, require_chromium

from .live import ROOT, LiveStack

pytestmark = pytest.mark.browser

SEONBI_MARKERS = re.compile(r"(소|오|구려|시오|하오|그대|이오)[.?!]?( |$)")
MESSAGE = "요즘 회사 일이 너무 많아서 지치고 잠도 잘 못 자요."


@pytest.fixture
def stack(tmp_path):
    require_chromium()
    live = LiveStack(tmp_path, MENTOS_TURN_RUNNER="thread")
    live.seed()
    live.start_daphne()
    yield live
    live.stop()


def test_a_seonbi_reply_streams_into_the_browser(stack: LiveStack) -> None:
    from playwright.sync_api import expect, sync_playwright

    frames: list[dict] = []
    with sync_playwright() as pw:
        browser = launch(pw)
        try:
            page = browser.new_page(viewport={"width": 420, "height": 860}, locale="ko-KR")
            page.on("websocket", lambda ws: ws.on(
                "framereceived", lambda payload: frames.append(json.loads(payload))))

            page.goto(f"{stack.base_url}/accounts/signup/")
            page.fill("input[name=user_id]", "sunhee")
            page.fill("input[name=name]", "선희")
            page.fill("input[name=dt_birth]", "1995-03-14")
            page.fill("input[name=password1]", "s3cret-Passw0rd!")
            page.fill("input[name=password2]", "s3cret-Passw0rd!")
            page.locator("main form button[type=submit]").first.click()
            page.wait_for_url(f"{stack.base_url}/")

            page.goto(f"{stack.base_url}/counsels/")
            page.click("button[data-slug=seonbi]")
            page.wait_for_url(re.compile(r"/counsels/\d+/$"))
            expect(page.locator("#chat-status")).not_to_be_empty()

            page.fill("#message", MESSAGE)
            page.press("#message", "Enter")
            reply = page.locator("li.msg-ai[data-status=done] .bubble")
            expect(reply).to_have_count(1, timeout=20_000)
            badge = page.locator("li.msg-user .emotion-badge")
            expect(badge).to_have_count(1)

            types = [f["type"] for f in frames]
            assert "done" in types and types.count("delta") >= 2, types
            assert types.index("delta") < types.index("done")
            done = next(f for f in frames if f["type"] == "done")
            text = reply.inner_text()
            assert text == done["change_dialog"]
            assert SEONBI_MARKERS.search(text), text
            sentences = [s for s in re.split(r"(?<=[.?!])\s+", text) if s]
            assert not all(s.rstrip(".?!").endswith("요") for s in sentences), text  # not plain 해요체
            assert badge.inner_text() == done["emotion"]["label"]

            page.reload()
            expect(page.locator("li.msg-user .bubble")).to_have_text([MESSAGE])
            expect(page.locator("li.msg-ai[data-status=done] .bubble")).to_have_text([text])
            expect(page.locator("li.msg-user .emotion-badge")).to_have_text([done["emotion"]["label"]])
            (ROOT / "artifacts").mkdir(exist_ok=True)
            page.screenshot(path=str(ROOT / "artifacts" / "chat_seonbi.png"), full_page=True)
        finally:
            browser.close()
