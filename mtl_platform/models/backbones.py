"""Shared encoders: any BERT-style Hugging Face model, a decoder-only or encoder-decoder language
model (for generation tasks), or a small BiLSTM over the same token ids.

Each maps (input_ids, attention_mask) to one feature vector per token (a language model's are
its next-token logits; an encoder-decoder's, of its `target_ids`). The encoders and the BiLSTM
expose the layered view that the sharing schemes other than hard and LoRA need:
`embed(ids, mask) -> (h, layer_mask)`, then `h = layer(h, layer_mask)` for each of `layers`.
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
    AutoModelForSeq2SeqLM,
    EncoderDecoderConfig,
    EncoderDecoderModel,
    GenerationMixin,
    PretrainedConfig,
    PreTrainedModel,
    PreTrainedTokenizerBase,
)

from mtl_platform.tasks.tokenizers import load_target_tokenizer, load_tokenizer, resolve_pretrained

if TYPE_CHECKING:
    from mtl_platform.config import ModelConfig


def without_pooler(encoder: PreTrainedModel) -> PreTrainedModel:
    """The heads pool (or a decoder reads every token): an unused pooler would only be dead
    weight under DDP."""
    if getattr(encoder, "pooler", None) is not None:
        encoder.register_module("pooler", None)
    return encoder


class TransformerBackbone(nn.Module):
    def __init__(self, encoder: PreTrainedModel):
        super().__init__()
        self.encoder = without_pooler(encoder)
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


class LanguageModelBackbone(nn.Module):
    """A language model whose "features" are its next-token logits: its own LM head is where
    generation tasks share their output layer (the prompt says which task), and `generate` is
    Hugging Face's (greedy or beam search, with the KV cache)."""

    def __init__(self, lm: PreTrainedModel):
        super().__init__()
        self.lm = lm
        self.hidden_size = int(lm.config.get_text_config(decoder=True).vocab_size)

    @property
    def layers(self) -> nn.ModuleList:
        raise self._layerwise()

    def embed(self, input_ids: Tensor, attention_mask: Tensor) -> tuple[Tensor, Any]:
        raise self._layerwise()

    def _layerwise(self) -> ValueError:
        return ValueError(f"{type(self.lm).__name__}: only model.sharing: hard (without branch_layer) works with it")

    def generate(self, input_ids: Tensor, attention_mask: Tensor, **options: Any) -> Tensor:
        """The tokens generated for each prompt (left-padded for a decoder-only model)."""
        out = cast(GenerationMixin, self.lm).generate(
            input_ids=input_ids, attention_mask=attention_mask, do_sample=False, **options
        )
        return out[:, self.prefix_length(input_ids) :]

    def prefix_length(self, input_ids: Tensor) -> int:
        """How many tokens `generate` returns ahead of the generated ones."""
        raise NotImplementedError


class CausalLMBackbone(LanguageModelBackbone):
    """A decoder-only language model: a row is its prompt and target as one sequence."""

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        # Positions count real tokens only, so a left-padded prompt reads as an unpadded one.
        positions = (attention_mask.cumsum(-1) - 1).clamp(min=0)
        return self.lm(input_ids=input_ids, attention_mask=attention_mask, position_ids=positions).logits

    def prefix_length(self, input_ids: Tensor) -> int:
        return input_ids.shape[1]  # the prompts


class Seq2SeqLMBackbone(LanguageModelBackbone):
    """An encoder-decoder language model (T5, BART, Marian, or a pretrained encoder paired with
    a new decoder): the source goes through the encoder, the target through the decoder."""

    def __init__(self, lm: PreTrainedModel, new_decoder: bool = False):
        super().__init__(lm)
        if isinstance(encoder := getattr(lm, "encoder", None), PreTrainedModel):
            without_pooler(encoder)
        # A decoder built for a pretrained encoder starts untrained, as heads do (trainer.head_lr).
        self.new_modules = [lm.decoder, *filter(None, [getattr(lm, "enc_to_dec_proj", None)])] if new_decoder else []

    def forward(self, input_ids: Tensor, attention_mask: Tensor, target_ids: Tensor) -> Tensor:
        """The decoder reads the target shifted right behind its start token (the model's own
        rule), so its logits at t predict target token t. The targets are right-padded: a causal
        decoder's real positions never read the padding, so it needs no mask."""
        decoder_input_ids = cast(Any, self.lm).prepare_decoder_input_ids_from_labels(labels=target_ids)
        return self.lm(input_ids=input_ids, attention_mask=attention_mask, decoder_input_ids=decoder_input_ids).logits

    def prefix_length(self, input_ids: Tensor) -> int:
        return 1  # the decoder's start token


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
Backbone: TypeAlias = TransformerBackbone | LanguageModelBackbone | BiLSTMBackbone

DECODER_TOKENS = ("decoder_start_token_id", "pad_token_id", "eos_token_id")  # what an encoder-decoder generates with
_LANGUAGE_MODELS: dict[str, tuple[type[LanguageModelBackbone], Any]] = {
    "causal_lm": (CausalLMBackbone, AutoModelForCausalLM),
    "seq2seq_lm": (Seq2SeqLMBackbone, AutoModelForSeq2SeqLM),
}


def build_backbone(config: ModelConfig, pretrained: bool = True) -> Backbone:
    """The backbone; `pretrained=False` builds the same architecture without loading weights."""
    if config.backbone in _LANGUAGE_MODELS:
        backbone, auto = _LANGUAGE_MODELS[config.backbone]
        if pretrained and config.decoder is not None:
            paired = cast(EncoderDecoderConfig, backbone_config(config))
            lm = EncoderDecoderModel(
                encoder=AutoModel.from_pretrained(resolve_pretrained(config.name_or_path)),
                decoder=AutoModelForCausalLM.from_config(paired.decoder),
            )
            for name in DECODER_TOKENS:
                setattr(lm.config, name, getattr(paired, name))
            return Seq2SeqLMBackbone(lm, new_decoder=True)
        if pretrained and config.architecture is None:
            return backbone(auto.from_pretrained(resolve_pretrained(config.name_or_path)))
        return backbone(auto.from_config(backbone_config(config)))
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
    """A transformer's Hugging Face config: name_or_path's; one built from `architecture` with the
    tokenizer's vocabulary and special tokens; or name_or_path's encoder paired with a `decoder`
    built with the target tokenizer's."""
    if config.decoder is not None:
        decoder = AutoConfig.for_model(**{**_vocabulary(load_target_tokenizer(config), config), **config.decoder})
        encoder = AutoConfig.from_pretrained(resolve_pretrained(config.name_or_path))
        paired = EncoderDecoderConfig.from_encoder_decoder_configs(encoder, decoder)
        for name in DECODER_TOKENS:
            setattr(paired, name, getattr(decoder, name))
        return paired
    if config.architecture is None:
        return AutoConfig.from_pretrained(resolve_pretrained(config.name_or_path))
    return AutoConfig.for_model(**{**_vocabulary(load_tokenizer(config), config), **config.architecture})


def _vocabulary(tokenizer: PreTrainedTokenizerBase, config: ModelConfig) -> dict[str, Any]:
    """The size and special tokens a model built from a config takes from its tokenizer; an
    encoder-decoder's decoder starts from the beginning-of-text token (or, as T5's, the padding)."""
    special = {f"{name}_token_id": getattr(tokenizer, f"{name}_token_id") for name in ("bos", "eos", "pad")}
    if config.backbone == "seq2seq_lm":
        start = tokenizer.bos_token_id if tokenizer.bos_token_id is not None else tokenizer.pad_token_id
        special["decoder_start_token_id"] = start
    return {"vocab_size": len(tokenizer), **special}


def backbone_skeleton(config: ModelConfig) -> Backbone:
    """The backbone's modules without memory (meta tensors): for checking a config against it."""
    with torch.device("meta"):
        return build_backbone(config, pretrained=False)
