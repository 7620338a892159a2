"""The fixed crisis reply and the Korean helplines it names.

When the crisis stage fires, the pipeline sends exactly this text (never stylized into a
character's 말투) and the resources as structured data for the page to render.
"""

from __future__ import annotations

from typing import Final

CRISIS_RESOURCES: Final[tuple[dict[str, str], ...]] = (
    {
        "name": "자살예방 상담전화",
        "number": "109",
        "description": "24시간 언제든 전화로 상담할 수 있어요. 문자 상담도 109로 보낼 수 있어요.",
    },
    {
        "name": "청소년 상담전화",
        "number": "1388",
        "description": "청소년이라면 24시간 전화, 문자, 카카오톡으로 상담할 수 있어요.",
    },
    {
        "name": "경찰",
        "number": "112",
        "description": "지금 위험한 상황이라면 바로 신고해 주세요.",
    },
    {
        "name": "119 구급대",
        "number": "119",
        "description": "다쳤거나 응급 상황이라면 바로 전화해 주세요.",
    },
)

CRISIS_MESSAGE: Final[str] = (
    "지금 정말 많이 힘드시군요. 이렇게 마음을 꺼내 주셔서 고마워요. "
    "당신의 안전이 지금 무엇보다 중요해요. "
    "혼자 견디지 않으셔도 돼요. 지금 바로 전문 상담사와 이야기해 보시면 좋겠어요. "
    "자살예방 상담전화 109는 24시간 언제든 받아 주고, 109로 문자 상담도 할 수 있어요. "
    "청소년이라면 1388에서도 도움을 받을 수 있어요. "
    "지금 위험한 상황이거나 다치셨다면 112나 119에 바로 연락해 주세요. "
    "가까운 사람에게 지금 곁에 있어 달라고 부탁해 보는 것도 좋아요. "
    "저도 여기서 당신의 이야기를 계속 들을게요."
)
