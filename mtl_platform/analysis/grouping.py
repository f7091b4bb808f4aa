"""Which tasks should share a model: groupings from an affinity matrix, and a sweep that trains them.

A grouping splits the tasks into k models (each task in one). Its score is the total affinity
between tasks that share a model: the sum of Z[i, j] over ordered pairs i != j in the same
group (a task alone adds nothing). Every grouping is scored (Bell(T) of them: 4140 for 8 tasks),
so the best is exact, not a heuristic; up to MAX_TASKS tasks (115,975 groupings, seconds).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Grouping = tuple[tuple[str, ...], ...]
MAX_TASKS = 10


@dataclass(frozen=True)
class ScoredGrouping:
    groups: Grouping
    score: float

    def label(self) -> str:
        return " | ".join("+".join(group) for group in self.groups)


def grouping_score(matrix: Sequence[Sequence[float | None]], tasks: list[str], groups: Grouping) -> float:
    """Pairs never measured together (None) count as 0."""
    where = {t: i for i, t in enumerate(tasks)}
    return sum(matrix[where[a]][where[b]] or 0.0 for group in groups for a in group for b in group if a != b)


def ranked_groupings(matrix: Sequence[Sequence[float | None]], tasks: list[str], k: int) -> list[ScoredGrouping]:
    """Every grouping into exactly k models, best first."""
    from sympy.utilities.iterables import multiset_partitions  # sympy comes with torch

    if not 1 <= k <= len(tasks):
        raise ValueError(f"cannot group {len(tasks)} tasks into {k} models")
    order = {t: i for i, t in enumerate(tasks)}
    scored = []
    for partition in multiset_partitions(list(tasks), k):
        # In the tasks' own order, within and between groups (sympy sorts them by name).
        groups = tuple(sorted((tuple(sorted(g, key=order.__getitem__)) for g in partition), key=lambda g: order[g[0]]))
        scored.append(ScoredGrouping(groups, grouping_score(matrix, tasks, groups)))
    return sorted(scored, key=lambda g: -g.score)


def suggest(matrix: Sequence[Sequence[float | None]], tasks: list[str], k: int | None = None) -> ScoredGrouping:
    """The best grouping into k models; without k, the best over every k (ties: fewer models)."""
    counts = [k] if k is not None else range(1, len(tasks) + 1)
    best = [ranked_groupings(matrix, tasks, count)[0] for count in counts]
    return max(best, key=lambda g: (g.score, -len(g.groups)))


def groupings_to_check(
    matrix: Sequence[Sequence[float | None]], tasks: list[str], suggested: ScoredGrouping, alternatives: int = 1
) -> list[ScoredGrouping]:
    """The suggestion, the runners-up with as many models, every task together and every task alone."""
    ranked = ranked_groupings(matrix, tasks, len(suggested.groups))
    others = [g for g in ranked if g.groups != suggested.groups][:alternatives]
    together = ScoredGrouping((tuple(tasks),), grouping_score(matrix, tasks, (tuple(tasks),)))
    alone = ScoredGrouping(tuple((t,) for t in tasks), 0.0)
    chosen: list[ScoredGrouping] = []
    for grouping in [suggested, *others, together, alone]:
        if grouping.groups not in [g.groups for g in chosen]:
            chosen.append(grouping)
    return chosen


def sweep_for(
    job_file: Path, sweep_file: Path, overrides: list[str], groupings: list[ScoredGrouping]
) -> dict[str, Any]:
    """A sweep with one trial per distinct group of the groupings (a grid over `only_tasks`), so
    Ray Tune trains each group once and `grouping_results` scores every grouping from them."""
    groups: list[list[str]] = []
    for grouping in groupings:
        for group in grouping.groups:
            if sorted(group) not in [sorted(g) for g in groups]:
                groups.append(list(group))
    job_path = Path(job_file).resolve()
    try:
        relative = job_path.relative_to(sweep_file.resolve().parent)
    except ValueError:
        relative = job_path
    return {
        "name": f"{job_path.stem}-groupings",
        "description": "Trains each group of these groupings (one trial a group): "
        + "; ".join(g.label() for g in groupings),
        "job": str(relative),
        "overrides": [*overrides, "affinity=null"],  # the groups' trials only train
        "search": {"only_tasks": {"type": "grid", "values": groups}},
        "tune": {"num_samples": 1, "metric": "dev/mean", "mode": "max", "search_alg": "random"},
    }


def grouping_results(
    groupings: list[ScoredGrouping], trials: list[tuple[list[str], dict[str, float]]], main: dict[str, str]
) -> list[dict[str, Any]]:
    """Each grouping's dev score per task (from the trial that trained the task's group) and their
    mean; `trials` are (only_tasks, final metrics) pairs. A task whose group has no trial is None."""
    by_group = {frozenset(group): metrics for group, metrics in trials}
    rows = []
    for grouping in groupings:
        scores: dict[str, float | None] = {}
        for group in grouping.groups:
            metrics = by_group.get(frozenset(group), {})
            for task in group:
                scores[task] = metrics.get(f"dev/{task}/{main[task]}")
        known = [v for v in scores.values() if v is not None]
        mean = sum(known) / len(known) if len(known) == len(scores) else None
        rows.append({"grouping": grouping.label(), "affinity": grouping.score, **scores, "mean": mean})
    return rows
