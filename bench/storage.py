"""Run storage on an object store against a local disk: checkpoint save and restore, and the
metric journal's cost per step.

Both sides go through the same code a run uses: a checkpoint folder is written with
`Location.upload` (pyarrow.fs.copy_files, as Ray Train persists checkpoints) and read back with
Ray Train's `Checkpoint(uri).to_directory`; the journal is rank 0's `MetricJournal.append` of one
logged step (one part). The object store is SeaweedFS's S3 on loopback (started here, as the tests
do), or the one in --s3 with credentials from the environment. Prints seconds and MB/s of each
side and their ratios.

    .venv/bin/python bench/storage.py [--megabytes 270] [--rounds 3] [--appends 200] [--s3 s3://bucket/prefix]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.fs
import torch
from mlflow.entities import Metric
from ray.train import Checkpoint
from rich.console import Console
from rich.table import Table

from mtl_platform.tracking.journal import MetricJournal
from mtl_platform.tracking.storage import Location

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the tests' S3 server helper (tests/processes.py)
from tests.processes import free_s3_port, kill_tree, start_s3_server  # noqa: E402

METRICS_PER_STEP = 20  # a logged step of four tasks: losses, learning rate, gradient norms, ...


def median_seconds(action: Callable[[int], object], rounds: int) -> float:
    seconds = []
    for number in range(rounds):
        began = time.perf_counter()
        action(number)
        seconds.append(time.perf_counter() - began)
    return statistics.median(seconds)


def checkpoint_folder(directory: Path, megabytes: int) -> None:
    """What a checkpoint holds, by size: model weights, and the optimizer's two moments."""
    count = megabytes * 2**20 // 4 // 3
    torch.save({"weights": torch.randn(count)}, directory / "model.pt")
    torch.save({"exp_avg": torch.randn(count), "exp_avg_sq": torch.randn(count)}, directory / "state.pt")


def measure(root: Location, folder: Path, rounds: int, appends: int) -> dict[str, float]:
    save = median_seconds(lambda n: (root / f"checkpoint_{n}").upload(folder), rounds)

    def restore(n: int) -> None:
        with tempfile.TemporaryDirectory() as copy:
            Checkpoint(str(root / f"checkpoint_{n}")).to_directory(copy)

    load = median_seconds(restore, rounds)
    journal = MetricJournal(root / "metrics")
    step = [Metric(f"train/metric_{i}", 0.5, 0, 1) for i in range(METRICS_PER_STEP)]
    append = median_seconds(lambda n: journal.append(step), appends)
    began = time.perf_counter()
    assert len(journal.read()) == METRICS_PER_STEP * appends
    return {"save": save, "restore": load, "append": append, "read": time.perf_counter() - began}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=int, default=270, help="checkpoint size (MiniLM + AdamW: ~270)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--appends", type=int, default=200, help="journal parts written (logged steps)")
    parser.add_argument("--s3", help="an S3 prefix to use instead of a SeaweedFS started here")
    args = parser.parse_args()
    console = Console()
    server = None
    with tempfile.TemporaryDirectory() as scratch:
        if args.s3 is None:
            port = free_s3_port()
            os.environ.update(
                AWS_ENDPOINT_URL=f"http://127.0.0.1:{port}",
                AWS_ACCESS_KEY_ID="bench",
                AWS_SECRET_ACCESS_KEY="bench-secret",
                AWS_REGION="us-east-1",
            )
            server = start_s3_server(Path(scratch, "s3"), port, "bench", "bench-secret")
            endpoint = os.environ["AWS_ENDPOINT_URL"]
            pyarrow.fs.S3FileSystem(endpoint_override=endpoint, allow_bucket_creation=True).create_dir("bench")
        try:
            folder = Path(scratch, "checkpoint")
            folder.mkdir()
            checkpoint_folder(folder, args.megabytes)
            megabytes = sum(f.stat().st_size for f in folder.iterdir()) / 2**20
            local = measure(Location.of(Path(scratch, "local")), folder, args.rounds, args.appends)
            remote = measure(Location.of(args.s3 or "s3://bench/run"), folder, args.rounds, args.appends)
        finally:
            if server is not None:
                kill_tree(server)
    table = Table(title=f"checkpoint of {megabytes:.0f} MB; journal parts of {METRICS_PER_STEP} metrics")
    for column in ("", "local disk", "S3 (loopback)", "S3 / local"):
        table.add_column(column, justify="right")
    rows = [
        ("checkpoint save s (MB/s)", local["save"], remote["save"], megabytes),
        ("checkpoint restore s (MB/s)", local["restore"], remote["restore"], megabytes),
        ("journal ms per logged step", local["append"] * 1000, remote["append"] * 1000, None),
        (f"journal read of {args.appends} parts s", local["read"], remote["read"], None),
    ]
    for label, on_disk, on_s3, size in rows:
        cells = [f"{v:.2f}" + (f" ({size / v:.0f})" if size else "") for v in (on_disk, on_s3)]
        table.add_row(label, *cells, f"{on_s3 / on_disk:.1f}x")
    console.print(table)


if __name__ == "__main__":
    main()
