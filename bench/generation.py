"""Generative multi-task training: tokens/s and peak memory of three translation directions
trained together (mixed batches) against one direction alone, and of an adapter per direction
(per-task LoRA, each row of a mixed batch routed to its adapter in one pass) against one shared
model.

jobs/translate_multi30k.yaml (a GPT-2-style decoder from a config, the shipped Multi30K
sample), one process, the same model and batch size in both cases, each case in a fresh
subprocess so that its peak memory is its own (CUDA allocator peak on a GPU, else the
resident set). Tokens are those of the step's batches (prompt + target, no padding).
What decoding at evaluation costs depends on how long the trained model's outputs are, so it
is measured in real runs instead: each evaluation logs `perf/eval_seconds` and
`perf/eval_share` (its share of the time since the previous one).

    .venv/bin/python bench/generation.py [--steps N] [--batch-size B]
"""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

import torch
from timing import in_own_process, median_step_seconds

from mtl_platform.config import apply_overrides, read_yaml, validate_job
from mtl_platform.train.loop import Training, peak_memory_mb

REPO = Path(__file__).resolve().parents[1]
JOB = REPO / "jobs/translate_multi30k.yaml"
DIRECTIONS = ("en_de", "en_fr", "en_cs")
LORA = "model.sharing={scheme: lora, rank: 8, target_modules: [c_attn], freeze_base: false}"
CASES = {  # the tasks, and what else changes
    "3 directions, mixed batches": (DIRECTIONS, []),
    "1 direction (en_de)": (("en_de",), []),
    "3 directions, LoRA each, mixed": (DIRECTIONS, [LORA]),
}


def measure(case: str, steps: int, batch_size: int) -> dict[str, float]:
    data = read_yaml(JOB)
    names, changes = CASES[case]
    data["tasks"] = [task for task in data["tasks"] if task["name"] in names]
    overrides = ["trainer.sampling.mixed=true", "scaling.num_workers=1", f"trainer.batch_size={batch_size}", *changes]
    job = validate_job(apply_overrides(data, overrides), JOB.parent, str(JOB))
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    training = Training.build(job)
    training.model.to(device).train()
    tokens: list[int] = []
    draw = training.next_batches

    def counted(where: torch.device) -> dict[str, dict[str, torch.Tensor]]:  # the step's tokens, as it draws them
        batches = draw(where)
        distinct = {id(batch["input_ids"]): batch for batch in batches.values()}  # a mixed batch's views share it
        tokens.append(sum(int(batch["attention_mask"].sum()) for batch in distinct.values()))
        return batches

    training.next_batches = counted  # type: ignore[method-assign]
    seconds = median_step_seconds(lambda number: training.train_step(training.model, device, number), steps, device)
    per_step = sum(tokens) / len(tokens)
    return {
        "seconds": seconds,
        "tokens_per_step": per_step,
        "tokens_per_s": per_step / seconds,
        "peak_mb": peak_memory_mb(device),
        "device": str(device),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.one:
        print(json.dumps(measure(args.one, args.steps, args.batch_size)))
        return
    results = {}
    for case in CASES:
        results[case] = row = in_own_process(
            __file__, ["--steps", str(args.steps), "--batch-size", str(args.batch_size), "--one", case]
        )
        print(
            f"{case:28s} on {row['device']}: {row['tokens_per_s']:8.0f} tokens/s "
            f"({row['tokens_per_step']:.0f} a step, {row['seconds'] * 1000:.0f} ms), "
            f"peak {row['peak_mb']:6.0f} MB",
            flush=True,
        )
    multi, single, lora = results.values()
    print(
        f"multi-task / single-task: tokens/s {multi['tokens_per_s'] / single['tokens_per_s']:.2f}x (target >= 0.9), "
        f"peak memory {multi['peak_mb'] / single['peak_mb']:.2f}x; per-task LoRA (one routed pass) / hard sharing: "
        f"tokens/s {lora['tokens_per_s'] / multi['tokens_per_s']:.2f}x"
    )


if __name__ == "__main__":
    main()
