"""Text to text on a decoder-only language model: translation, summarization, or a
classification cast to text (`verbalizer`).

A row is a source (the `prompt` over the row's texts) and a target text. Training reads them as
one sequence, prompt + target + end-of-text, and the loss is the next-token cross-entropy over
the target tokens only: the prompt and the padding carry IGNORE. Evaluation decodes a
continuation of each prompt with Hugging Face's `generate` (greedy, or `num_beams`) and scores the
detokenized text against the raw reference: corpus BLEU and chrF (sacrebleu, its default 13a
tokenization), ROUGE-L F1 (rouge-score, on whitespace tokens, so that no language loses its
letters) and exact match; each as a fraction, like every other metric, so that `dev/mean` mixes
tasks on one scale.
"""

from __future__ import annotations

from typing import Any, Protocol, cast

import sacrebleu
import torch
import torch.nn.functional as F
from rouge_score.rouge_scorer import RougeScorer
from torch import Tensor, nn
from transformers import PreTrainedTokenizerBase

from mtl_platform.config import ConfigError, TaskConfig
from mtl_platform.config.task import prompt_fields
from mtl_platform.tasks.base import LabelEncoder, Task, labelled

IGNORE = -100  # the label cross-entropy skips: prompt and padding
SAMPLES = 50  # predictions logged next to their references at each evaluation


class Generator(Protocol):
    """What decodes a task's prompts: the multi-task model (models/multitask.py)."""

    def generate(self, task: str, input_ids: Tensor, attention_mask: Tensor, **options: Any) -> Tensor: ...


class LanguageModelHead(nn.Module):
    """The backbone's features already are its next-token logits (models/backbones.py)."""

    def forward(self, features: Tensor, attention_mask: Tensor) -> Tensor:
        return features


class WhitespaceTokens:
    """rouge-score's default tokenizer keeps only [a-z0-9]: German, French or Czech words would
    lose their letters. ROUGE-L here compares whitespace tokens, lower-cased."""

    def tokenize(self, text: str) -> list[str]:
        return text.lower().split()


class GenerationTask(Task):
    metric_names = ("bleu", "chrf", "rouge_l", "exact_match")
    padded_labels = True

    @classmethod
    def label_encoder(cls, config: TaskConfig) -> LabelEncoder:
        """The target text; with a verbalizer, the text of the raw label."""
        words = config.verbalizer

        def encode(raw: Any, where: str) -> str:
            value = str(raw).strip()
            if words is None:
                return value
            if value not in words:
                raise ConfigError(
                    f"tasks.{config.name}.verbalizer: {where}: label {value!r} has no text; it has {list(words)}"
                )
            return words[value]

        return encode

    def encode(self, rows: dict[str, list[Any]], tokenizer: PreTrainedTokenizerBase) -> dict[str, Any]:
        """[bos] prompt target eos, at most max_length tokens: the target keeps max_new_tokens, the
        prompt is cut at its end. `prompt_length` says where the target starts; `target` keeps the
        raw reference that evaluation scores against."""
        if tokenizer.eos_token_id is None:
            raise ConfigError(
                f"model.tokenizer: {tokenizer.name_or_path} has no end-of-text token, which a generation target "
                "ends with; use a language model's tokenizer, or train one: mtl vocabulary"
            )
        bos = [tokenizer.bos_token_id] if tokenizer.bos_token_id not in (None, tokenizer.eos_token_id) else []
        prompts = tokenizer(rows["text"], add_special_tokens=False)["input_ids"]
        targets = tokenizer(rows["label"], add_special_tokens=False)["input_ids"]
        encoded: dict[str, list[Any]] = {"input_ids": [], "attention_mask": [], "labels": [], "prompt_length": []}
        for prompt, target in zip(prompts, targets):
            target = [*target[: self.config.max_new_tokens - 1], tokenizer.eos_token_id]
            prompt = [*bos, *prompt][: max(1, self.model_config.max_length - len(target))]
            encoded["input_ids"].append(prompt + target)
            encoded["attention_mask"].append([1] * (len(prompt) + len(target)))
            encoded["labels"].append([IGNORE] * len(prompt) + target)
            encoded["prompt_length"].append(len(prompt))
        encoded["target"] = list(rows["label"])
        return encoded

    def collator(self, tokenizer: PreTrainedTokenizerBase) -> Any:
        return GenerationCollator(pad_token_id(tokenizer))

    def build_head(self, hidden_size: int) -> nn.Module:
        return LanguageModelHead()

    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        """Token t's logits predict token t + 1: the labels shift left by one."""
        output, labels = labelled(output, batch)
        logits, following = output[:, :-1].float(), labels[:, 1:].long()
        loss = F.cross_entropy(logits.flatten(0, 1), following.flatten(), ignore_index=IGNORE, reduction="sum")
        return loss, (following != IGNORE).sum().float()

    def score(
        self, model: nn.Module, batch: dict[str, Tensor], rows: list[dict[str, Any]], tokenizer: Any
    ) -> tuple[list[Any], list[Any]]:
        """Each prompt's decoded continuation (left-padded, so that every one ends where generation
        starts), against the raw reference."""
        prompts = [row["input_ids"][: row["prompt_length"]] for row in rows]
        width = max(len(p) for p in prompts)
        pad = pad_token_id(tokenizer)
        device = batch["input_ids"].device
        ids = torch.tensor([[pad] * (width - len(p)) + p for p in prompts], device=device)
        mask = torch.tensor([[0] * (width - len(p)) + [1] * len(p) for p in prompts], device=device)
        generated = cast(Generator, model).generate(
            self.name,
            ids,
            mask,
            max_new_tokens=self.config.max_new_tokens,
            num_beams=self.config.num_beams,
            pad_token_id=pad,
            eos_token_id=tokenizer.eos_token_id,
        )
        texts = tokenizer.batch_decode(generated, skip_special_tokens=True)
        return [text.strip() for text in texts], [row["target"] for row in rows]

    def predict(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[list[Any], list[Any]]:
        raise NotImplementedError("a generation task is scored on decoded text: see score")

    def metrics(self, predictions: list[Any], targets: list[Any]) -> dict[str, float]:
        rouge = RougeScorer(["rougeL"], tokenizer=WhitespaceTokens())
        count = max(1, len(targets))
        return {
            "bleu": sacrebleu.corpus_bleu(predictions, [targets]).score / 100,
            "chrf": sacrebleu.corpus_chrf(predictions, [targets]).score / 100,
            "rouge_l": sum(rouge.score(t, p)["rougeL"].fmeasure for p, t in zip(predictions, targets)) / count,
            "exact_match": sum(p.strip() == t.strip() for p, t in zip(predictions, targets)) / count,
        }

    def details(self, predictions: list[Any], targets: list[Any]) -> dict[str, Any]:
        """The first SAMPLES predictions next to their references: a table to read in MLflow."""
        return {"samples": {"reference": targets[:SAMPLES], "prediction": predictions[:SAMPLES]}}

    def placeholder_label(self) -> Any:
        return ""

    def inference_rows(self, texts: list[str], pairs: list[str | None]) -> dict[str, list[Any]]:
        """A user's raw texts, in the task's prompt (when it names only {text} and {text_pair})."""
        template = self.config.prompt
        if template and set(prompt_fields(template)) <= {"text", "text_pair"}:
            texts = [template.format(text=text, text_pair=pair) for text, pair in zip(texts, pairs)]
        return {"text": texts, "text_pair": [None] * len(texts), "label": [""] * len(texts)}


def pad_token_id(tokenizer: PreTrainedTokenizerBase) -> int:
    """A decoder's tokenizer often has no padding token (GPT-2): its end-of-text pads instead."""
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    if pad is None:
        raise ConfigError(f"tokenizer {tokenizer.name_or_path}: no padding or end-of-text token to pad with")
    return int(pad)


class GenerationCollator:
    """Right-padded prompt + target sequences, labels padded with IGNORE."""

    def __init__(self, pad: int):
        self.pad = pad

    def __call__(self, rows: list[dict[str, Any]]) -> dict[str, Tensor]:
        width = max(len(row["input_ids"]) for row in rows)

        def padded(key: str, value: int) -> Tensor:
            return torch.tensor([row[key] + [value] * (width - len(row[key])) for row in rows])

        return {
            "input_ids": padded("input_ids", self.pad),
            "attention_mask": padded("attention_mask", 0),
            "labels": padded("labels", IGNORE),
        }
