"""Does a multi-task backbone give a better start for a task it never saw?

Under the quality protocol (bench/quality.py's budgets): for each seed, train
jobs/transfer/source.yaml (SST-2 + STS-B + CoNLL-2003 together, every task the budget's batches),
then AG News (jobs/transfer/agnews.yaml) twice on the same budget: from that run's model
(`model.init_from`) and from the backbone's own start (the pretrained MiniLM; for the BiLSTM, its
random initialization). Checkpoints are chosen on validation and dev is reported; the gain is
paired by seed with its 95% t-interval, and each AG News curve gets the plateau verdict. Writes
transfer.json and transfer.md into --output, and logs one figure with the first seed's curves (a
run tagged mtl.report, which `mtl report` skips).

    .venv/bin/python bench/transfer.py                                # bilstm-cpu, 3 seeds (~10 min on 2 cores)
    .venv/bin/python bench/transfer.py --budget minilm-cpu --seeds 0  # MiniLM, one seed
    .venv/bin/python bench/transfer.py --budget full                  # the job files as they are (GPU cluster)

Paths assume ../shared/data beside the clone.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from mlflow.tracking import MlflowClient
from quality import BUDGETS
from rich.console import Console

from mtl_platform.analysis.baselines import convergence
from mtl_platform.analysis.protocol import ResultRow, summarize, write_results
from mtl_platform.analysis.report import REPORT_TAG
from mtl_platform.config import JobConfig, load_job, read_yaml
from mtl_platform.tracking.delta_m import relative_gain
from mtl_platform.tracking.mlflow_store import create_run, tracking_uri
from mtl_platform.train.trainer import run_job

REPO = Path(__file__).resolve().parents[1]
SOURCE, TARGET = REPO / "jobs/transfer/source.yaml", REPO / "jobs/transfer/agnews.yaml"
TASK, METRIC = "agnews", "accuracy"
FROM_SOURCE = "from-multitask"


def budget_job(path: Path, budget: str, steps: int | None, extra: list[str]) -> JobConfig:
    """The job file under the budget's overrides (those of its own tasks), `steps` batches a task."""
    names = [t["name"] for t in read_yaml(path)["tasks"]]
    own = [o for o in BUDGETS[budget]["overrides"] if not o.startswith("tasks.") or o.split(".")[1] in names]
    size = [f"trainer.max_steps={steps}", f"trainer.eval_every={max(1, steps // 10)}"] if steps else []
    return load_job(path, [*own, *size, *extra])


def curve(client: MlflowClient, run_id: str) -> dict[int, float]:
    return {m.step: m.value for m in client.get_metric_history(run_id, f"dev/{TASK}/{METRIC}")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", choices=sorted(BUDGETS), default="bilstm-cpu")
    parser.add_argument("--seeds", help="comma-separated (default: the budget's, or 0,1,2)")
    parser.add_argument("--output", type=Path, default=REPO / "bench/results", help="where transfer.json/.md go")
    parser.add_argument("-o", "--override", action="append", default=[], help="key=value for every job")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    console = Console()
    started = time.perf_counter()
    budget = BUDGETS[args.budget]
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else budget["seeds"] or [0, 1, 2]
    experiment = [f"tracking.experiment=transfer-{args.budget}", *args.override]
    own_start = "from-scratch" if "model.backbone=bilstm" in budget["overrides"] else "from-pretrained"

    rows, plateaus, curves, uri, source_runs = [], {}, {}, "", {}
    for seed in seeds:
        seeded = [f"trainer.seed={seed}", *experiment]
        together = [*seeded, "trainer.sampling.strategy=all_tasks"]
        source = run_job(budget_job(SOURCE, args.budget, budget["steps"], together))
        source_runs[seed] = source.run_id
        console.print(f"[{time.perf_counter() - started:5.0f} s] seed {seed}: multi-task source run {source.run_id}")
        for start, init in ((FROM_SOURCE, [f"model.init_from={source.run_id}"]), (own_start, [])):
            named = [*seeded, *init, f"tracking.run_name=agnews-{start}"]
            job = budget_job(TARGET, args.budget, budget["steps"], named)
            result = run_job(job)
            uri = result.tracking_uri
            client = MlflowClient(uri)
            step = int(result.metrics["selected/step"])
            rows.append(ResultRow(start, seed, TASK, METRIC, result.metrics[f"selected/dev/{TASK}/{METRIC}"], step))
            plateaus[f"{start}/seed{seed}"] = asdict(convergence(client, result.run_id, job).plateau)
            if seed == seeds[0]:
                curves[start] = curve(client, result.run_id)
            console.print(f"[{time.perf_counter() - started:5.0f} s] seed {seed}: AG News {start}: run {result.run_id}")

    score = {(r.config, r.seed): r.value for r in rows}
    gain = summarize({s: relative_gain(score[FROM_SOURCE, s], score[own_start, s], METRIC, TASK) for s in seeds})
    document = {
        "budget": {
            "name": args.budget,
            "seeds": seeds,
            "batches_per_task": budget["steps"],
            "overrides": budget["overrides"],
        },
        "source_runs": source_runs,
        "rows": [asdict(r) for r in rows],
        "gain_percent": asdict(gain),
        "plateau": plateaus,
    }
    write_results(document, markdown(document, own_start), args.output, "transfer")
    console.print(markdown(document, own_start))
    log_figure(MlflowClient(tracking_uri(uri)), curves, f"transfer-{args.budget}", source_runs[seeds[0]])


def markdown(document: dict, own_start: str) -> str:
    """transfer.md: AG News dev accuracy from each start, per seed, the paired gain and the plateaus."""
    by_seed: dict[int, dict[str, float]] = {}
    for row in document["rows"]:
        by_seed.setdefault(row["seed"], {})[row["config"]] = row["value"]
    gain = document["gain_percent"]
    spread = f" ± {gain['std']:.2f}" if gain["std"] is not None else ""
    interval = f" [{gain['ci95'][0]:+.2f}, {gain['ci95'][1]:+.2f}]" if gain["ci95"] else ""
    return "\n".join(
        [
            f"# AG News from a multi-task backbone ({document['budget']['name']})",
            "",
            "Dev accuracy of the checkpoint chosen on validation; both starts train the same batches. "
            "Written by bench/transfer.py.",
            "",
            f"| seed | {FROM_SOURCE} | {own_start} |",
            "|---|---|---|",
            *(f"| {seed} | {s[FROM_SOURCE]:.4f} | {s[own_start]:.4f} |" for seed, s in sorted(by_seed.items())),
            "",
            f"Gain of {FROM_SOURCE} over {own_start}: {gain['mean']:+.2f}%{spread}{interval} "
            f"over seeds {gain['seeds']}.",
            "",
            "Plateau (best of the last 20% of validation evaluations minus best before): "
            + ", ".join(
                f"{name} {p['gain']:+.4f} ({'flat' if p['plateaued'] else 'still rising'})"
                for name, p in document["plateau"].items()
            ),
            "",
        ]
    )


def log_figure(client: MlflowClient, curves: dict[str, dict[int, float]], experiment: str, source: str) -> None:
    """Both dev curves of the first seed in one figure, on a run `mtl report` skips."""
    run_id = create_run(client, experiment, "transfer-comparison", tags={REPORT_TAG: "transfer", "mtl.source": source})
    figure, axes = plt.subplots(figsize=(6, 4))
    for label, points in curves.items():
        axes.plot(sorted(points), [points[s] for s in sorted(points)], marker=".", label=label)
    axes.set_xlabel("step")
    axes.set_ylabel(f"dev/{TASK}/{METRIC}")
    axes.legend()
    axes.grid(alpha=0.3)
    with tempfile.TemporaryDirectory() as directory:
        figure.savefig(Path(directory) / "transfer_agnews.png", dpi=120)
        client.log_artifacts(run_id, directory, "plots")
    client.set_terminated(run_id)


if __name__ == "__main__":
    main()
