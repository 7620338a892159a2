"""The n-gram memory finds the past turn a new message is about (a small labelled set)."""

from __future__ import annotations

from pathlib import Path

from inference.backends.memory_faiss import NgramFaissMemoryBackend
from inference.types import MemoryRecord

PAST = [
    ("요즘 잠이 안 와서 새벽까지 뒤척여요", "잠들기 어려우시군요. 요즘 어떤 생각이 드세요?"),
    ("회사 팀장님 때문에 스트레스가 심해요", "직장에서 많이 지치셨겠어요. 어떤 일이 가장 힘드세요?"),
    ("다음 주 기말고사가 너무 걱정돼요", "시험 앞이라 불안하시군요. 어떤 과목이 걱정되세요?"),
    ("여자친구랑 헤어지고 나서 너무 허전해요", "이별 뒤라 많이 허전하시겠어요. 어떤 순간이 가장 힘드세요?"),
    ("엄마랑 크게 싸워서 말을 안 하고 있어요", "가족과 다투면 마음이 무겁죠. 어떤 일로 다투셨어요?"),
    ("강아지가 아파서 병원에 다녀왔어요", "걱정이 많으셨겠어요. 강아지는 지금 어떤가요?"),
    ("친구들이 단톡방에서 나만 빼고 얘기해요", "소외감이 드셨겠어요. 그때 어떤 마음이 드셨나요?"),
    ("취업 준비가 길어져서 자존감이 떨어져요", "많이 지치셨겠어요. 요즘 하루를 어떻게 보내세요?"),
    ("아이가 밤마다 울어서 육아가 너무 지쳐요", "밤잠을 설치시니 많이 지치셨겠어요. 요즘 쉬는 시간은 있으세요?"),
    ("할머니가 돌아가신 뒤로 아무것도 하기 싫어요", "소중한 분을 잃으셨군요. 할머니와의 기억 중 떠오르는 게 있나요?"),
    ("건강검진에서 간 수치가 높게 나왔어요", "결과를 듣고 걱정이 크셨겠어요. 지금 가장 마음이 쓰이는 건 뭔가요?"),
    ("남자친구가 연락을 잘 안 해서 서운해요", "연락이 뜸하면 서운하죠. 그 마음을 전해 본 적 있으세요?"),
    ("발표 때 머리가 하얘져서 망쳤어요", "긴장이 많이 되셨군요. 발표 전에 어떤 생각이 드셨어요?"),
    ("월세가 또 올라서 돈 걱정이 커요", "경제적인 부담이 크시겠어요. 요즘 가장 빠듯한 게 뭔가요?"),
    ("이사 온 동네에 아는 사람이 없어서 외로워요", "낯선 곳에서 외로우시군요. 요즘 누구와 이야기하세요?"),
    ("룸메이트가 설거지를 안 해서 화가 나요", "반복되면 정말 화가 나죠. 이야기해 본 적 있으세요?"),
]
QUERIES = [
    ("어젯밤에도 잠을 거의 못 잤어요", 0), ("팀장님이 또 야근을 시켰어요", 1), ("시험 공부가 손에 안 잡혀요", 2),
    ("헤어진 여자친구 생각이 자꾸 나요", 3), ("엄마랑 또 다퉜어요", 4), ("강아지 수술 날짜가 잡혔어요", 5),
    ("단톡방에서 또 나만 빼고 약속을 잡았어요", 6), ("이번에도 서류 전형에서 떨어졌어요", 7),
    ("애가 또 새벽에 깨서 한숨도 못 잤어요", 8), ("할머니 생각이 나서 눈물이 나요", 9),
    ("간 수치 재검사 받으러 가요", 10), ("남자친구가 하루 종일 답장이 없어요", 11),
    ("내일 또 발표가 있어서 떨려요", 12), ("이번 달 월세 낼 돈이 부족해요", 13),
    ("새 동네에서 친구를 못 사귀겠어요", 14), ("룸메이트가 또 설거지를 쌓아 뒀어요", 15),
]


def test_most_messages_find_the_turn_they_follow_up(tmp_path: Path) -> None:
    backend = NgramFaissMemoryBackend(memory_dir=tmp_path)
    backend.rebuild("user", [MemoryRecord(i, u, r) for i, (u, r) in enumerate(PAST)])
    hits, in_top3, right_scores, best_wrong = 0, 0, [], []
    for query, expected in QUERIES:
        found = backend.retrieve("user", query, k=3)
        ids = [m.dialog_id for m in found]
        hits += ids[0] == expected
        in_top3 += expected in ids
        right_scores += [m.score for m in found if m.dialog_id == expected]
        best_wrong += [max(m.score for m in found if m.dialog_id != expected)]
    figures = f"memory top-1 {hits}/{len(QUERIES)}, top-3 {in_top3}/{len(QUERIES)}"
    assert hits >= 12, figures
    assert in_top3 >= 14, figures
    # The right turn stands out: on average well above the best wrong one.
    assert sum(right_scores) / len(right_scores) - sum(best_wrong) / len(best_wrong) > 0.05
