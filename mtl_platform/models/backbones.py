"""Shared encoders: any Hugging Face AutoModel, or a small BiLSTM over the same token ids.

Both map (input_ids, attention_mask) to one feature vector per token.
"""

from __future__ import annotations

from torch import Tensor, nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence
from transformers import AutoModel

from mtl_platform.config import ModelConfig
from mtl_platform.data.tokenize import load_tokenizer, resolve_pretrained


class TransformerBackbone(nn.Module):
    def __init__(self, name_or_path: str):
        super().__init__()
        self.encoder = AutoModel.from_pretrained(resolve_pretrained(name_or_path))
        self.hidden_size = int(self.encoder.config.hidden_size)

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        return self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state


class BiLSTMBackbone(nn.Module):
    """Embedding + bidirectional LSTM: the classic shared encoder, cheap enough for sweeps.

    Sequences are packed, so padding never reaches the LSTM and a sequence's
    features do not depend on how long the other sequences in its batch are.
    """

    def __init__(
        self, vocab_size: int, pad_id: int, embedding_dim: int, hidden_size: int, num_layers: int, dropout: float
    ):
        super().__init__()
        self.embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=pad_id)
        self.lstm = nn.LSTM(
            embedding_dim,
            hidden_size,
            num_layers=num_layers,
            dropout=dropout if num_layers > 1 else 0.0,
            bidirectional=True,
            batch_first=True,
        )
        self.hidden_size = 2 * hidden_size

    def forward(self, input_ids: Tensor, attention_mask: Tensor) -> Tensor:
        lengths = attention_mask.sum(1).clamp(min=1).cpu()
        packed = pack_padded_sequence(self.embedding(input_ids), lengths, batch_first=True, enforce_sorted=False)
        output, _ = self.lstm(packed)
        features, _ = pad_packed_sequence(output, batch_first=True, total_length=input_ids.shape[1])
        return features


def build_backbone(config: ModelConfig) -> nn.Module:
    if config.backbone == "transformer":
        return TransformerBackbone(config.name_or_path)
    tokenizer = load_tokenizer(config)
    lstm = config.lstm
    return BiLSTMBackbone(
        len(tokenizer), tokenizer.pad_token_id or 0, lstm.embedding_dim, lstm.hidden_size, lstm.num_layers, lstm.dropout
    )
