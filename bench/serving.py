"""What the logged model costs: logging it, its size, and predict() on raw texts against the bare model.

jobs/quickstart.yaml (SST-2, STS-B, CoNLL on MiniLM) with its untrained weights
(speed does not depend on them): the model is logged with `log_model` into a
temporary SQLite store, loaded back by its models:/ URI, and asked for every
task's prediction on N SST-2 dev sentences (each its own pair too, so that
pair tasks predict). The baseline is the in-memory model's
forward passes on the same sentences, tokenized beforehand (what a hand-written
serving loop would at least do); the ratio shows what tokenizing and decoding
inside predict() add. One process, one thread per core.

    .venv/bin/python bench/serving.py [JOB.yaml] [--texts N]
"""

from __future__ import annotations

import argparse
import csv
import logging
import tempfile
import time
from pathlib import Path

import mlflow
import pandas as pd
import torch
from mlflow.tracking import MlflowClient

from mtl_platform.config import load_job
from mtl_platform.models.multitask import build_model
from mtl_platform.serving.model import BATCH_SIZE, log_model
from mtl_platform.tasks import build_tasks
from mtl_platform.tasks.tokenizers import load_tokenizer
from mtl_platform.tracking.redact import job_to_yaml

REPO = Path(__file__).resolve().parents[1]


def bare_forward_seconds(model: torch.nn.Module, batches: dict[str, list[dict[str, torch.Tensor]]]) -> float:
    with torch.no_grad():
        began = time.perf_counter()
        for task, task_batches in batches.items():
            for batch in task_batches:
                model({task: batch})
        return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("job", nargs="?", default=str(REPO / "jobs/quickstart.yaml"))
    parser.add_argument("--texts", type=int, default=256)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    job = load_job(args.job)
    sst2 = next(t for t in job.tasks if t.name == "sst2")
    with open(sst2.data.dev, newline="") as handle:
        texts = [row["sentence"] for row in csv.DictReader(handle, delimiter="\t")][: args.texts]

    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        torch.manual_seed(0)
        tasks = build_tasks(job)
        model = build_model(job, tasks).eval()
        torch.save(model.state_dict(), root / "model.pt")
        (root / "job.yaml").write_text(job_to_yaml(job))
        client = MlflowClient(f"sqlite:///{root / 'mlflow.db'}")
        run_id = client.create_run(client.create_experiment("bench", (root / "artifacts").as_uri())).info.run_id
        began = time.perf_counter()
        model_id = log_model(client, run_id, job, root / "job.yaml", root / "model.pt")
        log_seconds = time.perf_counter() - began
        size_mb = sum(p.stat().st_size for p in (root / "artifacts").rglob("*") if p.is_file()) / 2**20

        mlflow.set_tracking_uri(client.tracking_uri)
        loaded = mlflow.pyfunc.load_model(f"models:/{model_id}")
        frame = pd.DataFrame({"text": texts, "text_pair": texts})  # pairs, so that pair tasks predict too
        loaded.predict(frame.head(4))  # warm-up
        began = time.perf_counter()
        predictions = loaded.predict(frame)
        predict_seconds = time.perf_counter() - began

        tokenizer = load_tokenizer(job.model)
        batches = {
            name: [
                dict(
                    tokenizer(
                        texts[i : i + BATCH_SIZE],
                        texts[i : i + BATCH_SIZE] if task.config.data.text_pair_column else None,
                        padding=True,
                        truncation=True,
                        max_length=job.model.max_length,
                        return_tensors="pt",
                    )
                )
                for i in range(0, len(texts), BATCH_SIZE)
            ]
            for name, task in tasks.items()
        }
        bare_forward_seconds(model, {name: b[:1] for name, b in batches.items()})  # warm-up
        bare_seconds = bare_forward_seconds(model, batches)
    assert len(predictions) == len(texts)
    print(f"log_model: {log_seconds:.2f} s, logged model {size_mb:.1f} MiB")
    print(f"predict() on {len(texts)} texts, {len(tasks)} tasks: {len(texts) / predict_seconds:.1f} texts/s")
    print(f"bare forward passes on pre-tokenized batches: {len(texts) / bare_seconds:.1f} texts/s")
    print(f"predict time / bare forward time: {predict_seconds / bare_seconds:.2f}x")


if __name__ == "__main__":
    main()
