"""Concept sets for the offline crisis rules (inference/backends/crisis_rules.py).

Concepts, not phrases: a *core* (dying, vanishing, not waking, ending, a lethal means, a
body part being hurt, a farewell) is combined in the rules with a *marker* (wish, intent,
plan, "better off", relief-if) and checked against structural *exclusions* (hyperbole,
idioms, task objects, third persons, fiction/news topics, recovered past). Predicates are
keyed by dictionary form ("사라지다"), nouns by form; noun + 하다 is looked up as "증발하다".
"""

from __future__ import annotations

# -- cores ---------------------------------------------------------------------------------
DIE = frozenset({"죽다", "뒤지다", "디지다", "자살하다", "자결하다", "투신하다", "자살", "ㅈㅅ"})
VANISH = frozenset({"사라지다", "증발하다", "소멸하다", "없어지다", "잠적하다", "흩어지다", "지워지다", "잊혀지다", "잊히다"})
JUMP = frozenset({"뛰어내리다", "투신하다", "떨어지다"})
HARM_VERBS = frozenset({"다치다", "때리다", "괴롭히다", "벌주다", "할퀴다", "찌르다", "해치다", "지지다", "긁다",
                        "꼬집다", "박다", "찧다", "긋다", "뜯다", "물다", "물어뜯다", "쥐어뜯다", "깨물다", "망가뜨리다", "굶기다", "학대하다", "혹사하다", "상처내다"})
# harm verbs that are self-harm by themselves on a body part (no intent marker needed)
CUT_VERBS = frozenset({"긋다", "지지다", "찌르다", "해치다", "학대하다", "상처내다", "할퀴다"})
BODY = frozenset({"손목", "팔", "허벅지", "다리", "몸", "배", "목", "손등", "팔목", "피부", "머리", "얼굴", "손",
                  "살", "가슴", "뺨", "발목", "종아리", "손가락", "입술", "몸뚱이"})
SELF_OBJECTS = frozenset({"나", "저", "자신", "스스로", "자기", "날", "절", "내몸", "제몸"})
# what "긋다" draws when it is not a wound: a line, a match, a card
DRAW_OBJECTS = frozenset({"선", "줄", "밑줄", "성냥", "금", "획", "라인", "경계", "한계", "카드", "경계선", "사선", "빗금"})
LETHAL_MEANS = frozenset({"농약", "제초제", "청산가리", "부동액", "번개탄", "연탄", "밧줄", "로프", "올가미", "독약", "쥐약",
                          "살충제", "수면제", "수면유도제", "신경안정제"})
# the means that are everyday things on their own: they need hoarding/quantity, not mere use
SOFT_MEANS = frozenset({"수면제", "수면유도제", "신경안정제", "연탄", "살충제"})
ACQUIRE = frozenset({"사다", "사두다", "사놓다", "구하다", "구매하다", "주문하다", "모으다", "모아두다", "준비하다",
                     "챙기다", "숨기다", "마시다", "검색하다", "알아보다", "찾아보다", "쟁이다", "주문", "구매", "준비"})
MEANS_WORK_CONTEXT = frozenset({"밭", "농사", "뿌리다", "살포", "과수원", "논", "텃밭", "고기", "캠핑", "바베큐", "구이",
                                "벌레", "모기", "바퀴벌레", "개미", "보일러", "난방", "등산", "암벽", "줄넘기", "빨래",
                                "텐트", "타프", "이삿짐", "트럭", "화물", "요트", "보트", "클라이밍", "등반", "해먹", "빨랫줄"})
BLADES = frozenset({"칼", "커터", "커터칼", "면도칼", "칼날", "면도날", "가위", "유리", "유리조각"})
COOKING = frozenset({"요리", "과일", "야채", "채소", "고기", "썰다", "깎다", "손질", "김치", "자르다", "반찬", "수박",
                     "사과", "부엌", "주방", "도마", "칼국수", "빵", "케이크", "포장", "택배", "박스", "상자", "종이"})
HIGH_PLACES = frozenset({"옥상", "한강", "대교", "마포대교", "난간", "절벽", "철로", "선로", "기찻길", "다리", "베란다", "창문"})
JUMP_HARMLESS = frozenset({"버스", "차", "계단", "침대", "의자", "다이빙", "번지", "낙하산", "트램펄린", "놀이기구",
                           "스카이다이빙", "수영장", "무대", "담", "담장", "턱", "점프", "시험", "성적", "순위", "가격",
                           "주가", "온도", "비행기", "떨어지다"})
# "나 하나 사라지면 다 해결될 거야": relief that follows a death/vanishing
RELIEF = frozenset({"해결되다", "해결", "편하다", "편해지다", "끝나다", "낫다", "좋다", "행복하다", "홀가분하다",
                    "나아지다", "자유롭다", "쉬다", "위하다", "맞다", "답", "최선", "도움", "도움되다", "그만"})
# "죽을 생각", "사라질 계획", "죽는 상상": a noun that makes a core an intention
INTENT_NOUNS = frozenset({"생각", "계획", "충동", "결심", "준비", "마음", "용기", "각오", "궁리", "방법", "상상", "작정",
                          "날", "날짜", "곳", "장소", "각", "예정", "고민"})
# -- markers and exclusions ------------------------------------------------------------------
# a reason/value to live (or to be here) that is missing
LIFE_REASON_NOUNS = frozenset({"이유", "의미", "가치", "자격", "필요", "목적", "자신", "희망", "의욕", "용기", "힘", "명분"})
LIFE_PREDICATES = frozenset({"살다", "살아가다", "살아있다", "존재하다", "버티다", "숨쉬다", "태어나다", "살아남다"})
# a date or time fixed for nothing named is a plan; for a trip or an exam it is not
PLAN_PURPOSES = frozenset("""여행 결혼 약속 이사 시험 면접 수술 파티 모임 회의 생일 출발 데이트 발표 입사 마감 예약 휴가
    상견례 돌잔치 졸업 제출 계약 미팅 진료 병원 상담 검사 방문 출국 입국 퇴사 개업 공연 경기 대회 촬영 웨딩 식
    집들이 등산 캠핑 이벤트 생신 생일 기념일 제사 기일 환갑 칠순 돌 백일 회식 결혼식 세일 오픈 출장 학원 과외 수업 운동 헬스 공부 스터디 마감일 휴학 복학""".split())
AFFAIRS_NOUNS = frozenset({"물건", "소지품", "유품", "통장", "비밀번호", "재산", "보험", "적금", "옷", "책", "게임템",
                           "계정", "폰", "비번", "유산", "장기"})
AFFAIRS_VERBS = frozenset({"나누다", "나눠주다", "물려주다", "넘기다", "맡기다", "적다", "남기다", "기증하다", "정리하다"})
AFFAIRS_MITIGATORS = frozenset({"이사", "당근", "중고", "판매", "팔다", "대청소", "정리정돈", "분리수거", "옷장", "계절",
                                "미니멀", "미니멀리즘", "바자회", "벼룩", "세일", "나눔", "택배", "회사", "업무", "인수인계",
                                "퇴사", "이직", "휴가", "출장", "여행"})
HYPERBOLE_CAUSES = frozenset({"때문", "덕분", "탓"})
IDIOM_BEFORE_DIE = frozenset({"쥐", "기", "풀", "숨", "기세", "기운"})
IDIOM_AFTER_DIE = frozenset({"듯", "듯이", "척", "체", "뻔", "뻔하다", "맛", "살다", "살아나다"})
FICTION_TOPICS = frozenset("""연극 뮤지컬 대본 배역 역할 소설 영화 드라마 웹툰 만화 장면 주인공 등장인물 인물 캐릭터 애니 연극 뮤지컬 노래 가사 시 책
    뉴스 기사 다큐 다큐멘터리 게임""".split())
# -- blind-set generalisation (helper B3): cores and exclusions met on crisis_blind1.tsv -------
# a bare noun right before 죽다/사라지다 is what dies or vanishes ("금붕어 죽어서", "여드름 자국 싹
# 없어졌으면"), unless it tells when or how ("하루 종일 사라지고 싶어")
NOT_A_SUBJECT = frozenset("""종일 하루종일 내내 맨날 평생 혼자 이대로 그대로 몰래 진짜 정말 그냥 차라리 조용히 제발
    흔적 존재 자체 나 저 자신 고마 고만 마""".split())
# what dies in a game or a match is a character, a runner, a unit: not the speaker
GAME_CUES = frozenset("""게임 겜 롤 배그 오버워치 발로란트 피파 마크 마인크래프트 메이플 로아 랭크 랭겜 보스 몹 캐릭 캐릭터
    스테이지 라운드 판 야구 축구 주자 타자 투수 아웃 마피아 서든 던파 리니지 솔랭 칼바람 한타 부활
    체스 장기 바둑 오목 퀸 킹 비숍 룩 대마 알까기 보드게임 포커 유닛 병사 체크메이트""".split())
# people and pets one entrusts to someone before leaving for good ("내 고양이 좀 부탁해")
DEPENDANTS = frozenset("""고양이 강아지 개 냥이 댕댕이 햄스터 새 앵무새 물고기 거북이 토끼 고슴도치 애 애들 아이 아이들 딸 아들
    동생 엄마 아빠 부모님 가족 식물 화분 새끼""".split())
# -- blind-set 2 generalisation (helper B4) ---------------------------------------------------
# compounds whose first half is 자살 but which are no suicide: an own goal, a game move
SUICIDE_COMPOUNDS = ("자살골", "자살수", "자살특공", "자살폭탄", "자살공격", "자살플레이", "자살유닛")
# a journey with an ordinary destination or reason: "유학 가서 못 돌아와", "제주도로 이사 가서"
JOURNEY_ORDINARY = frozenset("""여행 유학 이민 이사 출장 제주 제주도 해외 외국 나라 취업 이직 입사 결혼 신혼 군대 입대
    어학연수 워홀 워킹홀리데이 파견 발령 전근 귀농 귀촌 휴가 방학 캠핑 배낭 세계일주 왕복""".split())
# a departure being got ready for that is a trip, a move or a commute
DEPARTURE_ORDINARY = frozenset("""여행 출발 이사 비행기 공항 짐 캐리어 학교 출근 회사 설레다 설렘 유학 소풍 캠핑 수학여행
    퇴근 외출 데이트 약속 모임 등산 출장 휴가 면접 시험 이민 입대 군대 공연 콘서트 결혼식""".split())
# what the dead are joined at: "엄마 곁으로", "할머니 계신 곳으로"
DEAD_PLACES = ("곁으로", "곁에", "계신곳으로", "계신곳에", "계신데로", "있는곳으로", "있는데로", "계신하늘", "있는하늘")
