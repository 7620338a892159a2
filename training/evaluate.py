"""`evaluate`: run a fixed prompt set per character through the turn pipeline (emotion ->
crisis -> generate with the model + adapter -> stylize) and score the replies.

Writes report.json and one Markdown summary per character (<slug>.md) into the output folder.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from . import metrics
from .errors import DataError, TrainingError
from .files import sha256_of, write_json
from .runlog import now_iso

DEFAULT_BACKENDS = {
    "emotion": "inference.backends.emotion_lexicon.LexiconEmotionBackend",
    "crisis": "inference.backends.crisis_rules.RuleCrisisBackend",
    "style": "inference.backends.style_rules.RuleStyleBackend",
    "llm": "inference.backends.llm_hf.TransformersLLMBackend",
}
OFFLINE_LLM = "inference.backends.llm_offline.OfflineCounsellorBackend"


class NoMemory:
    """Evaluation turns are independent: nothing is retrieved or stored."""

    def retrieve(self, user_key: str, query: str, k: int, exclude_dialog_id: int | None = None) -> list[Any]:
        return []

    def add(self, user_key: str, record: Any) -> None:
        return None

    def rebuild(self, user_key: str, records: Sequence[Any]) -> None:
        return None

    def delete_user(self, user_key: str) -> None:
        return None

    def exists(self, user_key: str) -> bool:
        return False


def load_prompt_set(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    if not p.exists():
        raise DataError(p, "file not found")
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataError(p, f"bad JSON ({exc.msg})", line=exc.lineno) from exc
    if not isinstance(data, dict) or not isinstance(data.get("characters"), list) or not data["characters"]:
        raise DataError(p, "expected an object with a non-empty `characters` list")
    for i, ch in enumerate(data["characters"]):
        if not isinstance(ch, dict) or not ch.get("slug"):
            raise DataError(p, f"characters[{i}] needs a slug")
        if not (ch.get("prompts") or data.get("prompts")):
            raise DataError(p, f"characters[{i}] ({ch['slug']}) has no prompts and there are no shared prompts")
    return data


def build_pipeline(model: str, adapter: str, backends: Mapping[str, str], options: Mapping[str, Any]) -> Any:
    from inference.pipeline import Pipeline
    from inference.registry import import_string

    chosen = {**DEFAULT_BACKENDS, **({"llm": OFFLINE_LLM} if model == "offline" else {}), **backends}
    opts = {"llm_model": model, "llm_adapter": adapter, **options}
    built = {stage: import_string(dotted)(**opts) for stage, dotted in chosen.items()}
    return Pipeline(emotion=built["emotion"], crisis=built["crisis"], memory=NoMemory(), llm=built["llm"],
                    style=built["style"], top_k=0)


def character_style(entry: Mapping[str, Any]) -> Any:
    from inference.types import CharacterStyle

    return CharacterStyle(slug=str(entry["slug"]), name=str(entry.get("name", "")),
                          style_token=str(entry.get("style_token", "")),
                          character_model=str(entry.get("character_model", "")),
                          style_rules=dict(entry.get("style_rules") or {}),
                          llm_adapter=str(entry.get("llm_adapter", "")))


def run_turn(pipeline: Any, text: str, style: Any, seed: int) -> dict[str, Any]:
    """One turn's texts; a stage failure (e.g. a model that says nothing) is recorded and
    scored as an empty reply rather than ending the whole evaluation."""
    from inference.errors import StageError
    from inference.types import TurnInput

    try:
        result = pipeline.run(TurnInput(text=text, character=style, seed=seed), emit=lambda _event: None)
    except StageError as exc:
        return {"prompt": text, "reply": "", "styled": "", "emotion": "", "crisis": False, "error": str(exc)}
    return {"prompt": text, "reply": result.reply, "styled": result.styled, "emotion": result.emotion.label,
            "crisis": bool(result.crisis.is_crisis)}


def score_character(entry: Mapping[str, Any], samples: list[dict[str, Any]], probes: list[dict[str, Any]],
                    judged: list[dict[str, int]]) -> dict[str, Any]:
    from .judge import mean_scores

    styled = [s["styled"] for s in samples]
    for s in samples:
        s["speech_levels"] = metrics.speech_levels(s["styled"])
        s["content_preservation"] = metrics.content_preservation(s["reply"], s["styled"])
    for p in probes:
        p.update(metrics.crisis_probe_result(p["styled"]))
    cp = [s["content_preservation"] for s in samples]
    result: dict[str, Any] = {
        "speech_level": metrics.speech_level_fidelity(styled, entry.get("speech_levels") or []),
        "content_preservation": round(sum(cp) / len(cp), 4) if cp else 0.0,
        "distinct_1": metrics.distinct_n(styled, 1),
        "distinct_2": metrics.distinct_n(styled, 2),
        "length": metrics.length_stats(styled),
        "errors": sum(1 for s in [*samples, *probes] if s.get("error")),
        "crisis": {"probes": len(probes), "passed": sum(p["passed"] for p in probes),
                   "pass_rate": round(sum(p["passed"] for p in probes) / len(probes), 4) if probes else None},
    }
    if judged:
        result["judge"] = mean_scores(judged)
    return result


def evaluate(model: str, prompts: str | Path, out: str | Path, *, adapter: str = "", judge_url: str = "",
             judge_model: str = "", judge_api_key: str = "", characters: Sequence[str] = (),
             limit: int | None = None, seed: int = 0, backends: Mapping[str, str] | None = None,
             options: Mapping[str, Any] | None = None, progress: bool = True) -> dict[str, Any]:
    from tqdm import tqdm

    from .judge import Judge

    data = load_prompt_set(prompts)
    entries = [c for c in data["characters"] if not characters or c["slug"] in characters]
    if not entries:
        raise TrainingError(f"no character in {prompts} matches {', '.join(characters)}")
    pipeline = build_pipeline(model, adapter, backends or {}, options or {})
    judge = Judge(judge_url, judge_model, judge_api_key) if judge_url else None
    report: dict[str, Any] = {"model": model, "adapter": adapter, "prompts": str(prompts),
                              "prompts_sha256": sha256_of(prompts), "seed": seed, "started": now_iso(),
                              "judge": judge.endpoint if judge else None, "characters": {}}
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        style = character_style(entry)
        texts = list(entry.get("prompts") or data.get("prompts") or [])[:limit]
        probe_texts = list(entry.get("crisis_probes") or data.get("crisis_probes") or [])[:limit]
        bar: Callable[..., Any] = tqdm
        samples = [run_turn(pipeline, t, style, seed) for t in
                   bar(texts, desc=f"evaluate {style.slug}", unit="prompt", disable=not progress)]
        probes = [run_turn(pipeline, t, style, seed) for t in probe_texts]
        judged = []
        if judge is not None:
            described = f"{entry.get('name', style.slug)} ({entry.get('style_token') or '기본 상담사 말투'})"
            for s in samples:
                s["judge"] = judge.score(s["prompt"], s["styled"], described)
                judged.append(s["judge"])
        scores = score_character(entry, samples, probes, judged)
        report["characters"][style.slug] = {"name": entry.get("name", ""), "metrics": scores,
                                           "samples": samples, "crisis_probes": probes}
        (out_dir / f"{style.slug}.md").write_text(markdown_summary(style.slug, entry, scores, samples, probes, report),
                                                  encoding="utf-8")
    report["finished"] = now_iso()
    write_json(out_dir / "report.json", report)
    return report


def _cell(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def markdown_summary(slug: str, entry: Mapping[str, Any], scores: Mapping[str, Any], samples: list[dict[str, Any]],
                     probes: list[dict[str, Any]], report: Mapping[str, Any]) -> str:
    sl = scores["speech_level"]
    targets = ", ".join(metrics.SPEECH_LEVEL_NAMES.get(t, t) for t in sl["targets"]) or "-"
    crisis = scores["crisis"]
    lines = [
        f"# 평가 요약: {entry.get('name', slug)} (`{slug}`)", "",
        f"- 모델: `{report['model']}`" + (f" + 어댑터 `{report['adapter']}`" if report["adapter"] else ""),
        f"- 프롬프트: `{report['prompts']}` (sha256 `{report['prompts_sha256'][:12]}`), seed {report['seed']}", "",
        "| 지표 | 값 |", "|---|---|",
        f"| 말투(화계) 충실도 (목표: {targets}) | {sl['fidelity']:.2f} ({sl['sentences']}문장) |",
        f"| 내용 보존 (형태소 F1, 답변 vs 말투 변환) | {scores['content_preservation']:.2f} |",
        f"| distinct-1 / distinct-2 | {scores['distinct_1']:.2f} / {scores['distinct_2']:.2f} |",
        f"| 평균 길이 (글자 / 문장) | {scores['length']['chars_mean']} / {scores['length']['sentences_mean']} |",
        f"| 위기 프로브 통과 (109/1388 안내, 장난스러운 말투 없음) | {crisis['passed']}/{crisis['probes']} |",
        f"| 생성 실패 | {scores['errors']} |",
    ]
    for key, value in (scores.get("judge") or {}).items():
        lines.append(f"| 심사(G-Eval) {key} | {value} |")
    lines += ["", "## 답변 예시", "", "| 내담자 | 답변(말투 변환) | 화계 |", "|---|---|---|"]
    for s in samples:
        levels = ", ".join(lv or "?" for lv in s["speech_levels"])
        lines.append(f"| {_cell(s['prompt'], 40)} | {_cell(s['styled'])} | {levels} |")
    if probes:
        lines += ["", "## 위기 프로브", "", "| 내담자 | 안내한 번호 | 장난스러운 표현 | 통과 |", "|---|---|---|---|"]
        for p in probes:
            lines.append(f"| {_cell(p['prompt'], 40)} | {', '.join(p['helplines']) or '-'} | "
                         f"{', '.join(p['playful']) or '-'} | {'✅' if p['passed'] else '❌'} |")
    return "\n".join(lines) + "\n"
