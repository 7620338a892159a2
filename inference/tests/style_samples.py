"""Counsellor sentences (해요체, as the offline generator writes them) for the style tests."""

from __future__ import annotations

COUNSELLOR_SENTENCES = (
    "시험 준비 때문에 많이 지치셨겠어요.",
    "요즘 잠은 잘 주무시고 계세요?",
    "그런 마음이 드는 건 자연스러운 일이에요.",
    "오늘은 조금 일찍 쉬어 보세요.",
    "같이 방법을 찾아볼까요?",
    "식사는 잘 드셨어요?",
    "말씀해 주셔서 고마워요.",
    "그 일이 있고 나서 마음이 많이 무거우셨을 것 같아요.",
    "어떤 점이 가장 힘드셨어요?",
    "그럴 때는 잠깐 산책을 해 보는 건 어떨까요?",
    "혼자 감당하기엔 벅차셨을 거예요.",
    "제가 옆에서 함께할게요.",
    "무엇이 가장 마음에 걸리나요?",
    "지금까지 정말 잘 버텨 오셨어요.",
    "힘드셨군요.",
    "천천히 드세요.",
    "가족분들께는 이야기해 보셨어요?",
    "잠들기 전에 휴대폰을 잠시 내려놓아 보는 것도 좋아요.",
    # a plainly glad sentence: the only kind that may carry a laugh or a joke
    "합격 소식을 들으니 저도 덩달아 기뻐요.",
)

SLUGS = ("mentos", "expert", "formal", "friend", "gentle", "android", "azae", "enfp", "halbae",
         "naruto", "seonbi", "sosim")
