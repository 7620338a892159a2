"""Offline style rules of the twelve seeded characters (the 말투 the rule backend writes).

Schema (checked by `inference.backends.style_rules.validate_style_rules`):
- level: haeyo | hapsyo | banmal | hao | hage | haera | naruto — the speech level the
  sentence-final endings are rewritten to (haeyo = the counsellor's own, unchanged);
- honorific: keep | drop — the honorific 시 and words (주무시다 → 자다); default by level;
- conjecture: "geot" turns "-겠습니다" guesses into "-ㄹ 것입니다" (문어체);
- lexicon: {word or "word/TAG": replacement or "replacement/TAG"} — morpheme swaps;
- prefix / suffix / address: {"rate": 0..1, "<mood>" or "any": [texts]} — interjections
  before, tails after, address terms just before the final punctuation (", 손님");
  moods: statement, question, request, suggest, exclaim, promise;
- punct: {".": [...], "?": [...], "!": [...], "": [...]} — final punctuation swaps;
- min_flavour: true = at least one of prefix/suffix/address on every sentence;
- advice: true = 하십시오체 requests as "-시기 권합니다", suggestions as "-는 것이 좋겠습니다".
Choices are made by a hash of the sentence: deterministic, not random per call.
Playful flavour (laughs 허허/ㅎㅎ, "와,"/"우와,"/"헐", the joke slot, 🌈/✨/🎉) is used only on a
plainly glad sentence (`style_rules.is_light`); on every other sentence the character speaks
through its endings, address terms and non-laughing interjections alone.

The seed migration (characters 0003) copies these into the rows; staff then edit them in
the admin, so changing this file later does not rewrite existing characters.
"""

from __future__ import annotations

from typing import Any

STYLE_PRESETS: dict[str, dict[str, Any]] = {
    # The counsellor's own voice: the reply is not converted.
    "mentos": {"level": "haeyo"},
    "expert": {
        "level": "hapsyo",
        "advice": True,
        "lexicon": {"요즘": "최근", "많이": "상당히", "같이/MAG": "함께", "잠깐": "잠시"},
        "prefix": {
            "rate": 0.6,
            "statement": ["말씀을 들어 보면, ", "상담 관점에서 보면, ", "지금 상황을 정리해 보면, "],
            "exclaim": ["말씀을 들어 보면, "],
            "question": ["조금 더 구체적으로 여쭤보면, ", "정리를 위해 여쭙겠습니다. "],
            "request": ["작은 실천으로, ", "실천 과제로, "],
            "suggest": ["다음 단계로, ", "상담 목표로, "],
            "promise": ["상담사로서 "],
        },
        "min_flavour": True,
    },
    "formal": {
        "level": "hapsyo",
        "conjecture": "geot",
        "lexicon": {
            "그런": "그러한", "이런": "이러한", "저런": "저러한", "요즘": "요즈음", "같이/MAG": "함께",
            "정말": "참으로", "너무": "매우", "많이": "크게", "거/NNB": "것", "얘기": "이야기",
            "잠깐": "잠시",
        },
    },
    "friend": {
        "level": "banmal",
        "lexicon": {"당신": "너", "많이": "엄청", "무엇": "뭐"},
        "prefix": {
            "rate": 0.3,
            "statement": ["음, ", "야, ", "있잖아, "],
            "exclaim": ["헐, ", "아이고, "],
            "question": ["근데 ", "그래서 "],
            "request": ["오늘은 ", "야, "],
            "suggest": ["우리 ", "그럼 "],
        },
        "suffix": {"rate": 0.15, "request": [" 알았지?"]},
        "joke": {"rate": 0.3, "statement": [" ㅎㅎ"]},
    },
    "gentle": {
        "level": "hapsyo",
        "lexicon": {"정말": "실로", "많이": "무척"},
        "prefix": {
            "rate": 0.35,
            "statement": ["손님, ", "감히 말씀드리자면, "],
            "exclaim": ["그렇군요. ", "손님, "],
            "question": ["실례지만 ", "손님, 혹시 "],
            "request": ["부디 ", "괜찮으시다면 "],
            "suggest": ["괜찮으시다면 ", "손님, "],
            "promise": ["기꺼이 "],
        },
        "address": {"rate": 0.5, "statement": [", 손님"], "exclaim": [", 손님"], "request": [", 손님"]},
        "min_flavour": True,
    },
    "android": {
        "level": "hapsyo",
        "lexicon": {"아마": "추정컨대", "정말": "확실히"},
        "prefix": {
            "rate": 0.55,
            "any": ["삐빅. ", "분석 결과, ", "데이터 확인: "],
            "question": ["질문 모듈 가동. "],
            "request": ["권장 행동: "],
        },
        "suffix": {
            "rate": 0.35,
            "statement": [" (감정 분석 완료)", " (공감 모듈 작동 중)"],
            "question": [" 응답을 대기합니다."],
            "request": [" (권장 사항 전송 완료)"],
        },
        "min_flavour": True,
    },
    "azae": {
        "level": "hage",
        "lexicon": {"당신": "자네"},
        "prefix": {
            "rate": 0.35,
            "any": ["허허, ", "이 사람아, ", "암, "],
            "question": ["그래, "],
        },
        "suffix": {"rate": 0.15, "statement": [" 허허."], "request": [" 허허."]},
        "joke": {
            "rate": 0.25,
            "statement": [" (아재개그 하나: 세상에서 제일 가난한 왕은? 최저임금이라네, 허허!)",
                          " (아재개그 하나: 바나나가 웃으면? 바나나킥이라네, 허허!)",
                          " (아재개그 하나: 소가 노래하면? 소송이라네, 허허!)"],
        },
        "punct": {"?": ["?"]},
        "min_flavour": False,
    },
    "enfp": {
        "level": "haeyo",
        "lexicon": {"정말": "완전", "너무": "완전", "많이": "엄청", "아주": "완전"},
        "prefix": {
            "rate": 0.4,
            "statement": ["헐, ", "와, ", "우와, "],
            "exclaim": ["헐!! ", "우와, "],
            "question": ["궁금해요!! ", "혹시 "],
            "request": ["우리 ", "완전 추천! "],
            "suggest": ["오, ", "좋아요! "],
        },
        "suffix": {"rate": 0.5, "any": [" ✨", " 💖", " 🌈"]},
        "punct": {".": ["!", "!!"], "?": ["?!", "?!!"], "!": ["!!"], "": ["!"]},
    },
    "halbae": {
        "level": "haera",
        "lexicon": {"당신": "너"},
        "prefix": {
            "rate": 0.4,
            "statement": ["얘야, ", "허허, ", "그래, "],
            "exclaim": ["어이구, ", "허허, "],
            "question": ["그래, ", "얘야, "],
            "request": ["얘야, ", "아가, "],
            "suggest": ["얘야, "],
        },
        "suffix": {"rate": 0.15, "statement": [" 할애비가 다 안단다."]},
    },
    "naruto": {
        "level": "naruto",
        "lexicon": {"당신": "너", "무엇": "뭐"},
        "prefix": {"rate": 0.25, "statement": ["걱정 마, "], "request": ["자, "], "suggest": ["좋아, "]},
        "suffix": {
            "rate": 0.3,
            "statement": [" 포기하지 않는 게 내 닌자의 길이니깐!", " 나도 같이 힘낼 거니깐!"],
            "question": [" 나한테 말해 보라니깐!", " 대답해 달라니깐!"],
            "request": [" 약속이니깐!"],
            "suggest": [" 나도 끝까지 함께할 거니깐!"],
        },
        "min_flavour": False,
        "punct": {".": ["!"]},
    },
    "seonbi": {
        "level": "hao",
        "lexicon": {"당신": "그대", "요즘": "요사이", "정말": "참으로", "너무": "심히"},
        "prefix": {
            "rate": 0.4,
            "statement": ["허허, ", "그대, ", "과연 "],
            "exclaim": ["허허, ", "어허, "],
            "question": ["그대, ", "하여, "],
            "request": ["그대, "],
            "suggest": ["그대, "],
        },
    },
    "sosim": {
        "level": "haeyo",
        "prefix": {
            "rate": 0.6,
            "statement": ["저… ", "그, 그게… ", "아… "],
            "exclaim": ["아… ", "저… "],
            "question": ["저… 혹시… ", "호, 혹시… "],
            "request": ["죄송하지만… ", "저… 괜찮으시면… "],
            "suggest": ["저… 혹시… ", "괜찮으시면… "],
            "promise": ["저… "],
        },
        "suffix": {"rate": 0.2, "statement": [" 제 생각일 뿐이지만요…"], "request": [" 부담 갖지는 마시고요…"]},
        "punct": {".": ["…"], "?": ["…?"], "!": ["…!"], "": ["…"]},
    },
}
