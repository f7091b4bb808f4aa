"""The quality benchmark: does training SST-2, STS-B, CoNLL-2003 and AG News together help?

The protocol (README, "Did multi-task training help?"), with the platform's own tools:
(a) equal data: every task sees the same number of its examples alone and together (the
    baselines come from `mtl baseline`'s rule, analysis/baselines.py), and so equal compute in
    batches, reported with the wall time and the parameters each side needs;
(b) a converged budget: every baseline's validation curve is checked for a plateau over its last
    20% of steps, and the verdict is written down, not assumed;
(c) checkpoints chosen on a validation split carved from train; dev only reported;
(d) several seeds, Δm paired by seed with its 95% interval;
(d') the baselines get a learning-rate search too (STL_VARIANTS), chosen per task and seed on
    validation, since the recipes' ablations search the learning rate;
(e) ablations of the multi-task recipe, the best one chosen on validation Δm ("sweep-best");
(f) auxiliary-task mode: for each task as the target, every other task as its one partner
    (first seed), the partner with the best validation score of the target kept and trained on
    every seed.

    .venv/bin/python bench/quality.py                      # the CPU budget: BiLSTM, 3 seeds (~2.5 h on 2 cores)
    .venv/bin/python bench/quality.py --budget minilm-cpu  # MiniLM, fewer steps, one seed
    .venv/bin/python bench/quality.py --budget full        # jobs/bench/glue_ner.yaml as it is (GPU cluster)

Writes quality.json and quality.md into --output (bench/results). Finished runs are kept in
--output's runs.jsonl, so a stopped benchmark continues where it was. The data paths assume
../shared/data beside the clone (override with MTL_SHARED_DATA).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from mlflow.tracking import MlflowClient
from rich.console import Console

from mtl_platform.analysis.baselines import baseline_jobs, convergence
from mtl_platform.analysis.protocol import (
    PLATEAU_FRACTION,
    PLATEAU_TOLERANCE,
    STL,
    ResultRow,
    markdown_table,
    paired_gain,
    results_document,
    scores_by_seed,
    write_results,
)
from mtl_platform.config import JobConfig, load_job
from mtl_platform.tasks import main_metrics
from mtl_platform.tracking.delta_m import BASELINE_TAG, relative_gain
from mtl_platform.train.trainer import run_job

REPO = Path(__file__).resolve().parents[1]
JOB = REPO / "jobs/bench/glue_ner.yaml"
TASKS = ("sst2", "stsb", "conll", "agnews")
ONE_TASK = "trainer.sampling.strategy=uniform"  # one task's batch a step: T × the steps for equal data
BUDGETS: dict[str, dict[str, Any]] = {
    # 2 CPU cores: a BiLSTM on 4,000 training examples of each task (all of STS-B's 5,749: its
    # files are sorted by genre, so a prefix would train on captions and evaluate on forums), 3 seeds.
    "bilstm-cpu": {
        # 500 batches left the SST-2 and CoNLL baselines rising (their last 20% gained +0.008 to
        # +0.030 on validation, all 3 seeds): not a converged budget.
        "steps": 1000,
        "seeds": [0, 1, 2],
        "overrides": [
            "model.backbone=bilstm",
            "model.tokenizer=minilm",
            "model.max_length=48",
            "model.lstm.embedding_dim=64",
            "model.lstm.hidden_size=64",
            "trainer.batch_size=32",
            "trainer.lr=5.0e-3",
            "trainer.warmup_steps=0",
            "trainer.validation_fraction=0.1",
            "scaling.num_workers=1",
            "scaling.cpus_per_worker=2",
            "scaling.use_gpu=false",
            "tracking.system_metrics=false",
            *(f"tasks.{t}.max_train_examples=4000" for t in TASKS if t != "stsb"),
            *(f"tasks.{t}.max_eval_examples=1000" for t in TASKS if t != "stsb"),
        ],
    },
    # 2 CPU cores: MiniLM on 2,000 examples a task, one seed (a smaller claim: say so).
    "minilm-cpu": {
        "steps": 200,
        "seeds": [0],
        "overrides": [
            "model.max_length=48",
            "trainer.batch_size=16",
            "trainer.lr=5.0e-5",
            "trainer.warmup_steps=20",
            "trainer.validation_fraction=0.1",
            "scaling.num_workers=1",
            "scaling.cpus_per_worker=2",
            "scaling.use_gpu=false",
            "tracking.system_metrics=false",
            *(f"tasks.{t}.max_train_examples=2000" for t in TASKS if t != "stsb"),
            *(f"tasks.{t}.max_eval_examples=500" for t in TASKS if t != "stsb"),
        ],
    },
    # The job file as it is: 3,000 batches of each task, 3 seeds, 4 GPU workers.
    "full": {"steps": None, "seeds": None, "overrides": []},
}
# The multi-task recipes compared (and the ablations of what might make them lose): each name says
# what it is; every one gives each task the baselines' number of batches.
CONFIGS: dict[str, list[str]] = {
    "mtl-equal-all_tasks": ["trainer.sampling.strategy=all_tasks"],
    "mtl-equal-uniform": [ONE_TASK],
    "mtl-equal-uniform-mixed": [ONE_TASK, "trainer.sampling.mixed=true"],
    "mtl-equal-uniform-normalized": [ONE_TASK, "tasks.stsb.normalize_targets=true"],
    "mtl-equal-uniform-noclip": [ONE_TASK, "trainer.grad_clip=null"],
    "mtl-famo-all_tasks": ["trainer.sampling.strategy=all_tasks", "weighting={method: famo}"],
    # The best recipe's learning rate (halved, doubled), a warm-up over its first 10% of steps, and 4x on the heads.
    "mtl-equal-uniform-normalized-lr2.5e-3": [ONE_TASK, "tasks.stsb.normalize_targets=true", "trainer.lr=2.5e-3"],
    "mtl-equal-uniform-normalized-lr1e-2": [ONE_TASK, "tasks.stsb.normalize_targets=true", "trainer.lr=1.0e-2"],
    "mtl-equal-uniform-normalized-warmup": [ONE_TASK, "tasks.stsb.normalize_targets=true", "trainer.warmup_steps=100"],
    "mtl-equal-uniform-normalized-headlr4x": [ONE_TASK, "tasks.stsb.normalize_targets=true", "trainer.head_lr=2.0e-2"],
}
AUXILIARY_RECIPE = [ONE_TASK]
# The baselines get the learning-rate search the recipes get: each task's baseline, seed by seed,
# is the run (the budget's learning rate, or one of these) with the better validation score.
STL_VARIANTS: dict[str, list[str]] = {"stl-lr1e-2": ["trainer.lr=1.0e-2"]}
BUDGET_STL = "stl-budget-lr"  # the baselines at the budget's own learning rate


def pair(target: str, partner: str) -> list[str]:
    """The auxiliary-task job of `target` with one `partner`."""
    return [*AUXILIARY_RECIPE, f"only_tasks=[{target}, {partner}]", f"target={target}"]


def data_paths() -> list[str]:
    """Point the job at MTL_SHARED_DATA when it is set (CI, or data kept elsewhere)."""
    shared = os.environ.get("MTL_SHARED_DATA")
    if not shared:
        return []
    return [
        f"tasks.sst2.data.train={shared}/SST-2/train.tsv",
        f"tasks.sst2.data.dev={shared}/SST-2/dev.tsv",
        f"tasks.stsb.data.train={shared}/STS-B/train.tsv",
        f"tasks.stsb.data.dev={shared}/STS-B/dev.tsv",
        f"tasks.conll.data.train={shared}/conll2003/train.txt",
        f"tasks.conll.data.dev={shared}/conll2003/valid.txt",
        f"tasks.agnews.data.train={shared}/ag_news/alps_agnews/dev.tsv",
        f"tasks.agnews.data.dev.train={shared}/ag_news/test.csv",
    ]


class Bench:
    """Runs the protocol's jobs once each, remembering finished ones in runs.jsonl."""

    def __init__(self, base: list[str], steps: int, output: Path, console: Console):
        self.base, self.steps, self.console = base, steps, console
        self.reference = load_job(JOB, [*base, f"trainer.max_steps={steps}", "trainer.sampling.strategy=all_tasks"])
        self.main = main_metrics(self.reference)
        self.journal = output / "runs.jsonl"
        self.done = {}
        if self.journal.exists():
            for line in self.journal.read_text().splitlines():
                entry = json.loads(line)
                if entry.get("steps_per_task") == steps:  # a run of another budget is not this one's
                    self.done[(entry["config"], entry["seed"], tuple(entry["tasks"]))] = entry
        self.started = time.perf_counter()

    def job(self, overrides: list[str], seed: int) -> JobConfig:
        """The reference job (one task's budget of batches each) under `overrides`, on `seed`;
        a one-task sampler gets T × the steps (and evaluations T × apart), so the data stays equal."""
        job = load_job(JOB, [*self.base, *overrides, f"trainer.seed={seed}", "trainer.seeds=null"])
        per_step = 1 if job.trainer.sampling.strategy == "all_tasks" else len(job.tasks)
        trainer = self.reference.trainer
        scale = [
            f"trainer.max_steps={trainer.max_steps * per_step}",
            f"trainer.eval_every={trainer.eval_every * per_step}",
            f"trainer.warmup_steps={trainer.warmup_steps * per_step}",
        ]
        return load_job(JOB, [*self.base, *scale, *overrides, f"trainer.seed={seed}", "trainer.seeds=null"])

    def run(self, config: str, seed: int, job: JobConfig, tags: dict[str, str] | None = None) -> dict[str, Any]:
        """Train `job` as `config`'s seed `seed` (or read it back if it was trained already)."""
        key = (config, seed, tuple(job.task_names()))
        if key in self.done:
            return self.done[key]
        result = run_job(job, tags=tags)
        client = MlflowClient(result.tracking_uri)
        run = client.get_run(result.run_id)
        entry = {
            "config": config,
            "seed": seed,
            "steps_per_task": self.steps,
            "run_id": result.run_id,
            "tasks": job.task_names(),
            "metrics": {k: v for k, v in result.metrics.items() if k.startswith("selected/")},
            "batches": job.trainer.max_steps * (len(job.tasks) if job.trainer.sampling.strategy == "all_tasks" else 1),
            "seconds": (run.info.end_time - run.info.start_time) / 1000,
            "params": int(float(run.data.params.get("params/total", 0))),
        }
        if BASELINE_TAG in (tags or {}):
            check = convergence(client, result.run_id, job)
            entry["plateau"] = {"curve": check.metric, **asdict(check.plateau)}
        with self.journal.open("a") as handle:
            handle.write(json.dumps(entry) + "\n")
        self.done[key] = entry
        self.console.print(f"[{time.perf_counter() - self.started:6.0f} s] {config} seed {seed}: {job.task_names()}")
        return entry


def rows_of(entry: dict[str, Any], main: dict[str, str], config: str | None = None) -> list[ResultRow]:
    """The dev and validation scores of the checkpoint a run kept, one row a task."""
    metrics, step = entry["metrics"], int(entry["metrics"].get("selected/step", 0))
    return [
        ResultRow(config or entry["config"], entry["seed"], task, main[task], metrics[key], step, split)
        for task in entry["tasks"]
        for split in ("dev", "validation")
        if (key := f"selected/{split}/{task}/{main[task]}") in metrics
    ]


def tuned_baselines(rows: list[ResultRow]) -> list[ResultRow]:
    """The rows with the baselines as `stl`: for each task and seed, the dev and validation rows of
    the baseline run (of BUDGET_STL or a variant) with the better validation score."""
    candidates = [BUDGET_STL, *STL_VARIANTS]
    validation = {c: scores_by_seed(rows, c, "validation") for c in candidates}
    best = {
        (seed, task): max(
            (c for c in candidates if task in validation[c].get(seed, {})),
            key=lambda c: validation[c][seed][task],
        )
        for seed, scores in validation[BUDGET_STL].items()
        for task in scores
    }
    chosen = [
        ResultRow(**{**asdict(r), "config": STL})
        for r in rows
        if r.config in candidates and best.get((r.seed, r.task)) == r.config
    ]
    return [*chosen, *rows]  # the reference first


def pairings(tasks: list[str]) -> list[list[tuple[str, str]]]:
    """Every split of an even number of tasks into pairs (none for an odd number)."""
    if not tasks:
        return [[]]
    first, rest = tasks[0], tasks[1:]
    return [[(first, p), *more] for i, p in enumerate(rest) for more in pairings(rest[:i] + rest[i + 1 :])]


def grouping_check(rows: list[ResultRow], main: dict[str, str], seed: int) -> dict[str, Any]:
    """The grouping check for groups of two, from the auxiliary runs of `seed`: each task's dev gain
    (%) with each partner (from the run that chose its checkpoint on that task), and every split of
    the tasks into pairs with its Δm (each task scored by its pair's model)."""
    alone = scores_by_seed(rows, STL).get(seed, {})
    gains: dict[str, dict[str, float]] = {}
    for target, partner in ((t, p) for t in main for p in main if p != t):
        scores = scores_by_seed(rows, f"aux-{target}+{partner}").get(seed, {})
        if target in scores and target in alone:
            gain = relative_gain(scores[target], alone[target], main[target], target)
            gains.setdefault(target, {})[partner] = gain
    groupings = []
    for pairs in pairings(list(main)):
        both_ways = [*pairs, *((b, a) for a, b in pairs)]
        if all(b in gains.get(a, {}) for a, b in both_ways):
            score = statistics.fmean(gains[a][b] for a, b in both_ways)
            groupings.append({"groups": [list(g) for g in pairs], "delta_m": score})
    return {"seed": seed, "gain_percent": gains, "groupings": sorted(groupings, key=lambda g: -g["delta_m"])}


def compute(entries: list[dict[str, Any]]) -> dict[str, Any]:
    """Per configuration: batches, seconds and parameters of one seed (the mean over seeds)."""
    by_config: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        by_config.setdefault(entry["config"], []).append(entry)
    summary = {}
    for config, runs in by_config.items():
        seeds = {e["seed"] for e in runs}
        summary[config] = {
            "batches_per_seed": sum(e["batches"] for e in runs) / len(seeds),
            "seconds_per_seed": round(sum(e["seconds"] for e in runs) / len(seeds), 1),
            "parameters": sum(e["params"] for e in runs) // len(seeds),
        }
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget", choices=sorted(BUDGETS), default="bilstm-cpu")
    parser.add_argument("--steps", type=int, help="batches of each task (default: the budget's)")
    parser.add_argument("--seeds", help="comma-separated (default: the budget's)")
    parser.add_argument("--configs", default=",".join(CONFIGS), help="multi-task configurations, comma-separated")
    parser.add_argument("--no-auxiliary", action="store_true", help="skip the auxiliary-task part")
    parser.add_argument("--output", type=Path, default=REPO / "bench/results", help="where quality.json/.md go")
    parser.add_argument("-o", "--override", action="append", default=[], help="key=value for every job")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    console = Console()
    budget = BUDGETS[args.budget]
    plain = load_job(JOB, data_paths())
    steps = args.steps or budget["steps"] or plain.trainer.max_steps
    seeds = [int(s) for s in args.seeds.split(",")] if args.seeds else budget["seeds"] or plain.trainer.seeds
    experiment = f"glue-ner-quality-{args.budget}"
    evaluations = [f"trainer.eval_every={max(1, steps // 10)}"] if budget["steps"] or args.steps else []
    base = [*data_paths(), *budget["overrides"], *evaluations, f"tracking.experiment={experiment}", *args.override]
    (args.output / args.budget).mkdir(parents=True, exist_ok=True)
    bench = Bench(base, steps, args.output / args.budget, console)
    entries = []

    # Baselines: each task alone, as many batches as each multi-task recipe gives it, at the
    # budget's learning rate (journaled as `stl`) and at each of STL_VARIANTS'.
    for variant, overrides in {STL: [], **STL_VARIANTS}.items():
        for seed in seeds:
            for baseline in baseline_jobs(bench.job(["trainer.sampling.strategy=all_tasks", *overrides], seed)):
                entries.append(bench.run(variant, seed, baseline, tags={BASELINE_TAG: bench.reference.name}))
    # Multi-task recipes and their ablations.
    configs = [c for c in args.configs.split(",") if c]
    for config in configs:
        for seed in seeds:
            entries.append(bench.run(config, seed, bench.job(CONFIGS[config], seed)))
    renamed = {STL: BUDGET_STL}
    rows = tuned_baselines(
        [row for entry in entries for row in rows_of(entry, bench.main, renamed.get(entry["config"]))]
    )
    document = results_document({}, rows, bench.main)
    chosen = max(
        (c for c in configs if c in document["validation_delta_m"]),
        key=lambda c: document["validation_delta_m"][c]["mean"],
        default=None,
    )
    if chosen:  # the recipe a sweep over them would pick: best on validation, reported on dev
        rows += [ResultRow(**{**asdict(r), "config": "sweep-best"}) for r in rows if r.config == chosen]

    # Auxiliary-task mode: each task as the target, with the partner chosen on validation.
    auxiliary: dict[str, Any] = {}
    if not args.no_auxiliary:
        for target in bench.main:
            metric = bench.main[target]
            candidates = {}
            for partner in (t for t in bench.main if t != target):
                entry = bench.run(f"aux-{target}+{partner}", seeds[0], bench.job(pair(target, partner), seeds[0]))
                entries.append(entry)
                rows += rows_of(entry, bench.main)
                candidates[partner] = entry["metrics"][f"selected/validation/{target}/{metric}"]
            partner = max(candidates, key=candidates.__getitem__)
            chosen_runs = [
                bench.run(f"aux-{target}+{partner}", seed, bench.job(pair(target, partner), seed)) for seed in seeds
            ]
            entries += chosen_runs[1:]
            rows += [row for e in chosen_runs[1:] for row in rows_of(e, bench.main)]
            name = f"aux-{target}"
            rows += [row for e in chosen_runs for row in rows_of(e, bench.main, name) if row.task == target]
            gain = paired_gain(rows, name, target, metric)
            stl_spread = [s[target] for s in scores_by_seed(rows, STL).values() if target in s]
            auxiliary[target] = {
                "partner": partner,
                "validation_by_partner": candidates,
                "gain_percent": asdict(gain) if gain else None,
                "stl_std": statistics.stdev(stl_spread) if len(stl_spread) > 1 else None,
            }

    grouping = grouping_check(rows, bench.main, seeds[0]) if not args.no_auxiliary else None
    plateaus = {f"{e['config']}/{e['tasks'][0]}/seed{e['seed']}": e["plateau"] for e in entries if "plateau" in e}
    budget_info = {
        "name": args.budget,
        "backbone": bench.reference.model.backbone,
        "batches_per_task": steps,
        "batch_size": bench.reference.trainer.batch_size,
        "seeds": seeds,
        "overrides": base,
        "selection": "checkpoint with the best validation mean (target: its validation score); dev reported",
        "plateau": {
            "fraction": PLATEAU_FRACTION,
            "tolerance": PLATEAU_TOLERANCE,
            "all_plateaued": all(p["plateaued"] for p in plateaus.values()),
            "baselines": plateaus,
        },
        "compute": compute(entries),
        "hardware": f"{os.cpu_count()} CPU cores",
    }
    extra = {"sweep_best": {"chosen": chosen, "on": "validation Δm"}, "auxiliary": auxiliary, "pairs": grouping}
    document = results_document(budget_info, rows, bench.main, extra)
    write_results(document, markdown(document, bench.main), args.output)
    console.print(markdown(document, bench.main))


def markdown(document: dict[str, Any], main: dict[str, str]) -> str:
    """quality.md: the budget, the table, the plateau verdicts, compute and the auxiliary part."""
    budget = document["budget"]
    plateau = budget["plateau"]
    lines = [
        f"# Multi-task against single-task training ({budget['name']})",
        "",
        f"{budget['backbone']}; {budget['batches_per_task']} batches of {budget['batch_size']} of every task on "
        f"both sides; seeds {budget['seeds']}; {budget['selection']}. Δm paired by seed "
        "(100% · mean over tasks of (M − B) / B), mean ± std [95% t-interval]. Written by bench/quality.py.",
        "",
        *markdown_table(document, main),
        "",
        f"`sweep-best` is `{document['sweep_best']['chosen']}`, chosen on validation Δm among the recipes above.",
        "",
        f"**Converged?** Each baseline's validation curve: best of the last {plateau['fraction']:.0%} of steps "
        f"minus best before, tolerance {plateau['tolerance']}: "
        + ("all plateaued." if plateau["all_plateaued"] else "NOT all plateaued; read the table with care:"),
        "",
        *(
            f"- {name}: {p['gain']:+.4f} ({'flat' if p['plateaued'] else 'still rising'})"
            for name, p in plateau["baselines"].items()
        ),
        "",
        "**Compute** (one seed): batches, wall seconds, parameters (STL: the sum of its models).",
        "",
        "| configuration | batches | seconds | parameters |",
        "|---|---|---|---|",
        *(
            f"| {c} | {v['batches_per_seed']:.0f} | {v['seconds_per_seed']:.0f} | {v['parameters']:,} |"
            for c, v in budget["compute"].items()
        ),
    ]
    if document["auxiliary"]:
        lines += [
            "",
            "**Auxiliary-task mode**: the target's gain (%) over its baseline, paired by seed, with the partner "
            "chosen on the target's validation score (first seed).",
            "",
            "| target | partner | validation score by partner | gain % [95% CI] | STL std |",
            "|---|---|---|---|---|",
        ]
        for target, found in document["auxiliary"].items():
            gain = found["gain_percent"]
            cell = (
                "–"
                if not gain
                else f"{gain['mean']:+.2f} ± {gain['std'] or 0:.2f}"
                + (f" [{gain['ci95'][0]:+.2f}, {gain['ci95'][1]:+.2f}]" if gain["ci95"] else "")
            )
            candidates = ", ".join(f"{p} {v:.4f}" for p, v in found["validation_by_partner"].items())
            spread = f"{found['stl_std']:.4f}" if found["stl_std"] is not None else "–"
            lines.append(f"| {target} | {found['partner']} | {candidates} | {cell} | {spread} |")
    if document["pairs"]:
        lines += grouping_markdown(document["pairs"], list(main), document["delta_m"])
    return "\n".join(lines) + "\n"


def _gain_cell(gains: dict[str, dict[str, float]], task: str, partner: str) -> str:
    return "–" if partner == task or partner not in gains.get(task, {}) else f"{gains[task][partner]:+.2f}"


def grouping_markdown(pairs: dict[str, Any], tasks: list[str], delta_m: dict[str, Any]) -> list[str]:
    """The pairwise gains and the groupings into pairs, beside all tasks together and each alone."""
    gains, seed = pairs["gain_percent"], pairs["seed"]
    together = {
        c: d["values"][d["seeds"].index(seed)]
        for c, d in delta_m.items()
        if (c in CONFIGS or c == "sweep-best") and seed in d["seeds"]
    }
    return [
        "",
        f"**Which tasks belong together?** (seed {seed}, one run each: read differences under the seeds' spread "
        "as none) Gain % of the row's task when trained with the column's task alone, over its baseline:",
        "",
        "| task | " + " | ".join(tasks) + " |",
        "|---|" + "---|" * len(tasks),
        *(f"| {t} | " + " | ".join(_gain_cell(gains, t, p) for p in tasks) + " |" for t in tasks),
        "",
        "Groupings (Δm %, seed "
        + str(seed)
        + "): "
        + "; ".join(
            " + ".join("{" + ", ".join(g) + "}" for g in entry["groups"]) + f" {entry['delta_m']:+.2f}"
            for entry in pairs["groupings"]
        )
        + "; all tasks together: "
        + ", ".join(f"{c} {v:+.2f}" for c, v in together.items())
        + "; each task alone: 0 (reference).",
    ]


if __name__ == "__main__":
    main()
