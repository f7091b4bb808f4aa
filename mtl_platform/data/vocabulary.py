"""A byte-level BPE vocabulary trained on a job's own texts.

For a language model trained from scratch on languages its tokenizer does not cover (the
packaged MiniLM's is uncased English WordPiece that strips accents: German, French and Czech
targets would lose letters). Hugging Face `tokenizers` trains it, byte-level so that no text is
ever unknown and decoding gives back the raw text; it is saved as a `transformers` tokenizer
directory (`mtl vocabulary FILES --out DIR`) that `model.tokenizer` names and that the logged
model carries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import PreTrainedTokenizerFast

SPECIAL_TOKENS = {"bos_token": "<s>", "eos_token": "</s>", "pad_token": "<pad>"}


def train_vocabulary(texts: Iterable[str], size: int) -> PreTrainedTokenizerFast:
    """A byte-level BPE of at most `size` tokens (the 256 bytes and the special tokens included)."""
    bpe = Tokenizer(models.BPE())
    bpe.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    bpe.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=size,
        special_tokens=list(SPECIAL_TOKENS.values()),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator(texts, trainer=trainer)
    return PreTrainedTokenizerFast(tokenizer_object=bpe, **SPECIAL_TOKENS)


def save_vocabulary(files: list[Path], size: int, directory: Path) -> PreTrainedTokenizerFast:
    """`train_vocabulary` on the lines of `files` (UTF-8 text, e.g. the train side of every language
    of a parallel corpus), saved to `directory`."""

    def lines() -> Iterator[str]:
        for file in files:
            with file.open(encoding="utf-8") as handle:
                yield from (line.rstrip("\n") for line in handle)

    tokenizer = train_vocabulary(lines(), size)
    tokenizer.save_pretrained(directory)
    return tokenizer
