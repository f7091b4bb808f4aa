"""Shared encoders: any BERT-style Hugging Face model, a decoder-only language model (for
generation tasks), or a small BiLSTM over the same token ids.

Both map (input_ids, attention_mask) to one feature vector per token, and both
expose the same layered view that the sharing schemes need:
`embed(ids, mask) -> (h, layer_mask)`, then `h = layer(h, layer_mask)` for each
of `layers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeAlias, cast

import torch
from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
from transformers import (
    AutoConfig,
    AutoModel,
    AutoModelForCausalLM,
    GenerationMixin,
    PretrainedConfig,
    PreTrainedModel,
)

from mtl_platform.data.tokenize import load_tokenizer, resolve_pretrained

if TYPE_CHECKING:
    from mtl_platform.config import ModelConfig


class TransformerBackbone(nn.Module):
    def __init__(self, encoder: PreTrainedModel):
        super().__init__()
        if getattr(encoder, "pooler", None) is not None:
            # The heads pool; an unused pooler would only be dead weight under DDP.
            encoder.register_module("pooler", None)
        self.encoder = encoder
        self.hidden_size = int(encoder.config.hidden_size)

    @classmethod
    def pretrained(cls, name_or_path: str) -> TransformerBackbone:
        return cls(AutoModel.from_pretrained(resolve_pretrained(name_or_path)))

    @property
    def layers(self) -> nn.ModuleList:
        if not hasattr(self.encoder, "embeddings") or not hasattr(getattr(self.encoder, "encoder", None), "layer"):
            raise ValueError(
                f"{type(self.encoder).__name__} has no BERT-style `embeddings` + `encoder.layer`; "
                "only model.sharing: hard (without branch_layer) and lora work with it"
            )
        return cast(nn.ModuleList, self.encoder.get_submodule("encoder.layer"))

    def embed(self, input_ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, Any]:
        # Imported here: it pulls in torch._dynamo (~1.5 s), which BiLSTM jobs never need.
        from transformers.masking_utils import create_bidirectional_mask

        h = self.encoder.get_submodule("embeddings")(input_ids=input_ids)
        return h, create_bidirectional_mask(config=self.encoder.config, inputs_embeds=h, attention_mask=attention_mask)

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


class CausalLMBackbone(nn.Module):
    """A decoder-only language model whose "features" are its next-token logits: its own LM
    head is where generation tasks share their output layer (the prompt says which task), and
    `generate` is Hugging Face's (greedy or beam search, with the KV cache)."""

    def __init__(self, lm: PreTrainedModel):
        super().__init__()
        self.lm = lm
        self.hidden_size = int(lm.config.vocab_size)

    @property
    def layers(self) -> nn.ModuleList:
        raise self._layerwise()

    def embed(self, input_ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, Any]:
        raise self._layerwise()

    def _layerwise(self) -> ValueError:
        return ValueError(f"{type(self.lm).__name__}: only model.sharing: hard (without branch_layer) works with it")

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        # Positions count real tokens only, so a left-padded prompt reads as an unpadded one.
        positions = (attention_mask.cumsum(-1) - 1).clamp(min=0)
        return self.lm(input_ids=input_ids, attention_mask=attention_mask, position_ids=positions).logits

    def generate(self, input_ids: Tensor, attention_mask: Tensor, **options: Any) -> Tensor:
        """The tokens generated after each (left-padded) prompt."""
        out = cast(GenerationMixin, self.lm).generate(
            input_ids=input_ids, attention_mask=attention_mask, do_sample=False, **options
        )
        return out[:, input_ids.shape[1] :]


class BiLSTMLayer(nn.Module):
    """One bidirectional LSTM layer over packed sequences, so padding never reaches
    it and a sequence's features do not depend on the other sequences' lengths."""

    def __init__(self, input_size: int, hidden_size: int, dropout: float):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(input_size, hidden_size, bidirectional=True, batch_first=True)

    def forward(self, h: Tensor, lengths: Tensor) -> Tensor:
        packed = pack_padded_sequence(self.dropout(h), lengths, batch_first=True, enforce_sorted=False)
        output, _ = self.lstm(packed)
        return pad_packed_sequence(output, batch_first=True, total_length=h.shape[1])[0]


class BiLSTMBackbone(nn.Module):
    """Embedding + stacked bidirectional LSTM layers: the classic shared encoder, cheap enough for sweeps."""

    def __init__(
        self, vocab_size: int, pad_id: int, embedding_dim: int, hidden_size: int, num_layers: int, dropout: float
    ):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=pad_id)
        self.layers = nn.ModuleList(
            BiLSTMLayer(embedding_dim if i == 0 else 2 * hidden_size, hidden_size, dropout if i else 0.0)
            for i in range(num_layers)
        )
        self.hidden_size = 2 * hidden_size

    def embed(self, input_ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, Tensor]:
        return self.embedding(input_ids), attention_mask.sum(1).clamp(min=1).cpu()

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        h, lengths = self.embed(input_ids, attention_mask)
        for layer in self.layers:
            h = layer(h, lengths)
        return h


# What the sharing schemes build on: `hidden_size`, `layers`, `embed` and the forward pass.
Backbone: TypeAlias = TransformerBackbone | CausalLMBackbone | BiLSTMBackbone


def build_backbone(config: ModelConfig, pretrained: bool = True) -> Backbone:
    """The backbone; `pretrained=False` builds the same architecture without loading weights."""
    if config.backbone == "causal_lm":
        if pretrained and config.architecture is None:
            return CausalLMBackbone(AutoModelForCausalLM.from_pretrained(resolve_pretrained(config.name_or_path)))
        return CausalLMBackbone(AutoModelForCausalLM.from_config(backbone_config(config)))
    if config.backbone == "transformer":
        if pretrained:
            return TransformerBackbone.pretrained(config.name_or_path)
        return TransformerBackbone(AutoModel.from_config(backbone_config(config)))
    tokenizer = load_tokenizer(config)
    lstm = config.lstm
    return BiLSTMBackbone(
        len(tokenizer), tokenizer.pad_token_id or 0, lstm.embedding_dim, lstm.hidden_size, lstm.num_layers, lstm.dropout
    )


def backbone_config(config: ModelConfig) -> PretrainedConfig:
    """A transformer's Hugging Face config: name_or_path's, or one built from `architecture` with the
    tokenizer's vocabulary and special tokens."""
    if config.architecture is None:
        return AutoConfig.from_pretrained(resolve_pretrained(config.name_or_path))
    tokenizer = load_tokenizer(config)
    special = {f"{name}_token_id": getattr(tokenizer, f"{name}_token_id") for name in ("bos", "eos", "pad")}
    return AutoConfig.for_model(**{"vocab_size": len(tokenizer), **special, **config.architecture})


def backbone_skeleton(config: ModelConfig) -> Backbone:
    """The backbone's modules without memory (meta tensors): for checking a config against it."""
    with torch.device("meta"):
        return build_backbone(config, pretrained=False)
