"""Text to text on a language model: translation, summarization, or a classification cast to
text (`verbalizer`).

A row is a source (the `prompt` over the row's texts) and a target text. On a decoder-only model
they are one sequence, prompt + target + end-of-text, and the loss is the next-token
cross-entropy over the target tokens only: the prompt and the padding carry IGNORE. On an
encoder-decoder model the source is the encoder's input and the target + end-of-text the
decoder's (`target_ids`, in `model.target_tokenizer`'s vocabulary where it has one of its own).
Evaluation decodes each prompt with Hugging Face's `generate` (greedy, or `num_beams`) and scores the
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

from mtl_platform.config import ConfigError, ModelConfig, TaskConfig
from mtl_platform.config.task import prompt_fields
from mtl_platform.tasks.base import LabelEncoder, Task, labelled
from mtl_platform.tasks.tokenizers import load_target_tokenizer

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

    def __init__(self, config: TaskConfig, model: ModelConfig):
        super().__init__(config, model)
        self.seq2seq = model.backbone == "seq2seq_lm"

    def encode(self, rows: dict[str, list[Any]], tokenizer: PreTrainedTokenizerBase) -> dict[str, Any]:
        """A target is at most max_new_tokens tokens, its end-of-text included. Decoder-only:
        [bos] prompt target eos, at most max_length tokens, the prompt cut at its end.
        Encoder-decoder: the source (with the tokenizer's special tokens, at most max_length) and
        `target_ids` apart. `prompt_length` says where the target starts; `target` keeps the raw
        reference that evaluation scores against."""
        writer = self.target_tokenizer(tokenizer)
        eos = end_of_text(writer, "model.target_tokenizer" if self.model_config.target_tokenizer else "model.tokenizer")
        targets = writer(text_target=rows["label"], add_special_tokens=False)["input_ids"]
        targets = [[*target[: self.config.max_new_tokens - 1], eos] for target in targets]
        max_length = self.model_config.max_length
        if self.seq2seq:
            sources = tokenizer(rows["text"], truncation=True, max_length=max_length)["input_ids"]
            encoded: dict[str, list[Any]] = {
                "input_ids": sources,
                "attention_mask": [[1] * len(source) for source in sources],
                "target_ids": targets,  # also its labels (GenerationCollator)
                "prompt_length": [len(source) for source in sources],
            }
        else:
            bos = [tokenizer.bos_token_id] if tokenizer.bos_token_id not in (None, eos) else []
            prompts = tokenizer(rows["text"], add_special_tokens=False)["input_ids"]
            prompts = [[*bos, *prompt][: max(1, max_length - len(target))] for prompt, target in zip(prompts, targets)]
            encoded = {
                "input_ids": [prompt + target for prompt, target in zip(prompts, targets)],
                "attention_mask": [[1] * (len(prompt) + len(target)) for prompt, target in zip(prompts, targets)],
                "labels": [[IGNORE] * len(prompt) + target for prompt, target in zip(prompts, targets)],
                "prompt_length": [len(prompt) for prompt in prompts],
            }
        encoded["target"] = list(rows["label"])
        return encoded

    def target_tokenizer(self, tokenizer: PreTrainedTokenizerBase) -> PreTrainedTokenizerBase:
        """What writes and reads the targets: `model.target_tokenizer`, or the model's own."""
        return load_target_tokenizer(self.model_config) if self.model_config.target_tokenizer else tokenizer

    def collator(self, tokenizer: PreTrainedTokenizerBase) -> Any:
        return GenerationCollator(pad_token_id(tokenizer), pad_token_id(self.target_tokenizer(tokenizer)))

    def build_head(self, hidden_size: int) -> nn.Module:
        return LanguageModelHead()

    def loss_sum(self, output: Tensor, batch: dict[str, Tensor]) -> tuple[Tensor, Tensor]:
        """A decoder-only model's logits at t predict token t + 1: the labels shift left by one.
        An encoder-decoder's decoder reads its target shifted right already (models/backbones.py)."""
        output, labels = labelled(output, batch)
        shift = 0 if self.seq2seq else 1
        logits, following = output[:, : output.shape[1] - shift].float(), labels[:, shift:].long()
        loss = F.cross_entropy(logits.flatten(0, 1), following.flatten(), ignore_index=IGNORE, reduction="sum")
        return loss, (following != IGNORE).sum().float()

    def score(
        self, model: nn.Module, batch: dict[str, Tensor], rows: list[dict[str, Any]], tokenizer: Any
    ) -> tuple[list[Any], list[Any]]:
        """Each prompt's decoded continuation, against the raw reference. A decoder-only model's
        prompts are left-padded, so that every one ends where generation starts; an encoder's
        source is right-padded, as its positions expect."""
        prompts = [row["input_ids"][: row["prompt_length"]] for row in rows]
        width = max(len(p) for p in prompts)
        pad = pad_token_id(tokenizer)
        device = batch["input_ids"].device

        def padded(row: list[int], fill: int) -> list[int]:
            filler = [fill] * (width - len(row))
            return row + filler if self.seq2seq else filler + row

        ids = torch.tensor([padded(p, pad) for p in prompts], device=device)
        mask = torch.tensor([padded([1] * len(p), 0) for p in prompts], device=device)
        writer = self.target_tokenizer(tokenizer)
        generated = cast(Generator, model).generate(
            self.name,
            ids,
            mask,
            max_new_tokens=self.config.max_new_tokens,
            num_beams=self.config.num_beams,
            pad_token_id=pad_token_id(writer),
            eos_token_id=writer.eos_token_id,
        )
        texts = writer.batch_decode(generated, skip_special_tokens=True)
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


def end_of_text(tokenizer: PreTrainedTokenizerBase, field: str) -> int:
    if tokenizer.eos_token_id is None:
        raise ConfigError(
            f"{field}: {tokenizer.name_or_path} has no end-of-text token, which a generation target "
            "ends with; use a language model's tokenizer, or train one: mtl vocabulary"
        )
    return int(tokenizer.eos_token_id)


def pad_token_id(tokenizer: PreTrainedTokenizerBase) -> int:
    """A decoder's tokenizer often has no padding token (GPT-2): its end-of-text pads instead."""
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else tokenizer.eos_token_id
    if pad is None:
        raise ConfigError(f"tokenizer {tokenizer.name_or_path}: no padding or end-of-text token to pad with")
    return int(pad)


class GenerationCollator:
    """Right-padded sequences: the inputs, an encoder-decoder's targets (in their own
    vocabulary's padding), and the labels, padded with IGNORE: a decoder-only model's own, or an
    encoder-decoder's targets."""

    def __init__(self, pad: int, target_pad: int):
        self.padding = {"input_ids": pad, "attention_mask": 0, "target_ids": target_pad}

    def __call__(self, rows: list[dict[str, Any]]) -> dict[str, Tensor]:
        def padded(key: str, value: int) -> Tensor:
            width = max(len(row[key]) for row in rows)
            return torch.tensor([row[key] + [value] * (width - len(row[key])) for row in rows])

        batch = {key: padded(key, value) for key, value in self.padding.items() if key in rows[0]}
        batch["labels"] = padded("target_ids" if "target_ids" in rows[0] else "labels", IGNORE)
        return batch
