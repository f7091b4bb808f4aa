"""What a checkpoint holds, so that a resumed run continues exactly.

Rank 0 writes the shared state (model, optimizer, scheduler, sampler,
weighting, step); every rank writes its own RNG state (and under fsdp its
shards of the model and optimizer). Ray Train uploads all ranks' files into
one checkpoint directory.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import Tensor

from mtl_platform.tracking.run_directory import MODEL_FILE, SHARDED_MODEL_DIR, STATE_FILE, rng_file
from mtl_platform.train import sharding


def rng_state() -> dict[str, Any]:
    state = {"python": random.getstate(), "numpy": np.random.get_state(), "torch": torch.get_rng_state()}
    if torch.cuda.is_available():
        state["cuda"] = torch.cuda.get_rng_state_all()
    return state


def set_rng_state(state: dict[str, Any]) -> None:
    random.setstate(state["python"])
    np.random.set_state(state["numpy"])
    torch.set_rng_state(state["torch"])
    if "cuda" in state and torch.cuda.is_available():
        torch.cuda.set_rng_state_all(state["cuda"])


def save(directory: Path, rank: int, state: dict[str, Any] | None) -> None:
    """Write this rank's part; `state` (shared training state) only from rank 0. Under fsdp it
    holds no model and no optimizer: every rank wrote its shards of them (train/sharding.py)."""
    torch.save(rng_state(), directory / rng_file(rank))
    if state is not None:
        if "model" in state:
            torch.save(state["model"], directory / MODEL_FILE)  # on its own, to load a model without the rest
        torch.save({k: v for k, v in state.items() if k != "model"}, directory / STATE_FILE)


def load(directory: Path, rank: int) -> dict[str, Any]:
    state = torch.load(directory / STATE_FILE, map_location="cpu", weights_only=False)
    if (directory / MODEL_FILE).is_file():
        state["model"] = torch.load(directory / MODEL_FILE, map_location="cpu")
    own_rng = directory / rng_file(rank)
    if own_rng.exists():  # a resumed run may have more workers than the one that saved
        state["rng"] = torch.load(own_rng, weights_only=False)
    return state


def model_file(directory: Path, scratch: Path) -> Path:
    """The checkpoint's `model.pt`; for a sharded checkpoint, consolidated into `scratch`."""
    if (directory / MODEL_FILE).is_file() or not (directory / SHARDED_MODEL_DIR).is_dir():
        return directory / MODEL_FILE
    sharding.consolidate(directory, scratch / MODEL_FILE)
    return scratch / MODEL_FILE


def read_model(directory: Path) -> dict[str, Tensor]:
    """The model weights of a checkpoint, sharded or not."""
    with tempfile.TemporaryDirectory() as scratch:
        return torch.load(model_file(directory, Path(scratch)), map_location="cpu")
