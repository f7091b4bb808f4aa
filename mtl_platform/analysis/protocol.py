"""The fair comparison of multi-task against single-task training (README: "Did multi-task
training help?"), as three checks a claim must pass:

- **converged**: a baseline's validation curve has plateaued: its best score in the last
  `fraction` of the steps beats its best before them by at most `tolerance` (a curve that falls
  at the end has converged too: it overfits, and selection on validation keeps the earlier step);
- **paired over seeds**: seed s of a configuration is compared with seed s of the baselines
  (same validation split, same data order), so Δm has one value a seed; their mean ± std, a
  Student-t 95% interval and the one-sample t-test against 0 say whether the change is more
  than the seeds' spread;
- **written down**: the rows (configuration, seed, task, metric, value, step) and the summaries
  go to one JSON document and its Markdown table, from the runs themselves.
"""

from __future__ import annotations

import json
import math
import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from scipy import stats

from mtl_platform.tracking.delta_m import delta_m, relative_gain

STL = "stl"
PLATEAU_FRACTION = 0.2
PLATEAU_TOLERANCE = 0.005  # in the metric's units: half a point of accuracy, F1 or Pearson


@dataclass(frozen=True)
class Plateau:
    """Whether a curve has stopped improving, and by how much its last steps still gained."""

    plateaued: bool
    gain: float  # best in the window minus best before it; in the metric's better direction
    window_start: int  # the first step of the window (the last `fraction` of the steps)
    tolerance: float


def plateau(
    curve: Sequence[tuple[int, float]],
    max_steps: int,
    higher_is_better: bool = True,
    fraction: float = PLATEAU_FRACTION,
    tolerance: float = PLATEAU_TOLERANCE,
) -> Plateau:
    """Check `curve` ((step, score) evaluations) for a plateau over the last `fraction` of
    `max_steps`; it needs an evaluation before that window and one inside it."""
    start = max_steps * (1 - fraction)
    sign = 1.0 if higher_is_better else -1.0
    before = [sign * v for s, v in curve if s < start]
    within = [sign * v for s, v in curve if s >= start]
    if not before or not within:
        raise ValueError(
            f"a plateau check over the last {fraction:.0%} of {max_steps} steps needs evaluations before and "
            f"after step {start:g}; got steps {[s for s, _ in curve]} (evaluate more often: trainer.eval_every)"
        )
    gain = max(within) - max(before)
    return Plateau(gain <= tolerance, gain, math.ceil(start), tolerance)


@dataclass(frozen=True)
class Summary:
    """One value a seed (Δm, or a target task's gain), and what they say together."""

    mean: float
    std: float | None  # None with one seed
    seeds: list[int]
    values: list[float]
    ci95: tuple[float, float] | None  # Student-t interval of the mean; None with one seed
    p_value: float | None  # two-sided one-sample t-test of mean = 0; None with one seed


def summarize(values: Mapping[int, float]) -> Summary:
    """Mean, std, t interval and t-test of per-seed values."""
    seeds = sorted(values)
    numbers = [values[s] for s in seeds]
    mean = statistics.fmean(numbers)
    if len(numbers) < 2:
        return Summary(mean, None, seeds, numbers, None, None)
    std = statistics.stdev(numbers)
    if std == 0:
        return Summary(mean, 0.0, seeds, numbers, (mean, mean), None)
    half = stats.t.ppf(0.975, len(numbers) - 1) * std / math.sqrt(len(numbers))
    p_value = float(stats.ttest_1samp(numbers, 0.0).pvalue)
    return Summary(mean, std, seeds, numbers, (mean - half, mean + half), p_value)


@dataclass(frozen=True)
class ResultRow:
    """One score of one run: what quality.json lists, one per configuration, seed and task."""

    config: str
    seed: int
    task: str
    metric: str
    value: float
    step: int
    split: str = "dev"


def scores_by_seed(rows: Sequence[ResultRow], config: str, split: str = "dev") -> dict[int, dict[str, float]]:
    found: dict[int, dict[str, float]] = defaultdict(dict)
    for row in rows:
        if row.config == config and row.split == split:
            found[row.seed][row.task] = row.value
    return dict(found)


def paired_delta_m(
    rows: Sequence[ResultRow], config: str, main_metrics: Mapping[str, str], split: str = "dev"
) -> Summary | None:
    """Δm of `config` against the `stl` rows, seed by seed, over the tasks `config` trained;
    None when no seed has both."""
    ours, reference = scores_by_seed(rows, config, split), scores_by_seed(rows, STL, split)
    per_seed = {}
    for seed, scores in ours.items():
        main = {t: main_metrics[t] for t in scores}
        if set(main) <= set(reference.get(seed, {})):
            per_seed[seed] = delta_m(scores, reference[seed], main)
    return summarize(per_seed) if per_seed else None


def paired_gain(rows: Sequence[ResultRow], config: str, task: str, metric: str, split: str = "dev") -> Summary | None:
    """`task`'s relative gain in `config` over its `stl` row, seed by seed (auxiliary-task mode)."""
    ours, reference = scores_by_seed(rows, config, split), scores_by_seed(rows, STL, split)
    per_seed = {
        seed: relative_gain(scores[task], reference[seed][task], metric, task)
        for seed, scores in ours.items()
        if task in scores and task in reference.get(seed, {})
    }
    return summarize(per_seed) if per_seed else None


def results_document(
    budget: Mapping[str, Any],
    rows: Sequence[ResultRow],
    main_metrics: Mapping[str, str],
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """quality.json: the budget, every row, and Δm (dev and validation) of every configuration
    that trained more than one task."""
    configs = list(dict.fromkeys(r.config for r in rows if r.config != STL))
    multi = [c for c in configs if len({r.task for r in rows if r.config == c}) > 1]
    document: dict[str, Any] = {"budget": dict(budget), "rows": [asdict(r) for r in rows], "delta_m": {}}
    for split, key in (("dev", "delta_m"), ("validation", "validation_delta_m")):
        summaries = {c: paired_delta_m(rows, c, main_metrics, split) for c in multi}
        document[key] = {c: asdict(s) for c, s in summaries.items() if s is not None}
    return {**document, **(extra or {})}


def _cell(summary: Mapping[str, Any] | None, digits: int = 2) -> str:
    if not summary:
        return "–"
    text = f"{summary['mean']:+.{digits}f}"
    if summary.get("std") is not None:
        text += f" ± {summary['std']:.{digits}f}"
    if summary.get("ci95"):
        low, high = summary["ci95"]
        text += f" [{low:+.{digits}f}, {high:+.{digits}f}]"
    return text


def _score(values: list[float]) -> str:
    if not values:
        return "–"
    text = f"{statistics.fmean(values):.4f}"
    return text + (f" ± {statistics.stdev(values):.4f}" if len(values) > 1 else "")


def markdown_table(document: Mapping[str, Any], main_metrics: Mapping[str, str]) -> list[str]:
    """Per configuration: each task's dev score (mean ± std over seeds), then Δm on dev with its
    95% interval and Δm on validation (what selection may look at)."""
    rows = [ResultRow(**r) for r in document["rows"]]
    tasks = list(main_metrics)
    header = ["configuration", "seeds", *(f"{t} {m}" for t, m in main_metrics.items()), "Δm % dev [95% CI]"]
    header.append("Δm % validation")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for config in dict.fromkeys(r.config for r in rows):
        by_seed = scores_by_seed(rows, config)
        cells = [_score([s[t] for s in by_seed.values() if t in s]) for t in tasks]
        delta = "0 (reference)" if config == STL else _cell(document["delta_m"].get(config))
        validation = "0" if config == STL else _cell(document.get("validation_delta_m", {}).get(config))
        lines.append("| " + " | ".join([config, str(len(by_seed)), *cells, delta, validation]) + " |")
    return lines


def write_results(document: Mapping[str, Any], markdown: str, directory: Path, name: str = "quality") -> list[Path]:
    """`name`.json and `name`.md in `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = [directory / f"{name}.json", directory / f"{name}.md"]
    paths[0].write_text(json.dumps(document, indent=1) + "\n")
    paths[1].write_text(markdown)
    return paths
