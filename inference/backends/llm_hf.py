"""Generate — a transformers causal LM (EEVE by default) with optional peft LoRA adapters,
streamed with `TextIteratorStreamer` from a generation thread.

One base model per process, however many adapters: the expert's DPO adapter and another
character's adapter on the same base share its weights (peft multi-adapter; the active
adapter is switched under the base's lock, so generations on one base take turns — a GPU
worker runs one at a time anyway). Device and dtype follow the worker: CUDA + bf16 where
present, CPU float32 otherwise; 4-bit with bitsandbytes when asked and installed.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import queue
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import BackendConfigError, RetryableStageError
from ..types import GenerateRequest
from .hf_common import Placement, check_model_name, load_error, placement, reraise
from .llm_prompt import Messages, fit_messages, merge_system, sampling

log = logging.getLogger(__name__)

STAGE = "generate"
DEFAULT_MODEL = "yanolja/EEVE-Korean-Instruct-10.8B-v1.0"


@dataclass
class GenerationStats:
    """Times (perf_counter seconds) of the last generation: for tests and the benchmark."""

    started: float = 0.0
    first_piece: float = 0.0
    finished: float = 0.0  # when the generation thread returned from `generate`
    prompt_tokens: int = 0
    new_tokens: int = 0
    piece_times: list[float] = field(default_factory=list)


class _Base:
    """A loaded base model, its tokenizer and the adapters loaded onto it."""

    def __init__(self, name: str, tokenizer: Any, model: Any, place: Placement) -> None:
        self.name = name
        self.tokenizer = tokenizer
        self.model = model  # becomes a PeftModel when the first adapter loads
        self.place = place
        self.adapters: dict[str, str] = {}  # adapter path -> peft adapter name
        self.lock = threading.Lock()
        self.system_role = True  # False once the chat template refused a system message

    def ensure_adapter(self, path: str) -> str:
        path = check_model_name(STAGE, path, "LLM adapter")
        with self.lock:
            name = self.adapters.get(path)
            if name is not None:
                return name
            name = "adapter_" + hashlib.sha1(path.encode()).hexdigest()[:12]
            try:
                if not self.adapters:
                    from peft import PeftModel

                    self.model = PeftModel.from_pretrained(self.model, path, adapter_name=name)
                else:
                    self.model.load_adapter(path, adapter_name=name)
            except Exception as exc:
                raise load_error(STAGE, "LLM adapter", path, exc) from exc
            self.model.eval()
            self.adapters[path] = name
            log.info("loaded adapter %s onto %s as %s", path, self.name, name)
            return name

    @contextlib.contextmanager
    def using(self, adapter_name: str | None) -> Iterator[Any]:
        """The model with `adapter_name` active (None: the bare base). Hold `lock`."""
        if adapter_name:
            self.model.set_adapter(adapter_name)
            yield self.model
        elif self.adapters:
            with self.model.disable_adapter():
                yield self.model
        else:
            yield self.model


_bases: dict[tuple[str, bool], _Base] = {}
_bases_lock = threading.Lock()


def clear_cache() -> None:
    """Forget every loaded base model (tests)."""
    with _bases_lock:
        _bases.clear()


def _load_base(name: str, load_in_4bit: bool) -> _Base:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    place = placement()
    kwargs: dict[str, Any] = {"dtype": place.dtype}
    quantized = False
    if load_in_4bit:
        if place.device == "cuda" and _has_bitsandbytes():
            from transformers import BitsAndBytesConfig

            kwargs["quantization_config"] = BitsAndBytesConfig(
                load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=place.dtype
            )
            kwargs["device_map"] = {"": 0}
            quantized = True
        else:
            log.warning("llm_load_in_4bit is set but needs CUDA and bitsandbytes; loading %s unquantized", name)
    try:
        tokenizer = AutoTokenizer.from_pretrained(name)
        model = AutoModelForCausalLM.from_pretrained(name, **kwargs)
    except Exception as exc:
        raise load_error(STAGE, "LLM", name, exc) from exc
    if not quantized:
        model.to(place.device)
    model.eval()
    log.info("loaded LLM %s on %s (%s%s)", name, place.device, place.dtype, ", 4-bit" if quantized else "")
    return _Base(name, tokenizer, model, place)


def _has_bitsandbytes() -> bool:
    try:
        import bitsandbytes  # noqa: F401
    except Exception:
        return False
    return True


def get_base(name: str, load_in_4bit: bool = False) -> _Base:
    """The process's copy of base model `name`, loaded on first use."""
    name = check_model_name(STAGE, name, "LLM")
    key = (name, bool(load_in_4bit))
    base = _bases.get(key)
    if base is not None:
        return base
    with _bases_lock:
        base = _bases.get(key)
        if base is None:
            base = _load_base(name, load_in_4bit)
            _bases[key] = base
    return base


class TransformersLLMBackend:
    """LLMBackend over `AutoModelForCausalLM.generate`, streamed.

    Options: llm_model, llm_adapter (default adapter; a character's llm_adapter wins),
    llm_load_in_4bit, llm_max_new_tokens, llm_temperature (0 = greedy), llm_top_p,
    llm_repetition_penalty, llm_context_tokens (prompt + reply budget), turn_timeout_s
    (the longest wait for the next piece).
    """

    def __init__(self, **options: Any) -> None:
        self.model_name = str(options.get("llm_model") or DEFAULT_MODEL)
        self.adapter = str(options.get("llm_adapter") or "")
        self.load_in_4bit = bool(options.get("llm_load_in_4bit") or False)
        self.sampling = sampling(options)
        self.context_tokens = int(options.get("llm_context_tokens") or 2048)
        self.piece_timeout_s = float(options.get("turn_timeout_s") or 120)
        self.last_stats = GenerationStats()

    def load(self) -> None:
        """Load the base (and the default adapter) now: worker warm-up."""
        base = get_base(self.model_name, self.load_in_4bit)
        if self.adapter:
            base.ensure_adapter(self.adapter)

    # --- prompt -----------------------------------------------------------------------------
    def _render(self, base: _Base, messages: Messages) -> str:
        tok = base.tokenizer
        if base.system_role:
            try:
                return str(tok.apply_chat_template(messages, tokenize=False, add_generation_prompt=True))
            except Exception as exc:  # jinja2 TemplateError: "System role not supported"
                log.info("chat template of %s refused a system message (%s); merging it", base.name, exc)
                base.system_role = False
        return str(tok.apply_chat_template(merge_system(messages), tokenize=False, add_generation_prompt=True))

    def prompt_ids(self, base: _Base, request: GenerateRequest) -> list[int]:
        if base.tokenizer.chat_template is None:
            raise BackendConfigError(STAGE, f"the tokenizer of {base.name} has no chat template")
        budget = max(32, self.context_tokens - int(self.sampling["max_new_tokens"]))
        cache: dict[str, list[int]] = {}

        def encode(messages: Messages) -> list[int]:
            text = self._render(base, messages)
            if text not in cache:
                cache[text] = base.tokenizer(text, add_special_tokens=False)["input_ids"]
            return cache[text]

        return encode(fit_messages(request, budget, lambda m: len(encode(m))))

    # --- generation -------------------------------------------------------------------------
    def generate(self, request: GenerateRequest) -> Iterator[str]:
        import torch
        from transformers import StoppingCriteria, StoppingCriteriaList, TextIteratorStreamer

        base = get_base(self.model_name, self.load_in_4bit)
        adapter_path = request.character.llm_adapter or self.adapter
        adapter_name = base.ensure_adapter(adapter_path) if adapter_path else None
        ids = self.prompt_ids(base, request)
        tok = base.tokenizer
        input_ids = torch.tensor([ids], device=base.place.device)

        stop = threading.Event()

        class _StopWhenAbandoned(StoppingCriteria):
            # The reader went away (error, closed socket): free the GPU instead of finishing.
            def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
                return torch.full((input_ids.shape[0],), stop.is_set(), dtype=torch.bool, device=input_ids.device)

        streamer = TextIteratorStreamer(
            tok, skip_prompt=True, skip_special_tokens=True, timeout=self.piece_timeout_s
        )
        s = self.sampling
        do_sample = float(s["temperature"]) > 0
        gen_kwargs: dict[str, Any] = {
            "input_ids": input_ids,
            "attention_mask": torch.ones_like(input_ids),
            "streamer": streamer,
            "max_new_tokens": int(s["max_new_tokens"]),
            "do_sample": do_sample,
            "repetition_penalty": float(s["repetition_penalty"]),
            "stopping_criteria": StoppingCriteriaList([_StopWhenAbandoned()]),
            "pad_token_id": tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id,
        }
        if do_sample:
            gen_kwargs.update(temperature=float(s["temperature"]), top_p=float(s["top_p"]))
        stats = GenerationStats(started=time.perf_counter(), prompt_tokens=len(ids))
        self.last_stats = stats
        failure: list[BaseException] = []

        def run() -> None:
            try:
                with base.lock, torch.inference_mode():
                    torch.manual_seed(request.seed)  # same seed, same adapter: same reply
                    with base.using(adapter_name) as model:
                        out = model.generate(**gen_kwargs)
                stats.new_tokens = int(out.shape[-1]) - len(ids)
            except BaseException as exc:
                failure.append(exc)
                streamer.end()  # wake the reader; generate() did not get to end the stream
            finally:
                stats.finished = time.perf_counter()

        thread = threading.Thread(target=run, name="mentos-llm-generate", daemon=True)
        thread.start()
        return self._read(streamer, thread, stop, failure, stats)

    def _read(
        self,
        streamer: Any,
        thread: threading.Thread,
        stop: threading.Event,
        failure: list[BaseException],
        stats: GenerationStats,
    ) -> Iterator[str]:
        try:
            try:
                for piece in streamer:
                    if piece:
                        now = time.perf_counter()
                        stats.first_piece = stats.first_piece or now
                        stats.piece_times.append(now)
                        yield piece
            except queue.Empty:
                raise RetryableStageError(
                    STAGE, f"no text from the model for {self.piece_timeout_s:.0f} s"
                ) from None
            thread.join()
            if failure:
                reraise(STAGE, failure[0])
        finally:
            stop.set()
