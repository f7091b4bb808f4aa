"""`mtl report`: the table that says whether training tasks together helped, from an experiment.

Rows are configurations: the single-task baselines (STL), each multi-task configuration that
was trained (by weighting method, sharing scheme and static weights), the best trial of
each sweep, and LoRA adapters merged after training (by merge method). Columns are each
task's main dev metric, their mean and Δm against STL, as mean ± std over the
configuration's runs (its seeds). Scores are those of the checkpoint each
run kept (selected/...; its last evaluation for runs without selection).
"""

from __future__ import annotations

import csv
import statistics
import tempfile
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from mlflow.entities import Run
from mlflow.tracking import MlflowClient
from rich.table import Table

from mtl_platform.config.task import TASK_TYPE_RULES
from mtl_platform.tracking.delta_m import BASELINE_TAG, delta_m, main_score
from mtl_platform.tracking.describe import MERGE_TAG
from mtl_platform.tracking.mlflow_store import create_run

REPORT_TAG = "mtl.report"
STL = "STL (single-task baselines)"
FORMULA = "Δm = 100% · (1/T) Σ_t s_t (M_t − B_t) / B_t, s_t = +1 if higher is better, −1 if lower"


@dataclass
class Row:
    """One configuration: the runs that trained it (one per seed) and their scores."""

    label: str
    runs: list[Run] = field(default_factory=list)
    scores: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))  # task -> one per run
    means: list[float] = field(default_factory=list)  # one per multi-task run
    delta_m: list[float] = field(default_factory=list)  # one per multi-task run


@dataclass
class Report:
    job: str
    main_metrics: dict[str, str]
    rows: list[Row]


def _label(run: Run) -> str:
    """A multi-task configuration, as a person reads it."""
    tags, params = run.data.tags, run.data.params
    if merge := tags.get(MERGE_TAG):  # tune/merge.py: the adapters of a LoRA run, merged after training
        return f"LoRA merged: {merge}" + (", best of search" if "mtl.trial_id" in tags else "")
    method = tags.get("mtl.weighting", params.get("weighting.method", "?"))
    label = f"MTL {method}"
    if method == "static":
        weights = sorted(
            (k.removeprefix("weighting.weights."), float(v))
            for k, v in params.items()
            if k.startswith("weighting.weights.")
        )
        label += " (" + ", ".join(f"{t}={w:.2f}" for t, w in weights) + ")"
    if (sharing := tags.get("mtl.sharing", "hard")) != "hard":
        label += f", {sharing}"
    if "mtl.trial_id" in tags:
        label += ", best of sweep"
    return label


def _is_configuration(tags: dict[str, str], job: str) -> bool:
    """A multi-task run of `job` that is a row's run: not a baseline, a report or a sweep's parent,
    and of a sweep's trials only the best."""
    if tags.get("mtl.job") != job or REPORT_TAG in tags or BASELINE_TAG in tags:
        return False
    if "mtl.trial_id" in tags:
        return tags.get("mtl.best") == "true"
    return "mtl.sweep" not in tags


def _main_metrics(runs: list[Run]) -> dict[str, str]:
    """Each task's main metric, from the tasks' types (and `main_metric`s) the runs logged as params."""
    found: dict[str, str] = {}
    for run in runs:
        params = run.data.params
        for key, value in params.items():
            if key.startswith("tasks.") and key.endswith(".type") and value in TASK_TYPE_RULES:
                chosen = params.get(key.removesuffix(".type") + ".main_metric")
                default = TASK_TYPE_RULES[value].main_metrics[0]
                found.setdefault(
                    key.split(".")[1], chosen if chosen in TASK_TYPE_RULES[value].main_metrics else default
                )
    return found


def jobs_in(client: MlflowClient, experiment_id: str) -> list[str]:
    """The multi-task jobs an experiment holds runs or baselines of."""
    runs = client.search_runs([experiment_id], "attributes.status = 'FINISHED'", max_results=5000)
    jobs = {r.data.tags.get(BASELINE_TAG, r.data.tags.get("mtl.job")) for r in runs if REPORT_TAG not in r.data.tags}
    return sorted(j for j in jobs if j)


def build_report(client: MlflowClient, experiment_id: str, job: str) -> Report:
    """The report of `job` from the finished runs of the experiment (sweep trials: only the best)."""
    runs = client.search_runs(
        [experiment_id], "attributes.status = 'FINISHED'", max_results=5000, order_by=["attributes.start_time ASC"]
    )
    baselines = [r for r in runs if r.data.tags.get(BASELINE_TAG) == job]
    multi = [r for r in runs if _is_configuration(r.data.tags, job)]
    main = _main_metrics(multi or baselines)
    stl = Row(STL, baselines)
    for run in baselines:
        task = run.data.tags.get("mtl.tasks", "")
        if task in main and (score := main_score(run.data.metrics, task, main[task])) is not None:
            stl.scores[task].append(score)
    reference = {t: statistics.fmean(v) for t, v in stl.scores.items()}
    rows: dict[str, Row] = {}
    for run in multi:
        found = {t: main_score(run.data.metrics, t, m) for t, m in main.items()}
        scores = {t: score for t, score in found.items() if score is not None}
        if len(scores) < len(found):
            continue
        row = rows.setdefault(_label(run), Row(_label(run)))
        row.runs.append(run)
        for task, score in scores.items():
            row.scores[task].append(score)
        row.means.append(statistics.fmean(scores.values()))
        if set(reference) == set(main) and all(reference.values()):
            row.delta_m.append(delta_m(scores, reference, main))
    ordered = sorted(rows.values(), key=lambda r: (r.label != "MTL equal", r.label))
    return Report(job, main, ([stl] if baselines else []) + ordered)


def _spread(values: list[float], digits: int = 4) -> str:
    if not values:
        return "–"
    mean = statistics.fmean(values)
    return f"{mean:.{digits}f}" + (f" ± {statistics.stdev(values):.{digits}f}" if len(values) > 1 else "")


def table_rows(report: Report) -> list[list[str]]:
    """Header and rows as text: per task, mean and Δm, each mean ± std over seeds."""
    tasks = list(report.main_metrics)
    header = ["configuration", "runs", *(f"{t} {m}" for t, m in report.main_metrics.items()), "mean", "Δm %"]
    lines = [header]
    for row in report.rows:
        stl = row.label == STL
        means = [statistics.fmean(row.scores[t]) for t in tasks] if stl and all(row.scores[t] for t in tasks) else []
        lines.append(
            [
                row.label,
                str(len(row.runs)),
                *(_spread(row.scores.get(t, [])) for t in tasks),
                _spread([statistics.fmean(means)] if stl and means else row.means),
                "0 (reference)" if stl else _spread(row.delta_m, 2),
            ]
        )
    return lines


def rich_table(report: Report) -> Table:
    """The table for a terminal."""
    lines = table_rows(report)
    table = Table(title=f"{report.job}: dev scores of the checkpoints kept, mean ± std over seeds")
    for column in lines[0]:
        table.add_column(column)
    for line in lines[1:]:
        table.add_row(*line)
    return table


def _learning_curves(client: MlflowClient, report: Report, path: Path) -> None:
    """Each task's main dev metric against the step, per configuration (mean over its runs)."""
    tasks = list(report.main_metrics)
    figure, axes = plt.subplots(1, len(tasks), figsize=(4.5 * len(tasks), 3.8), squeeze=False)
    for axis, task in zip(axes[0], tasks):
        key = f"dev/{task}/{report.main_metrics[task]}"
        for row in report.rows:
            runs = [r for r in row.runs if row.label != STL or r.data.tags.get("mtl.tasks") == task]
            by_step: dict[int, list[float]] = defaultdict(list)
            for run in runs:
                for metric in client.get_metric_history(run.info.run_id, key):
                    by_step[metric.step].append(metric.value)
            if by_step:
                steps = sorted(by_step)
                axis.plot(steps, [statistics.fmean(by_step[s]) for s in steps], marker=".", label=row.label)
        axis.set_title(key)
        axis.set_xlabel("step")
        axis.grid(alpha=0.3)
    axes[0][0].legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def write_report(client: MlflowClient, report: Report, directory: Path) -> list[Path]:
    """report.csv, report.md (with the Δm formula) and learning_curves.png in `directory`."""
    lines = table_rows(report)
    with open(directory / "report.csv", "w", newline="") as handle:
        csv.writer(handle).writerows(lines)
    markdown = [f"# {report.job}: multi-task against single-task training", "", f"`{FORMULA}`", ""]
    markdown += ["| " + " | ".join(line) + " |" for line in lines[:1]]
    markdown += ["|" + "---|" * len(lines[0])]
    markdown += ["| " + " | ".join(line) + " |" for line in lines[1:]]
    (directory / "report.md").write_text("\n".join(markdown) + "\n")
    _learning_curves(client, report, directory / "learning_curves.png")
    return [directory / name for name in ("report.csv", "report.md", "learning_curves.png")]


def log_report(client: MlflowClient, experiment: str, report: Report, output: Path | None = None) -> str:
    """Write the report (into `output` too, if given) and log it as a run of the experiment."""
    run_id = create_run(
        client,
        experiment,
        f"mtl-report-{report.job}-{uuid.uuid4().hex[:6]}",
        tags={REPORT_TAG: "true", "mtl.job": report.job, "mlflow.note.content": FORMULA},
    )
    with tempfile.TemporaryDirectory() as directory:
        for path in write_report(client, report, Path(directory)):
            client.log_artifact(run_id, str(path), "report")
            if output is not None:
                output.mkdir(parents=True, exist_ok=True)
                (output / path.name).write_bytes(path.read_bytes())
    client.set_terminated(run_id)
    return run_id
