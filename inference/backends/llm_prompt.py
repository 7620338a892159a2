"""The counsellor's prompt for model LLM backends: system text, memories, recent turns,
fitted into a token budget. Shared by the transformers and the OpenAI-compatible backends.

The system prompt is Korean model input, not user-facing text, so it lives here as data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..types import GenerateRequest

SYSTEM_PROMPT = (
    "당신은 따뜻하고 공감 능력이 뛰어난 한국어 심리 상담사입니다. "
    "내담자의 감정을 먼저 알아주고, 판단하거나 훈계하지 말고, 짧고 자연스러운 존댓말로 답하세요. "
    "필요하면 한 가지 질문으로 이야기를 더 들어 보세요. 의학적 진단이나 약 처방은 하지 마세요."
)
EMOTION_LINE = "지금 내담자의 감정: {label}"
MEMORY_HEADER = "이전 상담에서 내담자가 나눈 이야기 (참고만 하세요):"
MEMORY_LINE = "- ({dt}) 내담자: {u_message} / 상담사: {reply}"

Messages = list[dict[str, str]]


def system_text(request: GenerateRequest, n_memories: int) -> str:
    parts = [SYSTEM_PROMPT, EMOTION_LINE.format(label=request.emotion.label)]
    memories = request.memories[:n_memories]
    if memories:
        parts.append(MEMORY_HEADER)
        for m in memories:
            u_message = m.u_message or m.text
            parts.append(MEMORY_LINE.format(dt=m.dt[:10] or "-", u_message=u_message, reply=m.reply))
    return "\n".join(parts)


def messages_for(request: GenerateRequest, n_memories: int, n_history: int, user_text: str) -> Messages:
    messages: Messages = [{"role": "system", "content": system_text(request, n_memories)}]
    history = request.history[len(request.history) - n_history :] if n_history else ()
    for turn in history:
        messages.append({"role": "user", "content": turn.u_message})
        messages.append({"role": "assistant", "content": turn.reply})
    messages.append({"role": "user", "content": user_text})
    return messages


def fit_messages(request: GenerateRequest, budget: int, count: Callable[[Messages], int]) -> Messages:
    """The richest prompt whose `count` fits `budget`: the oldest turns go first, then the
    least similar memories (retrieval returns them best first); last, the user's message
    itself is cut from the front, keeping its end (what was just said)."""
    n_history, n_memories = len(request.history), len(request.memories)
    text = request.text
    while True:
        messages = messages_for(request, n_memories, n_history, text)
        if count(messages) <= budget:
            return messages
        if n_history:
            n_history -= 1
        elif n_memories:
            n_memories -= 1
        elif len(text) > 1:
            text = text[max(1, len(text) // 4) :]  # drop a quarter from the front, measure again
        else:
            return messages  # nothing left to cut: the system prompt alone is over budget


def merge_system(messages: Messages) -> Messages:
    """For chat templates that refuse a system role: prepend it to the first user turn."""
    if not messages or messages[0]["role"] != "system":
        return messages
    system, rest = messages[0]["content"], [dict(m) for m in messages[1:]]
    if rest and rest[0]["role"] == "user":
        rest[0]["content"] = f"{system}\n\n{rest[0]['content']}"
    else:
        rest.insert(0, {"role": "user", "content": system})
    return rest


def sampling(options: dict[str, Any] | Any) -> dict[str, float | int]:
    return {
        "max_new_tokens": int(options.get("llm_max_new_tokens") or 256),
        "temperature": float(options.get("llm_temperature", 0.7)),
        "top_p": float(options.get("llm_top_p", 0.9)),
        "repetition_penalty": float(options.get("llm_repetition_penalty", 1.1)),
    }
