"""Stylize — a seq2seq 말투 converter (KoBART, `NHNDQ/bart-speech-style-converter` by default).

Input per sentence: "<style_token> 형식으로 변환:<sentence>" (the converter was trained on
short inputs, so one sentence each; the sentences of one call go through as one batch).
A converted sentence that lost the input's content words (emptied, mangled, looping) is
replaced by the offline rules' version of that sentence: a reply may lose its 말투, never
its meaning. A character without `character_model` gets the rules only.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import Any

from ..types import CharacterStyle
from .hf_common import check_model_name, load_error, placement, reraise
from .style_rules import RuleStyleBackend

log = logging.getLogger(__name__)

STAGE = "stylize"
DEFAULT_MODEL = "NHNDQ/bart-speech-style-converter"
PROMPT = "{token} 형식으로 변환:{sentence}"

# Content morphemes: nouns, numbers, foreign words, roots, and predicate stems (by lemma,
# so "힘들어요" and "힘들구려" share "힘들다"). Endings and particles are what a 말투 changes.
_NOUN_TAGS = frozenset({"NNG", "NNP", "NR", "SL", "SN", "XR"})
_STEM_TAGS = frozenset({"VV", "VA"})


def content_words(text: str) -> set[str]:
    from ..morph import morphs

    words: set[str] = set()
    for m in morphs(text):
        if m.tag in _NOUN_TAGS:
            words.add(m.form.lower())
        elif m.tag in _STEM_TAGS:
            words.add(m.lemma)
    return words


def keeps_meaning(source: str, converted: str, min_overlap: float = 0.5) -> bool:
    """False when the conversion is empty, runs away, or kept too few content words."""
    out = converted.strip()
    if not out:
        return False
    if len(out) > 3 * len(source.strip()) + 20:
        return False  # a converter stuck in a loop
    wanted = content_words(source)
    if not wanted:
        return True  # "네." has nothing to lose
    kept = len(wanted & content_words(out))
    return kept > 0 and kept / len(wanted) >= min_overlap


class Seq2SeqStyleBackend:
    """StyleBackend over `AutoModelForSeq2SeqLM`, per character, with a rules fallback.

    Options: style_model — where the default converter lives: a character whose
    character_model is `NHNDQ/bart-speech-style-converter` (the seeded characters) uses this
    instead, so a deployment can point it at a local copy; other character_model values are
    used as they are. style_num_beams (1), style_max_new_tokens (96), style_min_overlap (0.5,
    the share of the input's content words a conversion must keep).
    """

    def __init__(self, **options: Any) -> None:
        default = options.get("style_model")
        self.default_model = str(DEFAULT_MODEL if default is None else default).strip()
        self.num_beams = int(options.get("style_num_beams") or 1)
        self.max_new_tokens = int(options.get("style_max_new_tokens") or 96)
        self.min_overlap = float(options.get("style_min_overlap") or 0.5)
        self.rules = RuleStyleBackend(**options)
        self._models: dict[str, tuple[Any, Any, str]] = {}
        self._lock = threading.Lock()
        self.fallbacks = 0  # sentences handed to the rules because the model lost them

    def model_for(self, character: CharacterStyle) -> str:
        name = (character.character_model or "").strip()
        if name == DEFAULT_MODEL:
            return self.default_model
        return name

    def load(self, name: str | None = None) -> None:
        """Load a converter now (worker warm-up: the default one)."""
        name = self.default_model if name is None else name
        if name:
            self._get(name)

    def _get(self, name: str) -> tuple[Any, Any, str]:
        loaded = self._models.get(name)
        if loaded is not None:
            return loaded
        with self._lock:
            loaded = self._models.get(name)
            if loaded is None:
                path = check_model_name(STAGE, name, "style model")
                from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

                place = placement()
                try:
                    tokenizer = AutoTokenizer.from_pretrained(path)
                    model = AutoModelForSeq2SeqLM.from_pretrained(path, dtype=place.dtype)
                except Exception as exc:
                    raise load_error(STAGE, "style model", path, exc) from exc
                model.to(place.device).eval()
                loaded = self._models[name] = (tokenizer, model, place.device)
        return loaded

    def convert(self, sentences: Sequence[str], character: CharacterStyle, model_name: str) -> list[str]:
        """The model's raw output for each sentence (one batch)."""
        import torch

        tokenizer, model, device = self._get(model_name)
        inputs = [PROMPT.format(token=character.style_token, sentence=s) for s in sentences]
        enc = tokenizer(inputs, padding=True, truncation=True, max_length=256, return_tensors="pt")
        enc.pop("token_type_ids", None)  # KoBART's tokenizer returns them; BART does not take them
        enc = enc.to(device)
        try:
            with torch.inference_mode():
                out = model.generate(
                    **enc,
                    num_beams=self.num_beams,
                    do_sample=False,
                    max_new_tokens=self.max_new_tokens,
                )
        except Exception as exc:
            reraise(STAGE, exc)
        return [t.strip() for t in tokenizer.batch_decode(out, skip_special_tokens=True)]

    def stylize(self, sentences: Sequence[str], character: CharacterStyle) -> list[str]:
        sentences = list(sentences)
        model_name = self.model_for(character)
        if not sentences or not model_name:
            return self.rules.stylize(sentences, character)
        converted = self.convert(sentences, character, model_name)
        lost = [i for i, (s, c) in enumerate(zip(sentences, converted, strict=True))
                if not keeps_meaning(s, c, self.min_overlap)]
        if lost:
            self.fallbacks += len(lost)
            log.info("style model %s lost %d of %d sentences; rules used for them", model_name, len(lost), len(sentences))
            ruled = self.rules.stylize([sentences[i] for i in lost], character)
            for i, text in zip(lost, ruled, strict=True):
                converted[i] = text
        return converted
