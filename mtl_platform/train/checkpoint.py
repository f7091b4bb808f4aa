"""What a checkpoint holds, so that a resumed run continues exactly.

Rank 0 writes the shared state (model, optimizer, scheduler, sampler,
weighting, step); every rank writes its own RNG state. Ray Train uploads all
ranks' files into one checkpoint directory.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import torch

from mtl_platform.tracking.run_directory import MODEL_FILE, STATE_FILE, rng_file


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
    """Write this rank's part; `state` (shared training state) only from rank 0."""
    torch.save(rng_state(), directory / rng_file(rank))
    if state is not None:
        torch.save(state["model"], directory / MODEL_FILE)  # on its own, to load a model without the rest
        torch.save({k: v for k, v in state.items() if k != "model"}, directory / STATE_FILE)


def load(directory: Path, rank: int) -> dict[str, Any]:
    state = torch.load(directory / STATE_FILE, map_location="cpu", weights_only=False)
    state["model"] = torch.load(directory / MODEL_FILE, map_location="cpu")
    own_rng = directory / rng_file(rank)
    if own_rng.exists():  # a resumed run may have more workers than the one that saved
        state["rng"] = torch.load(own_rng, weights_only=False)
    return state
